import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildScenario, subjectExists } from '../../emulator/scenarios'
import type { Scenario, ScenarioOptions } from '../../emulator/scenarios/types'
import { auditSeam } from './seam-audit'
import { expectPendingChanges, get, str } from './scenario-checks'

const origins = {
  authorityHost: 'https://localhost:41001',
  graphBaseUrl: 'https://localhost:41002',
  oktaOrgUrl: 'https://localhost:41003',
}
const options: ScenarioOptions = { seed: 7, origins }
const DAY = 86_400_000
const hashOf = (s: Scenario): string => createHash('sha256').update(JSON.stringify(s)).digest('hex')

/** The clutter kinds the scenario promises (DESIGN: real tenants' clutter, nothing broken). */
const REQUIRED_KINDS = [
  'entra-connect-sync-account',
  'cloud-sync-account',
  'break-glass-admin',
  'b2b-guest-accepted',
  'b2b-guest-pending',
  'shared-mailbox',
  'room-equipment-mailbox',
  'cloud-service-account',
  'leaver-okta-deprovisioned',
  'leaver-okta-suspended-long',
  'deleted-user-okta-deprovisioned',
  'mail-renamed-upn-kept',
  'okta-login-case-differs',
  'per-user-sync-months-old',
  'converted-to-cloud-only',
  'proxy-addresses-exchange',
  'managed-domain-users',
  'lab-test-account',
  'unverified-domain-unused',
  'expired-secret-beside-current',
  'leftover-app-expired-long-ago',
  'app-certificate-valid',
  'okta-staged-new-hire',
  'okta-provisioned-pending-activation',
  'okta-suspended-short-leave',
  'okta-locked-out',
  'okta-password-expired',
  'okta-recovery',
  'okta-admin-duplicate-email',
  'okta-only-contractor',
  'okta-only-service-user',
  'okta-inactive-microsoft-idp',
  'okta-non-microsoft-idp',
  'o365-assigned-through-group',
  'okta-rotated-signing-key',
  'okta-inactive-app-expired-key',
  'okta-benign-log-failure',
  'entra-signin-interrupt-then-success',
  'entra-signin-wrong-password-then-success',
  'connect-sync-recent',
]

describe('realistic scenario', { timeout: 60_000 }, () => {
  let s: Scenario
  beforeAll(async () => {
    s = await buildScenario('realistic', options)
  })

  it('is deterministic for a seed and differs across seeds', async () => {
    expect(hashOf(await buildScenario('realistic', options))).toBe(hashOf(s))
    expect(hashOf(await buildScenario('realistic', { ...options, seed: 8 }))).not.toBe(hashOf(s))
  })

  it('lists 30+ clutter kinds, each present with real subjects and a documentation link', () => {
    const clutter = s.clutter ?? []
    const kinds = clutter.map((c) => c.kind)
    expect(new Set(kinds).size).toBe(kinds.length)
    expect(kinds.length).toBeGreaterThanOrEqual(30)
    expect(kinds).toEqual(expect.arrayContaining(REQUIRED_KINDS))
    for (const c of clutter) {
      expect(c.count, c.kind).toBeGreaterThan(0)
      expect(c.subjects.length, c.kind).toBeGreaterThanOrEqual(c.count)
      expect(c.why.length, c.kind).toBeGreaterThan(40)
      expect(c.link, c.kind).toMatch(
        /^https:\/\/(learn\.microsoft\.com|developer\.okta\.com|help\.okta\.com)\//,
      )
      for (const sub of c.subjects)
        expect(subjectExists(s, sub), `${c.kind} ${sub.type} ${sub.id}`).toBe(true)
    }
    const singletons = new Set([
      'cloud-sync-account',
      'unverified-domain-unused',
      'okta-inactive-microsoft-idp',
      'connect-sync-recent',
    ])
    for (const c of clutter.filter((x) => !singletons.has(x.kind)))
      expect(c.count, c.kind).toBeGreaterThanOrEqual(2)
  })

  it('has an empty answer key and keeps every seam invariant', () => {
    expect(s.answerKey).toEqual([])
    expect(auditSeam(s)).toEqual([])
  })

  it('documents every clutter kind and its seed-1 count in the scenario README', async () => {
    const readme = readFileSync(resolve(__dirname, '../../emulator/scenarios/README.md'), 'utf8')
    const start = readme.indexOf('## realistic\n')
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1))
    const rows = [...section.matchAll(/^\| `([a-z0-9-]+)` +\| (\d+) /gm)].map((m) => [
      m[1],
      Number(m[2]),
    ])
    const seed1 = await buildScenario('realistic', { ...options, seed: 1 })
    expect(rows).toEqual((seed1.clutter ?? []).map((c) => [c.kind, c.count]))
  })

  it('synced the tenant 10 to 20 minutes ago', () => {
    const ago =
      Date.parse(s.now) - Date.parse(s.entra.organization[0]?.onPremisesLastSyncDateTime ?? '')
    expect(ago).toBeGreaterThan(10 * 60_000)
    expect(ago).toBeLessThan(20 * 60_000)
  })

  it('holds the recycle bin and the Okta leavers behind it', () => {
    expect(s.entra.deletedUsers.length).toBeGreaterThanOrEqual(3)
    for (const u of s.entra.deletedUsers) {
      const deleted = Date.parse(u.deletedDateTime ?? '')
      expect(Date.parse(s.now) - deleted).toBeLessThan(30 * DAY)
      expect(u.userPrincipalName?.startsWith((u.id ?? '').replace(/-/g, ''))).toBe(true)
      const okta = s.okta.users.find(
        (x) => get(x, 'profile.immutableId') === u.onPremisesImmutableId,
      )
      expect(okta?.['status']).toBe('DEPROVISIONED')
    }
    expect(s.okta.users.filter((u) => u['status'] === 'DEPROVISIONED').length).toBeGreaterThan(5)
  })

  it('licenses people and describes them, and leaves non-people unlicensed', () => {
    const clutterIds = (kind: string) =>
      new Set((s.clutter ?? []).find((c) => c.kind === kind)?.subjects.map((x) => x.id))
    for (const kind of [
      'shared-mailbox',
      'room-equipment-mailbox',
      'cloud-service-account',
      'break-glass-admin',
      'entra-connect-sync-account',
    ]) {
      const ids = clutterIds(kind)
      const users = s.entra.users.filter((u) => ids.has(u.id ?? ''))
      expect(users.length, kind).toBe(ids.size)
      for (const u of users) {
        expect(u.assignedLicenses, kind).toEqual([])
        expect(u.employeeType, kind).toBeNull()
      }
    }
    const mailboxes = s.entra.users.filter((u) => clutterIds('shared-mailbox').has(u.id ?? ''))
    expect(mailboxes.every((u) => u.accountEnabled === false && u.mail && !u.givenName)).toBe(true)
    const people = s.entra.users.filter(
      (u) => u.onPremisesSyncEnabled && u.accountEnabled && u.employeeType,
    )
    expect(people.length).toBeGreaterThan(190)
    for (const u of people) {
      expect(u.assignedLicenses?.length, u.userPrincipalName ?? '').toBe(1)
      expect(u.department && u.jobTitle && u.companyName).toBeTruthy()
    }
    const guests = s.entra.users.filter((u) => u.userType === 'Guest')
    expect(guests.length).toBeGreaterThanOrEqual(4)
    for (const g of guests) {
      expect(g.userPrincipalName).toContain('#EXT#@')
      expect(g.creationType).toBe('Invitation')
      expect(['Accepted', 'PendingAcceptance']).toContain(g.externalUserState)
    }
  })

  it('keeps the IdP on the newer of two secrets and the inactive IdP on another tenant', () => {
    const active = s.okta.idps.filter((i) => i['type'] === 'MICROSOFT' && i['status'] === 'ACTIVE')
    expect(active).toHaveLength(1)
    const app = s.entra.applications.find(
      (a) => a.appId === get(active[0], 'protocol.credentials.client.client_id'),
    )
    const creds = app?.passwordCredentials ?? []
    expect(creds.length).toBe(2)
    const hint = str(get(active[0], 'protocol.credentials.client.client_secret')).slice(0, 3)
    const newest = [...creds].sort((a, b) =>
      str(b.endDateTime).localeCompare(str(a.endDateTime)),
    )[0]
    expect(newest?.hint).toBe(hint)
    expect(creds.some((c) => Date.parse(c.endDateTime ?? '') < Date.parse(s.now))).toBe(true)
    const inactive = s.okta.idps.find(
      (i) => i['type'] === 'MICROSOFT' && i['status'] === 'INACTIVE',
    )
    expect(str(get(inactive, 'protocol.endpoints.token.url'))).not.toContain(s.entra.tenantId)
    expect(
      s.entra.applications.some(
        (a) => a.appId === get(inactive, 'protocol.credentials.client.client_id'),
      ),
    ).toBe(false)
  })
})

describe('realistic-broken scenario', { timeout: 60_000 }, () => {
  let s: Scenario
  let base: Scenario
  beforeAll(async () => {
    s = await buildScenario('realistic-broken', options)
    base = await buildScenario('realistic', options)
  })
  const entry = (problem: string) => {
    const e = s.answerKey.find((x) => x.problem === problem)
    if (!e) throw new Error(`no answer-key entry ${problem}`)
    return e
  }

  it('is deterministic for a seed', async () => {
    expect(hashOf(await buildScenario('realistic-broken', options))).toBe(hashOf(s))
  })

  it('holds every object of realistic unchanged, and its clutter list', () => {
    const same = <T>(name: string, a: T[], b: T[], id: (x: T) => string) => {
      const byId = new Map(b.map((x) => [id(x), x]))
      for (const x of a) expect(byId.get(id(x)), `${name} ${id(x)}`).toEqual(x)
    }
    const eid = (x: { id?: string | null }) => x.id ?? ''
    const oid = (x: Record<string, unknown>) => str(x['id'])
    same('entra user', base.entra.users, s.entra.users, eid)
    same('deleted user', base.entra.deletedUsers, s.entra.deletedUsers, eid)
    same('application', base.entra.applications, s.entra.applications, eid)
    same('sign-in', base.entra.signIns, s.entra.signIns, eid)
    same('okta user', base.okta.users, s.okta.users, oid)
    same('app', base.okta.apps, s.okta.apps, oid)
    same('idp', base.okta.idps, s.okta.idps, oid)
    same('log', base.okta.logs, s.okta.logs, (x) => str(x['uuid']))
    for (const [appId, users] of Object.entries(base.okta.appUsers))
      same(`app user of ${appId}`, users, s.okta.appUsers[appId] ?? [], oid)
    for (const [appId, keys] of Object.entries(base.okta.appKeys))
      expect(s.okta.appKeys[appId]).toEqual(keys)
    expect(s.clutter).toEqual(base.clutter)
  })

  it('covers every category with uniquely named entries whose subjects exist', () => {
    expect(new Set(s.answerKey.map((e) => e.category))).toEqual(
      new Set([
        'credential-mismatch',
        'credential-expiry',
        'attribute-mapping',
        'duplicate',
        'data-validation',
        'sync',
        'permission',
        'domain-federation',
        'sign-in',
        'provisioning',
      ]),
    )
    const names = s.answerKey.map((e) => e.problem)
    expect(new Set(names).size).toBe(names.length)
    for (const e of s.answerKey) {
      expect(e.subjects.length, e.problem).toBeGreaterThan(0)
      for (const sub of e.subjects)
        expect(subjectExists(s, sub), `${e.problem} ${sub.type} ${sub.id}`).toBe(true)
    }
  })

  it('plants on people and objects of its own, never on the clutter', () => {
    // shared infrastructure (the main IdP, the Office 365 app) may be named as context
    const people = new Set([
      'user',
      'deletedUser',
      'signIn',
      'logEvent',
      'directoryAudit',
      'appKey',
      'application',
    ])
    const clutter = new Set(
      (s.clutter ?? []).flatMap((c) =>
        c.subjects.filter((x) => people.has(x.type)).map((x) => `${x.source}:${x.id}`),
      ),
    )
    for (const e of s.answerKey)
      for (const sub of e.subjects.filter((x) => people.has(x.type)))
        expect(clutter.has(`${sub.source}:${sub.id}`), `${e.problem} ${sub.type} ${sub.id}`).toBe(
          false,
        )
  })

  it('names in the answer key every object that breaks a seam invariant', () => {
    const named = new Set(s.answerKey.flatMap((e) => e.subjects.map((x) => x.id)))
    const violations = auditSeam(s)
    expect(violations.length).toBeGreaterThan(10)
    for (const v of violations)
      for (const id of v.ids) expect(named.has(id), `${v.check}: ${id}`).toBe(true)
    // and every planted problem breaks at least one of them
    const violating = new Set(violations.flatMap((v) => v.ids))
    for (const e of s.answerKey)
      expect(
        e.subjects.some((x) => violating.has(x.id)),
        e.problem,
      ).toBe(true)
    const checks = new Set(violations.map((v) => v.check))
    for (const c of [
      'okta-closed-entra-open',
      'entra-closed-okta-active',
      'deleted-okta-active',
      'o365-immutableid-shared',
      'pending-change',
      'idp-secret-expired',
      'active-key-expiring',
      'signin-failure-without-success',
    ])
      expect(checks, c).toContain(c)
  })

  it('plants the hard cases beside their look-alikes', () => {
    expectPendingChanges(s, entry('user-sync-lag'))
    const idpId = entry('idp-secret-expired-in-use').subjects.find((x) => x.type === 'idp')?.id
    const idp = s.okta.idps.find((i) => i['id'] === idpId)
    const app = s.entra.applications.find(
      (a) => a.appId === get(idp, 'protocol.credentials.client.client_id'),
    )
    const held = app?.passwordCredentials?.find(
      (c) => c.hint === str(get(idp, 'protocol.credentials.client.client_secret')).slice(0, 3),
    )
    expect(Date.parse(held?.endDateTime ?? '')).toBeLessThan(Date.parse(s.now))
    expect(
      app?.passwordCredentials?.some((c) => Date.parse(c.endDateTime ?? '') > Date.parse(s.now)),
    ).toBe(true)
    const kid = entry('okta-app-signing-key-expiring').subjects.find((x) => x.type === 'appKey')?.id
    const keys = Object.values(s.okta.appKeys).find((l) => l.some((k) => k['kid'] === kid)) ?? []
    expect(keys.length).toBe(2)
    const active = keys.find((k) => k['kid'] === kid)
    expect(Date.parse(str(active?.['expiresAt'])) - Date.parse(s.now)).toBeLessThan(30 * DAY)
    const failed = entry('entra-signin-51004').subjects.filter((x) => x.type === 'signIn')
    expect(failed.length).toBe(2)
    const shared = entry('o365-immutableid-shared').subjects.filter(
      (x) => x.source === 'okta' && x.type === 'user',
    )
    expect(shared.length).toBeGreaterThanOrEqual(2)
  })
})
