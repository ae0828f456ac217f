import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../../emulator/index'
import { callJson } from '../../emulator/testing/clients'
import { FIXTURE } from '../../emulator/testing/fixture'
import { startFixtureEmulator } from '../../emulator/testing/start'

type OktaErr = {
  errorCode: string
  errorSummary: string
  errorLink: string
  errorId: string
  errorCauses: unknown[]
}

let emu: Emulator
beforeAll(async () => {
  emu = await startFixtureEmulator({ users: 30 })
})
afterAll(() => emu?.close())

const get = <T = Record<string, unknown>[]>(path: string, token: string = FIXTURE.oktaToken) =>
  callJson<T>(path.startsWith('https:') ? path : `${emu.oktaOrgUrl}${path}`, {
    ca: emu.caPem,
    headers: { authorization: `SSWS ${token}`, accept: 'application/json' },
  })

function links(header: string | string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of ([] as string[])
    .concat(header ?? [])
    .join(', ')
    .split(/,\s*(?=<)/)) {
    const m = /^<([^>]+)>;\s*rel="([^"]+)"$/.exec(part.trim())
    if (m?.[1] && m[2]) out[m[2]] = m[1]
  }
  return out
}

describe('Okta API, raw', () => {
  it('pages users with absolute self/next links, opaque cursors and rate-limit headers', async () => {
    const first = await get('/api/v1/users?limit=10')
    expect(first.json).toHaveLength(10)
    const l = links(first.headers.link)
    expect(l.self).toBe(`${emu.oktaOrgUrl}/api/v1/users?limit=10`)
    expect(l.next?.startsWith(`${emu.oktaOrgUrl}/api/v1/users?limit=10&after=`)).toBe(true)
    expect(first.headers['x-rate-limit-limit']).toBe('600')
    expect(Number(first.headers['x-rate-limit-remaining'])).toBeLessThan(600)
    expect(Number(first.headers['x-rate-limit-reset'])).toBeGreaterThan(Date.now() / 1000)
    expect(first.headers['x-okta-request-id']).toBeTruthy()
    expect(first.headers.date).toBeTruthy()
    const ids = first.json.map((u) => u.id)
    let next = l.next
    while (next) {
      const page = await get(next)
      ids.push(...page.json.map((u) => u.id))
      next = links(page.headers.link).next
    }
    expect(ids).toEqual(
      emu.scenario.okta.users.filter((u) => u.status !== 'DEPROVISIONED').map((u) => u.id),
    )
  })

  it('caps limit at the endpoint maximum and filters by profile.login and status', async () => {
    expect((await get('/api/v1/users?limit=5000')).json).toHaveLength(29)
    const login = String((emu.scenario.okta.users[3]?.profile as Record<string, unknown>).login)
    const one = await get(
      `/api/v1/users?filter=${encodeURIComponent(`profile.login eq "${login}"`)}`,
    )
    expect(one.json.map((u) => u.id)).toEqual([emu.scenario.okta.users[3]?.id])
    const dep = await get(`/api/v1/users?filter=${encodeURIComponent('status eq "DEPROVISIONED"')}`)
    expect(dep.json).toHaveLength(1)
    const bad = await get<OktaErr>(
      `/api/v1/users?filter=${encodeURIComponent('profile.city eq "x"')}`,
    )
    expect(bad.status).toBe(400)
    expect((await get('/api/v1/users?q=a')).json.length).toBeLessThanOrEqual(10)
    const search = await get(
      `/api/v1/users?search=${encodeURIComponent('profile.firstName sw "ada"')}`,
    )
    expect(search.json.length).toBeGreaterThan(0)
  })

  it('lists mappings without properties and returns them on the single mapping', async () => {
    const list = await get('/api/v1/mappings?sourceId=oty1emulatordefault01')
    expect(list.json).toHaveLength(1)
    expect(list.json[0]).not.toHaveProperty('properties')
    const one = await get<Record<string, unknown>>(`/api/v1/mappings/${String(list.json[0]?.id)}`)
    expect(Object.keys(one.json.properties as object)).toEqual(['immutableId', 'userName'])
    expect((one.json._links as { self: { href: string } }).self.href).toBeTruthy()
  })

  it('adds _links.self.href on single resources', async () => {
    const schema = await get<Record<string, unknown>>('/api/v1/meta/schemas/user/default')
    expect(schema.json.name).toBe('user')
    const app = await get<{ _links: { self: { href: string } } }>(
      `/api/v1/apps/${String(emu.scenario.okta.apps[0]?.id)}`,
    )
    expect(app.json._links.self.href).toContain('/api/v1/apps/')
  })

  it('keeps a next link on polling log queries and drops it at the end of bounded ones', async () => {
    const now = Date.parse(FIXTURE.now)
    const since = new Date(now - 86400_000).toISOString()
    const bounded = await get(
      `/api/v1/logs?since=${since}&until=${new Date(now).toISOString()}&limit=3`,
    )
    expect(bounded.json).toHaveLength(3)
    const last = await get(String(links(bounded.headers.link).next))
    expect(last.json).toHaveLength(2)
    expect(links(last.headers.link).next).toBeUndefined()
    const poll = await get(`/api/v1/logs?since=${since}&limit=10`)
    expect(poll.json).toHaveLength(5)
    const tail = links(poll.headers.link).next
    expect(tail).toBeTruthy()
    expect((await get(String(tail))).json).toHaveLength(0)
    emu.mutate.okta.add('logs', {
      uuid: 'new-log',
      published: new Date(now - 1000).toISOString(),
      eventType: 'user.session.start',
      outcome: { result: 'SUCCESS' },
    })
    const fresh = await get(String(tail))
    expect(fresh.json.map((e) => e.uuid)).toEqual(['new-log'])
    const filtered = await get(
      `/api/v1/logs?since=${since}&until=${new Date(now).toISOString()}&filter=${encodeURIComponent('eventType eq "user.authentication.auth_via_IDP" and outcome.result eq "FAILURE"')}`,
    )
    expect(filtered.json).toHaveLength(1)
    const desc = await get(
      `/api/v1/logs?since=${since}&until=${new Date(now).toISOString()}&sortOrder=DESCENDING`,
    )
    expect(String(desc.json[0]?.published) > String(desc.json[4]?.published)).toBe(true)
  })

  it('answers Okta error bodies: E0000011, E0000006, E0000007', async () => {
    const revoked = await get<OktaErr>('/api/v1/users', FIXTURE.oktaRevokedToken)
    expect(revoked.status).toBe(401)
    expect(revoked.json).toMatchObject({
      errorCode: 'E0000011',
      errorLink: 'E0000011',
      errorCauses: [],
    })
    expect(revoked.json.errorId).toMatch(/^oae/)
    expect((await get<OktaErr>('/api/v1/users', FIXTURE.oktaUserToken)).json.errorCode).toBe(
      'E0000006',
    )
    const missing = await get<OktaErr>('/api/v1/apps/0oanothere')
    expect(missing.status).toBe(404)
    expect(missing.json.errorCode).toBe('E0000007')
    const nowhere = await get<OktaErr>('/api/v1/nowhere')
    expect(nowhere.status).toBe(404)
    expect(nowhere.headers['x-rate-limit-remaining']).toBeTruthy()
  })

  it('reflects mutations with a fresh lastUpdated for incremental refresh', async () => {
    const id = String(emu.scenario.okta.users[0]?.id)
    const before = Date.now()
    emu.mutate.okta.update('users', id, { profile: { title: 'Director' } })
    const mark = new Date(Date.parse(FIXTURE.now) + (Date.now() - before) - 1000).toISOString()
    const changed = await get(
      `/api/v1/users?filter=${encodeURIComponent(`lastUpdated gt "${mark}"`)}`,
    )
    expect(changed.json.map((u) => u.id)).toEqual([id])
    expect((changed.json[0]?.profile as Record<string, unknown>).title).toBe('Director')
    expect((changed.json[0]?.profile as Record<string, unknown>).firstName).toBeTruthy()
  })
})
