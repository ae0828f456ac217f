import { describe, expect, it } from 'vitest'
import { bucketKey, createPacer } from '../../../../src/node/okta/pacer'
import { normaliseOrgUrl } from '../../../../src/node/okta/org-url'

const headers = (h: Record<string, string>): { get: (n: string) => string | null } => ({
  get: (n) => h[n] ?? null,
})

describe('bucketKey', () => {
  it('groups URLs by endpoint with object ids replaced', () => {
    expect(bucketKey('https://o/api/v1/users?limit=200&after=00u1')).toBe('/api/v1/users')
    expect(bucketKey('https://o/api/v1/apps/0oa1abcdefghijklmnop/users')).toBe(
      '/api/v1/apps/*/users',
    )
    expect(bucketKey('https://o/api/v1/apps/0oa9zyxwvutsrqponmlk/users')).toBe(
      '/api/v1/apps/*/users',
    )
  })
})

describe('createPacer', () => {
  it('waits for the reset once this client used its share of the bucket', async () => {
    let t = 1_000_000
    const slept: number[] = []
    const pacer = createPacer({
      share: 0.5,
      now: () => t,
      sleep: async (ms) => {
        slept.push(ms)
        t += ms
      },
    })
    const url = 'https://o/api/v1/users?limit=200'
    const date = new Date(t).toUTCString()
    const reset = String(Math.floor(t / 1000) + 60)
    expect(await pacer.before(url)).toBe(0)
    // 600/min bucket; 300 used → at the 50% share
    pacer.after(
      url,
      headers({
        'x-rate-limit-limit': '600',
        'x-rate-limit-remaining': '300',
        'x-rate-limit-reset': reset,
        date,
      }),
    )
    const waited = await pacer.before(url)
    expect(waited).toBeGreaterThanOrEqual(60_000)
    expect(waited).toBeLessThanOrEqual(61_000)
    // other buckets are independent
    expect(await pacer.before('https://o/api/v1/groups')).toBe(0)
  })

  it('does not wait below the share, and converts reset with the Date header (clock skew)', async () => {
    let t = 5_000_000
    const pacer = createPacer({ share: 0.5, now: () => t, sleep: async (ms) => void (t += ms) })
    const url = 'https://o/api/v1/logs'
    // server clock is one hour ahead of ours; reset 10 s after the server's Date
    const server = t + 3_600_000
    pacer.after(
      url,
      headers({
        'x-rate-limit-limit': '100',
        'x-rate-limit-remaining': '60',
        'x-rate-limit-reset': String(Math.floor(server / 1000) + 10),
        date: new Date(server).toUTCString(),
      }),
    )
    expect(await pacer.before(url)).toBe(0)
    pacer.after(
      url,
      headers({
        'x-rate-limit-limit': '100',
        'x-rate-limit-remaining': '50',
        'x-rate-limit-reset': String(Math.floor(server / 1000) + 10),
        date: new Date(server).toUTCString(),
      }),
    )
    const waited = await pacer.before(url)
    expect(waited).toBeGreaterThan(9000)
    expect(waited).toBeLessThan(12_000)
    expect(pacer.serverNow()).toBeGreaterThan(t + 3_500_000)
  })
})

describe('normaliseOrgUrl', () => {
  it('strips trailing slashes and corrects the -admin host with a warning', () => {
    expect(normaliseOrgUrl('https://acme.okta.com/')).toEqual({
      orgUrl: 'https://acme.okta.com',
      warnings: [],
    })
    const admin = normaliseOrgUrl('https://acme-admin.okta.com')
    expect(admin.orgUrl).toBe('https://acme.okta.com')
    expect(admin.warnings[0]).toMatch(/admin console/)
    expect(normaliseOrgUrl('https://login.acme.com//').orgUrl).toBe('https://login.acme.com')
  })

  it('schedules the requests still to come by its own pacing: the rest of this window, then a share per window', () => {
    const t = 1_000_000
    const pacer = createPacer({ share: 0.5, now: () => t })
    const url = 'https://o/api/v1/users?limit=200'
    // unknown bucket: nothing to say yet
    expect(pacer.schedule(url, 500)).toBe(0)
    // 600/min, 500 remaining (100 used of our 300), resets in 30 s (server clock = local)
    pacer.after(
      url,
      headers({
        date: new Date(t).toUTCString(),
        'x-rate-limit-limit': '600',
        'x-rate-limit-remaining': '500',
        'x-rate-limit-reset': String(Math.floor(t / 1000) + 29),
      }),
    )
    expect(pacer.schedule(url, 200)).toBe(0)
    // 200 fit in this window; 100 more wait for the reset (30 s from now)
    expect(pacer.schedule(url, 300)).toBe(30_000)
    // 200 now, 300 in the next window, 100 in the one after
    expect(pacer.schedule(url, 600)).toBe(90_000)
  })
})
