/**
 * One workspace's collection run as this tab sees it, kept outside React so it survives
 * leaving the Collect screen. The tab that started the run writes its batches to the cache
 * through a snapshot writer, one at a time and in arrival order; other tabs only show the
 * progress. The end of the run decides the snapshot's fate: complete → current; partial →
 * the consultant decides; failed or cancelled → discarded, the last good snapshot stays
 * current. Then the diagnosis runs in the worker.
 */
import type {
  CollectEventPayload,
  CollectFinished,
  CollectStartOutput,
} from '../../../../shared/ipc/collect'
import type { ProgressEvent } from '../../../../shared/model/collect-events'
import { beginSnapshot, type CrosswalkDb, type SnapshotWriter } from '../../db'
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

export interface RunState {
  phase: RunPhase
  runId?: string
  /** this tab started the run and writes it to the cache */
  writing: boolean
  startedAtMs?: number
  progress: Record<string, ResourceProgress>
  /** the sides the run collects, from the start reply */
  target?: Pick<CollectStartOutput, 'entra' | 'okta'>
  finished?: CollectFinished
  /** where the run's records went, once stored */
  snapshotId?: string
  /** the partial snapshot was made current / kept aside */
  partialDecision?: 'accepted' | 'declined'
  findings?: number
  error?: string
}

export interface RunDeps {
  invoke: {
    start: (
      workspaceId: string,
    ) => Promise<
      { ok: true; value: CollectStartOutput } | { ok: false; error: { message: string } }
    >
    cancel: (runId: string) => Promise<unknown>
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
  start: () => Promise<void>
  cancel: () => Promise<void>
  decidePartial: (accept: boolean) => Promise<void>
  dispose: () => void
}

const IDLE: RunState = { phase: 'idle', writing: false, progress: {} }

export function createCollectRun(workspaceId: string, deps: RunDeps): CollectRun {
  let state: RunState = IDLE
  const listeners = new Set<() => void>()
  const now = deps.now ?? Date.now
  let writer: SnapshotWriter | undefined
  let cache: CrosswalkDb | undefined
  let writes: Promise<void> = Promise.resolve()
  let writeError: string | undefined
  // Events can overtake the start reply; they wait here until the run id is known.
  let early: CollectEventPayload[] = []
  let earlyFinished: CollectFinished[] = []

  const set = (patch: Partial<RunState>) => replace({ ...state, ...patch })
  // A new run starts from a clean slate: a previous run's `finished` or `error` left in the
  // state would make the new run's end look already handled, and its messages stale.
  const replace = (next: RunState) => {
    state = next
    for (const listener of listeners) listener()
  }

  const applyEvent = (payload: CollectEventPayload) => {
    const { event } = payload
    if (event.type === 'progress') {
      const { type: _type, ...progress } = event
      set({ progress: { ...state.progress, [`${event.source}.${event.resource}`]: progress } })
      return
    }
    if (!state.writing || !writer) return
    const w = writer
    writes = writes.then(async () => {
      if (writeError) return
      try {
        await w.writeBatch(event.source, event.resource, event.records, event.key)
      } catch (error) {
        writeError = error instanceof Error ? error.message : String(error)
      }
    })
  }

  // The start reply names the tenant as the connection does (a GUID or a domain); the
  // finished run names it as the token did (the GUID the rules compare with issuers).
  const relabel = async (snapshotId: string, payload: CollectFinished) => {
    const label = {
      ...(payload.entra ? { entra: payload.entra } : {}),
      ...(payload.okta ? { okta: payload.okta } : {}),
    }
    if (cache && Object.keys(label).length > 0) await cache.snapshots.update(snapshotId, label)
  }

  const diagnose = async (snapshotId: string) => {
    set({ phase: 'diagnosing', snapshotId })
    try {
      const summary = await deps.services.diagnose(snapshotId)
      set({ phase: 'done', findings: summary.findings })
    } catch (error) {
      set({
        phase: 'done',
        error: `The snapshot is stored, but the diagnosis failed: ${(error as Error).message}`,
      })
    }
  }

  const applyFinished = async (payload: CollectFinished) => {
    set({ finished: payload, phase: state.writing ? 'saving' : 'done' })
    if (!state.writing || !writer) return
    await writes
    const w = writer
    if (writeError) {
      await w.abort('failed', writeError)
      set({ phase: 'done', error: `The snapshot could not be stored in the cache: ${writeError}` })
      return
    }
    if (payload.outcome === 'complete' && payload.collection) {
      await relabel(w.id, payload)
      await w.finish({
        collectedAt: payload.collectedAt ?? payload.collection.finishedAt,
        collection: payload.collection,
      })
      await diagnose(w.id)
    } else if (payload.outcome === 'partial' && payload.collection) {
      set({ phase: 'awaiting-decision', snapshotId: w.id })
    } else {
      await w.abort(
        payload.outcome === 'cancelled' ? 'cancelled' : 'failed',
        payload.message ?? 'The collection failed.',
      )
      set({ phase: 'done' })
    }
  }

  const unsubscribe = deps.subscribe(
    (payload) => {
      if (payload.workspaceId !== workspaceId) return
      if (state.phase === 'starting') return void early.push(payload)
      if (payload.runId === state.runId) return applyEvent(payload)
      // A run another tab started: follow its progress, write nothing.
      if (state.phase === 'idle' || state.phase === 'done') {
        replace({ ...IDLE, phase: 'running', runId: payload.runId, startedAtMs: now() })
        applyEvent(payload)
      }
    },
    (payload) => {
      if (payload.workspaceId !== workspaceId) return
      if (state.phase === 'starting') return void earlyFinished.push(payload)
      if (payload.runId === state.runId && !state.finished) void applyFinished(payload)
    },
  )

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start: async () => {
      if (!['idle', 'done'].includes(state.phase)) return
      replace({ ...IDLE, phase: 'starting', startedAtMs: now() })
      early = []
      earlyFinished = []
      writeError = undefined
      writes = Promise.resolve()
      const result = await deps.invoke.start(workspaceId)
      if (!result.ok) {
        set({ phase: 'done', error: result.error.message })
        return
      }
      const { runId, tool, entra, okta } = result.value
      const db = await deps.services.openDb()
      cache = db
      writer = await beginSnapshot(db, {
        workspaceId,
        origin: 'collected',
        tool,
        ...(entra ? { entra } : {}),
        ...(okta ? { okta } : {}),
        createdAt: new Date(now()).toISOString(),
      })
      set({
        phase: 'running',
        runId,
        writing: true,
        target: { ...(entra ? { entra } : {}), ...(okta ? { okta } : {}) },
      })
      const queued = early.filter((p) => p.runId === runId)
      const ended = earlyFinished.find((p) => p.runId === runId)
      early = []
      earlyFinished = []
      for (const payload of queued) applyEvent(payload)
      if (ended) await applyFinished(ended)
    },
    cancel: async () => {
      if (state.phase !== 'running' || !state.runId) return
      set({ phase: 'cancelling' })
      await deps.invoke.cancel(state.runId)
    },
    decidePartial: async (accept) => {
      if (state.phase !== 'awaiting-decision' || !writer || !state.finished?.collection) return
      const f = state.finished
      const collection = f.collection!
      await relabel(writer.id, f)
      await writer.finish({
        collectedAt: f.collectedAt ?? collection.finishedAt,
        collection,
        acceptPartial: accept,
      })
      set({ partialDecision: accept ? 'accepted' : 'declined' })
      if (accept) await diagnose(writer.id)
      else set({ phase: 'done' })
    },
    dispose: () => {
      unsubscribe()
      listeners.clear()
    },
  }
}
