import { NavLink, useMatch } from 'react-router'
import { useAppData } from '../../app-data'
import { WORKBENCH_SCREENS } from './workbench-routes-meta'

/**
 * The open workspace's screens, for the sidebar; renders nothing outside a
 * workspace. Uses the app's sidebar classes so it sits under the main links.
 */
export function WorkbenchNav() {
  const match = useMatch('/w/:workspaceId/*')
  const { workspaces } = useAppData()
  const workspaceId = match?.params.workspaceId
  if (!workspaceId) return null
  const name = workspaces.find((w) => w.id === workspaceId)?.name ?? 'Workspace'
  return (
    <div className="wb-nav" role="group" aria-labelledby="wb-nav-title">
      <p id="wb-nav-title" className="wb-nav__title" title={name}>
        {name}
      </p>
      <ul>
        {WORKBENCH_SCREENS.map((screen) => (
          <li key={screen.path}>
            <NavLink to={`/w/${workspaceId}/${screen.path}`} className="app-nav__link">
              {screen.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  )
}
