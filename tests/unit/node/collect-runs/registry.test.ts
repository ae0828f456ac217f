import { describe, expect, it } from 'vitest'
import { EVENTS_REPLY_RECORDS, createCollectRuns } from '../../../../src/node/collect-runs/registry'
import type { CollectOptions } from '../../../../src/node/collect/collect-snapshot'
import type { EmitEvent } from '../../../../src/node/handlers'
import { createLogger } from '../../../../src/node/log'
import { AbortedError } from '../../../../src/node/net/retry'
import { eventContract } from '../../../../src/shared/ipc'
import { MAX_BATCH_RECORDS } from '../../../../src/shared/model/collect-events'
import type { CollectEventPayload, CollectFinished } from '../../../../src/shared/ipc/collect'
import type { Snapshot } from '../../../../src/shared/model/snapshot'

const WS = '7d1f1c2e-1111-4aaa-8bbb-000000000001'
const WS2 = '7d1f1c2e-1111-4aaa-8bbb-000000000002'
const SECRET = 'Zy7~the-planted-secret-000'
const TOKEN = '00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789'

function snapshot(errors: Snapshot['collection']['errors'] = [], withData = true): Snapshot {
  return {
    format: 'crosswalk.snapshot',
    version: 1,
    collectedAt: '2026-11-21T09:00:00.000Z',
    tool: { name: 'crosswalk', version: '0.1.0' },
    entra: { tenantId: 'resolved-tenant', cloud: 'global', ...(withData ? { users: [] } : {}) },
    collection: {
      startedAt: '2026-11-21T08:59:00.000Z',
      finishedAt: '2026-11-21T09:00:00.000Z',
      complete: errors.length === 0,
      errors,
      grantedPermissions: { entra: [], okta: [] },
      cursors: {},
    },
  }
}

function setup(collect: (o: CollectOptions) => Promise<Snapshot>) {
  const lines: string[] = []
  const events: { channel: string; payload: { runId?: string } }[] = []
  const log = createLogger({ write: (l) => lines.push(l), level: 'debug' })
  const emit: EmitEvent = (channel, payload) => {
    expect(eventContract[channel].safeParse(payload).success).toBe(true)
    events.push({ channel, payload: JSON.parse(JSON.stringify(payload)) as { runId?: string } })
  }
  const runs = createCollectRuns({
    emit,
    log,
    collect,
    resolve: async () => ({
      profile: {
        entra: { tenantId: 'contoso.onmicrosoft.com', clientId: 'c', cloud: 'global' },
        okta: { orgUrl: 'https://contoso.okta.com' },
      },
      credentials: {
        entra: { kind: 'secret', clientSecret: SECRET },
        okta: { kind: 'apiToken', token: TOKEN },
      },
      credentialProblems: [],
    }),
  })
  const finishedOf = (runId: string) =>
    events
      .filter((e) => e.channel === 'collect:finished' && e.payload.runId === runId)
      .map((e) => e.payload as CollectFinished)
  const forwarded = () =>
    events.filter((e) => e.channel === 'collect:event').map((e) => e.payload as CollectEventPayload)
  const settle = () => new Promise((r) => setTimeout(r, 10))
  return { runs, events, lines, finishedOf, forwarded, settle }
}

describe('collection runs', () => {
  it('forwards events, finishes once with the outcome, and frees the workspace', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const t = setup(async (o) => {
      o.onEvent?.({ type: 'batch', source: 'entra', resource: 'users', records: [{ id: 'u1' }] })
      await gate
      o.onEvent?.({
        type: 'progress',
        source: 'entra',
        resource: 'users',
        records: 1,
        pages: 1,
        throttleWaits: 0,
        retries: 0,
        errors: 0,
        etaMs: 0,
      })
      return snapshot()
    })
    const started = await t.runs.start(WS)
    expect(started).toMatchObject({
      tool: { name: 'crosswalk' },
      entra: { tenantId: 'contoso.onmicrosoft.com', cloud: 'global' },
      okta: { orgUrl: 'https://contoso.okta.com' },
    })
    await expect(t.runs.start(WS)).rejects.toMatchObject({ code: 'conflict' })
    // another workspace may run at the same time
    const other = await t.runs.start(WS2)
    release()
    await t.settle()
    const [end] = t.finishedOf(started.runId)
    expect(t.finishedOf(started.runId)).toHaveLength(1)
    expect(end).toMatchObject({
      outcome: 'complete',
      workspaceId: WS,
      entra: { tenantId: 'resolved-tenant' },
    })
    expect(t.events.filter((e) => e.payload.runId === started.runId).map((e) => e.channel)).toEqual(
      ['collect:event', 'collect:event', 'collect:finished'],
    )
    expect(t.finishedOf(other.runId)).toHaveLength(1)
    expect(t.runs.running()).toEqual([])
    expect(t.runs.cancel(started.runId)).toBe(false)
    await t.runs.start(WS)
  })

  it('partial when some resources failed, failed when nothing was collected', async () => {
    const error = {
      source: 'entra' as const,
      resource: 'signIns',
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges',
    }
    const partial = setup(async () => snapshot([error]))
    const a = await partial.runs.start(WS)
    await partial.settle()
    expect(partial.finishedOf(a.runId)[0]).toMatchObject({
      outcome: 'partial',
      collection: { errors: [error] },
    })
    const failed = setup(async () =>
      snapshot([{ ...error, resource: 'users', status: 401 }], false),
    )
    const b = await failed.runs.start(WS)
    await failed.settle()
    expect(failed.finishedOf(b.runId)[0]).toMatchObject({
      outcome: 'failed',
      collection: { complete: false },
    })
  })

  it('cancel aborts the collector: the run ends cancelled, once, and nothing follows', async () => {
    const t = setup(
      (o) =>
        new Promise((_, reject) => {
          o.onEvent?.({ type: 'batch', source: 'okta', resource: 'users', records: [] })
          o.signal?.addEventListener('abort', () => {
            // a late event after the abort must not be forwarded
            o.onEvent?.({ type: 'batch', source: 'okta', resource: 'groups', records: [] })
            setTimeout(() => reject(new AbortedError()), 5)
          })
        }),
    )
    const { runId } = await t.runs.start(WS)
    expect(t.runs.cancel(runId)).toBe(true)
    expect(t.runs.cancel(runId)).toBe(false)
    await t.settle()
    const ends = t.finishedOf(runId)
    expect(ends).toHaveLength(1)
    expect(ends[0]).toMatchObject({ outcome: 'cancelled' })
    expect(ends[0]?.collection).toBeUndefined()
  })

  it('stopWorkspace cancels and waits for the run to end', async () => {
    const t = setup(
      (o) =>
        new Promise((_, reject) =>
          o.signal?.addEventListener('abort', () => reject(new AbortedError())),
        ),
    )
    const { runId } = await t.runs.start(WS)
    await t.runs.stopWorkspace(WS)
    expect(t.finishedOf(runId)[0]?.outcome).toBe('cancelled')
  })

  it('keeps secrets out of failures, events and the log', async () => {
    const t = setup(async (o) => {
      o.onEvent?.({
        type: 'batch',
        source: 'entra',
        resource: 'applications',
        records: [{ id: 'a', note: `copied ${SECRET} here` }],
      })
      throw new Error(`socket closed while sending ${TOKEN}`)
    })
    const { runId } = await t.runs.start(WS)
    await t.settle()
    const [end] = t.finishedOf(runId)
    expect(end?.outcome).toBe('failed')
    expect(end?.message).toContain('[redacted]')
    const [batch] = t.forwarded()
    expect(batch?.event.type === 'batch' && batch.event.records[0]?.note).toBe(
      'copied [redacted] here',
    )
    const all = JSON.stringify(t.events) + t.lines.join('\n')
    expect(all).not.toContain(SECRET)
    expect(all).not.toContain(TOKEN)
    expect(t.lines.some((l) => l.includes('collect.failed'))).toBe(true)
  })

  it('finds a private key in a batch even though JSON escapes its line breaks', async () => {
    const key =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n'
    const lines: string[] = []
    const events: { channel: string; payload: unknown }[] = []
    const runs = createCollectRuns({
      emit: (channel, payload) => events.push({ channel, payload }),
      log: createLogger({ write: (l) => lines.push(l), level: 'debug' }),
      collect: async (o) => {
        o.onEvent?.({
          type: 'batch',
          source: 'okta',
          resource: 'apps',
          records: [{ id: 'a', echoed: key }],
        })
        return snapshot()
      },
      resolve: async () => ({
        profile: { okta: { orgUrl: 'https://contoso.okta.com' } },
        credentials: { okta: { kind: 'privateKey', privateKeyPem: key } },
        credentialProblems: [],
      }),
    })
    await runs.start(WS)
    await new Promise((r) => setTimeout(r, 10))
    const all = JSON.stringify(events) + lines.join('\n')
    expect(all).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC')
    expect(all).toContain('[redacted]')
  })

  it('splits a batch larger than the contract allows instead of losing it', async () => {
    const records = Array.from({ length: MAX_BATCH_RECORDS * 2 + 5 }, (_, i) => ({ id: `r${i}` }))
    const t = setup(async (o) => {
      o.onEvent?.({ type: 'batch', source: 'okta', resource: 'logs', records })
      return snapshot()
    })
    await t.runs.start(WS)
    await t.settle()
    const sizes = t.forwarded().map((p) => (p.event.type === 'batch' ? p.event.records.length : -1))
    expect(sizes).toEqual([MAX_BATCH_RECORDS, MAX_BATCH_RECORDS, 5])
    const ids = t
      .forwarded()
      .flatMap((p) => (p.event.type === 'batch' ? p.event.records.map((r) => r.id) : []))
    expect(ids).toEqual(records.map((r) => r.id))
  })
  it('numbers events, reports the collected resources (empty ones as 0) and how many events preceded the end', async () => {
    const t = setup(async (o) => {
      o.onEvent?.({ type: 'batch', source: 'entra', resource: 'users', records: [{ id: 'u1' }] })
      o.onEvent?.({ type: 'batch', source: 'entra', resource: 'users', records: [{ id: 'u2' }] })
      return {
        ...snapshot(),
        entra: { tenantId: 't', cloud: 'global', users: [{ id: 'u1' }, { id: 'u2' }] },
        okta: { orgUrl: 'https://contoso.okta.com', logs: [], userSchema: { id: 's' } },
      }
    })
    const { runId } = await t.runs.start(WS)
    await t.settle()
    expect(t.forwarded().map((p) => p.seq)).toEqual([0, 1])
    expect(t.finishedOf(runId)[0]).toMatchObject({
      events: 2,
      resources: { 'entra.users': 2, 'okta.logs': 0, 'okta.userSchema': 1 },
    })
  })

  it('holds a run until it is released, and hands out its events again to a window that missed them', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const t = setup(async (o) => {
      for (let i = 0; i < 3; i++) {
        o.onEvent?.({
          type: 'batch',
          source: 'okta',
          resource: 'users',
          records: [{ id: `u${i}` }],
        })
      }
      o.onEvent?.({
        type: 'progress',
        source: 'okta',
        resource: 'users',
        records: 3,
        pages: 3,
        throttleWaits: 0,
        retries: 0,
        errors: 0,
        etaMs: null,
      })
      await gate
      return snapshot()
    })
    const { runId } = await t.runs.start(WS)
    await t.settle()
    const [running] = t.runs.held()
    expect(running).toMatchObject({ runId, workspaceId: WS, events: 4 })
    expect(running?.finished).toBeUndefined()
    expect(running?.progress).toEqual([expect.objectContaining({ resource: 'users', records: 3 })])
    // a finished run cannot be released while it runs
    expect(t.runs.release(runId)).toBe(false)
    const slice = t.runs.eventsFrom(runId, 1)
    expect(slice.events.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(slice.finished).toBeUndefined()

    release()
    await t.settle()
    expect(t.runs.running()).toEqual([])
    expect(t.runs.held()[0]?.finished).toMatchObject({ outcome: 'complete', events: 4 })
    expect(t.runs.eventsFrom(runId, 4)).toMatchObject({ events: [], finished: { runId } })
    expect(t.runs.release(runId)).toBe(true)
    expect(t.runs.held()).toEqual([])
    expect(() => t.runs.eventsFrom(runId, 0)).toThrow(/no longer holds/)
  })

  it('hands out a long journal in bounded slices', async () => {
    const t = setup(async (o) => {
      for (let i = 0; i < 3; i++) {
        const records = Array.from({ length: EVENTS_REPLY_RECORDS / 2 }, (_, j) => ({
          id: `${i}.${j}`,
        }))
        o.onEvent?.({ type: 'batch', source: 'okta', resource: 'logs', records })
      }
      return snapshot()
    })
    const { runId } = await t.runs.start(WS)
    await t.settle()
    const first = t.runs.eventsFrom(runId, 0)
    expect(first.events.map((e) => e.seq)).toEqual([0, 1])
    expect(first.finished).toBeUndefined()
    const rest = t.runs.eventsFrom(runId, 2)
    expect(rest.events.map((e) => e.seq)).toEqual([2])
    expect(rest.finished?.events).toBe(3)
  })

  it("a new run supersedes the workspace's finished run nobody stored", async () => {
    const t = setup(async () => snapshot())
    const a = await t.runs.start(WS)
    await t.settle()
    expect(t.runs.held().map((r) => r.runId)).toEqual([a.runId])
    const b = await t.runs.start(WS)
    await t.settle()
    expect(t.runs.held().map((r) => r.runId)).toEqual([b.runId])
  })
})
