/** The workspace screens, in sidebar order; paths are relative to `/w/:workspaceId`. */
export const WORKBENCH_SCREENS: readonly { path: string; label: string; shortcut: string }[] = [
  { path: 'overview', label: 'Overview', shortcut: 'o' },
  { path: 'findings', label: 'Findings', shortcut: 'f' },
  { path: 'people', label: 'People', shortcut: 'p' },
  { path: 'groups', label: 'Groups', shortcut: 'm' },
  { path: 'integration', label: 'Integration', shortcut: 'n' },
  { path: 'charts', label: 'Charts', shortcut: 'r' },
  { path: 'inspector', label: 'Inspector', shortcut: 'i' },
  { path: 'connect', label: 'Connect', shortcut: 'c' },
  { path: 'collect', label: 'Collect', shortcut: 'l' },
  { path: 'snapshots', label: 'Snapshots', shortcut: 's' },
  { path: 'history', label: 'History', shortcut: 'h' },
  { path: 'documents', label: 'Documents', shortcut: 'd' },
]

/** The label of the workspace screen at `pathname`, for error panels; undefined elsewhere. */
export function workbenchScreenLabel(pathname: string): string | undefined {
  const m = /^\/w\/[^/]+\/([^/]+)/.exec(pathname)
  return WORKBENCH_SCREENS.find((s) => s.path === m?.[1])?.label
}
