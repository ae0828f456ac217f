import { expect } from 'vitest'
import { obj } from '../../../fixtures/snapshots/seam-snapshot'
import { ids, ruleTable } from './table'

ruleTable('duplicate rules', [
  {
    name: "an AD UPN differing only in case from another user's UPN",
    rule: 'entra-duplicate-attribute',
    mutate: (s) => {
      const twin = obj(s.entra?.users?.[2])
      twin['userPrincipalName'] = 'carol1234@contoso.onmicrosoft.com'
      twin['onPremisesUserPrincipalName'] = 'Alice@Contoso.com'
    },
    expect: ([f]) => {
      expect(ids(f)).toEqual(['entra:user:e-alice', 'entra:user:e-carol'])
      expect(f?.evidence['entra']).toMatchObject({
        attribute: 'userPrincipalName',
        value: 'alice@contoso.com',
      })
    },
  },
  {
    name: 'a proxy address shared by two users',
    rule: 'entra-duplicate-attribute',
    mutate: (s) =>
      (obj(s.entra?.users?.[1])['proxyAddresses'] = [
        'SMTP:bob@contoso.com',
        'smtp:ALICE@contoso.com',
      ]),
    expect: (fs) =>
      expect(fs.map((f) => f.evidence['entra'])).toContainEqual(
        expect.objectContaining({ attribute: 'proxyAddresses' }),
      ),
  },
  {
    name: 'an immutable ID copied to a second user',
    rule: 'entra-duplicate-attribute',
    mutate: (s) => (obj(s.entra?.users?.[1])['onPremisesImmutableId'] = 'QUxJQ0UtR1VJRA=='),
    expect: ([f]) => expect(ids(f)).toEqual(['entra:user:e-alice', 'entra:user:e-bob']),
  },
  {
    name: 'two Okta logins differing only in case',
    rule: 'okta-duplicate-attribute',
    mutate: (s) =>
      s.okta?.users?.push({
        id: '00ualice2',
        status: 'ACTIVE',
        profile: { login: 'Alice@contoso.com', email: 'alice2@contoso.com' },
      }),
    expect: ([f]) => {
      expect(f?.severity).toBe('high')
      expect(ids(f)).toEqual(['okta:user:00ualice', 'okta:user:00ualice2'])
    },
  },
  {
    name: 'USERNAME_OR_EMAIL: one Entra user by login, another by email, the same Okta user',
    rule: 'cross-match-ambiguous',
    mutate: (s) => {
      obj(s.okta?.idps?.[0], 'policy', 'subject')['matchType'] = 'USERNAME_OR_EMAIL'
      s.entra?.users?.push({
        id: 'e-alice-cloud',
        userPrincipalName: 'alice.adams@contoso.com',
        mail: 'alice@contoso.com',
        accountEnabled: true,
        userType: 'Member',
      })
      obj(s.okta?.users?.[0], 'profile')['email'] = 'alice.adams@contoso.com'
    },
    expect: (fs) => {
      const f = fs.find((x) => x.title.includes('2 Entra users'))
      expect(ids(f)).toEqual([
        'okta:idp:0oaIdp',
        'okta:user:00ualice',
        'entra:user:e-alice',
        'entra:user:e-alice-cloud',
      ])
    },
  },
])

ruleTable('data-validation rules', [
  {
    name: 'UPN with an ampersand and an umlaut',
    rule: 'entra-attribute-invalid',
    mutate: (s) => {
      obj(s.entra?.users?.[0])['userPrincipalName'] = 'alice&adams@contoso.com'
      obj(s.entra?.users?.[1])['userPrincipalName'] = 'jürgen@contoso.com'
    },
    expect: (fs) => {
      const f = fs.find(
        (x) =>
          x.evidence['entra'] &&
          (x.evidence['entra'] as { errorType: string }).errorType === 'character',
      )
      expect(ids(f)).toEqual(['entra:user:e-alice', 'entra:user:e-bob'])
      expect(f?.evidence['entra']).toMatchObject({ attribute: 'userPrincipalName', total: 2 })
    },
  },
  {
    name: 'mail on a .local domain and a mailNickname starting with a period',
    rule: 'entra-attribute-invalid',
    mutate: (s) => {
      obj(s.entra?.users?.[0])['mail'] = 'alice@corp.local'
      obj(s.entra?.users?.[1])['mailNickname'] = '.bob'
    },
    expect: (fs) => {
      const kinds = fs.map((f) => {
        const e = f.evidence['entra'] as { attribute: string; errorType: string }
        return `${e.attribute}/${e.errorType}`
      })
      expect(kinds.sort()).toEqual(['mail/top-level-domain', 'mailNickname/format'])
    },
  },
  {
    name: 'UPN with 64 characters before the @',
    rule: 'entra-attribute-invalid',
    mutate: (s) =>
      (obj(s.entra?.users?.[0])['userPrincipalName'] = `${'a'.repeat(64)}@contoso.com`),
    expect: ([f]) => expect(f?.evidence['entra']).toMatchObject({ errorType: 'length' }),
  },
  {
    name: 'Okta login with a space and an email on .local',
    rule: 'okta-attribute-invalid',
    mutate: (s) => {
      obj(s.okta?.users?.[0], 'profile')['login'] = 'alice adams@contoso.com'
      obj(s.okta?.users?.[1], 'profile')['email'] = 'bob@contoso.local'
    },
    expect: (fs) =>
      expect(fs.map((f) => f.title).sort()).toEqual([
        'Okta email fails the top-level-domain check for 1 user',
        'Okta login fails the character check for 1 user',
      ]),
  },
])
