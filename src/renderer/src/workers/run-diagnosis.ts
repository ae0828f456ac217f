/**
 * One diagnosis of a cached snapshot: load it from Dexie, run the pure rule
 * catalogue, store the findings. Runs inside the diagnosis worker so the UI
 * thread never blocks; kept free of worker globals so it is testable as is.
 */
import { diagnose, RULE_IDS, type DiagnoseOptions } from '../../../shared/rules'
import type { Snapshot } from '../../../shared/model/snapshot'
import type { CrosswalkDb, SnapshotRow } from '../db/schema'
import { loadSnapshot } from '../db/snapshots'
import { snapshotIdentity } from '../../../shared/snapshot-file/identity'
import { carryDecisions, saveFindings } from '../db/findings'
import { snapshotTrend } from '../../../shared/history/trend'

/** Identifies the rule catalogue; a snapshot diagnosed by another catalogue is diagnosed again. */
export const RULE_SET = RULE_IDS.join(',')

/** True when the snapshot has no stored diagnosis from the current rule catalogue. */
export function needsDiagnosis(row: Pick<SnapshotRow, 'diagnosis'>): boolean {
  return row.diagnosis?.rules !== RULE_SET
}

export interface DiagnosisSummary {
  snapshotId: string
  findings: number
  bySeverity: Record<string, number>
  loadMs: number
  diagnoseMs: number
  saveMs: number
}

export async function runDiagnosis(
  db: CrosswalkDb,
  snapshotId: string,
  options: DiagnoseOptions = {},
  clock: () => number = () => performance.now(),
  /** receives the snapshot read for the diagnosis, for the comparisons to reuse */
  loaded?: (snapshot: Snapshot) => void,
): Promise<DiagnosisSummary> {
  const t0 = clock()
  const snapshot = await loadSnapshot(db, snapshotId)
  loaded?.(snapshot)
  const t1 = clock()
  const findings = diagnose(snapshot, options)
  const t2 = clock()
  const row = await db.snapshots.get(snapshotId)
  if (row) await carryDecisions(db, row.workspaceId, findings)
  await saveFindings(db, snapshotId, findings)
  // a collected or imported snapshot is diagnosed as soon as it is whole: its identity is taken then
  const contentHash = row?.contentHash ?? snapshotIdentity(snapshot)
  await db.snapshots.update(snapshotId, {
    diagnosis: {
      at: new Date().toISOString(),
      findings: findings.length,
      rules: RULE_SET,
      trend: snapshotTrend(snapshot, findings),
    },
    contentHash,
  })
  const t3 = clock()
  const bySeverity: Record<string, number> = {}
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1
  return {
    snapshotId,
    findings: findings.length,
    bySeverity,
    loadMs: t1 - t0,
    diagnoseMs: t2 - t1,
    saveMs: t3 - t2,
  }
}
