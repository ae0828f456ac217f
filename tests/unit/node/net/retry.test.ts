import { describe, expect, it } from 'vitest'
import { backoffDelay, parseRetryAfter, sleep } from '../../../../src/node/net/retry'
import { parseLinkHeader } from '../../../../src/node/net/link-header'
import { createWindowLimiter } from '../../../../src/node/net/window-limiter'
import { mapWithConcurrency } from '../../../../src/node/net/concurrency'
import { redactSecretFields } from '../../../../src/node/net/redact'
import { redactSecrets } from '../../../../src/node/net/api-error'

describe('parseRetryAfter', () => {
  it('reads whole and fractional seconds and HTTP dates; rejects junk', () => {
    expect(parseRetryAfter('2')).toBe(2000)
    expect(parseRetryAfter('2.128')).toBe(2128)
    expect(parseRetryAfter(' 0.3 ')).toBe(300)
    expect(
      parseRetryAfter('Wed, 21 Oct 2026 07:28:05 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT')),
    ).toBe(5000)
    expect(parseRetryAfter(undefined)).toBeUndefined()
    expect(parseRetryAfter('')).toBeUndefined()
    expect(parseRetryAfter('soon')).toBeUndefined()
  })
})

describe('backoffDelay', () => {
  it('doubles the ceiling per attempt, jitters within [ceiling/2, ceiling], and caps', () => {
    expect(backoffDelay(0, { baseMs: 100, random: () => 0 })).toBe(50)
    expect(backoffDelay(0, { baseMs: 100, random: () => 0.999999 })).toBe(100)
    expect(backoffDelay(3, { baseMs: 100, random: () => 0 })).toBe(400)
    expect(backoffDelay(20, { baseMs: 100, maxMs: 1000, random: () => 1 })).toBe(1000)
  })
})

describe('sleep', () => {
  it('rejects with an AbortError when the signal aborts', async () => {
    const c = new AbortController()
    const p = sleep(10_000, c.signal)
    c.abort()
    await expect(p).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('parseLinkHeader', () => {
  it('reads self and next from one joined header, with or without quotes', () => {
    const header =
      '<https://acme.okta.com/api/v1/users?limit=200>; rel="self", <https://acme.okta.com/api/v1/users?after=00u1&limit=200>; rel="next"'
    expect(parseLinkHeader(header)).toEqual({
      self: 'https://acme.okta.com/api/v1/users?limit=200',
      next: 'https://acme.okta.com/api/v1/users?after=00u1&limit=200',
    })
    expect(parseLinkHeader('<https://x/a?b=1,2>; rel=next')).toEqual({ next: 'https://x/a?b=1,2' })
    expect(parseLinkHeader(undefined)).toEqual({})
    expect(parseLinkHeader('<https://x/last>; rel="self"').next).toBeUndefined()
  })
})

describe('createWindowLimiter', () => {
  it('lets 5 requests start per 10 s and makes the sixth wait for the window', async () => {
    let t = 0
    const waits: number[] = []
    const limiter = createWindowLimiter({
      max: 5,
      windowMs: 10_000,
      now: () => t,
      sleep: async (ms) => {
        waits.push(ms)
        t += ms
      },
    })
    for (let i = 0; i < 5; i++) expect(await limiter.acquire()).toBe(0)
    t = 2000
    const waited = await limiter.acquire()
    expect(waited).toBe(8001)
    expect(t).toBe(10_001)
    expect(waits).toEqual([8001])
  })
})

describe('mapWithConcurrency', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let active = 0
    let peak = 0
    const out = await mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (n) => {
      active++
      peak = Math.max(peak, active)
      await new Promise((r) => setTimeout(r, 5))
      active--
      return n * 10
    })
    expect(out).toEqual([10, 20, 30, 40, 50, 60])
    expect(peak).toBe(2)
  })
})

describe('redaction', () => {
  it('stores every secret field in one redacted form, whatever its shape', () => {
    const keyId = '6f1c3e2a-9b8d-4c7e-a1f0-123456789abc'
    const idp = {
      protocol: { credentials: { client: { client_id: 'abc', client_secret: 'xyz8Q~secret' } } },
      list: [{ password: 'hunter22' }],
      pasted: { client_secret: keyId.toUpperCase() },
      other: { client_secret: '11111111-2222-4333-8444-555555555555' },
    }
    redactSecretFields(idp, [keyId])
    expect(idp.protocol.credentials.client).toEqual({
      client_id: 'abc',
      client_secret: { redacted: true, hint: 'xyz', guidShaped: false },
    })
    expect(idp.list[0]?.password).toEqual({ redacted: true, hint: 'hun', guidShaped: false })
    // a secret ID pasted as the value is recorded by the key ID it equals
    expect(idp.pasted.client_secret).toEqual({
      redacted: true,
      hint: '6F1',
      guidShaped: true,
      keyId,
    })
    // a GUID that is no known key ID keeps nothing but its first three characters and its shape
    expect(idp.other.client_secret).toEqual({ redacted: true, hint: '111', guidShaped: true })
    expect(JSON.stringify(idp)).not.toContain('8Q~secret')
    expect(JSON.stringify(idp)).not.toContain('555555555555')
  })

  it('removes bearer/SSWS credentials, JWTs and known secrets from messages', () => {
    expect(redactSecrets('Authorization: SSWS 00abcDEF123 failed')).toBe(
      'Authorization: SSWS [redacted] failed',
    )
    expect(redactSecrets('token eyJhbGciOi.eyJzdWIi.sig here')).toBe('token [redacted-jwt] here')
    expect(redactSecrets('value s3cr3t-value leaked', ['s3cr3t-value'])).toBe(
      'value [redacted] leaked',
    )
  })
})
