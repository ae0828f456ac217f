import { expect } from 'vitest'
import {
  IDP_APP_OBJECT_ID,
  IDP_SECRET_KEY_ID,
  fixtureCertificates,
  obj,
} from '../../../fixtures/snapshots/seam-snapshot'
import { ids, ruleTable } from './table'

const client = (s: Parameters<Parameters<typeof ruleTable>[1][number]['mutate']>[0]) =>
  obj(s.okta?.idps?.[0], 'protocol', 'credentials', 'client')
const endpoints = (s: Parameters<Parameters<typeof ruleTable>[1][number]['mutate']>[0]) =>
  obj(s.okta?.idps?.[0], 'protocol', 'endpoints')

ruleTable('credential-mismatch rules', [
  {
    name: 'client_id is the app object id, not its appId',
    rule: 'idp-client-id-unknown',
    mutate: (s) => (client(s)['client_id'] = IDP_APP_OBJECT_ID),
    expect: ([f]) => {
      expect(f?.severity).toBe('critical')
      expect(f?.detail).toContain('Object ID')
      expect(ids(f)).toEqual(['okta:idp:0oaIdp', `entra:application:${IDP_APP_OBJECT_ID}`])
      expect(f?.evidence['aadsts']).toEqual(['700016'])
    },
  },
  {
    name: 'client_id names no app at all',
    rule: 'idp-client-id-unknown',
    mutate: (s) => (client(s)['client_id'] = '99999999-0000-4000-8000-000000000000'),
    expect: ([f]) => expect(ids(f)).toEqual(['okta:idp:0oaIdp']),
  },
  {
    name: 'the secret is the secret ID (GUID) of the app credential',
    rule: 'idp-client-secret-mismatch',
    mutate: (s) => (client(s)['client_secret'] = IDP_SECRET_KEY_ID),
    expect: ([f]) => {
      expect(f?.title).toContain('secret ID')
      // the key ID is not secret; Okta's copy is otherwise shown only as its 3-character hint
      expect(f?.evidence['okta']).toMatchObject({
        idps: [{ secretHint: 'ccc', secretIsGuid: true, matchesKeyId: IDP_SECRET_KEY_ID }],
      })
    },
  },
  {
    name: 'the secret prefix matches no hint',
    rule: 'idp-client-secret-mismatch',
    mutate: (s) => (client(s)['client_secret'] = 'Xyz~rotated-in-entra-not-okta'),
    expect: ([f]) => {
      expect(f?.evidence['okta']).toMatchObject({ idps: [{ secretHint: 'Xyz' }] })
      expect(JSON.stringify(f)).not.toContain('rotated-in-entra')
    },
  },
  {
    name: 'the endpoints name another tenant',
    rule: 'idp-tenant-mismatch',
    mutate: (s) => {
      obj(endpoints(s), 'authorization')['url'] =
        'https://login.microsoftonline.com/deadbeef-0000-4000-8000-000000000000/oauth2/v2.0/authorize'
    },
    expect: ([f]) => expect(f?.evidence['aadsts']).toEqual(['700016']),
  },
  {
    name: '/common with a single-tenant app',
    rule: 'idp-tenant-mismatch',
    mutate: (s) => {
      obj(endpoints(s), 'authorization')['url'] =
        'https://login.microsoftonline.com/common/oauth2/v2.0/authorize'
      obj(endpoints(s), 'token')['url'] =
        'https://login.microsoftonline.com/common/oauth2/v2.0/token'
      obj(s.entra?.applications?.[0])['signInAudience'] = 'AzureADMyOrg'
    },
    expect: ([f]) => expect(f?.evidence['aadsts']).toEqual(['50194']),
  },
  {
    name: "the app lists another org's callback",
    rule: 'idp-redirect-uri-missing',
    mutate: (s) =>
      (obj(s.entra?.applications?.[0], 'web')['redirectUris'] = [
        'https://contoso-old.okta.com/oauth2/v1/authorize/callback',
      ]),
    expect: ([f]) =>
      expect(f?.evidence['okta']).toMatchObject({
        redirectUri: 'https://contoso.okta.com/oauth2/v1/authorize/callback',
      }),
  },
  {
    name: 'issuerUri carries another app key than the sign-in URIs',
    rule: 'federation-issuer-mismatch',
    mutate: (s) =>
      (obj(s.entra?.federationConfigurations?.['contoso.com']?.[0])['issuerUri'] =
        'http://www.okta.com/exkSOMETHINGELSE'),
    expect: ([f]) => {
      expect(f?.severity).toBe('critical')
      expect(ids(f)).toEqual(['entra:domain:contoso.com', 'okta:app:0oaO365'])
    },
  },
  {
    name: 'sign-in URIs on another Okta org',
    rule: 'federation-issuer-mismatch',
    mutate: (s) => {
      const f = obj(s.entra?.federationConfigurations?.['contoso.com']?.[0])
      f['passiveSignInUri'] = String(f['passiveSignInUri']).replace(
        'contoso.okta.com',
        'fabrikam.okta.com',
      )
    },
    expect: ([f]) => expect(f?.severity).toBe('medium'),
  },
  {
    name: 'the federation trusts the rotated-out key',
    rule: 'federation-signing-cert-mismatch',
    mutate: (s) =>
      (obj(s.entra?.federationConfigurations?.['contoso.com']?.[0])['signingCertificate'] =
        fixtureCertificates().old),
    expect: ([f]) => {
      expect(f?.severity).toBe('critical')
      expect(ids(f)).toContain('okta:appKey:kid-o365')
    },
  },
  {
    name: 'the active key is only the next certificate (rollover pending)',
    rule: 'federation-signing-cert-mismatch',
    mutate: (s) => {
      const f = obj(s.entra?.federationConfigurations?.['contoso.com']?.[0])
      f['nextSigningCertificate'] = f['signingCertificate']
      f['signingCertificate'] = fixtureCertificates().old
    },
    // Entra accepts tokens signed with the next certificate too, so sign-ins work
    expect: ([f]) => expect(f?.severity).toBe('info'),
  },
])
