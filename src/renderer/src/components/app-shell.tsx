import { useEffect, useState, type MouseEvent } from 'react'
import { Button } from 'react-aria-components'
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { useAppData } from '../app-data'
import { attachHeldRuns } from '../features/collect/use-collect-run'
import { WorkbenchNav, workbenchScreenLabel } from '../features/workbench/workbench-routes'
import { ErrorBoundary, ErrorPanel } from './error-boundary'
import { ShortcutsDialog } from './shortcuts-dialog'
import { ThemeToggle } from './theme-toggle'
import { useShortcut } from './use-shortcut'

/** Screens reachable from the sidebar; only screens that exist are listed. */
export const SCREENS: readonly { path: string; label: string }[] = [
  { path: '/workspaces', label: 'Workspaces' },
  { path: '/about', label: 'About' },
]

export function screenLabel(pathname: string): string {
  return (
    SCREENS.find((s) => pathname.startsWith(s.path))?.label ??
    workbenchScreenLabel(pathname) ??
    'this screen'
  )
}

/**
 * Which screen a path shows: the workspace screen without what follows it (a finding's id),
 * so opening a finding keeps the Findings screen, its list and where it was scrolled, while
 * moving to another screen starts that screen afresh (and clears a screen's error).
 */
export function screenKey(pathname: string): string {
  return /^\/w\/[^/]+\/[^/]+/.exec(pathname)?.[0] ?? pathname
}

/** Header, sidebar and the routed screen; carries `data-app-state` for tests and tooling. */
export function AppShell() {
  const { status, error, info } = useAppData()
  const location = useLocation()
  const navigate = useNavigate()
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  useShortcut('?', () => setShortcutsOpen(true))
  useShortcut(['g', 'w'], () => void navigate('/workspaces'))
  useShortcut(['g', 'a'], () => void navigate('/about'))
  // Runs the host is still doing (this window was reloaded) go on being stored from here.
  useEffect(() => {
    if (status === 'ready') void attachHeldRuns()
  }, [status])

  return (
    <div className="app" data-app-state={status}>
      <a className="skip-link" href="#main-content" onClick={focusMain}>
        Skip to content
      </a>
      <header className="app-header">
        <span className="app-header__name">Crosswalk</span>
        {info && (
          <span className="app-header__meta">
            {info.host === 'browser' ? 'Browser mode' : 'Desktop'}
          </span>
        )}
        <span className="app-header__spacer" />
        <Button
          className="button button--quiet"
          onPress={() => setShortcutsOpen(true)}
          aria-keyshortcuts="?"
        >
          Shortcuts <kbd className="kbd">?</kbd>
        </Button>
        <ThemeToggle />
      </header>
      <nav className="app-nav" aria-label="Main">
        <ul>
          {SCREENS.map((screen) => (
            <li key={screen.path}>
              <NavLink to={screen.path} className="app-nav__link">
                {screen.label}
              </NavLink>
            </li>
          ))}
        </ul>
        <WorkbenchNav />
      </nav>
      <main id="main-content" className="app-main" tabIndex={-1}>
        {status === 'loading' && (
          <p className="muted" role="status">
            Loading…
          </p>
        )}
        {status === 'error' && (
          <ErrorPanel
            screen="starting Crosswalk"
            error={new Error(error?.message ?? 'Unknown error.')}
          />
        )}
        {status === 'ready' && (
          <ErrorBoundary key={screenKey(location.pathname)} screen={screenLabel(location.pathname)}>
            <Outlet />
          </ErrorBoundary>
        )}
      </main>
      <ShortcutsDialog isOpen={shortcutsOpen} onOpenChange={setShortcutsOpen} />
    </div>
  )
}

function focusMain(event: MouseEvent<HTMLAnchorElement>) {
  // The hash router owns the URL fragment, so the skip link moves focus itself.
  event.preventDefault()
  document.getElementById('main-content')?.focus()
}
