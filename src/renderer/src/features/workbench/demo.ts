/**
 * Opening the demo workspace: the bundled snapshot (delivered by the host) is
 * stored in an already-created workspace with origin "demo", becomes its current
 * snapshot, and the app moves to its Overview, where the diagnosis starts.
 */
import type { Snapshot } from '../../../../shared/model/snapshot'
import { importSnapshot, type SnapshotRow } from '../../db'
import { DEFAULT_SERVICES, type WorkbenchServices } from './services'

export interface OpenDemoOptions {
  /** where to go afterwards, e.g. react-router's `navigate` */
  navigate: (path: string) => void | Promise<void>
  services?: Pick<WorkbenchServices, 'openDb' | 'now'>
}

/** Imports `snapshot` into workspace `workspaceId` as the demo and opens its Overview. */
export async function openDemoWorkspace(
  workspaceId: string,
  snapshot: Snapshot,
  { navigate, services = DEFAULT_SERVICES }: OpenDemoOptions,
): Promise<SnapshotRow> {
  const db = await services.openDb()
  const row = await importSnapshot(db, workspaceId, snapshot, 'demo', services.now())
  await navigate(`/w/${encodeURIComponent(workspaceId)}/overview`)
  return row
}
