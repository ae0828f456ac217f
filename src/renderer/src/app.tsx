import { RouterProvider } from 'react-router'
import { useState } from 'react'
import { AppDataProvider } from './app-data'
import { ErrorBoundary } from './components/error-boundary'
import { createAppRouter } from './router'

export function App() {
  const [router] = useState(createAppRouter)
  return (
    <ErrorBoundary screen="the application">
      <AppDataProvider>
        <RouterProvider router={router} />
      </AppDataProvider>
    </ErrorBoundary>
  )
}
