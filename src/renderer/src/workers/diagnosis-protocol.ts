/** Messages between the UI thread and the snapshot worker (diagnosis and comparisons). */
import type { ChartData } from '../../../shared/compare/charts'
import type { GroupPair } from '../../../shared/compare/groups'
import type { IntegrationPair } from '../../../shared/compare/integration'
import type { PackedPeople } from '../../../shared/compare/people-packed'
import type { HistoryDiffResult } from './run-history-diff'
import type { DiagnosisSummary } from './run-diagnosis'
import type { PersonDetail } from './run-compare'

/** What the worker is asked to do with one cached snapshot. */
export type WorkerTask =
  | { kind: 'diagnose' }
  | { kind: 'people' }
  | { kind: 'groups' }
  | { kind: 'charts' }
  | { kind: 'integration' }
  | { kind: 'person'; entraRow: number; oktaRow: number }
  /** the diff from the snapshot `olderId` to this one, with the mapping audit */
  | { kind: 'diff'; olderId: string }

export type DiagnosisRequest = {
  requestId: number
  dbName: string
  snapshotId: string
} & WorkerTask

/** Timings of a People comparison in the worker (ms). */
export interface PeopleTimings {
  /** reading the snapshot from the cache (0 when the worker held it already) */
  loadMs: number
  /** the people join itself */
  joinMs: number
  /** rows, attribute comparison and packing, beyond the join */
  rowsMs: number
  rows: number
}

/** The answer to each task. */
export interface WorkerResults {
  diagnose: DiagnosisSummary
  people: { packed: PackedPeople; timings: PeopleTimings }
  groups: GroupPair[]
  charts: ChartData
  integration: IntegrationPair[]
  person: PersonDetail
  diff: HistoryDiffResult
}

export type DiagnosisReply =
  | {
      requestId: number
      ok: true
      kind: WorkerTask['kind']
      result: WorkerResults[WorkerTask['kind']]
    }
  | { requestId: number; ok: false; message: string }
