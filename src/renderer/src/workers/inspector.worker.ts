/// <reference lib="webworker" />
import '../../../shared/validation/configure-zod'
import { CrosswalkDb } from '../db/schema'
import { createInspectorEngine, type InspectorEngine } from './run-inspector'
import type { InspectorReply, InspectorRequest } from './inspector-protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope
const engines = new Map<string, InspectorEngine>()

scope.onmessage = async (event: MessageEvent<InspectorRequest>) => {
  const request = event.data
  let reply: InspectorReply
  try {
    let engine = engines.get(request.dbName)
    if (!engine) {
      engine = createInspectorEngine(new CrosswalkDb(request.dbName))
      engines.set(request.dbName, engine)
    }
    reply =
      request.kind === 'candidates'
        ? {
            requestId: request.requestId,
            ok: true,
            candidates: await engine.candidates(request.snapshotId),
          }
        : {
            requestId: request.requestId,
            ok: true,
            reports: await engine.check(request.snapshotId, request.messages),
          }
  } catch (error) {
    reply = {
      requestId: request.requestId,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    }
  }
  scope.postMessage(reply)
}
