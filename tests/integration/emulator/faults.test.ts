import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../../emulator/index'
import { call, graphToken } from '../../emulator/testing/clients'
import { FIXTURE } from '../../emulator/testing/fixture'
import { startFixtureEmulator } from '../../emulator/testing/start'

let emu: Emulator
let token: string
beforeAll(async () => {
  emu = await startFixtureEmulator({ seed: 11, users: 300 })
  token = await graphToken(emu, FIXTURE.readerAppId, FIXTURE.secret)
})
afterAll(() => emu?.close())

const graph = (path = 'users?$top=200&$select=id,displayName') =>
  call(`${emu.graphBaseUrl}/v1.0/${path}`, {
    ca: emu.caPem,
    headers: { authorization: `Bearer ${token}` },
  })
const okta = () =>
  call(`${emu.oktaOrgUrl}/api/v1/users?limit=50`, {
    ca: emu.caPem,
    headers: { authorization: `SSWS ${FIXTURE.oktaToken}` },
  })

describe('faults switched at runtime', () => {
  it('Graph 429 with fractional Retry-After, and without it', async () => {
    emu.setFaults('graph429=1,graph429NoRetryAfter=0.5,retryAfter=2')
    const rs = await Promise.all(Array.from({ length: 20 }, () => graph()))
    emu.setFaults('none')
    expect(rs.every((r) => r.status === 429)).toBe(true)
    const body = JSON.parse(rs[0]?.body ?? '{}') as {
      error: { code: string; innerError: Record<string, string> }
    }
    expect(body.error.code).toBe('TooManyRequests')
    expect(body.error.innerError.status).toBe('429')
    const withHeader = rs.filter((r) => r.headers['retry-after'] !== undefined)
    expect(withHeader.length).toBeGreaterThan(0)
    expect(withHeader.length).toBeLessThan(20)
    expect(withHeader.some((r) => String(r.headers['retry-after']).includes('.'))).toBe(true)
  })

  it('Okta 429 E0000047 with X-Rate-Limit-Reset and Date', async () => {
    emu.setFaults('okta429=1,okta429Reset=2')
    const r = await okta()
    emu.setFaults('none')
    expect(r.status).toBe(429)
    expect(JSON.parse(r.body).errorCode).toBe('E0000047')
    expect(r.headers['x-rate-limit-remaining']).toBe('0')
    const reset = Number(r.headers['x-rate-limit-reset'])
    const date = Date.parse(String(r.headers.date)) / 1000
    expect(reset - date).toBeGreaterThanOrEqual(1)
    expect(reset - date).toBeLessThanOrEqual(3)
  })

  it('5xx bursts on data routes while discovery and token stay reliable', async () => {
    emu.setFaults('5xx=1')
    const g = await graph()
    const o = await okta()
    const d = await call(
      `${emu.authorityHost}/${emu.tenantId}/v2.0/.well-known/openid-configuration`,
      { ca: emu.caPem },
    )
    const t = await graphToken(emu, FIXTURE.readerAppId, FIXTURE.secret)
    emu.setFaults('none')
    expect(g.status).toBe(503)
    expect(JSON.parse(g.body).error.code).toBe('serviceNotAvailable')
    expect(o.status).toBe(500)
    expect(JSON.parse(o.body).errorCode).toBe('E0000009')
    expect(d.status).toBe(200)
    expect(t).toBeTruthy()
  })

  it('resets connections mid-body', async () => {
    emu.setFaults('reset=1')
    const outcome = await graph().then(
      () => 'completed',
      (e: Error) => e.message,
    )
    emu.setFaults('none')
    expect(outcome).not.toBe('completed')
  })

  it('cuts JSON bodies short (malformed) with a clean end', async () => {
    emu.setFaults('malformed=1')
    const r = await graph()
    emu.setFaults('none')
    expect(r.status).toBe(200)
    expect(() => JSON.parse(r.body)).toThrow()
    expect(r.body.startsWith('{"@odata.context"')).toBe(true)
  })

  it('adds latency and slow streamed bodies', async () => {
    emu.setFaults('latency=150,slowBody=200')
    const started = Date.now()
    const r = await graph()
    const took = Date.now() - started
    emu.setFaults('none')
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body).value).toHaveLength(200)
    expect(took).toBeGreaterThanOrEqual(330)
  })

  it('shortens token lifetimes', async () => {
    emu.setFaults('tokenLifetime=5')
    const r = await call(`${emu.authorityHost}/${emu.tenantId}/oauth2/v2.0/token`, {
      ca: emu.caPem,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: FIXTURE.readerAppId,
        client_secret: FIXTURE.secret,
        grant_type: 'client_credentials',
        scope: 'https://graph.microsoft.com/.default',
      }).toString(),
    })
    emu.setFaults('none')
    expect(JSON.parse(r.body).expires_in).toBe(5)
  })

  it('limits audit-log reads per app per 10 s when `reports` is set, with a Retry-After', async () => {
    emu.setFaults('reports=3')
    const statuses: number[] = []
    let retryAfter = ''
    for (let i = 0; i < 5; i++) {
      const r = await graph(i % 2 ? 'auditLogs/signIns' : 'auditLogs/directoryAudits')
      statuses.push(r.status)
      if (r.status === 429) retryAfter = String(r.headers['retry-after'])
    }
    const users = await graph()
    emu.setFaults('none')
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    expect(Number(retryAfter)).toBeGreaterThan(0)
    expect(Number(retryAfter)).toBeLessThanOrEqual(10)
    expect(users.status).toBe(200)
  })

  it('is deterministic for a seed: same statuses in the same order', async () => {
    const run = async (): Promise<number[]> => {
      emu.setFaults('graph429=0.3,5xx=0.2')
      const out: number[] = []
      for (let i = 0; i < 30; i++) out.push((await graph('organization')).status)
      emu.setFaults('none')
      return out
    }
    const a = await run()
    const b = await run()
    expect(a).toEqual(b)
    expect(new Set(a).size).toBeGreaterThan(1)
  })
})
