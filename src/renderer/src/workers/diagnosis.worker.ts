/// <reference lib="webworker" />
import '../../../shared/validation/configure-zod'
import { CrosswalkDb } from '../db/schema'
import { runDiagnosis } from './run-diagnosis'
import { runHistoryDiff } from './run-history-diff'
import type { DiagnosisReply, DiagnosisRequest } from './diagnosis-protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope
const databases = new Map<string, CrosswalkDb>()

scope.onmessage = async (event: MessageEvent<DiagnosisRequest>) => {
  const request = event.data
  const { requestId, dbName } = request
  let reply: DiagnosisReply
  try {
    let db = databases.get(dbName)
    if (!db) {
      db = new CrosswalkDb(dbName)
      databases.set(dbName, db)
    }
    reply =
      request.kind === 'diff'
        ? { requestId, ok: true, diff: await runHistoryDiff(db, request.olderId, request.newerId) }
        : { requestId, ok: true, summary: await runDiagnosis(db, request.snapshotId) }
  } catch (error) {
    reply = {
      requestId,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    }
  }
  scope.postMessage(reply)
}
