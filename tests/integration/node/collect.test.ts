import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectSnapshot } from '../../../src/node/collect/collect-snapshot'
import { CollectEvent } from '../../../src/node/collect/events'
import { KEYED_RESOURCES, Snapshot } from '../../../src/shared/model/snapshot'
import { counts, logWindow, plantedSecrets, startHarness, type Harness } from './helpers'
import { expectedCounts } from './truth'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ scenario: 'healthy' })
})
afterAll(async () => {
  await h?.emulator.close()
})

const run = (
  extra: Partial<Parameters<typeof collectSnapshot>[0]> = {},
): ReturnType<typeof collectSnapshot> =>
  collectSnapshot({
    profile: h.profile,
    credentials: h.credentials,
    ca: h.ca,
    ...logWindow(h.emulator),
    ...extra,
  })

describe('collectSnapshot against the healthy emulator', () => {
  it('collects every resource with the scenario’s record counts, complete, schema-valid', async () => {
    const events: unknown[] = []
    const snap = await run({ onEvent: (e) => events.push(JSON.parse(JSON.stringify(e))) })
    expect(snap.collection.errors).toEqual([])
    expect(snap.collection.complete).toBe(true)
    expect(counts(snap)).toEqual(expectedCounts(h.emulator.scenario, logWindow(h.emulator)))
    expect(Snapshot.safeParse(snap).success).toBe(true)
    expect(snap.entra?.tenantId).toBe(h.emulator.tenantId)
    expect(snap.okta?.userSchema?.name).toBe('user')
    // mappings are fetched by id: the list has no properties
    expect(
      snap.okta?.mappings?.every((m) => m.properties && typeof m.properties === 'object'),
    ).toBe(true)
    expect(snap.collection.grantedPermissions.entra).toContain('User.Read.All')
    expect(snap.collection.cursors['entra.users']).toMatch(/deltatoken/)
    expect(snap.collection.cursors['okta.users']).toMatch(/^\d{4}-/)
    // events are JSON and valid against their schemas; batches add up to the collected users
    for (const e of events) expect(CollectEvent.safeParse(e).success).toBe(true)
    const batchedUsers = events
      .map((e) => CollectEvent.parse(e))
      .filter((e) => e.type === 'batch' && e.source === 'okta' && e.resource === 'users')
      .reduce((n, e) => n + (e.type === 'batch' ? e.records.length : 0), 0)
    expect(batchedUsers).toBe(snap.okta?.users?.length)
    // keyed resources stream one parent's records per batch: put back together by key, the
    // batches are what the snapshot holds (the app's cache keeps no parent without records)
    for (const source of ['entra', 'okta'] as const) {
      for (const resource of KEYED_RESOURCES[source]) {
        const streamed: Record<string, unknown[]> = {}
        for (const e of events.map((x) => CollectEvent.parse(x)))
          if (e.type === 'batch' && e.source === source && e.resource === resource)
            (streamed[e.key ?? '(no key)'] ??= []).push(...e.records)
        const side: Record<string, unknown> = snap[source] ?? {}
        const held = Object.fromEntries(
          Object.entries((side[resource] ?? {}) as Record<string, unknown[]>).filter(
            ([, records]) => records.length > 0,
          ),
        )
        expect(streamed, `${source}.${resource}`).toEqual(held)
      }
    }
    const text = JSON.stringify({ snap, events })
    for (const secret of plantedSecrets(h)) expect(text).not.toContain(secret)
  })

  it('reads the System Log window as a bounded query and keeps audit logs within 5 requests per 10 s', async () => {
    h.emulator.clearLog()
    h.emulator.setFaults('graph429=0.3,graph429NoRetryAfter=0,retryAfter=0.2')
    try {
      const snap = await run()
      expect(snap.collection.complete).toBe(true)
    } finally {
      h.emulator.setFaults('none')
    }
    const logs = h.emulator.requestLog.filter((r) => r.url.startsWith('/api/v1/logs'))
    // first the newest event alone (the app-user refresh mark), then the bounded window
    const [head, ...window] = logs
    expect(head?.url).toBe('/api/v1/logs?limit=1&sortOrder=DESCENDING')
    expect(window.length).toBeGreaterThan(0)
    for (const r of window) expect(r.url).toMatch(/since=.*until=/)
    const audit = h.emulator.requestLog
      .filter((r) => r.url.includes('/auditLogs/'))
      .map((r) => r.at)
    expect(audit.length).toBeGreaterThanOrEqual(3)
    for (const t of audit)
      expect(audit.filter((u) => u >= t && u < t + 10_000).length).toBeLessThanOrEqual(5)
  })

  it('selects the hybrid-identity properties Graph omits by default', async () => {
    const snap = await run()
    const synced = snap.entra?.users?.find((u) => u.onPremisesImmutableId)
    expect(synced).toBeDefined()
    expect(Object.keys(snap.entra?.users?.[0] ?? {})).toContain('onPremisesSyncEnabled')
    expect(Object.keys(snap.entra?.applications?.[0] ?? {})).toContain('passwordCredentials')
  })

  it('cancelling at any point under faults rejects with AbortError, never a complete snapshot', async () => {
    h.emulator.setFaults('latency=10,graph429=0.1,retryAfter=0.2,okta429=0.05,5xx=0.05,reset=0.03')
    try {
      for (const delay of [1, 40, 120, 250, 400]) {
        const controller = new AbortController()
        let abortedAt = Number.POSITIVE_INFINITY
        const p = run({ signal: controller.signal }).then((snap) => ({
          snap,
          at: performance.now(),
        }))
        setTimeout(() => {
          abortedAt = performance.now()
          controller.abort()
        }, delay)
        const outcome = await p.catch((error: unknown) => error)
        if (outcome instanceof Error) expect(outcome.name).toBe('AbortError')
        else expect((outcome as { at: number }).at).toBeLessThan(abortedAt)
      }
    } finally {
      h.emulator.setFaults('none')
    }
  })

  it('a cancelled run rejects and never yields a complete snapshot', async () => {
    h.emulator.setFaults('latency=30')
    try {
      const controller = new AbortController()
      const p = run({ signal: controller.signal })
      setTimeout(() => controller.abort(), 150)
      await expect(p).rejects.toMatchObject({ name: 'AbortError' })
      const pre = new AbortController()
      pre.abort()
      await expect(run({ signal: pre.signal })).rejects.toMatchObject({ name: 'AbortError' })
    } finally {
      h.emulator.setFaults('none')
    }
  })
})
