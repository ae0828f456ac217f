/**
 * The UI thread's handle on the diagnosis worker: one worker for the app's
 * lifetime, requests matched to replies by id.
 */
import type { DiagnosisReply, DiagnosisRequest } from './diagnosis-protocol'
import type { DiagnosisSummary } from './run-diagnosis'

export interface DiagnosisClient {
  diagnose: (dbName: string, snapshotId: string) => Promise<DiagnosisSummary>
  dispose: () => void
}

export function createDiagnosisClient(
  createWorker: () => Worker = () =>
    new Worker(new URL('./diagnosis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'diagnosis',
    }),
): DiagnosisClient {
  let worker: Worker | undefined
  let nextId = 1
  const pending = new Map<
    number,
    { resolve: (s: DiagnosisSummary) => void; reject: (e: Error) => void }
  >()

  const ensureWorker = () => {
    if (worker) return worker
    worker = createWorker()
    worker.onmessage = (event: MessageEvent<DiagnosisReply>) => {
      const entry = pending.get(event.data.requestId)
      if (!entry) return
      pending.delete(event.data.requestId)
      // The summary's timings go on the page's timeline, where benchmarks read them.
      performance.mark('crosswalk:diagnosis-done', {
        detail: event.data.ok ? event.data.summary : { failed: event.data.message },
      })
      if (event.data.ok) entry.resolve(event.data.summary)
      else entry.reject(new Error(event.data.message))
    }
    worker.onerror = (event) => {
      const error = new Error(`The diagnosis worker failed: ${event.message || 'unknown error'}`)
      for (const entry of pending.values()) entry.reject(error)
      pending.clear()
      worker?.terminate()
      worker = undefined
    }
    return worker
  }

  return {
    diagnose: (dbName, snapshotId) =>
      new Promise((resolve, reject) => {
        const requestId = nextId++
        pending.set(requestId, { resolve, reject })
        const request: DiagnosisRequest = { requestId, dbName, snapshotId }
        performance.mark('crosswalk:diagnosis-start', { detail: { requestId, snapshotId } })
        ensureWorker().postMessage(request)
      }),
    dispose: () => {
      worker?.terminate()
      worker = undefined
      for (const entry of pending.values()) entry.reject(new Error('The diagnosis was stopped.'))
      pending.clear()
    },
  }
}
