import { Navigate, type RouteObject } from 'react-router'
import { CollectScreen } from '../collect/collect-screen'
import { ConnectScreen } from '../connect/connect-screen'
import { DocumentsScreen } from '../documents/documents-screen'
import { FindingsScreen } from '../findings/findings-screen'
import { HistoryScreen } from '../history/history-screen'
import { InspectorScreen } from '../inspector/inspector-screen'
import { OverviewScreen } from '../overview/overview-screen'
import { PeopleScreen } from '../people/people-screen'
import { GroupsScreen } from '../groups/groups-screen'
import { IntegrationScreen } from '../integration/integration-screen'
import { ChartsScreen } from '../charts/charts-screen'
import { SnapshotsScreen } from '../snapshots/snapshots-screen'
import { WorkbenchLayout } from './workbench-layout'

export { WorkbenchNav } from './workbench-nav'
export { WORKBENCH_SCREENS, workbenchScreenLabel } from './workbench-routes-meta'

/**
 * The workspace screens under `/w/:workspaceId`. Relative paths: spread them
 * into the children of the root route, before the catch-all.
 */
export const WORKBENCH_ROUTES: RouteObject[] = [
  {
    path: 'w/:workspaceId',
    element: <WorkbenchLayout />,
    children: [
      { index: true, element: <Navigate to="overview" replace /> },
      { path: 'overview', element: <OverviewScreen /> },
      // one route with an optional id: opening a finding keeps the list (its scroll, its pages)
      { path: 'findings/:findingId?', element: <FindingsScreen /> },
      { path: 'people', element: <PeopleScreen /> },
      { path: 'groups', element: <GroupsScreen /> },
      { path: 'integration', element: <IntegrationScreen /> },
      { path: 'charts', element: <ChartsScreen /> },
      { path: 'inspector', element: <InspectorScreen /> },
      { path: 'connect', element: <ConnectScreen /> },
      { path: 'collect', element: <CollectScreen /> },
      { path: 'snapshots', element: <SnapshotsScreen /> },
      { path: 'history', element: <HistoryScreen /> },
      { path: 'documents', element: <DocumentsScreen /> },
    ],
  },
]
