/**
 * Collection runs as the hosts hold them: at most one per workspace, each with its own
 * AbortController. A run forwards every collector event as `collect:event` and ends with
 * exactly one `collect:finished`, whatever happens (complete, partial, failed, cancelled).
 * No secret reaches an event, an error message or the log: the run's secrets are
 * registered with the log, and batches that would carry one are redacted before they leave.
 */
import { randomUUID } from 'node:crypto'
import type { CollectFinished, CollectOutcome, CollectStartOutput } from '../../shared/ipc/collect'
import { MAX_BATCH_RECORDS, type CollectEvent } from '../../shared/model/collect-events'
import type { Snapshot } from '../../shared/model/snapshot'
import type { CollectOptions } from '../collect/collect-snapshot'
import { APP_NAME, appVersion } from '../version'
import type { EmitEvent } from '../handlers'
import { HandlerError } from '../ipc/handler-error'
import type { Logger } from '../log'
import { REDACTED } from '../log'
import { isAbortError } from '../net/retry'
import { runSecrets } from '../profile/credentials'
import type { ResolvedConnection } from '../connections/resolve'

export interface CollectRuns {
  /** starts a run; `conflict` while the workspace already has one */
  start: (workspaceId: string) => Promise<CollectStartOutput>
  /** asks a running run to stop; false when no such run is running */
  cancel: (runId: string) => boolean
  /** cancels the workspace's run, if any, and waits until it has finished */
  stopWorkspace: (workspaceId: string) => Promise<void>
  /** the run ids still running */
  running: () => string[]
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
}

interface Run {
  workspaceId: string
  controller: AbortController
  done: Promise<void>
}

export function createCollectRuns(deps: CollectRunsDeps): CollectRuns {
  const runs = new Map<string, Run>()
  const starting = new Set<string>()

  const start = async (workspaceId: string): Promise<CollectStartOutput> => {
    if (
      starting.has(workspaceId) ||
      [...runs.values()].some((r) => r.workspaceId === workspaceId)
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
    let finished = false
    const finish = (payload: Omit<CollectFinished, 'runId' | 'workspaceId'>) => {
      if (finished) return
      finished = true
      runs.delete(runId)
      deps.log.info('collect.finished', { runId, workspaceId, outcome: payload.outcome })
      deps.emit('collect:finished', { runId, workspaceId, ...payload })
    }
    const onEvent = (event: CollectEvent) => {
      if (finished) return
      for (const part of split(scrub(event, secrets, deps.log))) {
        deps.emit('collect:event', { runId, workspaceId, event: part })
      }
    }
    const done = (async () => {
      try {
        const snapshot = await deps.collect({
          ...deps.collectOptions,
          profile,
          credentials,
          ...(ca ? { ca } : {}),
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
    runs.set(runId, { workspaceId, controller, done })
    deps.log.info('collect.started', {
      runId,
      workspaceId,
      entra: !!profile.entra,
      okta: !!profile.okta,
    })
    return { runId, tool: { name: APP_NAME, version: appVersion() }, ...target }
  }

  return {
    start,
    cancel: (runId) => {
      const run = runs.get(runId)
      if (!run || run.controller.signal.aborted) return false
      run.controller.abort()
      deps.log.info('collect.cancel-requested', { runId })
      return true
    },
    stopWorkspace: async (workspaceId) => {
      for (const run of [...runs.values()]) {
        if (run.workspaceId !== workspaceId) continue
        run.controller.abort()
        await run.done
      }
    },
    running: () => [...runs.keys()],
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
