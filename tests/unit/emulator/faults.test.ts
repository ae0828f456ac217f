import { describe, expect, it } from 'vitest'
import {
  FaultEngine,
  formatFaults,
  mulberry32,
  NO_FAULTS,
  parseFaults,
} from '../../emulator/faults'

describe('fault spec', () => {
  it('parses the compact grammar', () => {
    const s = parseFaults(
      'latency=20,jitter=5,graph429=0.1,graph429NoRetryAfter=0.3,okta429=0.05,5xx=0.05,reset=0.02,malformed=0.02,tokenLifetime=5,slowBody=200,auth',
    )
    expect(s).toMatchObject({
      latency: 20,
      jitter: 5,
      graph429: 0.1,
      graph429NoRetryAfter: 0.3,
      okta429: 0.05,
      serverError: 0.05,
      reset: 0.02,
      malformed: 0.02,
      tokenLifetime: 5,
      slowBody: 200,
      auth: true,
    })
    expect(parseFaults('none')).toEqual(NO_FAULTS)
    expect(parseFaults('')).toEqual(NO_FAULTS)
  })

  it('round-trips through formatFaults', () => {
    const text = 'latency=20,graph429=0.1,5xx=0.05,burst=3'
    expect(parseFaults(formatFaults(parseFaults(text)))).toEqual(parseFaults(text))
    expect(formatFaults(NO_FAULTS)).toBe('none')
  })

  it('rejects unknown keys, missing numbers and probabilities above 1', () => {
    expect(() => parseFaults('lag=3')).toThrow(/unknown fault/)
    expect(() => parseFaults('latency')).toThrow(/needs a number/)
    expect(() => parseFaults('graph429=2')).toThrow(/probability/)
    expect(() => parseFaults('latency=-1')).toThrow(/>= 0/)
  })
})

describe('fault decisions', () => {
  it('are reproducible per seed and independent of how routes interleave', () => {
    const a = new FaultEngine(7, 'graph429=0.3,5xx=0.2,reset=0.1')
    const b = new FaultEngine(7, 'graph429=0.3,5xx=0.2,reset=0.1')
    const seqA = Array.from({ length: 50 }, () => a.decide('graph', 'GET /v1.0/users', false))
    // b sees another route's requests in between: the users route must decide the same
    const seqB = Array.from({ length: 50 }, () => {
      b.decide('okta', 'GET /api/v1/users', false)
      return b.decide('graph', 'GET /v1.0/users', false)
    })
    expect(seqB).toEqual(seqA)
    const c = new FaultEngine(8, 'graph429=0.3,5xx=0.2,reset=0.1')
    expect(
      Array.from({ length: 50 }, () => c.decide('graph', 'GET /v1.0/users', false)),
    ).not.toEqual(seqA)
  })

  it('hits roughly the configured rates, with fractional Retry-After and some omitted', () => {
    const e = new FaultEngine(1, 'graph429=0.25,graph429NoRetryAfter=0.5,retryAfter=3')
    const ds = Array.from({ length: 4000 }, (_, i) => e.decide('graph', `r${i % 7}`, false))
    const throttled = ds.filter((d) => d.throttle)
    expect(throttled.length / ds.length).toBeGreaterThan(0.2)
    expect(throttled.length / ds.length).toBeLessThan(0.3)
    const omitted = throttled.filter((d) => d.retryAfter === null).length / throttled.length
    expect(omitted).toBeGreaterThan(0.4)
    expect(omitted).toBeLessThan(0.6)
    const values = throttled.map((d) => d.retryAfter).filter((v): v is number => v !== null)
    expect(values.some((v) => !Number.isInteger(v))).toBe(true)
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0.1)
    expect(Math.max(...values)).toBeLessThanOrEqual(3)
  })

  it('runs 5xx bursts of the configured length per service', () => {
    const e = new FaultEngine(3, '5xx=0.05,burst=4')
    const ds = Array.from({ length: 2000 }, (_, i) => e.decide('okta', `r${i}`, false).serverError)
    const runs: number[] = []
    let run = 0
    for (const d of ds) {
      if (d) run++
      else if (run) {
        runs.push(run)
        run = 0
      }
    }
    expect(runs.length).toBeGreaterThan(5)
    expect(runs.every((r) => r % 4 === 0)).toBe(true)
  })

  it('leaves auth routes alone unless the auth fault is set', () => {
    const e = new FaultEngine(1, '5xx=1,latency=50')
    expect(e.decide('entra', 'GET /discovery', true)).toMatchObject({
      serverError: false,
      delayMs: 0,
    })
    e.set('5xx=1,auth')
    expect(e.decide('entra', 'GET /discovery', true).serverError).toBe(true)
  })

  it('mulberry32 yields floats in [0, 1)', () => {
    const r = mulberry32(42)
    const xs = Array.from({ length: 1000 }, r)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(new Set(xs).size).toBe(1000)
  })
})
