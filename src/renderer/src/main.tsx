import '../../shared/validation/configure-zod'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ensureApi } from './api'
import { App } from './app'
import { applyTheme, storedTheme } from './theme'
import './styles/base.css'
import './styles/components.css'

const stored = storedTheme(window.localStorage)
if (stored) applyTheme(document.documentElement, stored)

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element.')

ensureApi()
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
