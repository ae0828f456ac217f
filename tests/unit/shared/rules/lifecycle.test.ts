import { expect } from 'vitest'
import { at, obj } from '../../../fixtures/snapshots/seam-snapshot'
import { findingId } from '../../../../src/shared/rules'
import { ids, ruleTable } from './table'

ruleTable('lifecycle and shared-key rules', [
  {
    name: "two Okta users' Office 365 assignments carry the same ImmutableID",
    rule: 'immutable-id-shared',
    mutate: (s) =>
      (obj(s.okta?.appUsers?.['0oaO365']?.[1], 'profile')['immutableId'] = 'QUxJQ0UtR1VJRA=='),
    expect: ([f]) => {
      expect(f?.severity).toBe('critical')
      expect(ids(f)).toEqual([
        'okta:app:0oaO365',
        'okta:user:00ualice',
        'okta:user:00ubob',
        'entra:user:e-alice',
      ])
      expect(f?.detail).toContain('alice@contoso.com, the account that holds this value')
    },
  },
  {
    name: 'a leaver disabled in Entra is still active and assigned in Okta',
    rule: 'account-state-drift',
    mutate: (s) => {
      obj(s.entra?.users?.[0])['accountEnabled'] = false
      s.entra?.directoryAudits?.push({
        id: 'audit-1',
        activityDisplayName: 'Disable account',
        activityDateTime: at(-12),
        targetResources: [{ id: 'e-alice', type: 'User', modifiedProperties: [] }],
      })
    },
    expect: ([f]) => {
      expect(f?.severity).toBe('high')
      expect(ids(f)).toEqual([
        'entra:user:e-alice',
        'okta:user:00ualice',
        'entra:directoryAudit:audit-1',
        'okta:app:0oaO365',
        'okta:app:0oaWiki',
      ])
      expect(f?.evidence['comparisons']).toMatchObject([
        {
          pairs: [
            { entra: { value: 'disabled' }, okta: { value: 'ACTIVE' }, note: `since ${at(-12)}` },
            { okta: { value: ['Microsoft Office 365', 'Wiki'] }, note: 'still assigned in Okta' },
          ],
        },
      ])
    },
  },
  {
    name: 'a person deleted in Entra (in the recycle bin) is still active in Okta',
    rule: 'account-state-drift',
    mutate: (s) => {
      const bob = s.entra?.users?.splice(1, 1)[0] ?? {}
      s.entra?.deletedUsers?.push({
        ...bob,
        userPrincipalName: `${String(bob['id']).replace(/-/g, '')}bob@contoso.com`,
        deletedDateTime: at(-3),
      })
    },
    expect: ([f]) => {
      expect(ids(f)).toEqual(['entra:deletedUser:e-bob', 'okta:user:00ubob', 'okta:app:0oaO365'])
      expect(f?.title).toContain('disabled or deleted in Entra')
    },
  },
  {
    name: 'a person deactivated in Okta keeps an enabled, licensed Entra account',
    rule: 'account-state-drift',
    mutate: (s) => {
      const bob = s.okta?.users?.splice(1, 1)[0] ?? {}
      s.okta?.deprovisionedUsers?.push({ ...bob, status: 'DEPROVISIONED', statusChanged: at(-20) })
      obj(s.entra?.users?.[1])['assignedLicenses'] = [{ skuId: 'e3', disabledPlans: [] }]
    },
    expect: ([f]) => {
      // on the federated domain the person cannot sign in, so it is not a live leaver
      expect(f?.severity).toBe('medium')
      expect(ids(f)).toEqual(['entra:user:e-bob', 'okta:user:00ubob'])
    },
  },
  {
    name: 'an Okta suspension beyond the leave threshold while Entra stays enabled',
    rule: 'account-state-drift',
    mutate: (s) => {
      obj(s.okta?.users?.[2])['status'] = 'SUSPENDED'
      obj(s.okta?.users?.[2])['statusChanged'] = at(-45)
    },
    expect: ([f]) => expect(ids(f)).toEqual(['entra:user:e-carol', 'okta:user:00ucarol']),
  },
  {
    name: 'a joiner active in Okta is not assigned the Office 365 app and was refused',
    rule: 'office365-sign-in-blocked',
    mutate: (s) => {
      s.okta?.appUsers?.['0oaO365']?.splice(2, 1)
      s.okta?.logs?.push({
        uuid: 'evt-1',
        published: at(-1),
        eventType: 'app.generic.unauth_app_access_attempt',
        outcome: { result: 'FAILURE' },
        actor: { id: '00ucarol', type: 'User' },
        target: [{ id: '0oaO365', type: 'AppInstance' }],
      })
    },
    expect: ([f]) => {
      expect(f?.severity).toBe('high')
      expect(ids(f)).toEqual([
        'okta:app:0oaO365',
        'entra:user:e-carol',
        'okta:user:00ucarol',
        'okta:logEvent:evt-1',
      ])
      expect(f?.evidence['total']).toBe(1)
    },
  },
  {
    name: 'a joiner licensed in Entra three weeks ago is still STAGED in Okta',
    rule: 'office365-sign-in-blocked',
    mutate: (s) => {
      obj(s.okta?.users?.[2])['status'] = 'STAGED'
      obj(s.okta?.users?.[2])['statusChanged'] = null
      obj(s.okta?.users?.[2])['created'] = at(-21)
    },
    expect: ([f]) => {
      expect(f?.severity).toBe('medium')
      expect(f?.id).toBe(findingId('office365-sign-in-blocked', 'not-activated'))
      expect(ids(f)).toEqual(['entra:user:e-carol', 'okta:user:00ucarol'])
    },
  },
])
