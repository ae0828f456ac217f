import { describe, expect, it } from 'vitest'
import { createGraphClient } from '../../../../src/node/entra/graph-client'
import { resolveEntraEndpoints } from '../../../../src/node/entra/clouds'
import { NetworkError, type HttpRequest, type HttpResponse } from '../../../../src/node/net/http'

type Step = HttpResponse | NetworkError
const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponse => ({
  status,
  headers,
  body: JSON.stringify(body),
})

function stub(steps: Step[]): {
  send: (r: HttpRequest) => Promise<HttpResponse>
  requests: HttpRequest[]
} {
  const requests: HttpRequest[] = []
  return {
    requests,
    send: async (r) => {
      requests.push(r)
      const step = steps.shift()
      if (!step) throw new Error('unexpected request')
      if (step instanceof NetworkError) throw step
      return step
    },
  }
}

function client(steps: Step[], tokens: string[] = ['t1', 't2', 't3']) {
  const s = stub(steps)
  const slept: number[] = []
  const forced: boolean[] = []
  const graph = createGraphClient({
    graphRoot: 'https://graph.example/v1.0',
    send: s.send,
    getToken: async (force) => {
      forced.push(force)
      return force ? (tokens.shift() ?? 'x') : 't0'
    },
    sleep: async (ms) => void slept.push(ms),
    random: () => 0.5,
    maxRetries: 3,
  })
  return { graph, slept, forced, requests: s.requests }
}

describe('createGraphClient', () => {
  it('follows @odata.nextLink verbatim and reports the final delta link', async () => {
    const next = 'https://graph.example/v1.0/users/delta?$skiptoken=abc'
    const c = client([
      json(200, { value: [{ id: '1' }], '@odata.nextLink': next }),
      json(200, {
        value: [{ id: '2' }],
        '@odata.deltaLink': 'https://graph.example/v1.0/users/delta?$deltatoken=z',
      }),
    ])
    const seen: string[] = []
    const result = await c.graph.forEachPage(
      'users/delta?$select=id',
      (p) => void seen.push(...p.value.map((r) => String(r.id))),
    )
    expect(seen).toEqual(['1', '2'])
    expect(result).toEqual({
      pages: 2,
      deltaLink: 'https://graph.example/v1.0/users/delta?$deltatoken=z',
    })
    expect(c.requests.map((r) => r.url)).toEqual([
      'https://graph.example/v1.0/users/delta?$select=id',
      next,
    ])
    expect(c.requests[0]?.headers?.authorization).toBe('Bearer t0')
  })

  it('honours a fractional Retry-After on 429 and backs off when it is absent', async () => {
    const stats = { throttleWaits: 0, retries: 0 }
    const c = client([
      json(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '2.128' }),
      json(429, {}),
      json(200, { value: [] }),
    ])
    await c.graph.get('users', { stats })
    expect(c.slept[0]).toBe(2128)
    // attempt 1 without Retry-After: ceiling 1000 ms, jitter at 0.5 → 750 ms
    expect(c.slept[1]).toBe(750)
    expect(stats.throttleWaits).toBe(2)
  })

  it('retries 5xx, connection resets and cut-off bodies, then gives up with the Graph error', async () => {
    const stats = { throttleWaits: 0, retries: 0 }
    const c = client([
      json(503, { error: { code: 'serviceNotAvailable' } }),
      new NetworkError('reset', 'ECONNRESET'),
      { status: 200, headers: {}, body: '{"value":[{"id":' },
      json(200, { value: [{ id: 'ok' }] }),
    ])
    expect(await c.graph.get('users', { stats })).toEqual({ value: [{ id: 'ok' }] })
    expect(stats.retries).toBe(3)
    const fail = client([
      json(500, {}),
      json(500, {}),
      json(500, {}),
      json(500, { error: { code: 'generalException', message: 'boom' } }),
    ])
    await expect(fail.graph.get('users')).rejects.toMatchObject({
      status: 500,
      code: 'generalException',
      message: 'boom',
    })
  })

  it('re-acquires the token once on 401, then surfaces the Graph error', async () => {
    const c = client([
      json(401, { error: { code: 'InvalidAuthenticationToken' } }),
      json(200, { value: [] }),
    ])
    await c.graph.get('users')
    expect(c.forced).toEqual([false, true])
    expect(c.requests[1]?.headers?.authorization).toBe('Bearer t1')
    const twice = client([
      json(401, {
        error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired.' },
      }),
      json(401, {
        error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired.' },
      }),
    ])
    await expect(twice.graph.get('users')).rejects.toMatchObject({
      status: 401,
      code: 'InvalidAuthenticationToken',
    })
  })

  it('maps a 403 into an ApiError with the Graph code and request id', async () => {
    const c = client([
      json(
        403,
        {
          error: {
            code: 'Authorization_RequestDenied',
            message: 'Insufficient privileges to complete the operation.',
          },
        },
        { 'request-id': 'r-1' },
      ),
    ])
    await expect(c.graph.get('auditLogs/signIns')).rejects.toMatchObject({
      source: 'entra',
      status: 403,
      code: 'Authorization_RequestDenied',
      requestId: 'r-1',
    })
  })
})

describe('link safety', () => {
  it('never sends the token to a nextLink on another origin', async () => {
    const c = client([
      json(200, {
        value: [{ id: '1' }],
        '@odata.nextLink': 'https://evil.example/v1.0/users?$skiptoken=x',
      }),
    ])
    await expect(c.graph.forEachPage('users', () => undefined)).rejects.toMatchObject({
      code: 'foreign_link',
    })
    expect(c.requests).toHaveLength(1)
    expect(c.graph.isOwnUrl('https://graph.example/v1.0/users/delta?$deltatoken=1')).toBe(true)
    expect(c.graph.isOwnUrl('https://graph.example.evil/v1.0')).toBe(false)
  })
})

describe('resolveEntraEndpoints', () => {
  it('knows the national clouds and lets custom hosts win', () => {
    expect(resolveEntraEndpoints({ cloud: 'global', tenantId: 't' })).toMatchObject({
      authority: 'https://login.microsoftonline.com/t',
      graphRoot: 'https://graph.microsoft.com/v1.0',
      scope: 'https://graph.microsoft.com/.default',
    })
    expect(resolveEntraEndpoints({ cloud: 'usgov', tenantId: 't' })).toMatchObject({
      authority: 'https://login.microsoftonline.us/t',
      graphRoot: 'https://graph.microsoft.us/v1.0',
    })
    expect(resolveEntraEndpoints({ cloud: 'china', tenantId: 't' })).toMatchObject({
      authority: 'https://login.chinacloudapi.cn/t',
      graphRoot: 'https://microsoftgraph.chinacloudapi.cn/v1.0',
      scope: 'https://microsoftgraph.chinacloudapi.cn/.default',
    })
    expect(
      resolveEntraEndpoints({
        cloud: 'global',
        tenantId: 't',
        authorityHost: 'https://localhost:9/',
        graphBaseUrl: 'https://localhost:10/',
      }),
    ).toMatchObject({
      authority: 'https://localhost:9/t',
      graphRoot: 'https://localhost:10/v1.0',
      custom: true,
    })
  })
})
