/**
 * One diff of two cached snapshots, run in the diagnosis worker: the older is loaded,
 * diagnosed by today's rules and kept only as an index; then the newer is loaded and
 * diagnosed, diffed, and its seam mappings audited against the older as baseline. Free of
 * worker globals, so tests run it in-thread.
 */
import {
  diffSnapshots,
  indexSnapshot,
  mappingAudit,
  type AuditedMapping,
  type SnapshotDiff,
} from '../../../shared/diff'
import { diagnose } from '../../../shared/rules'
import type { CrosswalkDb } from '../db/schema'
import { loadSnapshot } from '../db/snapshots'

export interface HistoryDiffResult {
  diff: SnapshotDiff
  audit: AuditedMapping[]
}

export async function runHistoryDiff(
  db: CrosswalkDb,
  olderId: string,
  newerId: string,
): Promise<HistoryDiffResult> {
  const index = await (async () => {
    const older = await loadSnapshot(db, olderId)
    const identity = (await db.snapshots.get(olderId))?.contentHash
    return indexSnapshot(older, { findings: diagnose(older), ...(identity ? { identity } : {}) })
  })()
  const newer = await loadSnapshot(db, newerId)
  const identity = (await db.snapshots.get(newerId))?.contentHash
  const diff = diffSnapshots(index, newer, {
    findings: diagnose(newer),
    ...(identity ? { identity } : {}),
  })
  return { diff, audit: mappingAudit(newer, diff) }
}
