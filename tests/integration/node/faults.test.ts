import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectSnapshot } from '../../../src/node/collect/collect-snapshot'
import type { CollectEvent, ProgressEvent } from '../../../src/node/collect/events'
import { counts, logWindow, plantedSecrets, startHarness, type Harness } from './helpers'
import { expectedCounts } from './truth'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ scenario: 'healthy' })
})
afterAll(async () => {
  await h?.emulator.close()
})

const FAULTS: [string, string][] = [
  ['latency', 'latency=15,jitter=10'],
  ['graph 429 with Retry-After', 'graph429=0.15,graph429NoRetryAfter=0,retryAfter=0.3'],
  ['graph 429 without Retry-After', 'graph429=0.15,graph429NoRetryAfter=1'],
  ['okta 429', 'okta429=0.1,okta429Reset=0'],
  ['5xx bursts', '5xx=0.15,burst=2'],
  ['connection resets', 'reset=0.1'],
  ['malformed JSON', 'malformed=0.1'],
  ['short token lifetime', 'tokenLifetime=1,latency=5'],
  // auth: sign-in and discovery get the faults too, retried like Graph calls
  ['sign-in and discovery 5xx', 'auth,5xx=0.3,burst=1'],
  ['sign-in and discovery malformed JSON', 'auth,malformed=0.3'],
  ['sign-in and discovery resets', 'auth,reset=0.3'],
]

describe('collection under faults', () => {
  for (const [name, spec] of FAULTS) {
    it(`${name}: every record arrives, complete, no secret leaks`, async () => {
      h.emulator.setFaults(spec)
      const events: CollectEvent[] = []
      try {
        const snap = await collectSnapshot({
          profile: h.profile,
          credentials: h.credentials,
          ca: h.ca,
          ...logWindow(h.emulator),
          onEvent: (e) => events.push(e),
        })
        expect(snap.collection.errors).toEqual([])
        expect(snap.collection.complete).toBe(true)
        expect(counts(snap)).toEqual(expectedCounts(h.emulator.scenario, logWindow(h.emulator)))
        const text = JSON.stringify({ snap, events })
        for (const secret of plantedSecrets(h)) expect(text).not.toContain(secret)
        const last = new Map<string, ProgressEvent>()
        for (const e of events) if (e.type === 'progress') last.set(`${e.source}.${e.resource}`, e)
        const waits = [...last.values()].reduce((n, e) => n + e.throttleWaits + e.retries, 0)
        if (/429|5xx|reset|malformed/.test(name)) expect(waits).toBeGreaterThan(0)
      } finally {
        h.emulator.setFaults('none')
      }
    })
  }
})
