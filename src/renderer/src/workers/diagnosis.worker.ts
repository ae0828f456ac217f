/// <reference lib="webworker" />
import '../../../shared/validation/configure-zod'
import { packedBuffers } from '../../../shared/compare/people-packed'
import { CrosswalkDb } from '../db/schema'
import { runDiagnosis } from './run-diagnosis'
import {
  SnapshotCache,
  runCharts,
  runGroups,
  runIntegration,
  runPeople,
  runPerson,
} from './run-compare'
import { runHistoryDiff } from './run-history-diff'
import type { DiagnosisReply, DiagnosisRequest } from './diagnosis-protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope
const databases = new Map<string, CrosswalkDb>()
const cache = new SnapshotCache()

async function answer(request: DiagnosisRequest, db: CrosswalkDb): Promise<DiagnosisReply> {
  const { requestId, snapshotId } = request
  switch (request.kind) {
    case 'diagnose': {
      // a diagnosis always reads the snapshot afresh; the comparisons then reuse that read
      cache.drop()
      const summary = await runDiagnosis(db, snapshotId, {}, undefined, (snapshot) =>
        cache.keep(snapshotId, snapshot),
      )
      return { requestId, ok: true, kind: 'diagnose', result: summary }
    }
    case 'people':
      return { requestId, ok: true, kind: 'people', result: await runPeople(cache, db, snapshotId) }
    case 'groups':
      return { requestId, ok: true, kind: 'groups', result: await runGroups(cache, db, snapshotId) }
    case 'charts':
      return { requestId, ok: true, kind: 'charts', result: await runCharts(cache, db, snapshotId) }
    case 'integration':
      return {
        requestId,
        ok: true,
        kind: 'integration',
        result: await runIntegration(cache, db, snapshotId),
      }
    case 'person':
      return {
        requestId,
        ok: true,
        kind: 'person',
        result: await runPerson(cache, db, snapshotId, request.entraRow, request.oktaRow),
      }
    case 'diff':
      // two snapshots at once: let the comparisons' copy go first
      cache.drop()
      return {
        requestId,
        ok: true,
        kind: 'diff',
        result: await runHistoryDiff(db, request.olderId, snapshotId),
      }
  }
}

scope.onmessage = async (event: MessageEvent<DiagnosisRequest>) => {
  const request = event.data
  let reply: DiagnosisReply
  try {
    let db = databases.get(request.dbName)
    if (!db) {
      db = new CrosswalkDb(request.dbName)
      databases.set(request.dbName, db)
    }
    reply = await answer(request, db)
  } catch (error) {
    reply = {
      requestId: request.requestId,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    }
  }
  // the People table's typed arrays are handed over, not copied
  const transfer =
    reply.ok && reply.kind === 'people'
      ? packedBuffers((reply.result as { packed: Parameters<typeof packedBuffers>[0] }).packed)
      : []
  scope.postMessage(reply, transfer)
}
