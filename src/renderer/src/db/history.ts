/**
 * The workspace's snapshot history from the cache: the usable snapshots in collection
 * order with what the trend charts need, pinning, the retention policy, and the first
 * snapshot each finding was stored for ("since when").
 */
import type { CrosswalkDb, SnapshotRow } from './schema'

/** Snapshots a consultant can compare: complete, or partial and accepted or kept aside. */
export function isUsable(row: SnapshotRow): boolean {
  return (
    (row.status === 'complete' || row.status === 'partial') &&
    !row.pendingDecision &&
    row.collection !== undefined
  )
}

/** The workspace's usable snapshots, oldest first. */
export async function listHistory(db: CrosswalkDb, workspaceId: string): Promise<SnapshotRow[]> {
  const rows = await db.snapshots
    .where('[workspaceId+collectedAt]')
    .between([workspaceId, ''], [workspaceId, '\uffff'])
    .toArray()
  return rows.filter(isUsable)
}

/** Pins or unpins a snapshot. */
export async function setPinned(
  db: CrosswalkDb,
  snapshotId: string,
  pinned: boolean,
): Promise<void> {
  await db.snapshots.update(snapshotId, { pinned })
}

/** Stores the workspace's retention policy. */
export async function setRetention(
  db: CrosswalkDb,
  workspaceId: string,
  retention: { keepLast: number; monthly: boolean; maxBytes?: number },
): Promise<void> {
  await db.workspaces.update(workspaceId, { retention })
}

/** The cached size of each snapshot's records (the JSON of its chunks), in bytes. */
export async function snapshotBytes(
  db: CrosswalkDb,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  for (const id of ids) {
    let n = 0
    await db.chunks
      .where('[snapshotId+source+resource+seq]')
      .between([id, '', '', -Infinity], [id, '\uffff', '\uffff', Infinity])
      .each((c) => (n += c.json.length))
    out.set(id, n)
  }
  return out
}

/** For each finding id, the collection time of the first diagnosed snapshot that had it. */
export async function firstSeen(
  db: CrosswalkDb,
  rows: readonly SnapshotRow[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const row of [...rows].sort((a, b) => a.collectedAt.localeCompare(b.collectedAt))) {
    const keys = await db.findings.where('snapshotId').equals(row.id).primaryKeys()
    for (const key of keys) {
      const id = (key as unknown as [string, string])[1]
      if (!out.has(id)) out.set(id, row.collectedAt)
    }
  }
  return out
}

/**
 * When a finding first appeared: the collection time of the workspace's oldest usable
 * snapshot whose stored diagnosis has it (a snapshot diagnosed by older rules counts with the
 * findings they gave); `undefined` when none has it.
 */
export async function findingFirstSeen(
  db: CrosswalkDb,
  snapshotId: string,
  findingId: string,
): Promise<string | undefined> {
  const row = await db.snapshots.get(snapshotId)
  if (!row) return undefined
  for (const s of await listHistory(db, row.workspaceId)) {
    if (await db.findings.get([s.id, findingId])) return s.collectedAt
  }
  return undefined
}
