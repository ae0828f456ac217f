/**
 * The app's one cache database. Opened lazily; on first open, collection runs
 * that a crash or a closed window cut off are marked interrupted, so they can
 * never be mistaken for the current snapshot.
 */
import { CrosswalkDb } from './schema'
import { recoverInterruptedRuns } from './snapshots'

export const DB_NAME = 'crosswalk'

let opened: Promise<CrosswalkDb> | undefined

export function getDb(): Promise<CrosswalkDb> {
  opened ??= (async () => {
    const db = new CrosswalkDb(DB_NAME)
    await db.open()
    await recoverInterruptedRuns(db)
    return db
  })()
  return opened
}

export * from './schema'
export * from './snapshots'
export * from './findings'
