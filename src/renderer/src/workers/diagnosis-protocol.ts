/** Messages between the UI thread and the diagnosis worker. */
import type { DiagnosisSummary } from './run-diagnosis'

export interface DiagnosisRequest {
  requestId: number
  dbName: string
  snapshotId: string
}

export type DiagnosisReply =
  | { requestId: number; ok: true; summary: DiagnosisSummary }
  | { requestId: number; ok: false; message: string }
