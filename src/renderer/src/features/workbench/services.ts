/**
 * What the workbench screens need from the outside world: the cache database,
 * the snapshot worker (diagnosis and comparisons), the inspector worker and a clock. Injected
 * through context so tests run the
 * screens against fake-indexeddb and an in-thread diagnosis.
 */
import { DB_NAME, getDb, type CrosswalkDb } from '../../db'
import type { InspectReport, InspectedMessage, SigningCandidate } from '../../../../shared/inspect'
import { createDiagnosisClient, type DiagnosisClient } from '../../workers/diagnosis-client'
import type { WorkerResults, WorkerTask } from '../../workers/diagnosis-protocol'
import { createInspectorClient, type InspectorClient } from '../../workers/inspector-client'
import type { DiagnosisSummary } from '../../workers/run-diagnosis'
import type { HistoryDiffResult } from '../../workers/run-history-diff'

export interface WorkbenchServices {
  openDb: () => Promise<CrosswalkDb>
  /** runs the rule catalogue over a stored snapshot off the UI thread; findings land in the cache */
  diagnose: (snapshotId: string) => Promise<DiagnosisSummary>
  /** computes a comparison of a stored snapshot off the UI thread (People, groups, charts, a person) */
  compare: <T extends Exclude<WorkerTask, { kind: 'diagnose' | 'diff' }>>(
    snapshotId: string,
    task: T,
  ) => Promise<WorkerResults[T['kind']]>
  /** the diff of two cached snapshots (the older first), with the mapping audit, off the UI thread */
  diff: (olderId: string, newerId: string) => Promise<HistoryDiffResult>
  /** ISO-8601 "now" for decisions and imports */
  now: () => string
  /** the inspector, off the UI thread: a snapshot's signing certificates and keys, and the checks */
  inspector: {
    candidates: (snapshotId: string) => Promise<SigningCandidate[]>
    check: (snapshotId: string, messages: InspectedMessage[]) => Promise<InspectReport[]>
  }
}

let client: DiagnosisClient | undefined
let inspector: InspectorClient | undefined

/** The app's services: the shared cache and one diagnosis worker for the app's lifetime. */
export const DEFAULT_SERVICES: WorkbenchServices = {
  openDb: getDb,
  diagnose: (snapshotId) => {
    client ??= createDiagnosisClient()
    return client.diagnose(DB_NAME, snapshotId)
  },
  compare: (snapshotId, task) => {
    client ??= createDiagnosisClient()
    return client.run(DB_NAME, snapshotId, task)
  },
  diff: (olderId, newerId) => {
    client ??= createDiagnosisClient()
    return client.diff(DB_NAME, olderId, newerId)
  },
  now: () => new Date().toISOString(),
  inspector: {
    candidates: (snapshotId) => {
      inspector ??= createInspectorClient()
      return inspector.candidates(DB_NAME, snapshotId)
    },
    check: (snapshotId, messages) => {
      inspector ??= createInspectorClient()
      return inspector.check(DB_NAME, snapshotId, messages)
    },
  },
}
