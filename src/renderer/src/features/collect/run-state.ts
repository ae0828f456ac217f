/** The shapes of a workspace's collection run as a window sees it (see collect-run.ts). */
import type {
  CollectEventPayload,
  CollectEventsOutput,
  CollectFinished,
  CollectStartOutput,
  HeldRun,
  ResourceCounts,
} from '../../../../shared/ipc/collect'
import type { ProgressEvent } from '../../../../shared/model/collect-events'
import type { WorkbenchServices } from '../workbench/services'

export type RunPhase =
  | 'idle'
  | 'starting'
  | 'running'
  | 'cancelling'
  | 'saving'
  | 'awaiting-decision'
  | 'diagnosing'
  | 'done'

export type ResourceProgress = Omit<ProgressEvent, 'type'>

export type PartialDecision = 'accepted' | 'kept' | 'discarded'

export interface RunState {
  phase: RunPhase
  runId?: string
  /** this window writes the run to the cache (the others show its progress) */
  writing: boolean
  startedAtMs?: number
  progress: Record<string, ResourceProgress>
  /** the previous snapshot's records per resource, the totals progress is measured against */
  expected?: ResourceCounts
  /** the sides the run collects, from the start reply */
  target?: Pick<CollectStartOutput, 'entra' | 'okta'>
  finished?: CollectFinished
  /** where the run's records went, once stored */
  snapshotId?: string
  /** the workspace has a current snapshot the partial one would replace */
  hasPrevious?: boolean
  partialDecision?: PartialDecision
  findings?: number
  error?: string
  /** counts changes to the workspace's snapshots, so screens re-read the cache */
  stored: number
}

type Result<T> = { ok: true; value: T } | { ok: false; error: { message: string } }

export interface RunDeps {
  invoke: {
    start: (workspaceId: string, expected?: ResourceCounts) => Promise<Result<CollectStartOutput>>
    cancel: (runId: string) => Promise<unknown>
    runs: () => Promise<Result<HeldRun[]>>
    events: (runId: string, from: number) => Promise<Result<CollectEventsOutput>>
    release: (runId: string) => Promise<unknown>
  }
  subscribe: (
    onEvent: (payload: CollectEventPayload) => void,
    onFinished: (payload: CollectFinished) => void,
  ) => () => void
  services: WorkbenchServices
  now?: () => number
}

export interface CollectRun {
  getState: () => RunState
  subscribe: (listener: () => void) => () => void
  /** looks for a run the host holds for the workspace, or a partial awaiting a decision */
  attach: () => Promise<void>
  start: () => Promise<void>
  cancel: () => Promise<void>
  decidePartial: (decision: 'accept' | 'keep' | 'discard') => Promise<void>
  dispose: () => void
}
