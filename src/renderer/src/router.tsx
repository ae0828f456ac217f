import {
  Navigate,
  createHashRouter,
  useLocation,
  useRouteError,
  type RouteObject,
} from 'react-router'
import { AppShell, screenLabel } from './components/app-shell'
import { ErrorPanel } from './components/error-boundary'
import { AboutScreen } from './features/about/about-screen'
import { WorkspacesScreen } from './features/workspaces/workspaces-screen'
import { WORKBENCH_ROUTES } from './features/workbench/workbench-routes'

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

const HOME = '/workspaces'

export const ROUTES: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to={HOME} replace /> },
      { path: 'workspaces', element: <WorkspacesScreen /> },
      { path: 'about', element: <AboutScreen /> },
      ...WORKBENCH_ROUTES,
      { path: '*', element: <NotFound /> },
    ],
  },
]

/**
 * Hash routing works the same under crosswalk:// (Electron) and http:// (browser mode).
 * A bare start address is pointed at the home screen before the router exists, so
 * the first render is already the screen (no redirect frame after "ready").
 */
export function createAppRouter(win: Pick<Window, 'location' | 'history'> = window) {
  if (['', '#', '#/'].includes(win.location.hash)) {
    win.history.replaceState(
      win.history.state,
      '',
      `${win.location.pathname}${win.location.search}#${HOME}`,
    )
  }
  return createHashRouter(ROUTES)
}
