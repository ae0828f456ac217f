/**
 * Hostile or broken service answers, fed to the real Graph client, Okta reader and Entra
 * sign-in through a scripted sender (and a loopback server for the transport's own limits).
 * Each ends in a clear `ApiError` or network error, or is handled inertly, within bounds.
 */
import { createServer, type Server } from 'node:http'
import { expect, vi } from 'vitest'
import { createOutput } from '../../../src/cli/output'
import { createEntraAuth } from '../../../src/node/entra/auth'
import { createGraphClient } from '../../../src/node/entra/graph-client'
import { ApiError } from '../../../src/node/net/api-error'
import {
  createHttpClient,
  NetworkError,
  type HttpRequest,
  type HttpResponse,
} from '../../../src/node/net/http'
import { MAX_RETRY_WAIT_MS } from '../../../src/node/net/transient'
import { createOktaClient } from '../../../src/node/okta/client'
import { createOktaReader, toOktaError } from '../../../src/node/okta/okta-reader'
import { UNSAFE_TEXT, type HostileCase } from './harness'

type Answer = HttpResponse | ((request: HttpRequest) => HttpResponse)
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  ({
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }) satisfies HttpResponse

/** A sender answering every request with `answer` (or the next of `answers`), recording it. */
function scripted(answers: Answer | Answer[]) {
  const requests: HttpRequest[] = []
  const list = Array.isArray(answers) ? [...answers] : undefined
  const always = Array.isArray(answers) ? undefined : answers
  const send = async (request: HttpRequest): Promise<HttpResponse> => {
    requests.push(request)
    const next = list ? list.shift() : always
    if (!next) throw new NetworkError('no more answers', 'ECONNREFUSED')
    return typeof next === 'function' ? next(request) : next
  }
  return { send, requests }
}

const GRAPH = 'https://graph.example.test/v1.0'
const ORG = 'https://contoso.okta.test'

function graphWith(answers: Answer | Answer[]) {
  const s = scripted(answers)
  const waits: number[] = []
  const graph = createGraphClient({
    graphRoot: GRAPH,
    send: s.send,
    getToken: async () => 'graph-token',
    sleep: async (ms) => void waits.push(ms),
    maxRetries: 3,
  })
  return { graph, waits, requests: s.requests }
}

function oktaWith(answers: Answer | Answer[]) {
  const s = scripted(answers)
  const waits: number[] = []
  const sleep = async (ms: number) => void waits.push(ms)
  const conn = createOktaClient({
    orgUrl: ORG,
    credential: { kind: 'apiToken', token: '00okta-token-value' },
    send: s.send,
    sleep,
    maxRetries: 2,
  })
  const reader = createOktaReader({ ...conn, orgUrl: ORG, sleep, maxRetries: 2 })
  return { reader, waits, requests: s.requests }
}

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

function printsInert(text: string): void {
  const out: string[] = []
  createOutput({ stdout: (t) => out.push(t), stderr: (t) => out.push(t) }).err(`${text}\n`)
  expect(out.join('')).not.toMatch(UNSAFE_TEXT)
}

const api = (
  kind: string,
  run: () => Promise<void>,
  limits?: HostileCase['limits'],
): HostileCase => ({
  category: 'API response',
  kind,
  run,
  ...(limits ? { limits } : {}),
})

/** A loopback HTTP server for the transport's own limits; closed after the case. */
async function serve(
  handler: Parameters<typeof createServer>[1],
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function apiResponseCases(): HostileCase[] {
  return [
    api('Graph: a 200 answer that is never JSON', async () => {
      const g = graphWith({ status: 200, headers: {}, body: '<html>proxy login</html>' })
      expect((await apiError(g.graph.get('users'))).code).toBe('malformed_response')
      expect(g.requests).toHaveLength(4)
    }),
    api('Graph: a page whose value is not a list', async () => {
      const g = graphWith(json(200, { value: { id: 'x' } }))
      expect((await apiError(g.graph.forEachPage('users', () => undefined))).code).toBe(
        'malformed_response',
      )
    }),
    api('Graph: a page of entries that are not objects', async () => {
      const g = graphWith(json(200, { value: [{ id: 'a' }, 'b', null, 42] }))
      const e = await apiError(g.graph.forEachPage('users', () => undefined))
      expect(e.message).toBe('Graph returned 3 entries that are not an object.')
    }),
    api('Graph: a next link that loops', async () => {
      const g = graphWith(
        json(200, { value: [], '@odata.nextLink': `${GRAPH}/users?$skiptoken=1` }),
      )
      expect((await apiError(g.graph.forEachPage('users', () => undefined))).code).toBe(
        'paging_loop',
      )
      expect(g.requests.length).toBeLessThanOrEqual(2)
    }),
    api('Graph: a next link to another host', async () => {
      const g = graphWith(json(200, { value: [], '@odata.nextLink': 'https://evil.example/steal' }))
      expect((await apiError(g.graph.forEachPage('users', () => undefined))).code).toBe(
        'foreign_link',
      )
      expect(g.requests.map((r) => new URL(r.url).host)).toEqual(['graph.example.test'])
    }),
    api('Graph: escape sequences in an error message', async () => {
      const g = graphWith(
        json(403, {
          error: {
            code: 'Authorization_RequestDenied',
            message: 'Denied\u001b]0;pwned\u0007\u001b[2J\nNo findings.',
          },
        }),
      )
      const e = await apiError(g.graph.get('users'))
      printsInert(`entra.users: ${e.message}`)
    }),
    api('Graph: a Retry-After of a year', async () => {
      const g = graphWith([
        json(429, {}, { 'retry-after': String(365 * 86_400) }),
        json(200, { value: [] }),
      ])
      await g.graph.get('users')
      expect(g.waits).toEqual([MAX_RETRY_WAIT_MS])
    }),
    api('Graph: 503 for ever', async () => {
      const g = graphWith(json(503, { error: { code: 'serviceNotAvailable', message: 'down' } }))
      const e = await apiError(g.graph.get('users'))
      expect([e.status, g.requests.length]).toEqual([503, 4])
    }),
    api('Graph: a record carrying __proto__', async () => {
      const g = graphWith({
        status: 200,
        headers: {},
        body: '{"value":[{"id":"1","__proto__":{"polluted":true}}]}',
      })
      const records: unknown[] = []
      await g.graph.forEachPage('users', (page) => void records.push(...page.value))
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
      expect(Object.keys(records[0] as object)).toContain('__proto__')
    }),
    api('Okta: a Link header that loops', async () => {
      const o = oktaWith(json(200, [], { link: `<${ORG}/api/v1/users?after=1>; rel="next"` }))
      expect((await apiError(o.reader.forEachPage('/api/v1/users', () => undefined))).code).toBe(
        'paging_loop',
      )
    }),
    api('Okta: a Link header to another origin', async () => {
      const o = oktaWith(json(200, [], { link: '<https://evil.example/api/v1/users>; rel="next"' }))
      expect((await apiError(o.reader.forEachPage('/api/v1/users', () => undefined))).code).toBe(
        'foreign_link',
      )
      expect(o.requests.map((r) => new URL(r.url).host)).toEqual(['contoso.okta.test'])
    }),
    api('Okta: a page that is an object', async () => {
      const o = oktaWith(json(200, { id: '00u1' }))
      expect((await apiError(o.reader.forEachPage('/api/v1/users', () => undefined))).code).toBe(
        'malformed_response',
      )
    }),
    api('Okta: a rate-limit reset ten years away', async () => {
      // waits pass on a fake clock, so the pacer sees the time it asked for go by
      vi.useFakeTimers({ toFake: ['Date'] })
      try {
        const now = Math.floor(Date.now() / 1000)
        const waits: number[] = []
        const s = scripted(
          json(
            429,
            { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit' },
            {
              date: new Date(now * 1000).toUTCString(),
              'x-rate-limit-limit': '100',
              'x-rate-limit-remaining': '0',
              'x-rate-limit-reset': String(now + 10 * 365 * 86_400),
            },
          ),
        )
        const sleep = async (ms: number) => {
          waits.push(ms)
          vi.setSystemTime(Date.now() + ms)
        }
        const conn = createOktaClient({
          orgUrl: ORG,
          credential: { kind: 'apiToken', token: '00okta-token-value' },
          send: s.send,
          sleep,
          maxRetries: 2,
        })
        const reader = createOktaReader({ ...conn, orgUrl: ORG, sleep, maxRetries: 2 })
        const e = await apiError(reader.getJson('/api/v1/users'))
        expect(e.status).toBe(429)
        expect(Math.max(...waits)).toBeLessThanOrEqual(MAX_RETRY_WAIT_MS)
        // three attempts, each after at most one capped wait for the bucket and one backoff
        expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(6 * MAX_RETRY_WAIT_MS)
      } finally {
        vi.useRealTimers()
      }
    }),
    api('Okta: escape sequences in an error summary', async () => {
      const o = oktaWith(
        json(403, {
          errorCode: 'E0000006',
          errorSummary: 'You do not have permission\u001b[2J\u009b31m\u202e',
        }),
      )
      printsInert(toOktaError(await apiError(o.reader.getJson('/api/v1/users'))).message)
    }),
    api('Okta: an HTML page instead of JSON', async () => {
      const o = oktaWith({
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: '<html>captive portal</html>',
      })
      expect((await apiError(o.reader.getJson('/api/v1/users'))).code).toBe('malformed_response')
    }),
    api('Entra sign-in: a token endpoint that answers HTML', async () => {
      const tenant = '11111111-2222-3333-4444-555555555555'
      const host = 'https://login.example.test'
      const s = scripted((request) =>
        request.url.endsWith('openid-configuration')
          ? json(200, {
              token_endpoint: `${host}/${tenant}/oauth2/v2.0/token`,
              authorization_endpoint: `${host}/${tenant}/oauth2/v2.0/authorize`,
              end_session_endpoint: `${host}/${tenant}/oauth2/v2.0/logout`,
              issuer: `${host}/${tenant}/v2.0`,
              jwks_uri: `${host}/${tenant}/discovery/v2.0/keys`,
            })
          : { status: 200, headers: {}, body: '<html>sign in to the proxy</html>' },
      )
      const auth = createEntraAuth({
        profile: {
          tenantId: tenant,
          clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
          cloud: 'global',
          clientSecretEnv: 'X',
          authorityHost: host,
        },
        credential: { kind: 'secret', clientSecret: 'abc8Q~hostile' },
        send: s.send,
        retry: { sleep: async () => undefined },
      })
      const e = await apiError(auth.getToken())
      expect(e.message).toMatch(/non-JSON body/)
      expect(s.requests.filter((r) => r.method === 'POST')).toHaveLength(5)
    }),
    api('Entra sign-in: discovery down for good', async () => {
      const s = scripted(json(503, { error: 'temporarily_unavailable' }))
      const auth = createEntraAuth({
        profile: {
          tenantId: '11111111-2222-3333-4444-555555555555',
          clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
          cloud: 'global',
          clientSecretEnv: 'X',
          authorityHost: 'https://login.example.test',
        },
        credential: { kind: 'secret', clientSecret: 'abc8Q~hostile' },
        send: s.send,
        retry: { sleep: async () => undefined },
      })
      await apiError(auth.getToken())
      expect(s.requests.length).toBeLessThanOrEqual(10)
    }),
    api('transport: a body larger than 64 MiB', async () => {
      const chunk = Buffer.alloc(1024 * 1024, 0x20)
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        let sent = 0
        const write = (): void => {
          while (sent < 80 && res.write(chunk)) sent++
          if (sent < 80) res.once('drain', write)
          else res.end()
        }
        write()
      })
      const http = createHttpClient()
      try {
        const error = await http.send({ method: 'GET', url: server.url }).catch((e: unknown) => e)
        expect((error as NetworkError).code).toBe('ERESPONSETOOLARGE')
      } finally {
        http.close()
        await server.close()
      }
    }),
    api('transport: a body that never ends', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"value":[')
      })
      const http = createHttpClient()
      try {
        const error = await http
          .send({ method: 'GET', url: server.url, timeoutMs: 300 })
          .catch((e: unknown) => e)
        expect((error as NetworkError).code).toBe('ETIMEDOUT')
      } finally {
        http.close()
        await server.close()
      }
    }),
    api('transport: a redirect to another host', async () => {
      const g = graphWith({ status: 302, headers: { location: 'https://evil.example/' }, body: '' })
      const e = await apiError(g.graph.get('users'))
      expect(e.status).toBe(302)
      expect(g.requests.map((r) => new URL(r.url).host)).toEqual(['graph.example.test'])
    }),
  ]
}
