/**
 * One diagnosis of a cached snapshot: load it from Dexie, run the pure rule
 * catalogue, store the findings. Runs inside the diagnosis worker so the UI
 * thread never blocks; kept free of worker globals so it is testable as is.
 */
import { diagnose, type DiagnoseOptions } from '../../../shared/rules'
import type { CrosswalkDb } from '../db/schema'
import { loadSnapshot } from '../db/snapshots'
import { saveFindings } from '../db/findings'

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
): Promise<DiagnosisSummary> {
  const t0 = clock()
  const snapshot = await loadSnapshot(db, snapshotId)
  const t1 = clock()
  const findings = diagnose(snapshot, options)
  const t2 = clock()
  await saveFindings(db, snapshotId, findings)
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
