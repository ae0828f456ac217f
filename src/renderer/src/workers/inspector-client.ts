/**
 * The UI thread's handle on the inspector worker: one worker for the app's lifetime,
 * started on first use, requests matched to replies by id.
 */
import type { InspectReport, InspectedMessage, SigningCandidate } from '../../../shared/inspect'
import type { InspectorReply, InspectorRequest } from './inspector-protocol'

type Body =
  | { kind: 'candidates'; dbName: string; snapshotId: string }
  | { kind: 'check'; dbName: string; snapshotId: string; messages: InspectedMessage[] }

export interface InspectorClient {
  candidates: (dbName: string, snapshotId: string) => Promise<SigningCandidate[]>
  check: (
    dbName: string,
    snapshotId: string,
    messages: InspectedMessage[],
  ) => Promise<InspectReport[]>
}

export function createInspectorClient(
  createWorker: () => Worker = () =>
    new Worker(new URL('./inspector.worker.ts', import.meta.url), {
      type: 'module',
      name: 'inspector',
    }),
): InspectorClient {
  let worker: Worker | undefined
  let nextId = 1
  const pending = new Map<
    number,
    { resolve: (r: InspectorReply) => void; reject: (e: Error) => void }
  >()

  const ensureWorker = () => {
    if (worker) return worker
    worker = createWorker()
    worker.onmessage = (event: MessageEvent<InspectorReply>) => {
      const entry = pending.get(event.data.requestId)
      if (!entry) return
      pending.delete(event.data.requestId)
      if (event.data.ok) entry.resolve(event.data)
      else entry.reject(new Error(event.data.message))
    }
    worker.onerror = (event) => {
      const error = new Error(`The inspector worker failed: ${event.message || 'unknown error'}`)
      for (const entry of pending.values()) entry.reject(error)
      pending.clear()
      worker?.terminate()
      worker = undefined
    }
    return worker
  }

  const send = (body: Body) =>
    new Promise<InspectorReply>((resolve, reject) => {
      const requestId = nextId++
      pending.set(requestId, { resolve, reject })
      const request: InspectorRequest = { requestId, ...body }
      ensureWorker().postMessage(request)
    })

  return {
    candidates: async (dbName, snapshotId) => {
      const reply = await send({ kind: 'candidates', dbName, snapshotId })
      return 'candidates' in reply ? reply.candidates : []
    },
    check: async (dbName, snapshotId, messages) => {
      const reply = await send({ kind: 'check', dbName, snapshotId, messages })
      return 'reports' in reply ? reply.reports : []
    },
  }
}
