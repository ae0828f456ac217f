/**
 * The host side of collection runs, as `src/node/collect-runs` behaves, over a fake
 * `window.api`: runs numbered events kept in a journal, `collect:runs`, `collect:events`
 * (in slices), `collect:release`, and `connections:get`. A test drives a run's events and
 * can hold some back from the live stream, as a reloading window misses them.
 */
import type {
  CollectEventPayload,
  CollectFinished,
  HeldRun,
} from '../../../../src/shared/ipc/collect'
import type { CollectEvent } from '../../../../src/shared/model/collect-events'
import type { FakeApi } from './fake-api'

export interface FakeRun {
  held: HeldRun
  journal: CollectEventPayload[]
}

export interface FakeCollectHost {
  runs: Map<string, FakeRun>
  /** ids handed out by the next `collect:start` calls, in order */
  nextRunIds: string[]
  /** a saved connection, as `connections:get` reports it */
  saved: boolean
  /** journals an event; `live: false` keeps it off the event stream (a window that is away) */
  event: (runId: string, event: CollectEvent, options?: { live?: boolean }) => void
  finish: (
    runId: string,
    payload: Omit<CollectFinished, 'runId' | 'workspaceId' | 'events'>,
    options?: { live?: boolean },
  ) => void
  released: string[]
}

const TOOL = { name: 'crosswalk', version: '0.1.0' }

export function installFakeCollectHost(
  api: FakeApi,
  target: Pick<HeldRun, 'entra' | 'okta'>,
): FakeCollectHost {
  const host: FakeCollectHost = {
    runs: new Map(),
    nextRunIds: [],
    saved: true,
    released: [],
    event: (runId, event, options) => {
      const run = host.runs.get(runId)!
      const payload: CollectEventPayload = {
        runId,
        workspaceId: run.held.workspaceId,
        seq: run.journal.length,
        event,
      }
      run.journal.push(payload)
      run.held.events = run.journal.length
      if (event.type === 'progress') {
        run.held.progress = [
          ...run.held.progress.filter(
            (p) => !(p.source === event.source && p.resource === event.resource),
          ),
          event,
        ]
      }
      if (options?.live !== false) api.emit('collect:event', payload)
    },
    finish: (runId, payload, options) => {
      const run = host.runs.get(runId)!
      const finished: CollectFinished = {
        runId,
        workspaceId: run.held.workspaceId,
        events: run.journal.length,
        ...payload,
      }
      run.held.finished = finished
      if (options?.live !== false) api.emit('collect:finished', finished)
    },
  }
  const inner = api.invoke
  api.invoke = async (channel, input) => {
    const args = (input ?? {}) as { workspaceId?: string; runId?: string; from?: number }
    switch (channel) {
      case 'collect:start': {
        api.calls.push({ channel, input })
        const runId = host.nextRunIds.shift()
        if (!runId) return inner(channel, input)
        const held: HeldRun = {
          runId,
          tool: TOOL,
          ...target,
          workspaceId: args.workspaceId!,
          startedAt: '2026-11-21T08:59:00.000Z',
          events: 0,
          progress: [],
        }
        for (const [id, run] of host.runs) {
          if (run.held.workspaceId === held.workspaceId) host.runs.delete(id)
        }
        host.runs.set(runId, { held, journal: [] })
        return { ok: true, value: { runId, tool: TOOL, ...target } }
      }
      case 'collect:cancel':
        api.calls.push({ channel, input })
        return { ok: true, value: { cancelled: true } }
      case 'collect:runs':
        return { ok: true, value: [...host.runs.values()].map((r) => structuredClone(r.held)) }
      case 'collect:events': {
        const run = host.runs.get(args.runId!)
        if (!run) return { ok: false, error: { code: 'not-found', message: 'not held' } }
        // small slices, so the reader has to ask more than once
        const events = run.journal.slice(args.from, (args.from ?? 0) + 2)
        const all = (args.from ?? 0) + events.length >= run.journal.length
        return {
          ok: true,
          value: { events, ...(all && run.held.finished ? { finished: run.held.finished } : {}) },
        }
      }
      case 'collect:release': {
        const run = host.runs.get(args.runId!)
        const released = !!run?.held.finished
        if (released) {
          host.runs.delete(args.runId!)
          host.released.push(args.runId!)
        }
        return { ok: true, value: { released } }
      }
      case 'connections:get':
        return {
          ok: true,
          value: {
            workspaceId: args.workspaceId,
            ...(host.saved
              ? {
                  okta: {
                    orgUrl: 'https://contoso.okta.com',
                    authKind: 'apiToken',
                    savedAt: '2026-11-20T09:00:00.000Z',
                  },
                }
              : {}),
          },
        }
      default:
        return inner(channel, input)
    }
  }
  return host
}
