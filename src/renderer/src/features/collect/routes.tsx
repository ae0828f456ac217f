import type { RouteObject } from 'react-router'
import { CollectScreen } from './collect-screen'

/** The Collect screen of one workspace: `/w/:workspaceId/collect` (relative, for the root's children). */
export const COLLECT_ROUTES: RouteObject[] = [
  { path: 'w/:workspaceId/collect', element: <CollectScreen /> },
]
