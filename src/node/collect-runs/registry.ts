/**
 * Collection runs as the hosts hold them: at most one running per workspace, each with its own
 * AbortController. A run forwards every collector event as `collect:event`, numbered by `seq`,
 * and ends with exactly one `collect:finished`, whatever happens (complete, partial, failed,
 * cancelled).
 *
 * The run belongs to the host, not to a window: its events are kept (a journal) until the
 * window that stores the run releases it, so a window that reloads, or opens late, attaches
 * to the run and reads what it missed (`held`, `eventsFrom`). The journal holds the same
 * record objects the collector keeps for its snapshot, so it costs little more memory while
 * the run lasts; a finished run is dropped when released, when the workspace's next run
 * starts, or when the workspace is removed.
 *
 * No secret reaches an event, an error message or the log: the run's secrets are
 * registered with the log, and batches that would carry one are redacted before they leave.
 */
import { randomUUID } from 'node:crypto'
import type {
  CollectEventPayload,
  CollectEventsOutput,
  CollectFinished,
  CollectOutcome,
  CollectStartOutput,
  HeldRun,
  ResourceCounts,
} from '../../shared/ipc/collect'
import {
  MAX_BATCH_RECORDS,
  type CollectEvent,
  type ProgressEvent,
} from '../../shared/model/collect-events'
import type { Snapshot } from '../../shared/model/snapshot'
import { recordCounts, type CollectOptions } from '../collect/collect-snapshot'
import { APP_NAME, appVersion } from '../version'
import type { EmitEvent } from '../handlers'
import { HandlerError } from '../ipc/handler-error'
import type { Logger } from '../log'
import { REDACTED } from '../log'
import { isAbortError } from '../net/retry'
import { runSecrets } from '../profile/credentials'
import type { ResolvedConnection } from '../connections/resolve'

export interface CollectRuns {
  /**
   * Starts a run; `conflict` while the workspace already has one running. `expected`: the
   * previous snapshot's records per resource, for the ETA.
   */
  start: (workspaceId: string, expected?: ResourceCounts) => Promise<CollectStartOutput>
  /** asks a running run to stop; false when no such run is running */
  cancel: (runId: string) => boolean
  /** cancels the workspace's run, if any, waits until it has finished, and forgets it */
  stopWorkspace: (workspaceId: string) => Promise<void>
  /** the run ids still running */
  running: () => string[]
  /** every run held: running, or finished and not yet released */
  held: () => HeldRun[]
  /** a held run's events from `from` on (a bounded slice); `not-found` when not held */
  eventsFrom: (runId: string, from: number) => CollectEventsOutput
  /** forgets a finished run; false when it is not held or still running */
  release: (runId: string) => boolean
}

export interface CollectRunsDeps {
  emit: EmitEvent
  log: Logger
  resolve: (workspaceId: string) => Promise<ResolvedConnection>
  collect: (options: CollectOptions) => Promise<Snapshot>
  /** extra collector options (log windows, concurrency), for tests */
  collectOptions?: Partial<
    Omit<CollectOptions, 'profile' | 'credentials' | 'ca' | 'signal' | 'onEvent'>
  >
  /** the clock, for `startedAt` */
  now?: () => number
}

interface Run {
  runId: string
  workspaceId: string
  start: CollectStartOutput
  startedAt: string
  controller: AbortController
  done: Promise<void>
  journal: CollectEventPayload[]
  progress: Map<string, ProgressEvent>
  finished?: CollectFinished
}

/** Most records one `collect:events` reply carries; a window asks again for the rest. */
export const EVENTS_REPLY_RECORDS = 20_000
/** Most events one `collect:events` reply carries. */
export const EVENTS_REPLY_EVENTS = 1_000

export function createCollectRuns(deps: CollectRunsDeps): CollectRuns {
  const runs = new Map<string, Run>()
  const starting = new Set<string>()
  const now = deps.now ?? Date.now

  const start = async (
    workspaceId: string,
    expected?: ResourceCounts,
  ): Promise<CollectStartOutput> => {
    if (
      starting.has(workspaceId) ||
      [...runs.values()].some((r) => r.workspaceId === workspaceId && !r.finished)
    ) {
      throw new HandlerError(
        'conflict',
        'A collection is already running for this workspace; wait for it or cancel it.',
      )
    }
    starting.add(workspaceId)
    let resolved: ResolvedConnection
    try {
      resolved = await deps.resolve(workspaceId)
    } finally {
      starting.delete(workspaceId)
    }
    const { profile, credentials, ca } = resolved
    if (!credentials.entra && !credentials.okta) {
      throw new HandlerError(
        'not-found',
        resolved.credentialProblems[0]?.message ??
          'No stored credential could be opened; enter them again.',
      )
    }
    // A finished run nobody stored is superseded by the workspace's new one.
    for (const run of runs.values()) if (run.workspaceId === workspaceId) runs.delete(run.runId)
    const secrets = runSecrets(credentials)
    // resolve() registers them too; a run must not depend on that to stay clean
    for (const secret of secrets) deps.log.addSecret(secret)
    const runId = randomUUID()
    const controller = new AbortController()
    const target = {
      ...(profile.entra
        ? { entra: { tenantId: profile.entra.tenantId, cloud: profile.entra.cloud } }
        : {}),
      ...(profile.okta ? { okta: { orgUrl: profile.okta.orgUrl } } : {}),
    }
    const output: CollectStartOutput = {
      runId,
      tool: { name: APP_NAME, version: appVersion() },
      ...target,
    }
    const run: Run = {
      runId,
      workspaceId,
      start: output,
      startedAt: new Date(now()).toISOString(),
      controller,
      done: Promise.resolve(),
      journal: [],
      progress: new Map(),
    }
    const finish = (payload: Omit<CollectFinished, 'runId' | 'workspaceId' | 'events'>) => {
      if (run.finished) return
      run.finished = { runId, workspaceId, ...payload, events: run.journal.length }
      deps.log.info('collect.finished', { runId, workspaceId, outcome: payload.outcome })
      deps.emit('collect:finished', run.finished)
    }
    const onEvent = (event: CollectEvent) => {
      if (run.finished) return
      for (const part of split(scrub(event, secrets, deps.log))) {
        const payload: CollectEventPayload = {
          runId,
          workspaceId,
          seq: run.journal.length,
          event: part,
        }
        run.journal.push(payload)
        if (part.type === 'progress') run.progress.set(`${part.source}.${part.resource}`, part)
        deps.emit('collect:event', payload)
      }
    }
    runs.set(runId, run)
    run.done = (async () => {
      try {
        const snapshot = await deps.collect({
          ...deps.collectOptions,
          profile,
          credentials,
          ...(ca ? { ca } : {}),
          ...(expected ? { expected } : {}),
          signal: controller.signal,
          onEvent,
          onWarning: (message) => deps.log.warn('collect.warning', { runId, message }),
        })
        if (controller.signal.aborted) {
          finish({ outcome: 'cancelled', ...target, message: CANCELLED })
          return
        }
        finish({
          outcome: outcomeOf(snapshot),
          collectedAt: snapshot.collectedAt,
          collection: snapshot.collection,
          resources: recordCounts(snapshot),
          ...target,
          ...(snapshot.entra
            ? { entra: { tenantId: snapshot.entra.tenantId, cloud: snapshot.entra.cloud } }
            : {}),
          ...(snapshot.okta ? { okta: { orgUrl: snapshot.okta.orgUrl } } : {}),
        })
      } catch (error) {
        if (controller.signal.aborted || isAbortError(error)) {
          finish({ outcome: 'cancelled', ...target, message: CANCELLED })
          return
        }
        deps.log.error('collect.failed', { runId, error })
        const text = deps.log.redact(error instanceof Error ? error.message : String(error))
        finish({ outcome: 'failed', ...target, message: `The collection stopped: ${text}` })
      }
    })()
    deps.log.info('collect.started', {
      runId,
      workspaceId,
      entra: !!profile.entra,
      okta: !!profile.okta,
    })
    return output
  }

  const heldRun = (run: Run): HeldRun => ({
    ...run.start,
    workspaceId: run.workspaceId,
    startedAt: run.startedAt,
    events: run.journal.length,
    progress: [...run.progress.values()],
    ...(run.finished ? { finished: run.finished } : {}),
  })

  return {
    start,
    cancel: (runId) => {
      const run = runs.get(runId)
      if (!run || run.finished || run.controller.signal.aborted) return false
      run.controller.abort()
      deps.log.info('collect.cancel-requested', { runId })
      return true
    },
    stopWorkspace: async (workspaceId) => {
      for (const run of [...runs.values()]) {
        if (run.workspaceId !== workspaceId) continue
        run.controller.abort()
        await run.done
        runs.delete(run.runId)
      }
    },
    running: () => [...runs.values()].filter((r) => !r.finished).map((r) => r.runId),
    held: () => [...runs.values()].map(heldRun),
    eventsFrom: (runId, from) => {
      const run = runs.get(runId)
      if (!run) {
        throw new HandlerError(
          'not-found',
          'The host no longer holds this collection run (it was restarted, or the run was stored).',
        )
      }
      const events: CollectEventPayload[] = []
      let records = 0
      for (let seq = from; seq < run.journal.length; seq++) {
        const payload = run.journal[seq]!
        events.push(payload)
        if (payload.event.type === 'batch') records += payload.event.records.length
        if (records >= EVENTS_REPLY_RECORDS || events.length >= EVENTS_REPLY_EVENTS) break
      }
      const all = from + events.length >= run.journal.length
      return { events, ...(all && run.finished ? { finished: run.finished } : {}) }
    },
    release: (runId) => {
      const run = runs.get(runId)
      if (!run?.finished) return false
      runs.delete(runId)
      deps.log.info('collect.released', { runId })
      return true
    },
  }
}

const CANCELLED = 'The collection was cancelled; the last complete snapshot stays current.'

/**
 * `partial` when some resources failed but something was collected; `failed` when every
 * attempted resource failed (e.g. authentication failed on both sides).
 */
function outcomeOf(snapshot: Snapshot): CollectOutcome {
  if (snapshot.collection.complete) return 'complete'
  const collected = ['entra', 'okta'].some((side) => {
    const data = snapshot[side as 'entra' | 'okta'] as Record<string, unknown> | undefined
    return (
      data !== undefined &&
      Object.keys(data).some((k) => k !== 'tenantId' && k !== 'cloud' && k !== 'orgUrl')
    )
  })
  return collected ? 'partial' : 'failed'
}

// APIs do not echo credentials, but a batch is raw third-party data: check before it leaves.
function scrub(event: CollectEvent, secrets: string[], log: Logger): CollectEvent {
  if (event.type !== 'batch' || secrets.length === 0) return event
  const text = JSON.stringify(event.records)
  // as they appear inside JSON strings (a private key's line breaks are escaped there)
  const escaped = secrets.map((s) => JSON.stringify(s).slice(1, -1))
  if (!escaped.some((s) => text.includes(s))) return event
  log.warn('collect.batch-redacted', { source: event.source, resource: event.resource })
  const cleaned = escaped.reduce((t, s) => t.split(s).join(REDACTED), text)
  return { ...event, records: JSON.parse(cleaned) as typeof event.records }
}

// Hosts drop events that break the contract; an oversized batch is split rather than lost.
function split(event: CollectEvent): CollectEvent[] {
  if (event.type !== 'batch' || event.records.length <= MAX_BATCH_RECORDS) return [event]
  const parts: CollectEvent[] = []
  for (let i = 0; i < event.records.length; i += MAX_BATCH_RECORDS) {
    parts.push({ ...event, records: event.records.slice(i, i + MAX_BATCH_RECORDS) })
  }
  return parts
}
