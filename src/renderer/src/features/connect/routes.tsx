import type { RouteObject } from 'react-router'
import { ConnectScreen } from './connect-screen'

/** The Connect screen of one workspace: `/w/:workspaceId/connect` (relative, for the root's children). */
export const CONNECT_ROUTES: RouteObject[] = [
  { path: 'w/:workspaceId/connect', element: <ConnectScreen /> },
]
