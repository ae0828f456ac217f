/** Messages between the UI thread and the diagnosis worker: a diagnosis, or a diff of two snapshots. */
import type { HistoryDiffResult } from './run-history-diff'
import type { DiagnosisSummary } from './run-diagnosis'

export type DiagnosisRequest = { requestId: number; dbName: string } & (
  { kind: 'diagnose'; snapshotId: string } | { kind: 'diff'; olderId: string; newerId: string }
)

export type DiagnosisReply =
  | { requestId: number; ok: true; summary: DiagnosisSummary }
  | { requestId: number; ok: true; diff: HistoryDiffResult }
  | { requestId: number; ok: false; message: string }
