import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectSnapshot } from '../../../src/node/collect/collect-snapshot'
import type { RawRecord, Snapshot } from '../../../src/shared/model/snapshot'
import { logWindow, startHarness, type Harness } from './helpers'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ scenario: 'healthy' })
})
afterAll(async () => {
  await h?.emulator.close()
})

const byId = (records: RawRecord[] | undefined): RawRecord[] =>
  [...(records ?? [])].sort((a, b) => String(a.id).localeCompare(String(b.id)))

const members = (byGroup: Record<string, RawRecord[]> | undefined): unknown =>
  Object.fromEntries(
    Object.entries(byGroup ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, byId(v)]),
  )

function comparable(s: Snapshot): unknown {
  return {
    entraUsers: byId(s.entra?.users),
    entraGroups: byId(s.entra?.groups),
    entraGroupMembers: members(s.entra?.groupMembers),
    oktaUsers: byId(s.okta?.users),
    oktaGroups: byId(s.okta?.groups),
    oktaGroupMembers: members(s.okta?.groupMembers),
    oktaApps: byId(s.okta?.apps),
  }
}

describe('incremental refresh', () => {
  it('delta links and lastUpdated marks give the same data as a fresh full collection', async () => {
    const opts = {
      profile: h.profile,
      credentials: h.credentials,
      ca: h.ca,
      ...logWindow(h.emulator),
    }
    const first = await collectSnapshot(opts)
    expect(first.collection.complete).toBe(true)

    const s = h.emulator.scenario
    const m = h.emulator.mutate
    const [eu1, eu2, eu3] = s.entra.users
    const [ou1, ou2] = s.okta.users.filter((u) => u.status === 'ACTIVE')
    const [eg1] = s.entra.groups
    const [og1] = s.okta.groups
    m.entra.update('users', String(eu1?.id), { displayName: 'Changed Name', jobTitle: 'Refreshed' })
    m.entra.remove('users', String(eu2?.id), 'deleted')
    m.entra.remove('users', String(eu3?.id), 'changed')
    m.entra.add('users', {
      id: '11111111-2222-3333-4444-555555555555',
      userPrincipalName: 'new.user@northwindtraders.com',
      displayName: 'New User',
      accountEnabled: true,
    })
    m.entra.update('groups', String(eg1?.id), { displayName: 'Renamed group' })
    m.okta.update('users', String(ou1?.id), { profile: { title: 'Refreshed title' } })
    m.okta.update('users', String(ou2?.id), { status: 'DEPROVISIONED' })
    m.okta.add('users', {
      id: '00unewuser0000000001',
      status: 'ACTIVE',
      profile: {
        login: 'new.okta@northwindtraders.com',
        email: 'new.okta@northwindtraders.com',
        firstName: 'New',
        lastName: 'Okta',
      },
    })
    m.okta.update('groups', String(og1?.id), { profile: { name: 'Renamed okta group' } })
    // memberships: one person leaves All Staff in Entra and another joins it, one leaves
    // O365-Licensed in Okta
    const licensed = s.entra.groups.find((g) => g.displayName === 'All Staff')
    const oktaLicensed = s.okta.groups.find(
      (g) => (g.profile as Record<string, unknown>).name === 'O365-Licensed',
    )
    const entraMembers = s.entra.groupMembers[String(licensed?.id)] ?? []
    m.entra.setMembers(String(licensed?.id), [
      ...entraMembers.slice(1),
      { '@odata.type': '#microsoft.graph.user', id: String(eu1?.id) },
    ])
    m.okta.setMembers(
      String(oktaLicensed?.id),
      (s.okta.groupMembers[String(oktaLicensed?.id)] ?? []).slice(1),
    )

    h.emulator.clearLog()
    const refreshed = await collectSnapshot({ ...opts, since: first })
    const urls = h.emulator.requestLog.map((r) => decodeURIComponent(r.url))
    const fresh = await collectSnapshot(opts)
    expect(refreshed.collection.complete).toBe(true)
    expect(comparable(refreshed)).toEqual(comparable(fresh))
    expect(refreshed.entra?.users?.find((u) => u.id === eu1?.id)?.displayName).toBe('Changed Name')
    expect(refreshed.entra?.users?.some((u) => u.id === eu2?.id)).toBe(false)
    expect(refreshed.okta?.users?.some((u) => u.id === ou2?.id)).toBe(false)
    // the refresh used the stored cursors: delta tokens and a lastUpdated filter
    expect(urls.some((u) => u.includes('/users/delta?$deltatoken='))).toBe(true)
    expect(urls.some((u) => u.includes('/api/v1/users') && u.includes('lastUpdated ge'))).toBe(true)
    // memberships: Graph's members delta link, and only the Okta groups whose members moved
    expect(urls.some((u) => u.includes('/groups/delta?$deltatoken='))).toBe(true)
    const memberReads = urls.filter((u) => /\/api\/v1\/groups\/[^/?]+\/users/.test(u))
    // the licensed group, and the group whose last change is the mark itself (`ge`)
    expect(memberReads.length).toBe(2)
    expect(memberReads.some((u) => u.includes(String(oktaLicensed?.id)))).toBe(true)
    expect(entraMembers.length).toBeGreaterThan(100)
    expect(refreshed.entra?.groupMembers?.[String(licensed?.id)]?.length).toBe(entraMembers.length)
    expect(refreshed.collection.cursors['entra.users']).not.toBe(
      first.collection.cursors['entra.users'],
    )
  })
})

describe('incremental refresh after churn', () => {
  it('after the emulator’s churn (moves, renames, leavers, joiners) the refresh equals a full collection', async () => {
    const { churn } = await import('../../emulator/scenarios/mutations')
    const opts = {
      profile: h.profile,
      credentials: h.credentials,
      ca: h.ca,
      ...logWindow(h.emulator),
    }
    const first = await collectSnapshot(opts)
    const changes = churn(h.emulator.scenario, 0.2, 42, { sink: h.emulator.mutate as never })
    expect(changes.length).toBeGreaterThan(0)
    const refreshed = await collectSnapshot({ ...opts, since: first })
    const fresh = await collectSnapshot(opts)
    expect(comparable(refreshed)).toEqual(comparable(fresh))
    const appUsers = (s: Snapshot): unknown =>
      Object.fromEntries(Object.entries(s.okta?.appUsers ?? {}).map(([k, v]) => [k, byId(v)]))
    expect(appUsers(refreshed)).toEqual(appUsers(fresh))
  })
})
