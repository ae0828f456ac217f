import { describe, expect, it } from 'vitest'
import { mutableSource } from '../../../../src/shared/rules/catalogue/office365-immutable-id-missing'
import { obj } from '../../../fixtures/snapshots/seam-snapshot'
import { ids, ruleTable } from './table'

ruleTable('attribute-mapping rules', [
  {
    name: 'the NameID template reads an attribute the assigned user lacks',
    rule: 'saml-nameid-source-empty',
    mutate: (s) =>
      (obj(s.okta?.apps?.[1], 'settings', 'signOn')['subjectNameIdTemplate'] =
        '${user.secondEmail}'),
    expect: ([f]) => expect(ids(f)).toEqual(['okta:app:0oaWiki', 'okta:user:00ualice']),
  },
  {
    name: 'EmailAddress format with employee numbers',
    rule: 'saml-nameid-source-empty',
    mutate: (s) => {
      obj(s.okta?.apps?.[1], 'settings', 'signOn')['subjectNameIdTemplate'] =
        '${user.employeeNumber}'
      obj(s.okta?.users?.[0], 'profile')['employeeNumber'] = '10001'
    },
    expect: ([f]) => {
      expect(f?.severity).toBe('medium')
      expect(JSON.stringify(f?.evidence)).toContain('10001')
    },
  },
  {
    name: 'the Office 365 mapping has no immutableId',
    rule: 'office365-immutable-id-missing',
    mutate: (s) => (obj(s.okta?.mappings?.[1])['properties'] = {}),
    expect: ([f]) => {
      expect(f?.severity).toBe('critical')
      expect(ids(f)).toEqual(['okta:app:0oaO365', 'okta:mapping:prmO365'])
    },
  },
  {
    name: 'the Office 365 mapping builds the ImmutableID from the email address',
    rule: 'office365-immutable-id-missing',
    mutate: (s) =>
      (obj(s.okta?.mappings?.[1], 'properties')['immutableId'] = {
        expression: 'String.toLowerCase(user.email)',
        pushStatus: 'PUSH',
      }),
    expect: ([f]) => {
      expect(f?.severity).toBe('high')
      expect(f?.title).toContain('from user.email, which changes')
      expect(ids(f)).toEqual(['okta:app:0oaO365', 'okta:mapping:prmO365'])
    },
  },
  {
    name: 'an Office 365 app user has a blank immutableId',
    rule: 'office365-immutable-id-missing',
    mutate: (s) => (obj(s.okta?.appUsers?.['0oaO365']?.[1], 'profile')['immutableId'] = ''),
    expect: ([f]) => expect(ids(f)).toEqual(['okta:app:0oaO365', 'okta:user:00ubob']),
  },
  {
    name: "Okta's immutableId differs from Entra's",
    rule: 'immutable-id-mismatch',
    mutate: (s) => (obj(s.okta?.appUsers?.['0oaO365']?.[0], 'profile')['immutableId'] = 'V1JPTkc='),
    expect: ([f]) => {
      expect(ids(f)).toEqual(['okta:app:0oaO365', 'entra:user:e-alice', 'okta:user:00ualice'])
      expect(f?.evidence['comparisons']).toMatchObject([
        {
          pairs: [
            {
              entra: { attribute: 'onPremisesImmutableId', value: 'QUxJQ0UtR1VJRA==' },
              okta: { value: 'V1JPTkc=' },
              verdict: 'different',
            },
          ],
        },
      ])
    },
  },
  {
    name: 'Okta sends the AD GUID as text where Entra holds its base64 form',
    rule: 'immutable-id-mismatch',
    mutate: (s) => {
      obj(s.entra?.users?.[0])['onPremisesImmutableId'] = '0DPLSQXh8EaSy6UvUUrIbQ=='
      obj(s.okta?.appUsers?.['0oaO365']?.[0], 'profile')['immutableId'] =
        '49cb33d0-e105-46f0-92cb-a52f514ac86d'
    },
    expect: ([f]) => {
      expect(f?.evidence['guidAsText']).toBe(1)
      expect(f?.detail).toContain('sends the AD GUID as text')
      expect(f?.evidence['comparisons']).toMatchObject([
        { pairs: [{ note: expect.stringContaining('as text; Entra holds its base64 form') }] },
      ])
    },
  },
  {
    name: 'the IdP matches on email and an Entra user has no mail',
    rule: 'idp-subject-match-blank',
    mutate: (s) => {
      obj(s.okta?.idps?.[0], 'policy', 'subject', 'userNameTemplate')['template'] = 'idpuser.email'
      obj(s.okta?.idps?.[0], 'policy', 'subject')['matchType'] = 'EMAIL'
      obj(s.entra?.users?.[2])['mail'] = null
    },
    expect: ([f]) => expect(ids(f)).toEqual(['okta:idp:0oaIdp', 'entra:user:e-carol']),
  },
  {
    name: 'the IdP matches a custom attribute that is blank in Okta',
    rule: 'idp-subject-match-blank',
    mutate: (s) => {
      obj(s.okta?.idps?.[0], 'policy', 'subject')['matchType'] = 'CUSTOM_ATTRIBUTE'
      obj(s.okta?.idps?.[0], 'policy', 'subject')['matchAttribute'] = 'upn'
      for (const u of s.okta?.users ?? []) obj(u, 'profile')['upn'] = obj(u, 'profile')['login']
      delete obj(s.okta?.users?.[1], 'profile')['upn']
    },
    expect: ([f]) => expect(ids(f)).toEqual(['okta:idp:0oaIdp', 'okta:user:00ubob']),
  },
  {
    name: 'the IdP mapping lacks email and lastName',
    rule: 'idp-profile-mapping-incomplete',
    mutate: (s) => {
      const props = obj(s.okta?.mappings?.[0], 'properties')
      delete props['email']
      props['lastName'] = { expression: '' }
    },
    expect: ([f]) => {
      expect(f?.evidence['okta']).toMatchObject({ missing: ['email', 'lastName'] })
      expect(ids(f)).toEqual(['okta:idp:0oaIdp', 'okta:mapping:prmIdp'])
    },
  },
  {
    name: "a renamed Okta login no longer equals the user's UPN",
    rule: 'idp-username-unmatched',
    mutate: (s) => (obj(s.okta?.users?.[1], 'profile')['login'] = 'bbrown@contoso.com'),
    expect: ([f]) => {
      expect(ids(f)).toEqual(['okta:idp:0oaIdp', 'entra:user:e-bob', 'okta:user:00ubob'])
      expect(JSON.stringify(f?.evidence)).toContain('bbrown@contoso.com')
    },
  },
  {
    name: 'the Entra user has no mail while Okta has an email',
    rule: 'email-blank-on-one-side',
    mutate: (s) => (obj(s.entra?.users?.[0])['mail'] = null),
    expect: ([f]) => expect(ids(f)).toEqual(['entra:user:e-alice', 'okta:user:00ualice']),
  },
])

describe('immutableId sources', () => {
  it('tells a source anchor from an attribute that changes', () => {
    for (const anchor of [
      'hasDirectoryUser()?findDirectoryUser().externalId:user.getInternalProperty("id")',
      'findDirectoryUser().externalId',
      'user.immutableId',
      'user.email == null ? user.objectGUID : user.objectGUID',
    ])
      expect(mutableSource(anchor)).toBeUndefined()
    expect(mutableSource('user.email')).toBe('user.email')
    expect(mutableSource('String.substringBefore(user.login, "@")')).toBe('user.login')
    expect(mutableSource('user.emailAddressVerified')).toBeUndefined()
  })
})
