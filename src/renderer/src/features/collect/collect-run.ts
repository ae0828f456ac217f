/**
 * One workspace's collection run as this window sees it, kept outside React so it survives
 * leaving the Collect screen. The run itself belongs to the host; this window attaches to it
 * (when it starts one, when it opens while one is held, or after a reload), reads its events
 * in order through the host's journal, and writes the records to the cache. One window
 * writes a run at a time (it holds the run's lock); the others only show its progress, and
 * take over if the writer's window goes away.
 *
 * The end of the run decides the snapshot's fate: complete → current; partial → stored with
 * a pending decision that survives reloads and restarts (use it, keep the previous snapshot,
 * or discard it); failed or cancelled → discarded, the last good snapshot stays current.
 * Then the diagnosis runs in the worker, and the host is told it may forget the run.
 */
import type {
  CollectEventPayload,
  CollectFinished,
  HeldRun,
  ResourceCounts,
} from '../../../../shared/ipc/collect'
import {
  acceptPartialSnapshot,
  claimRunSnapshot,
  currentSnapshot,
  deleteSnapshot,
  keepPartialAside,
  pendingPartial,
  resumeSnapshot,
  type CrosswalkDb,
  type SnapshotWriter,
} from '../../db'
import { createJournalReader, type JournalReader } from './run-journal'
import type { CollectRun, RunDeps, RunPhase, RunState } from './run-state'

export type {
  CollectRun,
  PartialDecision,
  ResourceProgress,
  RunDeps,
  RunPhase,
  RunState,
} from './run-state'

const IDLE: RunState = { phase: 'idle', writing: false, progress: {}, stored: 0 }
const ACTIVE: readonly RunPhase[] = ['starting', 'running', 'cancelling', 'saving']

export function createCollectRun(workspaceId: string, deps: RunDeps): CollectRun {
  let state: RunState = IDLE
  const listeners = new Set<() => void>()
  const now = deps.now ?? Date.now
  // per run: the journal reader (writer windows), where progress stands, the lock wait
  let reader: JournalReader | undefined
  let writer: SnapshotWriter | undefined
  let writeError: string | undefined
  let progressSeq = new Map<string, number>()
  let lockWait: AbortController | undefined
  let disposed = false

  const replace = (next: RunState) => {
    state = next
    for (const listener of listeners) listener()
  }
  const set = (patch: Partial<RunState>) => replace({ ...state, ...patch })
  const changedCache = () => set({ stored: state.stored + 1 })

  const resetRun = () => {
    reader?.stop()
    reader = undefined
    writer = undefined
    writeError = undefined
    progressSeq = new Map()
    lockWait?.abort()
    lockWait = undefined
  }

  const showProgress = (payload: CollectEventPayload) => {
    const { event } = payload
    if (event.type !== 'progress') return
    const key = `${event.source}.${event.resource}`
    if ((progressSeq.get(key) ?? -1) > payload.seq) return
    progressSeq.set(key, payload.seq)
    const { type: _type, ...progress } = event
    set({ progress: { ...state.progress, [key]: progress } })
  }

  const write = async (payload: CollectEventPayload) => {
    showProgress(payload)
    const { event } = payload
    if (event.type !== 'batch' || !writer || writeError) return
    try {
      await writer.writeBatch(event.source, event.resource, event.records, event.key, payload.seq)
    } catch (error) {
      writeError = error instanceof Error ? error.message : String(error)
    }
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
    changedCache()
  }

  // The start reply names the tenant as the connection does (a GUID or a domain); the
  // finished run names it as the token did (the GUID the rules compare with issuers).
  const relabel = async (db: CrosswalkDb, snapshotId: string, payload: CollectFinished) => {
    const label = {
      ...(payload.entra ? { entra: payload.entra } : {}),
      ...(payload.okta ? { okta: payload.okta } : {}),
    }
    if (Object.keys(label).length > 0) await db.snapshots.update(snapshotId, label)
  }

  /** Stores the run's end (writer windows), then lets the host forget the run. */
  const store = async (payload: CollectFinished) => {
    const w = writer
    if (!w || state.runId !== payload.runId) return
    set({ finished: payload, phase: 'saving' })
    const db = await deps.services.openDb()
    const hasPrevious = (await currentSnapshot(db, workspaceId)) !== undefined
    const release = () => void deps.invoke.release(payload.runId)
    if (writeError) {
      await w.abort('failed', writeError)
      release()
      set({ phase: 'done', error: `The snapshot could not be stored in the cache: ${writeError}` })
      return changedCache()
    }
    const kept = payload.outcome === 'complete' || payload.outcome === 'partial'
    if (!kept || !payload.collection) {
      await w.abort(
        payload.outcome === 'cancelled' ? 'cancelled' : 'failed',
        payload.message ?? 'The collection failed.',
      )
      release()
      set({ phase: 'done' })
      return changedCache()
    }
    try {
      await relabel(db, w.id, payload)
      await w.finish({
        collectedAt: payload.collectedAt ?? payload.collection.finishedAt,
        collection: payload.collection,
        ...(payload.resources ? { resources: payload.resources } : {}),
        awaitDecision: true,
      })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await w.abort('failed', message)
      release()
      set({ phase: 'done', error: `The snapshot could not be stored in the cache: ${message}` })
      return changedCache()
    }
    release()
    changedCache()
    if (payload.outcome === 'complete') return diagnose(w.id)
    set({ phase: 'awaiting-decision', snapshotId: w.id, hasPrevious })
  }

  /** Becomes the run's writer: resumes its snapshot (waiting while another window writes it). */
  const write_ = async (run: HeldRun, db: CrosswalkDb) => {
    const row = await claimRunSnapshot(db, {
      workspaceId,
      runId: run.runId,
      origin: 'collected',
      tool: run.tool,
      ...(run.entra ? { entra: run.entra } : {}),
      ...(run.okta ? { okta: run.okta } : {}),
      createdAt: run.startedAt,
    })
    if (row.status !== 'collecting') return settled(run, row.id, row.pendingDecision === true)
    lockWait = new AbortController()
    let w: SnapshotWriter
    try {
      w = await resumeSnapshot(db, row.id, lockWait.signal)
    } catch {
      // the other window finished (or this one moved on): what it stored decides
      if (disposed || state.runId !== run.runId) return
      const after = await db.snapshots.get(row.id)
      if (after && after.status !== 'collecting') {
        return settled(run, after.id, after.pendingDecision === true)
      }
      return
    }
    if (disposed || state.runId !== run.runId) return
    writer = w
    const from = ((await db.snapshots.get(row.id))?.runSeq ?? -1) + 1
    set({ writing: true, snapshotId: row.id })
    reader = createJournalReader({
      runId: run.runId,
      from,
      known: Math.max(run.events, run.finished?.events ?? 0),
      fetch: deps.invoke.events,
      apply: write,
      end: store,
      fail: async (message) => {
        await w.abort('failed', `Part of the run could not be read from the host: ${message}`)
        set({
          phase: 'done',
          error: `The snapshot could not be stored: part of the run could not be read from the host (${message}).`,
        })
        changedCache()
      },
    })
    const ended = run.finished ?? state.finished
    if (ended) reader.finish(ended)
  }

  /** The run was already stored (by this window before a reload, or another one). */
  const settled = async (run: HeldRun, snapshotId: string, pending: boolean) => {
    void deps.invoke.release(run.runId)
    const db = await deps.services.openDb()
    set({
      phase: pending ? 'awaiting-decision' : 'done',
      snapshotId,
      hasPrevious: (await currentSnapshot(db, workspaceId)) !== undefined,
      ...(run.finished ? { finished: run.finished } : {}),
    })
    changedCache()
  }

  const follow = async (run: HeldRun, expected?: ResourceCounts) => {
    resetRun()
    replace({
      ...IDLE,
      stored: state.stored,
      phase: run.finished ? 'saving' : 'running',
      runId: run.runId,
      startedAtMs: Date.parse(run.startedAt) || now(),
      target: {
        ...(run.entra ? { entra: run.entra } : {}),
        ...(run.okta ? { okta: run.okta } : {}),
      },
      ...(expected ? { expected } : {}),
      ...(run.finished ? { finished: run.finished } : {}),
    })
    for (const event of run.progress) {
      if (event.type === 'progress') showProgress({ runId: run.runId, workspaceId, seq: -1, event })
    }
    await write_(run, await deps.services.openDb())
  }

  let discovering: Promise<void> | undefined
  const discover = () => {
    discovering ??= (async () => {
      try {
        const held = await deps.invoke.runs()
        if (!held.ok || disposed) return
        const mine = held.value.find((r) => r.workspaceId === workspaceId)
        if (mine && mine.runId !== state.runId) await follow(mine)
        else if (!mine && state.phase === 'idle') await showPending()
      } finally {
        discovering = undefined
      }
    })()
    return discovering
  }

  const showPending = async () => {
    const db = await deps.services.openDb()
    const row = await pendingPartial(db, workspaceId)
    if (!row?.collection || state.phase !== 'idle') return
    set({
      phase: 'awaiting-decision',
      snapshotId: row.id,
      hasPrevious: (await currentSnapshot(db, workspaceId)) !== undefined,
      finished: {
        runId: row.runId ?? row.id,
        workspaceId,
        outcome: 'partial',
        collectedAt: row.collectedAt,
        collection: row.collection,
        events: 0,
      },
    })
  }

  const unsubscribe = deps.subscribe(
    (payload) => {
      if (payload.workspaceId !== workspaceId || disposed) return
      if (payload.runId === state.runId) {
        if (reader) reader.offer(payload)
        else showProgress(payload)
        return
      }
      // A run this window has not seen yet (another window started it): attach to it.
      if (state.phase !== 'starting') void discover()
    },
    (payload) => {
      if (payload.workspaceId !== workspaceId || disposed) return
      if (payload.runId !== state.runId) return
      if (reader) return reader.finish(payload)
      // Not reading the journal (yet): the writer's window stores the run, or this one will
      // once it holds the run's lock; either way the end is known and the snapshot is saving.
      if (!state.finished) set({ finished: payload, phase: 'saving' })
    },
  )

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    attach: () => discover(),
    start: async () => {
      if (ACTIVE.includes(state.phase) || state.phase === 'diagnosing') return
      if (state.phase === 'awaiting-decision') return
      resetRun()
      replace({ ...IDLE, stored: state.stored, phase: 'starting', startedAtMs: now() })
      const db = await deps.services.openDb()
      const expected = (await currentSnapshot(db, workspaceId))?.counts
      const result = await deps.invoke.start(workspaceId, expected)
      if (!result.ok) {
        set({ phase: 'done', error: result.error.message })
        return
      }
      const { runId, tool, entra, okta } = result.value
      await follow(
        {
          runId,
          tool,
          ...(entra ? { entra } : {}),
          ...(okta ? { okta } : {}),
          workspaceId,
          startedAt: new Date(state.startedAtMs ?? now()).toISOString(),
          // events may have overtaken the reply: the reader asks for them at once
          events: 1,
          progress: [],
        },
        expected,
      )
    },
    cancel: async () => {
      if (state.phase !== 'running' || !state.runId) return
      set({ phase: 'cancelling' })
      await deps.invoke.cancel(state.runId)
    },
    decidePartial: async (decision) => {
      const snapshotId = state.snapshotId
      if (state.phase !== 'awaiting-decision' || !snapshotId) return
      const db = await deps.services.openDb()
      if (decision === 'accept') {
        await acceptPartialSnapshot(db, snapshotId)
        set({ partialDecision: 'accepted' })
        changedCache()
        return diagnose(snapshotId)
      }
      if (decision === 'keep') await keepPartialAside(db, snapshotId)
      else await deleteSnapshot(db, snapshotId)
      set({
        phase: 'done',
        partialDecision: decision === 'keep' ? 'kept' : 'discarded',
        ...(decision === 'discard' ? { snapshotId: undefined } : {}),
      })
      changedCache()
    },
    dispose: () => {
      disposed = true
      resetRun()
      unsubscribe()
      listeners.clear()
    },
  }
}
