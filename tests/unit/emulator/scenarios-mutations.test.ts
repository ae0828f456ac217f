import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Mutations } from '../../emulator/mutate'
import { createMutations } from '../../emulator/mutate'
import { Store } from '../../emulator/store'
import { buildScenario } from '../../emulator/scenarios'
import { type ChangeSink, churn, mutateScenario } from '../../emulator/scenarios/mutations'
import type { OktaRecord, Scenario } from '../../emulator/scenarios/types'

const origins = {
  authorityHost: 'https://localhost:41001',
  graphBaseUrl: 'https://localhost:41002',
  oktaOrgUrl: 'https://localhost:41003',
}
const LATER = '2026-11-20T13:00:00.000Z'
const profile = (r: OktaRecord | undefined): OktaRecord => (r?.['profile'] ?? {}) as OktaRecord
const healthy = () => buildScenario('healthy', { seed: 3, origins })
const hashOf = (s: Scenario): string => createHash('sha256').update(JSON.stringify(s)).digest('hex')

// the emulator's own mutation layer is a ChangeSink (checked by the compiler)
const asSink = (m: Mutations): ChangeSink => m

function o365(s: Scenario) {
  const app = s.okta.apps.find((a) => a['name'] === 'office365')
  return s.okta.appUsers[String(app?.['id'])] ?? []
}

/** Every synced person still agrees across sides: login = UPN, O365 immutableId = onPremisesImmutableId. */
function expectConsistent(s: Scenario): void {
  const entraById = new Map(s.entra.users.map((u) => [u.id, u]))
  const oktaById = new Map(s.okta.users.map((u) => [String(u['id']), u]))
  for (const au of o365(s)) {
    const e = entraById.get(String(au['externalId']))
    const o = oktaById.get(String(au['id']))
    expect(e, String(au['externalId'])).toBeDefined()
    expect(profile(o)['login']).toBe(e?.userPrincipalName)
    expect(profile(au)['immutableId']).toBe(e?.onPremisesImmutableId)
    expect((au['credentials'] as OktaRecord)['userName']).toBe(e?.userPrincipalName)
  }
}

describe('scenario mutations', { timeout: 60_000 }, () => {
  it('updates a person on both sides, replacing objects and moving the change stamps', async () => {
    const s = await healthy()
    const before = s.entra.users[5]
    const id = before?.id ?? ''
    const oktaBefore = s.okta.users.find((u) => profile(u)['login'] === before?.userPrincipalName)
    const changes = mutateScenario(
      s,
      { kind: 'updateUser', entraId: id, changes: { department: 'Legal', jobTitle: 'Counsel' } },
      { now: LATER },
    )
    const after = s.entra.users.find((u) => u.id === id)
    const oktaAfter = s.okta.users.find((u) => u['id'] === oktaBefore?.['id'])
    expect(after).not.toBe(before)
    expect(after).toMatchObject({
      department: 'Legal',
      jobTitle: 'Counsel',
      onPremisesLastSyncDateTime: '2026-11-20T13:00:00Z',
    })
    expect(profile(oktaAfter)).toMatchObject({
      department: 'Legal',
      title: 'Counsel',
      login: before?.userPrincipalName,
    })
    expect(oktaAfter?.['lastUpdated']).toBe(LATER)
    expect(changes.map((c) => `${c.source}.${c.collection}.${c.op}`)).toEqual([
      'entra.users.update',
      'okta.users.update',
      'okta.appUsers.update',
    ])
    // the Office 365 mapping carries department: Okta pushes it and logs both steps
    const o365 = s.okta.apps.find((a) => a['name'] === 'office365')
    const au = s.okta.appUsers[String(o365?.['id'])]?.find((u) => u['id'] === oktaBefore?.['id'])
    expect(profile(au)['department']).toBe('Legal')
    const logged = s.okta.logs.filter((e) => e['published'] === LATER)
    expect(logged.map((e) => e['eventType'])).toEqual([
      'user.account.update_profile',
      'application.provision.user.push_profile',
    ])
    const targets = (logged[1]?.['target'] ?? []) as OktaRecord[]
    expect(targets.map((t) => `${String(t['type'])}:${String(t['id'])}`)).toEqual([
      `AppUser:${String(oktaBefore?.['id'])}`,
      `AppInstance:${String(o365?.['id'])}`,
      `User:${String(oktaBefore?.['id'])}`,
    ])
  })

  it('renames, adds and deletes people while keeping both sides consistent', async () => {
    const s = await healthy()
    const target = s.entra.users[7]
    mutateScenario(
      s,
      { kind: 'renameUser', entraId: target?.id ?? '', upn: 'renamed.person@northwindtraders.com' },
      { now: LATER },
    )
    expect(s.entra.users.find((u) => u.id === target?.id)?.proxyAddresses?.[0]).toBe(
      'SMTP:renamed.person@northwindtraders.com',
    )
    const added = mutateScenario(
      s,
      { kind: 'addUser', given: 'Ada', surname: 'Lovelace', department: 'Engineering' },
      { now: LATER, seed: 1 },
    )
    expect(added.map((c) => `${c.source}.${c.collection}.${c.op}`)).toEqual([
      'entra.users.add',
      'okta.users.add',
      'okta.appUsers.add',
      // a joiner joins All Staff (Entra only) and the department's group on both sides
      'entra.groups.update',
      'entra.groups.update',
      'okta.groups.update',
    ])
    const named = (name: string) => ({
      entra: s.entra.groups.find((g) => g.displayName === name)?.id ?? '',
      okta: String(s.okta.groups.find((g) => profile(g)['name'] === name)?.['id'] ?? ''),
    })
    const staff = named('All Staff')
    const engineering = named('SG-Engineering')
    expect(s.entra.groupMembers[staff.entra]?.at(-1)?.id).toBe(added[0]?.id)
    expect(s.entra.groupMembers[engineering.entra]?.at(-1)?.id).toBe(added[0]?.id)
    expect(s.okta.groupMembers[engineering.okta]?.at(-1)).toBe(added[1]?.id)
    expect(s.okta.groups.find((g) => g['id'] === engineering.okta)?.['lastMembershipUpdated']).toBe(
      LATER,
    )
    const ada = s.entra.users.find((u) => u.id === added[0]?.id)
    expect(ada).toMatchObject({
      userPrincipalName: 'ada.lovelace@northwindtraders.com',
      onPremisesSyncEnabled: true,
    })
    expect(s.okta.users.find((u) => u['id'] === added[1]?.id)?.['lastUpdated']).toBe(LATER)
    const leaver = s.entra.users[9]
    const leaverOkta = s.okta.users.find((u) => profile(u)['login'] === leaver?.userPrincipalName)
    mutateScenario(s, { kind: 'deleteUser', entraId: leaver?.id ?? '' }, { now: LATER })
    expect(s.entra.users.some((u) => u.id === leaver?.id)).toBe(false)
    expect(s.okta.users.find((u) => u['id'] === leaverOkta?.['id'])?.['status']).toBe(
      'DEPROVISIONED',
    )
    expect(o365(s).some((au) => au['externalId'] === leaver?.id)).toBe(false)
    // a leaver leaves every group on both sides
    for (const members of Object.values(s.entra.groupMembers))
      expect(members.some((m) => m.id === leaver?.id)).toBe(false)
    for (const members of Object.values(s.okta.groupMembers))
      expect(members.includes(String(leaverOkta?.['id']))).toBe(false)
    expectConsistent(s)
    // what Okta did is in the System Log, in order
    expect(s.okta.logs.filter((e) => e['published'] === LATER).map((e) => e['eventType'])).toEqual([
      'user.account.update_profile',
      'application.user_membership.change_username',
      'user.lifecycle.create',
      'application.user_membership.add',
      'user.lifecycle.deactivate',
      'application.user_membership.remove',
    ])
  })

  it('adds, updates and deletes groups on both sides and patches configuration', async () => {
    const s = await healthy()
    mutateScenario(
      s,
      { kind: 'addGroup', name: 'SG-Research', description: 'Research' },
      { now: LATER, seed: 2 },
    )
    expect(s.entra.groups.some((g) => g.displayName === 'SG-Research')).toBe(true)
    expect(s.okta.groups.some((g) => profile(g)['name'] === 'SG-Research')).toBe(true)
    mutateScenario(
      s,
      { kind: 'updateGroup', name: 'SG-Research', description: 'Research and development' },
      { now: LATER },
    )
    expect(s.entra.groups.find((g) => g.displayName === 'SG-Research')?.description).toBe(
      'Research and development',
    )
    mutateScenario(s, { kind: 'deleteGroup', name: 'SG-Research' }, { now: LATER })
    expect(s.okta.groups.some((g) => profile(g)['name'] === 'SG-Research')).toBe(false)
    const domain = Object.keys(s.entra.federationConfigurations)[0] ?? ''
    mutateScenario(s, {
      kind: 'updateFederation',
      domain,
      patch: { issuerUri: 'http://www.okta.com/exkChanged' },
    })
    expect(s.entra.federationConfigurations[domain]?.[0]?.issuerUri).toBe(
      'http://www.okta.com/exkChanged',
    )
    const idp = s.okta.idps[0]
    mutateScenario(
      s,
      { kind: 'updateIdp', idpId: String(idp?.['id']), patch: { status: 'INACTIVE' } },
      { now: LATER },
    )
    expect(s.okta.idps[0]).toMatchObject({ status: 'INACTIVE', lastUpdated: LATER })
  })

  it('churns about the given fraction of people, deterministically', async () => {
    const [a, b, c] = await Promise.all([healthy(), healthy(), healthy()])
    if (!a || !b || !c) throw new Error('scenarios not built')
    const synced = a.entra.users.filter((u) => u.onPremisesSyncEnabled).length
    const changesA = churn(a, 0.1, 11, { now: LATER })
    const changesB = churn(b, 0.1, 11, { now: LATER })
    churn(c, 0.1, 12, { now: LATER })
    expect(changesA).toEqual(changesB)
    expect(hashOf(a)).toBe(hashOf(b))
    expect(hashOf(a)).not.toBe(hashOf(c))
    const people = new Set(
      changesA.filter((x) => x.source === 'entra' && x.collection === 'users').map((x) => x.id),
    )
    expect(people.size).toBe(Math.round(synced * 0.1))
    expect(changesA.some((x) => x.source === 'okta')).toBe(true)
    expectConsistent(a)
  })

  it('drives the emulator store so Graph delta sees the changes', async () => {
    const s = await healthy()
    const store = new Store(s)
    const sink = asSink(createMutations(store))
    const start = store.sequence.value
    const changes = churn(s, 0.05, 4, { sink })
    expect(store.sequence.value).toBeGreaterThan(start)
    const changedUser = changes.find((x) => x.source === 'entra' && x.op === 'update')
    expect(store.entra.users.get(changedUser?.id ?? '')).toBeDefined()
    expectConsistent(s)
  })
})
