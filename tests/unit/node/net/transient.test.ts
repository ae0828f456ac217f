import { describe, expect, it } from 'vitest'
import { createEntraAuth } from '../../../../src/node/entra/auth'
import { NetworkError, type HttpRequest, type HttpResponse } from '../../../../src/node/net/http'
import {
  createRetryingSend,
  isTransientCode,
  retryReason,
} from '../../../../src/node/net/transient'

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  ({ status, headers, body: JSON.stringify(body) }) satisfies HttpResponse

/** A sender answering from a script, one entry per call, recording what was asked. */
function scripted(answers: (HttpResponse | Error)[]) {
  const calls: HttpRequest[] = []
  const send = (request: HttpRequest): Promise<HttpResponse> => {
    calls.push(request)
    const next = answers.shift()
    if (!next) return Promise.reject(new Error('unexpected request'))
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next)
  }
  return { send, calls }
}

describe('the transient policy', () => {
  it('calls resets, timeouts and malformed HTTP transient, but not DNS, refusals or TLS', () => {
    for (const code of [
      'ECONNRESET',
      'EPIPE',
      'ETIMEDOUT',
      'ECONNABORTED',
      'HPE_INVALID_CHUNK_SIZE',
    ])
      expect(isTransientCode(code), code).toBe(true)
    for (const code of ['ENOTFOUND', 'ECONNREFUSED', 'CERT_HAS_EXPIRED', 'ABORT_ERR', undefined])
      expect(isTransientCode(code), code).toBe(false)
  })

  it('retries 5xx, 429 and cut-off 2xx bodies; keeps 4xx and non-JSON errors final', () => {
    expect(retryReason(json(503, {}))).toBe('transient')
    expect(retryReason(json(429, {}))).toBe('throttled')
    expect(retryReason({ status: 200, headers: {}, body: '{"value":[' })).toBe('transient')
    expect(retryReason(json(400, { error: 'invalid_client' }))).toBeUndefined()
    expect(retryReason({ status: 404, headers: {}, body: '<html>' })).toBeUndefined()
    expect(retryReason(json(200, { ok: true }))).toBeUndefined()
  })
})

describe('createRetryingSend', () => {
  const waits: number[] = []
  const policy = {
    maxRetries: 3,
    sleep: async (ms: number) => {
      waits.push(ms)
    },
    random: () => 0,
  }

  it('retries until an answer is final, honouring Retry-After', async () => {
    waits.length = 0
    const { send, calls } = scripted([
      json(503, { error: 'temporarily_unavailable' }),
      Object.assign(new NetworkError('reset', 'ECONNRESET')),
      json(429, {}, { 'retry-after': '2' }),
      json(200, { ok: true }),
    ])
    const answer = await createRetryingSend(send, policy)({ method: 'GET', url: 'https://x/' })
    expect(answer.status).toBe(200)
    expect(calls).toHaveLength(4)
    expect(waits).toEqual([250, 500, 2000])
  })

  it('returns the last answer, or throws the last error, when retries run out', async () => {
    const statuses = scripted([json(503, {}), json(503, {}), json(503, {}), json(503, {})])
    expect(
      (await createRetryingSend(statuses.send, policy)({ method: 'GET', url: 'https://x/' }))
        .status,
    ).toBe(503)
    expect(statuses.calls).toHaveLength(4)
    const refused = scripted([new NetworkError('refused', 'ECONNREFUSED')])
    await expect(
      createRetryingSend(refused.send, policy)({ method: 'GET', url: 'https://x/' }),
    ).rejects.toThrow('refused')
    expect(refused.calls).toHaveLength(1)
  })
})

describe('Entra sign-in under the policy', () => {
  const tenant = '11111111-2222-3333-4444-555555555555'
  const host = 'https://login.example.test'
  const discovery = json(200, {
    token_endpoint: `${host}/${tenant}/oauth2/v2.0/token`,
    authorization_endpoint: `${host}/${tenant}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${host}/${tenant}/oauth2/v2.0/logout`,
    issuer: `${host}/${tenant}/v2.0`,
    jwks_uri: `${host}/${tenant}/discovery/v2.0/keys`,
    response_types_supported: ['code'],
  })
  const payload = Buffer.from(JSON.stringify({ roles: ['User.Read.All'], tid: tenant })).toString(
    'base64url',
  )
  const token = json(200, {
    token_type: 'Bearer',
    expires_in: 3599,
    access_token: `eyJhbGciOiJub25lIn0.${payload}.`,
  })
  const unavailable = json(503, {
    error: 'temporarily_unavailable',
    error_description: 'AADSTS90033: A transient error has occurred. Please try again.',
    error_codes: [90033],
  })

  it('signs in through a 503 and a cut-off body from discovery and the token endpoint', async () => {
    const { send, calls } = scripted([
      { status: 200, headers: {}, body: '{"token_endpoint":' },
      discovery,
      unavailable,
      token,
    ])
    const auth = createEntraAuth({
      profile: {
        tenantId: tenant,
        clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
        cloud: 'global',
        clientSecretEnv: 'X',
        authorityHost: host,
      },
      credential: { kind: 'secret', clientSecret: 'abc8Q~not-a-real-secret' },
      send,
      retry: { sleep: async () => undefined },
    })
    const result = await auth.getToken()
    expect(result.roles).toEqual(['User.Read.All'])
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual([
      `GET /${tenant}/v2.0/.well-known/openid-configuration`,
      `GET /${tenant}/v2.0/.well-known/openid-configuration`,
      `POST /${tenant}/oauth2/v2.0/token`,
      `POST /${tenant}/oauth2/v2.0/token`,
    ])
  })
})
