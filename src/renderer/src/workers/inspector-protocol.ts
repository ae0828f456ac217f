/** Messages between the UI thread and the inspector worker. */
import type { InspectReport, InspectedMessage, SigningCandidate } from '../../../shared/inspect'

export type InspectorRequest =
  | { requestId: number; kind: 'candidates'; dbName: string; snapshotId: string }
  | {
      requestId: number
      kind: 'check'
      dbName: string
      snapshotId: string
      messages: InspectedMessage[]
    }

export type InspectorReply =
  | { requestId: number; ok: true; candidates: SigningCandidate[] }
  | { requestId: number; ok: true; reports: InspectReport[] }
  | { requestId: number; ok: false; message: string }
