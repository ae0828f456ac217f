/**
 * The UI thread's handle on the diagnosis worker: one worker for the app's
 * lifetime, requests matched to replies by id.
 */
import type { DiagnosisReply, DiagnosisRequest } from './diagnosis-protocol'
import type { DiagnosisSummary } from './run-diagnosis'
import type { HistoryDiffResult } from './run-history-diff'

export interface DiagnosisClient {
  diagnose: (dbName: string, snapshotId: string) => Promise<DiagnosisSummary>
  /** the diff of two cached snapshots, the older first */
  diff: (dbName: string, olderId: string, newerId: string) => Promise<HistoryDiffResult>
  dispose: () => void
}

type Answer = DiagnosisSummary | HistoryDiffResult

export function createDiagnosisClient(
  createWorker: () => Worker = () =>
    new Worker(new URL('./diagnosis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'diagnosis',
    }),
): DiagnosisClient {
  let worker: Worker | undefined
  let nextId = 1
  const pending = new Map<number, { resolve: (s: Answer) => void; reject: (e: Error) => void }>()

  const ensureWorker = () => {
    if (worker) return worker
    worker = createWorker()
    worker.onmessage = (event: MessageEvent<DiagnosisReply>) => {
      const entry = pending.get(event.data.requestId)
      if (!entry) return
      pending.delete(event.data.requestId)
      const data = event.data
      if (!data.ok) {
        performance.mark('crosswalk:diagnosis-done', { detail: { failed: data.message } })
        entry.reject(new Error(data.message))
      } else if ('summary' in data) {
        // The summary's timings go on the page's timeline, where benchmarks read them.
        performance.mark('crosswalk:diagnosis-done', { detail: data.summary })
        entry.resolve(data.summary)
      } else entry.resolve(data.diff)
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

  const send = <T extends Answer>(request: DiagnosisRequest): Promise<T> =>
    new Promise((resolve, reject) => {
      pending.set(request.requestId, { resolve: resolve as (a: Answer) => void, reject })
      ensureWorker().postMessage(request)
    })

  return {
    diagnose: (dbName, snapshotId) => {
      const requestId = nextId++
      performance.mark('crosswalk:diagnosis-start', { detail: { requestId, snapshotId } })
      return send<DiagnosisSummary>({ requestId, dbName, kind: 'diagnose', snapshotId })
    },
    diff: (dbName, olderId, newerId) =>
      send<HistoryDiffResult>({ requestId: nextId++, dbName, kind: 'diff', olderId, newerId }),
    dispose: () => {
      worker?.terminate()
      worker = undefined
      for (const entry of pending.values()) entry.reject(new Error('The diagnosis was stopped.'))
      pending.clear()
    },
  }
}
