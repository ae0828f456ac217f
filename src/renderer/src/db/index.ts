/**
 * The app's one cache database. Opened lazily; on first open, collection runs
 * that a crash, a closed window or a restarted host cut off are marked
 * interrupted, so they can never be mistaken for the current snapshot. A run
 * the host still holds is left alone: the window attaches to it again.
 */
import { invoke } from '../api'
import { CrosswalkDb } from './schema'
import { recoverInterruptedRuns } from './snapshots'

export const DB_NAME = 'crosswalk'

let opened: Promise<CrosswalkDb> | undefined

export function getDb(): Promise<CrosswalkDb> {
  opened ??= (async () => {
    const db = new CrosswalkDb(DB_NAME)
    await db.open()
    const held = await invoke('collect:runs', undefined)
    // Without the host's answer a live run cannot be told from a dead one: leave both for now.
    if (held.ok) await recoverInterruptedRuns(db, new Set(held.value.map((run) => run.runId)))
    return db
  })()
  return opened
}

export * from './schema'
export * from './snapshots'
export * from './findings'
export * from './history'
