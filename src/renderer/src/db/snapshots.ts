/**
 * Snapshot repository: writes a collection's batches as they stream in, makes a
 * snapshot current only when it is complete (or a partial one is accepted),
 * and never lets a failed, cancelled or interrupted run replace the last good
 * snapshot. Also imports whole snapshot files and reassembles a snapshot for
 * the diagnosis worker and exports.
 */
import {
  ENTRA_RESOURCES,
  KEYED_RESOURCES,
  OKTA_RESOURCES,
  SINGLE_RESOURCES,
  type CollectionInfo,
  type RawRecord,
  type Snapshot,
  type Source,
} from '../../../shared/model/snapshot'
import type { CrosswalkDb, SnapshotRow } from './schema'
import { batchChunks, deleteChunks, parsedChunks, type ParsedChunk } from './chunks'

export { WRITE_CHUNK } from './chunks'

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

/** Makes an already-finished partial snapshot current, at the consultant's explicit request. */
export async function acceptPartialSnapshot(db: CrosswalkDb, snapshotId: string): Promise<void> {
  await db.transaction('rw', db.snapshots, db.workspaces, async () => {
    const row = await db.snapshots.get(snapshotId)
    if (!row || row.status !== 'partial')
      throw new Error('Only a finished partial snapshot can be accepted.')
    await db.snapshots.update(snapshotId, { pendingDecision: false })
    await db.workspaces.put({ id: row.workspaceId, currentSnapshotId: snapshotId })
  })
}

/** Keeps a partial snapshot that awaited a decision, without making it current. */
export async function keepPartialAside(db: CrosswalkDb, snapshotId: string): Promise<void> {
  await db.snapshots.update(snapshotId, { pendingDecision: false })
}

/** A workspace's partial snapshot that awaits the consultant's decision, newest first. */
export async function pendingPartial(
  db: CrosswalkDb,
  workspaceId: string,
): Promise<SnapshotRow | undefined> {
  const rows = await db.snapshots.where('workspaceId').equals(workspaceId).toArray()
  return rows
    .filter((r) => r.status === 'partial' && r.pendingDecision === true)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
}

/**
 * Deletes a snapshot that is not current (a discarded partial, an interrupted, failed or
 * cancelled run), with its records and findings. The current snapshot cannot be deleted.
 */
export async function deleteSnapshot(db: CrosswalkDb, snapshotId: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.workspaces, db.snapshots, db.chunks, db.lookups, db.findings],
    async () => {
      const row = await db.snapshots.get(snapshotId)
      if (!row) return
      if (row.status === 'collecting') throw new Error('A running collection cannot be deleted.')
      const pointer = await db.workspaces.get(row.workspaceId)
      if (pointer?.currentSnapshotId === snapshotId)
        throw new Error('The current snapshot cannot be deleted.')
      await deleteChunks(db, snapshotId)
      await db.findings.where('snapshotId').equals(snapshotId).delete()
      await db.snapshots.delete(snapshotId)
    },
  )
}

/**
 * A run still marked `collecting` when the app starts was cut off (crash, closed
 * window, restarted host): mark it interrupted and free its records. Not when another
 * window is writing it (it holds the run's lock) or the host still holds its run
 * (`hostRuns`, run ids): a reloaded window resumes that one. The current pointer never
 * moved to it, so the last good snapshot stays current.
 */
export async function recoverInterruptedRuns(
  db: CrosswalkDb,
  hostRuns: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const running = await heldRunLocks()
  const stale = (await db.snapshots.where('status').equals('collecting').toArray())
    .filter((row) => !running.has(row.id) && !(row.runId && hostRuns.has(row.runId)))
    .map((row) => row.id)
  for (const id of stale) {
    await db.transaction('rw', db.snapshots, db.chunks, db.lookups, async () => {
      await db.snapshots.update(id, {
        status: 'interrupted',
        reason: 'The collection stopped before it finished.',
      })
      await deleteChunks(db, id)
    })
  }
  return stale
}

/** Stores a whole snapshot (a file import or the demo) and makes it current. */
export async function importSnapshot(
  db: CrosswalkDb,
  workspaceId: string,
  snapshot: Snapshot,
  origin: 'imported' | 'demo',
  createdAt: string,
): Promise<SnapshotRow> {
  const writer = await beginSnapshot(db, {
    workspaceId,
    origin,
    tool: snapshot.tool,
    entra: snapshot.entra && { tenantId: snapshot.entra.tenantId, cloud: snapshot.entra.cloud },
    okta: snapshot.okta && { orgUrl: snapshot.okta.orgUrl },
    createdAt,
  })
  try {
    for (const source of ['entra', 'okta'] as const) {
      const side = snapshot[source] as Record<string, unknown> | undefined
      if (!side) continue
      for (const resource of resourcesOf(source)) {
        const value = side[resource]
        if (value === undefined) continue
        if (KEYED_RESOURCES[source].includes(resource)) {
          // An empty batch records that the resource was collected even when it has no parents.
          await writer.writeBatch(source, resource, [])
          for (const [parentId, records] of Object.entries(value as Record<string, RawRecord[]>)) {
            await writer.writeBatch(source, resource, records, parentId)
          }
        } else if (SINGLE_RESOURCES[source].includes(resource)) {
          await writer.writeBatch(source, resource, [value as RawRecord])
        } else {
          await writer.writeBatch(source, resource, value as RawRecord[])
        }
      }
    }
    return await writer.finish({
      collectedAt: snapshot.collectedAt,
      collection: snapshot.collection,
      acceptPartial: true,
    })
  } catch (error) {
    await writer.abort('failed', error instanceof Error ? error.message : String(error))
    throw error
  }
}

/** Reassembles a stored snapshot in the file contract's shape. */
export async function loadSnapshot(db: CrosswalkDb, snapshotId: string): Promise<Snapshot> {
  const row = await db.snapshots.get(snapshotId)
  if (!row || !row.collection) throw new Error('That snapshot is not stored, or never finished.')
  const snapshot: Snapshot = {
    format: 'crosswalk.snapshot',
    version: 1,
    collectedAt: row.collectedAt,
    tool: row.tool,
    collection: row.collection,
  }
  if (row.entra)
    snapshot.entra = { tenantId: row.entra.tenantId, cloud: row.entra.cloud as 'global' }
  if (row.okta) snapshot.okta = { orgUrl: row.okta.orgUrl }
  // Reads along the primary key (resource by resource, chunks in arrival order), one
  // JSON.parse per chunk: a 200k-record snapshot is a few dozen long strings to clone.
  const byResource = new Map<string, ParsedChunk[]>()
  for (const chunk of await parsedChunks(db, snapshotId)) {
    const key = `${chunk.source}.${chunk.resource}`
    const list = byResource.get(key)
    if (list) list.push(chunk)
    else byResource.set(key, [chunk])
  }
  for (const source of ['entra', 'okta'] as const) {
    const side = snapshot[source] as Record<string, unknown> | undefined
    if (!side) continue
    for (const resource of resourcesOf(source)) {
      const chunks = byResource.get(`${source}.${resource}`) ?? []
      if (chunks.length === 0 && row.counts[`${source}.${resource}`] === undefined) continue
      const value = assembleResource(source, resource, chunks)
      if (value !== undefined) side[resource] = value
    }
  }
  return snapshot
}

/**
 * One resource's value in the file contract's shape from its chunks in arrival
 * order: records keyed by parent, the single record, or the list.
 */
export function assembleResource(
  source: Source,
  resource: string,
  chunks: readonly ParsedChunk[],
): unknown {
  if (KEYED_RESOURCES[source].includes(resource)) {
    const byParent: Record<string, RawRecord[]> = {}
    for (const chunk of chunks) {
      const list = (byParent[chunk.parentId ?? ''] ??= [])
      for (const record of chunk.records) list.push(record)
    }
    return byParent
  }
  if (SINGLE_RESOURCES[source].includes(resource)) return chunks[0]?.records[0]
  if (chunks.length === 1) return chunks[0]!.records
  const list: RawRecord[] = []
  for (const chunk of chunks) for (const record of chunk.records) list.push(record)
  return list
}

/** The snapshot a workspace's screens show, if any. */
export async function currentSnapshot(
  db: CrosswalkDb,
  workspaceId: string,
): Promise<SnapshotRow | undefined> {
  const pointer = await db.workspaces.get(workspaceId)
  return pointer?.currentSnapshotId ? db.snapshots.get(pointer.currentSnapshotId) : undefined
}

/** Deletes everything cached for a workspace: snapshots, their chunks and lookups, findings and finding states. */
export async function removeWorkspaceData(db: CrosswalkDb, workspaceId: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.workspaces, db.snapshots, db.chunks, db.lookups, db.findings, db.findingStates],
    async () => {
      const ids = await db.snapshots.where('workspaceId').equals(workspaceId).primaryKeys()
      for (const id of ids) {
        await deleteChunks(db, id)
        await db.findings.where('snapshotId').equals(id).delete()
      }
      await db.snapshots.bulkDelete(ids)
      await db.findingStates.where('workspaceId').equals(workspaceId).delete()
      await db.workspaces.delete(workspaceId)
    },
  )
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

async function heldRunLocks(): Promise<Set<string>> {
  const snapshot = await globalThis.navigator?.locks?.query()
  const names = (snapshot?.held ?? []).map((lock) => lock.name ?? '')
  return new Set(
    names.filter((n) => n.startsWith(RUN_LOCK_PREFIX)).map((n) => n.slice(RUN_LOCK_PREFIX.length)),
  )
}

function resourcesOf(source: Source): readonly string[] {
  return source === 'entra' ? ENTRA_RESOURCES : OKTA_RESOURCES
}

async function assertCollecting(db: CrosswalkDb, id: string) {
  const row = await db.snapshots.get(id)
  if (row?.status !== 'collecting') {
    throw new Error(`This collection is no longer running (it is ${row?.status ?? 'gone'}).`)
  }
}
