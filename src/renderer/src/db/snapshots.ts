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
  type RawRecord,
  type Snapshot,
  type Source,
} from '../../../shared/model/snapshot'
import type { CrosswalkDb, SnapshotRow } from './schema'
import { deleteChunks, parsedChunks, type ParsedChunk } from './chunks'
import { beginSnapshot, heldRunLocks } from './snapshot-writer'

export { WRITE_CHUNK } from './chunks'
export * from './snapshot-writer'

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

function resourcesOf(source: Source): readonly string[] {
  return source === 'entra' ? ENTRA_RESOURCES : OKTA_RESOURCES
}
