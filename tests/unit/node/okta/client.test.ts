import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createOktaClient } from '../../../../src/node/okta/client'
import { createOktaReader } from '../../../../src/node/okta/okta-reader'
import type { HttpRequest, HttpResponse } from '../../../../src/node/net/http'

const STRAY = {
  OKTA_CLIENT_TOKEN: 'stray-env-token',
  OKTA_CLIENT_ORGURL: 'https://stray-env.example.com',
  OKTA_CLIENT_AUTHORIZATIONMODE: 'PrivateKey',
  OKTA_CLIENT_CLIENTID: 'stray-client',
  OKTA_CLIENT_SCOPES: 'okta.users.manage',
  OKTA_CLIENT_PRIVATEKEY: 'stray-key',
  OKTA_CLIENT_KEYID: 'stray-kid',
}
const YAML = `okta:\n  client:\n    orgUrl: https://stray-yaml.example.com\n    token: stray-yaml-token\n    authorizationMode: PrivateKey\n    clientId: yaml-client\n    scopes: okta.users.manage\n`

let dir: string
const saved: Record<string, string | undefined> = {}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosswalk-okta-'))
  await mkdir(join(dir, 'home', '.okta'), { recursive: true })
  await writeFile(join(dir, 'okta.yaml'), YAML)
  await writeFile(join(dir, 'home', '.okta', 'okta.yaml'), YAML)
  for (const [k, v] of Object.entries({ ...STRAY, HOME: join(dir, 'home') })) {
    saved[k] = process.env[k]
    process.env[k] = v
  }
  vi.spyOn(process, 'cwd').mockReturnValue(dir)
})
afterEach(async () => {
  vi.restoreAllMocks()
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  await rm(dir, { recursive: true, force: true })
})

function stubSend(responses: ((r: HttpRequest) => HttpResponse)[]): {
  send: (r: HttpRequest) => Promise<HttpResponse>
  requests: HttpRequest[]
} {
  const requests: HttpRequest[] = []
  return {
    requests,
    send: async (r) => {
      requests.push(r)
      const next = responses.shift()
      if (!next) throw new Error('unexpected request')
      return next(r)
    },
  }
}

const page = (records: unknown[], next?: string): HttpResponse => ({
  status: 200,
  headers: {
    'content-type': 'application/json',
    date: new Date().toUTCString(),
    'x-rate-limit-limit': '600',
    'x-rate-limit-remaining': '599',
    'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 60),
    ...(next
      ? {
          link: `<https://mine.example.com/api/v1/users?limit=200>; rel="self", <${next}>; rel="next"`,
        }
      : {}),
  },
  body: JSON.stringify(records),
})

describe('createOktaClient', () => {
  it('ignores stray OKTA_CLIENT_* variables and okta.yaml files in cwd and home', async () => {
    const s = stubSend([() => page([{ id: '00u1' }])])
    const conn = createOktaClient({
      orgUrl: 'https://mine.example.com',
      credential: { kind: 'apiToken', token: 'my-token' },
      send: s.send,
    })
    const c = conn.client as unknown as {
      authorizationMode: string
      baseUrl: string
      apiToken: string
    }
    expect(c.authorizationMode).toBe('SSWS')
    expect(c.baseUrl).toBe('https://mine.example.com')
    expect(c.apiToken).toBe('my-token')
    const reader = createOktaReader({
      client: conn.client,
      executor: conn.executor,
      orgUrl: 'https://mine.example.com',
    })
    expect(await reader.getJson('/api/v1/users?limit=1')).toEqual([{ id: '00u1' }])
    expect(s.requests[0]?.url).toBe('https://mine.example.com/api/v1/users?limit=1')
    expect(s.requests[0]?.headers?.Authorization).toBe('SSWS my-token')
  })

  it('an OAuth service app keeps its own client id and scopes', () => {
    const conn = createOktaClient({
      orgUrl: 'https://mine.example.com',
      credential: {
        kind: 'privateKey',
        privateKeyPem: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----',
        keyId: 'kid-1',
      },
      clientId: '0oa-mine',
      scopes: ['okta.users.read'],
      send: stubSend([]).send,
    })
    const c = conn.client as unknown as {
      authorizationMode: string
      clientId: string
      scopes: string[]
      keyId: string
    }
    expect(c).toMatchObject({
      authorizationMode: 'PrivateKey',
      clientId: '0oa-mine',
      scopes: ['okta.users.read'],
      keyId: 'kid-1',
    })
  })
})

describe('createOktaReader', () => {
  it('follows Link rel="next" verbatim, retries a 5xx and a cut-off body, and maps E0000 errors', async () => {
    const next = 'https://mine.example.com/api/v1/users?after=00u2&limit=200'
    const s = stubSend([
      () => page([{ id: '00u1' }], next),
      () => ({ status: 503, headers: {}, body: '' }),
      () => ({ ...page([]), body: '[{"id":"00' }),
      () => page([{ id: '00u2' }]),
      () => ({
        status: 403,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          errorCode: 'E0000006',
          errorSummary: 'You do not have permission to perform the requested action',
        }),
      }),
    ])
    const conn = createOktaClient({
      orgUrl: 'https://mine.example.com',
      credential: { kind: 'apiToken', token: 't' },
      send: s.send,
      sleep: async () => undefined,
    })
    const reader = createOktaReader({
      client: conn.client,
      executor: conn.executor,
      orgUrl: 'https://mine.example.com',
      sleep: async () => undefined,
    })
    const stats = { throttleWaits: 0, retries: 0 }
    const seen: string[] = []
    const pages = await reader.forEachPage(
      '/api/v1/users?limit=200',
      (r) => void seen.push(...r.map((x) => String(x.id))),
      stats,
    )
    expect(pages).toBe(2)
    expect(seen).toEqual(['00u1', '00u2'])
    expect(s.requests[1]?.url).toBe(next)
    expect(stats.retries).toBe(2)
    await expect(reader.getJson('/api/v1/apps')).rejects.toMatchObject({
      source: 'okta',
      status: 403,
      code: 'E0000006',
    })
  })

  it('refuses a Link rel="next" on another origin (the token stays home)', async () => {
    const s = stubSend([() => page([{ id: '00u1' }], 'https://evil.example/api/v1/users?after=x')])
    const conn = createOktaClient({
      orgUrl: 'https://mine.example.com',
      credential: { kind: 'apiToken', token: 't' },
      send: s.send,
    })
    const reader = createOktaReader({
      client: conn.client,
      executor: conn.executor,
      orgUrl: 'https://mine.example.com',
    })
    await expect(reader.forEachPage('/api/v1/users', () => undefined)).rejects.toMatchObject({
      code: 'foreign_link',
    })
    expect(s.requests).toHaveLength(1)
  })

  it('backs off on a 429 the SDK cannot time (no reset header) and counts it', async () => {
    const s = stubSend([
      () => ({
        status: 429,
        headers: {},
        body: JSON.stringify({ errorCode: 'E0000047', errorSummary: 'rate limit' }),
      }),
      () => page([{ id: '00u7' }]),
    ])
    const slept: number[] = []
    const conn = createOktaClient({
      orgUrl: 'https://mine.example.com',
      credential: { kind: 'apiToken', token: 't' },
      send: s.send,
      sleep: async (ms) => void slept.push(ms),
    })
    const reader = createOktaReader({
      client: conn.client,
      executor: conn.executor,
      orgUrl: 'https://mine.example.com',
    })
    const stats = { throttleWaits: 0, retries: 0 }
    expect(await reader.getJson('/api/v1/users', stats)).toEqual([{ id: '00u7' }])
    expect(slept).toHaveLength(1)
    expect(stats.throttleWaits).toBe(1)
  })

  it('waits on a 429 the SDK way (X-Rate-Limit-Reset − Date + 1 s) and counts the throttle wait', async () => {
    const now = Date.now()
    const s = stubSend([
      () => ({
        status: 429,
        headers: {
          date: new Date(now).toUTCString(),
          'x-rate-limit-limit': '600',
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': String(Math.floor(now / 1000)),
          'x-okta-request-id': 'req-1',
        },
        body: JSON.stringify({
          errorCode: 'E0000047',
          errorSummary: 'API call exceeded rate limit due to too many requests.',
        }),
      }),
      (r) => {
        expect(r.headers?.['X-Okta-Retry-Count']).toBe('1')
        return page([{ id: '00u9' }])
      },
    ])
    const conn = createOktaClient({
      orgUrl: 'https://mine.example.com',
      credential: { kind: 'apiToken', token: 't' },
      send: s.send,
    })
    const reader = createOktaReader({
      client: conn.client,
      executor: conn.executor,
      orgUrl: 'https://mine.example.com',
    })
    const stats = { throttleWaits: 0, retries: 0 }
    const started = Date.now()
    expect(await reader.getJson('/api/v1/users', stats)).toEqual([{ id: '00u9' }])
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(stats.throttleWaits).toBe(1)
  })
})
