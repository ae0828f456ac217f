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
}

export interface SnapshotFinish {
  collectedAt: string
  collection: CollectionInfo
  /** make a snapshot current even though `collection.complete` is false */
  acceptPartial?: boolean
}

export interface SnapshotWriter {
  readonly id: string
  writeBatch: (
    source: Source,
    resource: string,
    records: readonly RawRecord[],
    parentId?: string,
  ) => Promise<void>
  finish: (finish: SnapshotFinish) => Promise<SnapshotRow>
  abort: (status: 'failed' | 'cancelled', reason: string) => Promise<void>
}

export async function beginSnapshot(
  db: CrosswalkDb,
  start: SnapshotStart,
): Promise<SnapshotWriter> {
  const id = start.id ?? crypto.randomUUID()
  const counts: Record<string, number> = {}
  await db.snapshots.add({
    id,
    workspaceId: start.workspaceId,
    status: 'collecting',
    collectedAt: start.createdAt,
    createdAt: start.createdAt,
    origin: start.origin,
    tool: start.tool,
    entra: start.entra,
    okta: start.okta,
    counts,
  })
  // seq numbers chunks, position numbers records (the key of a record without an id)
  let seq = 0
  let position = 0
  const release = holdRunLock(id)

  return {
    id,
    writeBatch: async (source, resource, records, parentId) => {
      const pairs = batchChunks(id, source, resource, records, parentId, position, seq)
      position += records.length
      seq += pairs.length
      await db.transaction('rw', db.chunks, db.lookups, db.snapshots, async () => {
        await assertCollecting(db, id)
        if (pairs.length === 0) return
        await db.chunks.bulkPut(pairs.map((p) => p.chunk))
        await db.lookups.bulkPut(pairs.map((p) => p.lookup))
      })
      const key = `${source}.${resource}`
      counts[key] = (counts[key] ?? 0) + records.length
    },
    finish: async ({ collectedAt, collection, acceptPartial }) =>
      db
        .transaction('rw', db.snapshots, db.workspaces, async () => {
          await assertCollecting(db, id)
          const status = collection.complete ? 'complete' : 'partial'
          await db.snapshots.update(id, { status, collectedAt, collection, counts })
          if (collection.complete || acceptPartial) {
            await db.workspaces.put({ id: start.workspaceId, currentSnapshotId: id })
          }
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

/** Makes an already-finished partial snapshot current, at the consultant's explicit request. */
export async function acceptPartialSnapshot(db: CrosswalkDb, snapshotId: string): Promise<void> {
  await db.transaction('rw', db.snapshots, db.workspaces, async () => {
    const row = await db.snapshots.get(snapshotId)
    if (!row || row.status !== 'partial')
      throw new Error('Only a finished partial snapshot can be accepted.')
    await db.workspaces.put({ id: row.workspaceId, currentSnapshotId: snapshotId })
  })
}

/**
 * A run still marked `collecting` when the app starts was cut off (crash, closed
 * window): mark it interrupted and free its records. The current pointer never
 * moved to it, so the last good snapshot stays current.
 */
export async function recoverInterruptedRuns(db: CrosswalkDb): Promise<string[]> {
  const running = await heldRunLocks()
  const stale = (await db.snapshots.where('status').equals('collecting').primaryKeys()).filter(
    (id) => !running.has(id),
  )
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
 * tabs): each run holds a Web Lock for its lifetime, so recovery can tell a
 * live run from one a crash cut off. Where Web Locks are missing, every
 * unfinished run counts as cut off.
 */
function holdRunLock(id: string): () => void {
  let release = () => undefined as void
  const held = new Promise<void>((resolve) => (release = resolve))
  void globalThis.navigator?.locks?.request(`${RUN_LOCK_PREFIX}${id}`, () => held)
  return release
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
