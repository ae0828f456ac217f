/**
 * The demo workspace's snapshot, bundled with the app: the emulator's `broken`
 * tenant pair as the real connectors collect it (see scripts/make-demo.ts). A
 * newcomer sees real findings within seconds, with no credentials.
 */
import path from 'node:path'
import type { Snapshot } from '../shared/model/snapshot'
import { HandlerError } from './ipc/handler-error'
import type { Logger } from './log'
import { readSnapshotFile, SnapshotFileError } from './snapshot-file'

/** Where the demo lives below the resources folder. */
export const DEMO_SNAPSHOT_PATH = path.join('demo', 'demo.snapshot.json.gz')

export async function loadDemoSnapshot(
  resourcesDir: string | undefined,
  log: Logger,
): Promise<Snapshot> {
  if (!resourcesDir)
    throw new HandlerError('unavailable', 'This build does not bundle the demo snapshot.')
  const file = path.join(resourcesDir, DEMO_SNAPSHOT_PATH)
  try {
    return await readSnapshotFile(file)
  } catch (error) {
    log.error('demo.unreadable', { file, error })
    const reason = error instanceof SnapshotFileError ? ' It is damaged; reinstall Crosswalk.' : ''
    throw new HandlerError('unavailable', `The demo snapshot could not be read.${reason}`)
  }
}
