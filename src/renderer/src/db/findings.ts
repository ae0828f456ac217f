/**
 * Findings per snapshot and the consultant's decision on each (open, accepted,
 * ignored). Decisions are kept per workspace by finding id, and finding ids are
 * stable across snapshots, so a decision survives every refresh.
 */
import type { Finding } from '../../../shared/model/finding'
import { absorbingFinding } from '../../../shared/findings'
import type { CrosswalkDb, FindingStateRow, FindingStateValue } from './schema'
import { WRITE_CHUNK } from './snapshots'

/** Replaces a snapshot's findings with a new diagnosis, in one transaction. */
export async function saveFindings(
  db: CrosswalkDb,
  snapshotId: string,
  findings: readonly Finding[],
): Promise<void> {
  await db.transaction('rw', db.findings, async () => {
    await db.findings.where('snapshotId').equals(snapshotId).delete()
    for (let i = 0; i < findings.length; i += WRITE_CHUNK) {
      await db.findings.bulkPut(
        findings.slice(i, i + WRITE_CHUNK).map((finding) => ({
          snapshotId,
          id: finding.id,
          severity: finding.severity,
          category: finding.category,
          finding,
        })),
      )
    }
  })
}

export async function listFindings(db: CrosswalkDb, snapshotId: string): Promise<Finding[]> {
  const rows = await db.findings.where('snapshotId').equals(snapshotId).toArray()
  return rows.map((row) => row.finding)
}

export async function setFindingState(
  db: CrosswalkDb,
  workspaceId: string,
  findingId: string,
  state: FindingStateValue,
  updatedAt: string,
  note?: string,
): Promise<void> {
  if (state === 'open' && !note) {
    await db.findingStates.delete([workspaceId, findingId])
    return
  }
  await db.findingStates.put({ workspaceId, findingId, state, note, updatedAt })
}

/** Decisions of a workspace by finding id; a finding without one is open. */
export async function findingStates(
  db: CrosswalkDb,
  workspaceId: string,
): Promise<Map<string, FindingStateRow>> {
  const rows = await db.findingStates.where('workspaceId').equals(workspaceId).toArray()
  return new Map(rows.map((row) => [row.findingId, row]))
}

/**
 * Moves decisions whose finding no longer exists to the finding that absorbed its cause
 * (see shared/findings/carry.ts); the old decision row stays, so nothing is lost.
 * Returns how many decisions were carried.
 */
export async function carryDecisions(
  db: CrosswalkDb,
  workspaceId: string,
  findings: readonly Finding[],
): Promise<number> {
  const states = await db.findingStates.where('workspaceId').equals(workspaceId).toArray()
  const current = new Set(findings.map((f) => f.id))
  const decided = new Set(states.map((s) => s.findingId))
  const orphans = states.filter((s) => !current.has(s.findingId))
  if (orphans.length === 0) return 0
  const snapshots = await db.snapshots.where('workspaceId').equals(workspaceId).primaryKeys()
  let carried = 0
  for (const orphan of orphans) {
    const rows = await db.findings
      .where('[snapshotId+id]')
      .anyOf(snapshots.map((sid) => [sid, orphan.findingId]))
      .toArray()
    const previous = rows[0]?.finding
    const target = previous ? absorbingFinding(previous, findings) : undefined
    if (!target || decided.has(target.id)) continue
    await db.findingStates.put({ ...orphan, findingId: target.id })
    decided.add(target.id)
    carried++
  }
  return carried
}
