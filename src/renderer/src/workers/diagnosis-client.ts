/**
 * The UI thread's handle on the snapshot worker: one worker for the app's lifetime,
 * requests matched to replies by id. It diagnoses snapshots and computes the comparisons
 * (People, groups, charts, one person's detail) off the UI thread.
 */
import type {
  DiagnosisReply,
  DiagnosisRequest,
  WorkerResults,
  WorkerTask,
} from './diagnosis-protocol'
import type { DiagnosisSummary } from './run-diagnosis'
import type { HistoryDiffResult } from './run-history-diff'

export interface DiagnosisClient {
  diagnose: (dbName: string, snapshotId: string) => Promise<DiagnosisSummary>
  /** any task of the protocol, for one cached snapshot */
  run: <T extends WorkerTask>(
    dbName: string,
    snapshotId: string,
    task: T,
  ) => Promise<WorkerResults[T['kind']]>
  /** the diff of two cached snapshots, the older first */
  diff: (dbName: string, olderId: string, newerId: string) => Promise<HistoryDiffResult>
  dispose: () => void
}

type Pending = {
  kind: WorkerTask['kind']
  resolve: (value: unknown) => void
  reject: (e: Error) => void
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
  const pending = new Map<number, Pending>()

  const ensureWorker = () => {
    if (worker) return worker
    worker = createWorker()
    worker.onmessage = (event: MessageEvent<DiagnosisReply>) => {
      const reply = event.data
      const entry = pending.get(reply.requestId)
      if (!entry) return
      pending.delete(reply.requestId)
      // Timings go on the page's timeline, where benchmarks read them.
      if (entry.kind === 'diagnose')
        performance.mark('crosswalk:diagnosis-done', {
          detail: reply.ok ? reply.result : { failed: reply.message },
        })
      if (entry.kind === 'people' && reply.ok)
        performance.mark('crosswalk:people-rows', {
          detail: (reply.result as WorkerResults['people']).timings,
        })
      if (reply.ok) entry.resolve(reply.result)
      else entry.reject(new Error(reply.message))
    }
    worker.onerror = (event) => {
      const error = new Error(`The snapshot worker failed: ${event.message || 'unknown error'}`)
      for (const entry of pending.values()) entry.reject(error)
      pending.clear()
      worker?.terminate()
      worker = undefined
    }
    return worker
  }

  const run = <T extends WorkerTask>(
    dbName: string,
    snapshotId: string,
    task: T,
  ): Promise<WorkerResults[T['kind']]> =>
    new Promise((resolve, reject) => {
      const requestId = nextId++
      pending.set(requestId, {
        kind: task.kind,
        resolve: (value) => resolve(value as WorkerResults[T['kind']]),
        reject,
      })
      const request = { ...task, requestId, dbName, snapshotId } as DiagnosisRequest
      if (task.kind === 'diagnose')
        performance.mark('crosswalk:diagnosis-start', { detail: { requestId, snapshotId } })
      ensureWorker().postMessage(request)
    })

  return {
    diagnose: (dbName, snapshotId) => run(dbName, snapshotId, { kind: 'diagnose' }),
    run,
    diff: (dbName, olderId, newerId) => run(dbName, newerId, { kind: 'diff', olderId }),
    dispose: () => {
      worker?.terminate()
      worker = undefined
      for (const entry of pending.values()) entry.reject(new Error('The diagnosis was stopped.'))
      pending.clear()
    },
  }
}
