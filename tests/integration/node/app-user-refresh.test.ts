import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectSnapshot, type CollectOptions } from '../../../src/node/collect/collect-snapshot'
import type { Profile } from '../../../src/node/profile/profile'
import type { RawRecord, Snapshot } from '../../../src/shared/model/snapshot'
import { mutateScenarioBatch, type ChangeSink } from '../../emulator/scenarios/mutations'
import { userEvent } from '../../emulator/scenarios/change-events'
import { Rng } from '../../emulator/scenarios/random'
import { logWindow, startHarness, type Harness } from './helpers'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ scenario: 'healthy' })
})
afterAll(async () => {
  await h?.emulator.close()
})

const options = (): CollectOptions => ({
  profile: h.profile,
  credentials: h.credentials,
  ca: h.ca,
  ...logWindow(h.emulator),
})

const byId = (records: readonly RawRecord[] | undefined): RawRecord[] =>
  [...(records ?? [])].sort((a, b) => String(a.id).localeCompare(String(b.id)))

const appUsers = (s: Snapshot): Record<string, RawRecord[]> =>
  Object.fromEntries(Object.entries(s.okta?.appUsers ?? {}).map(([k, v]) => [k, byId(v)]))

/** Okta requests of the last run, path and query decoded */
const oktaRequests = (harness: Harness = h): string[] =>
  harness.emulator.requestLog
    .filter((r) => r.service === 'okta')
    .map((r) => decodeURIComponent(`${r.method} ${r.url}`))

const o365 = (harness: Harness = h): RawRecord => {
  const app = harness.emulator.scenario.okta.apps.find((a) => a['name'] === 'office365')
  if (!app) throw new Error('the healthy scenario has an Office 365 app')
  return app as RawRecord
}

/** Entra ids of people with an Office 365 app user */
const o365People = (harness: Harness, n: number): string[] =>
  (harness.emulator.scenario.okta.appUsers[String(o365(harness).id)] ?? [])
    .slice(0, n)
    .map((au) => String(au['externalId']))

describe('app-user refresh', () => {
  it('a full collection marks the System Log time its app users are current at', async () => {
    const snap = await collectSnapshot(options())
    expect(snap.collection.complete).toBe(true)
    const newest = h.emulator.scenario.okta.logs
      .map((e) => Date.parse(String(e['published'])))
      .reduce((a, b) => Math.max(a, b))
    expect(Date.parse(snap.collection.cursors['okta.appUsers'] ?? '')).toBe(newest)
  })

  it('with nothing changed, no app user is read, and the feed continues where it stopped', async () => {
    const first = await collectSnapshot(options())
    h.emulator.clearLog()
    const once = await collectSnapshot({ ...options(), since: first })
    const appUserReads = (): string[] =>
      oktaRequests().filter((r) => r.includes('/users') && r.includes('/api/v1/apps/'))
    expect(appUserReads()).toEqual([])
    expect(once.collection.cursors['okta.appUsers.feed']).toContain('/api/v1/logs?')
    h.emulator.clearLog()
    const twice = await collectSnapshot({ ...options(), since: once })
    expect(appUserReads()).toEqual([])
    const feedReads = oktaRequests().filter(
      (r) => r.includes('/api/v1/logs?') && r.includes('filter='),
    )
    expect(feedReads).toHaveLength(1)
    expect(feedReads[0]).toContain('after=')
    expect(appUsers(twice)).toEqual(appUsers(first))
  })

  it('an app user that changed with its Okta user, with no app event, is re-read too', async () => {
    const first = await collectSnapshot(options())
    const s = h.emulator.scenario
    const appId = String(o365().id)
    const au = (s.okta.appUsers[appId] ?? [])[0]
    if (!au) throw new Error('the Office 365 app has users')
    const userId = String(au['id'])
    const user = h.emulator.mutate.okta.update('users', userId, {
      profile: { email: 'quiet.change@example.com' },
    })
    // Okta logs the user's change; nothing is logged for the app user it derives
    h.emulator.mutate.okta.log(userEvent(new Rng(3), 'user.account.update_profile', user))
    const changed = {
      ...au,
      profile: { ...(au['profile'] as object), email: 'quiet.change@example.com' },
    }
    h.emulator.mutate.okta.set('appUsers', {
      ...s.okta.appUsers,
      [appId]: (s.okta.appUsers[appId] ?? []).map((x) => (x['id'] === userId ? changed : x)),
    })
    const refreshed = await collectSnapshot({ ...options(), since: first })
    const got = refreshed.okta?.appUsers?.[appId]?.find((x) => x.id === userId)
    expect((got?.profile as { email?: string } | undefined)?.email).toBe('quiet.change@example.com')
    expect(appUsers(refreshed)).toEqual(appUsers(await collectSnapshot(options())))
  })

  it('an app whose profile mappings changed is re-read in full, and only that app', async () => {
    const first = await collectSnapshot(options())
    const app = o365()
    const mapping = h.emulator.scenario.okta.mappings.find(
      (m) => (m['target'] as { id?: string } | undefined)?.id === app.id,
    )
    expect(mapping).toBeDefined()
    const properties = mapping?.['properties'] as Record<string, unknown>
    h.emulator.mutate.okta.update('mappings', String(mapping?.['id']), {
      properties: { ...properties, title: { expression: 'user.title', pushStatus: 'PUSH' } },
    } as never)
    h.emulator.clearLog()
    await collectSnapshot({ ...options(), since: first })
    const lists = oktaRequests().filter((r) => /\/api\/v1\/apps\/[^/]+\/users\?/.test(r))
    expect(lists.length).toBeGreaterThan(0)
    expect(lists.every((r) => r.includes(`/apps/${String(app.id)}/users?`))).toBe(true)
  })

  it('without okta.logs.read there is no feed: app users are re-read in full and still equal', async () => {
    const app = h.emulator.scenario.credentials.okta.serviceApp
    if (!app?.privateKeyPem) throw new Error('the healthy scenario has an Okta service app')
    const profile: Profile = {
      okta: {
        orgUrl: h.emulator.oktaOrgUrl,
        clientId: app.clientId,
        privateKeyFile: 'unused',
        keyId: app.keyId,
        scopes: app.grantedScopes.filter((s) => s !== 'okta.logs.read'),
      },
    }
    const run = (since?: Snapshot): Promise<Snapshot> =>
      collectSnapshot({
        ...options(),
        profile,
        credentials: {
          okta: { kind: 'privateKey', privateKeyPem: app.privateKeyPem ?? '', keyId: app.keyId },
        },
        ...(since ? { since } : {}),
      })
    const first = await run()
    expect(first.collection.errors.map((e) => `${e.source}.${e.resource}`)).toEqual(['okta.logs'])
    expect(first.collection.cursors['okta.appUsers']).toBeUndefined()
    const [renamed] = o365People(h, 1)
    mutateScenarioBatch(
      h.emulator.scenario,
      [{ kind: 'renameUser', entraId: renamed ?? '', upn: 'second.rename@northwindtraders.com' }],
      { sink: h.emulator.mutate as unknown as ChangeSink, seed: 8 },
    )
    h.emulator.clearLog()
    const refreshed = await run(first)
    expect(oktaRequests().some((r) => /\/api\/v1\/apps\/[^/]+\/users\?/.test(r))).toBe(true)
    expect(appUsers(refreshed)).toEqual(appUsers(await run()))
  })
})

describe('app-user refresh in an org whose Office 365 app has several pages of users', () => {
  let big: Harness
  beforeAll(async () => {
    big = await startHarness({ scenario: 'large', users: 3000 })
  })
  afterAll(async () => {
    await big?.emulator.close()
  })
  const bigOptions = (): CollectOptions => ({
    profile: big.profile,
    credentials: big.credentials,
    ca: big.ca,
    ...logWindow(big.emulator),
  })

  it('after a few people change, reads only their app users, by id, and equals a full collection', async () => {
    const first = await collectSnapshot(bigOptions())
    const [moved, renamed, leaver] = o365People(big, 3)
    const changes = mutateScenarioBatch(
      big.emulator.scenario,
      [
        { kind: 'updateUser', entraId: moved ?? '', changes: { department: 'Legal' } },
        { kind: 'renameUser', entraId: renamed ?? '', upn: 'renamed.person@northwindtraders.com' },
        { kind: 'deleteUser', entraId: leaver ?? '' },
        { kind: 'addUser', given: 'Noor', surname: 'Haddad', department: 'Sales' },
      ],
      { sink: big.emulator.mutate as unknown as ChangeSink, seed: 7 },
    )
    big.emulator.clearLog()
    const refreshed = await collectSnapshot({ ...bigOptions(), since: first })
    const requests = oktaRequests(big)
    const fresh = await collectSnapshot(bigOptions())

    expect(refreshed.collection.complete).toBe(true)
    expect(appUsers(refreshed)).toEqual(appUsers(fresh))
    expect(byId(refreshed.okta?.users)).toEqual(byId(fresh.okta?.users))
    // no app's user list was paged again; the changed people were read one by one
    expect(requests.filter((r) => /\/api\/v1\/apps\/[^/]+\/users\?/.test(r))).toEqual([])
    const appId = String(o365(big).id)
    const changedAppUsers = changes
      .filter((c) => c.source === 'okta' && c.collection === 'appUsers')
      .map((c) => `GET /api/v1/apps/${appId}/users/${c.id}`)
    // the mover's, the renamed person's and the leaver's app users, and the joiner's new one
    expect(changedAppUsers).toHaveLength(4)
    const byIdReads = requests.filter((r) => /\/api\/v1\/apps\/[^/?]+\/users\/[^/?]+$/.test(r))
    expect(byIdReads.sort()).toEqual(changedAppUsers.sort())
    // the feed asked only for app-user events since the mark
    const feed = requests.find((r) => r.includes('/api/v1/logs?since=') && r.includes('filter='))
    expect(feed).toContain('eventType sw "application.user_membership."')
    expect(Date.parse(refreshed.collection.cursors['okta.appUsers'] ?? '')).toBeGreaterThan(
      Date.parse(first.collection.cursors['okta.appUsers'] ?? ''),
    )
  })
})
