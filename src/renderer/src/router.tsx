import { createHashRouter, redirect, useLocation, useRouteError, type RouteObject } from 'react-router'
import { AppShell, screenLabel } from './components/app-shell'
import { ErrorPanel } from './components/error-boundary'
import { AboutScreen } from './features/about/about-screen'
import { WorkspacesScreen } from './features/workspaces/workspaces-screen'

function RouteError() {
  const error = useRouteError()
  const location = useLocation()
  return <ErrorPanel screen={screenLabel(location.pathname)} error={error} />
}

function NotFound() {
  const location = useLocation()
  return (
    <section className="screen">
      <h1>Not found</h1>
      <p>
        There is no screen at <code>{location.pathname}</code>. Use the navigation on the left.
      </p>
    </section>
  )
}

export const ROUTES: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      // A loader redirect settles before the first render, so "ready" never precedes the screen.
      { index: true, loader: () => redirect('/workspaces') },
      { path: 'workspaces', element: <WorkspacesScreen /> },
      { path: 'about', element: <AboutScreen /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]

/** Hash routing works the same under file:// (Electron) and http:// (browser mode). */
export function createAppRouter() {
  return createHashRouter(ROUTES)
}
