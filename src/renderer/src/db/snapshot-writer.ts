/**
 * Writing a collection's snapshot as its batches arrive: a writer holds the run's lock (one
 * window writes a run), stores each batch with the counts and the run's position, so a
 * window reloaded during the run resumes where the stored records end, and finishes the
 * snapshot with the collector's own list of resources (an empty one as collected, records of
 * a resource that failed after some pages deleted). Only a complete snapshot, or a partial
 * one the consultant accepts, becomes current.
 */
import type { CollectionInfo, RawRecord, Source } from '../../../shared/model/snapshot'
import type { CrosswalkDb, SnapshotRow } from './schema'
import { batchChunks, deleteChunks } from './chunks'

export interface SnapshotStart {
  workspaceId: string
  origin: SnapshotRow['origin']
  tool: SnapshotRow['tool']
  entra?: SnapshotRow['entra']
  okta?: SnapshotRow['okta']
  createdAt: string
  id?: string
  /** the host's collection run this snapshot stores */
  runId?: string
}

export interface SnapshotFinish {
  collectedAt: string
  collection: CollectionInfo
  /** make a snapshot current even though `collection.complete` is false */
  acceptPartial?: boolean
  /**
   * The collector's records per "source.resource" (its `resources`): exactly these resources
   * are kept, an empty one as collected with 0 records; records of any other resource (one
   * that failed after some pages) are deleted. Fewer records stored than the collector read
   * means some were lost on the way, and the snapshot is not finished.
   */
  resources?: Readonly<Record<string, number>>
  /** a partial snapshot waits for the consultant's decision instead of staying aside */
  awaitDecision?: boolean
}

export interface SnapshotWriter {
  readonly id: string
  /** `runSeq`: the number of the run event this batch came from, stored with it */
  writeBatch: (
    source: Source,
    resource: string,
    records: readonly RawRecord[],
    parentId?: string,
    runSeq?: number,
  ) => Promise<void>
  finish: (finish: SnapshotFinish) => Promise<SnapshotRow>
  abort: (status: 'failed' | 'cancelled', reason: string) => Promise<void>
}

export async function beginSnapshot(
  db: CrosswalkDb,
  start: SnapshotStart,
): Promise<SnapshotWriter> {
  const id = start.id ?? crypto.randomUUID()
  const row: SnapshotRow = {
    id,
    workspaceId: start.workspaceId,
    status: 'collecting',
    collectedAt: start.createdAt,
    createdAt: start.createdAt,
    origin: start.origin,
    tool: start.tool,
    entra: start.entra,
    okta: start.okta,
    counts: {},
    ...(start.runId ? { runId: start.runId } : {}),
  }
  await db.snapshots.add(row)
  return snapshotWriter(db, row, await takeRunLock(id))
}

/**
 * The snapshot that stores a host's collection run: the one already begun for it (by this
 * window before a reload, or by another window), else a new one. Atomic, so two windows
 * attaching to the same run share one snapshot; write to it through `resumeSnapshot`.
 */
export async function claimRunSnapshot(
  db: CrosswalkDb,
  start: SnapshotStart & { runId: string },
): Promise<SnapshotRow> {
  return db.transaction('rw', db.snapshots, async () => {
    const existing = (await db.snapshots.where('workspaceId').equals(start.workspaceId).toArray())
      .filter((row) => row.runId === start.runId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]
    if (existing) return existing
    const row: SnapshotRow = {
      id: start.id ?? crypto.randomUUID(),
      workspaceId: start.workspaceId,
      status: 'collecting',
      collectedAt: start.createdAt,
      createdAt: start.createdAt,
      origin: start.origin,
      tool: start.tool,
      entra: start.entra,
      okta: start.okta,
      counts: {},
      runId: start.runId,
    }
    await db.snapshots.add(row)
    return row
  })
}

/**
 * A writer that continues a snapshot still being collected (a window reloaded during the
 * run): chunk numbers, record positions and counts go on from what is stored. Waits while
 * another window writes it (it holds the run's lock); rejects when the snapshot is no
 * longer being collected by then, or when `signal` aborts the wait.
 */
export async function resumeSnapshot(
  db: CrosswalkDb,
  snapshotId: string,
  signal?: AbortSignal,
): Promise<SnapshotWriter> {
  const release = await takeRunLock(snapshotId, signal)
  const row = await db.snapshots.get(snapshotId)
  if (row?.status !== 'collecting') {
    release()
    throw new Error(`This collection is no longer running (it is ${row?.status ?? 'gone'}).`)
  }
  return snapshotWriter(db, row, release)
}

function snapshotWriter(db: CrosswalkDb, row: SnapshotRow, release: () => void): SnapshotWriter {
  const { id, workspaceId } = row
  const counts: Record<string, number> = { ...row.counts }
  // seq numbers chunks, position numbers records (the key of a record without an id)
  let seq = row.nextChunk ?? 0
  let position = Object.values(counts).reduce((n, c) => n + c, 0)

  return {
    id,
    writeBatch: async (source, resource, records, parentId, runSeq) => {
      const pairs = batchChunks(id, source, resource, records, parentId, position, seq)
      const key = `${source}.${resource}`
      const nextCounts = { ...counts, [key]: (counts[key] ?? 0) + records.length }
      await db.transaction('rw', db.chunks, db.lookups, db.snapshots, async () => {
        await assertCollecting(db, id)
        if (pairs.length > 0) {
          await db.chunks.bulkPut(pairs.map((p) => p.chunk))
          await db.lookups.bulkPut(pairs.map((p) => p.lookup))
        }
        // What is stored so far travels with the records, so a resumed writer starts from it.
        await db.snapshots.update(id, {
          counts: nextCounts,
          nextChunk: seq + pairs.length,
          ...(runSeq !== undefined ? { runSeq } : {}),
        })
      })
      position += records.length
      seq += pairs.length
      counts[key] = nextCounts[key]!
    },
    finish: async ({ collectedAt, collection, acceptPartial, resources, awaitDecision }) =>
      db
        .transaction('rw', db.snapshots, db.workspaces, db.chunks, db.lookups, async () => {
          await assertCollecting(db, id)
          const kept = resources ? await keepOnly(db, id, counts, resources) : counts
          const status = collection.complete ? 'complete' : 'partial'
          const current = collection.complete || acceptPartial === true
          await db.snapshots.update(id, {
            status,
            collectedAt,
            collection,
            counts: kept,
            pendingDecision: !current && status === 'partial' && awaitDecision === true,
          })
          if (current) await db.workspaces.put({ id: workspaceId, currentSnapshotId: id })
          return (await db.snapshots.get(id))!
        })
        .finally(release),
    abort: async (status, reason) => {
      await db
        .transaction('rw', db.snapshots, db.chunks, db.lookups, async () => {
          await db.snapshots.update(id, { status, reason, counts })
          await deleteChunks(db, id)
        })
        .finally(release)
    },
  }
}

/**
 * The counts of the resources the collector reported, after deleting the records of any
 * other resource; throws when fewer records are stored than the collector read.
 */
async function keepOnly(
  db: CrosswalkDb,
  id: string,
  counts: Readonly<Record<string, number>>,
  resources: Readonly<Record<string, number>>,
): Promise<Record<string, number>> {
  const short = Object.entries(resources).filter(([key, n]) => (counts[key] ?? 0) < n)
  if (short.length > 0) {
    const [key, n] = short[0]!
    throw new Error(
      `Records were lost on the way to the cache: ${key} has ${counts[key] ?? 0} of ${n}.`,
    )
  }
  const kept: Record<string, number> = {}
  for (const key of Object.keys(counts)) {
    if (key in resources) continue
    const [source, resource] = key.split('.') as [Source, string]
    await deleteChunks(db, id, { source, resource })
  }
  for (const key of Object.keys(resources)) kept[key] = counts[key] ?? 0
  return kept
}

const RUN_LOCK_PREFIX = 'crosswalk-run:'

/**
 * Another window may be writing a run right now (browser mode allows several
 * tabs): the window writing a run holds a Web Lock for it, so recovery can tell a
 * live run from one a crash cut off, and a second window never writes the same
 * run. Resolves with the release once the lock is granted. Where Web Locks are
 * missing, the lock is granted at once and every unfinished run counts as cut off.
 */
function takeRunLock(id: string, signal?: AbortSignal): Promise<() => void> {
  const locks = globalThis.navigator?.locks
  if (!locks) return Promise.resolve(() => undefined)
  return new Promise((resolve, reject) => {
    locks
      .request(`${RUN_LOCK_PREFIX}${id}`, signal ? { signal } : {}, () => {
        let release = () => undefined as void
        const held = new Promise<void>((done) => (release = done))
        resolve(release)
        return held
      })
      .catch(reject)
  })
}

/** The snapshot ids whose run some window holds the lock of. */
export async function heldRunLocks(): Promise<Set<string>> {
  const snapshot = await globalThis.navigator?.locks?.query()
  const names = (snapshot?.held ?? []).map((lock) => lock.name ?? '')
  return new Set(
    names.filter((n) => n.startsWith(RUN_LOCK_PREFIX)).map((n) => n.slice(RUN_LOCK_PREFIX.length)),
  )
}

async function assertCollecting(db: CrosswalkDb, id: string) {
  const row = await db.snapshots.get(id)
  if (row?.status !== 'collecting') {
    throw new Error(`This collection is no longer running (it is ${row?.status ?? 'gone'}).`)
  }
}
