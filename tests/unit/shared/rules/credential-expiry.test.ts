import { expect } from 'vitest'
import {
  READER_APP_ID,
  at,
  fixtureCertificates,
  obj,
} from '../../../fixtures/snapshots/seam-snapshot'
import { certificate } from '../../../fixtures/snapshots/certificates'
import { ids, ruleTable } from './table'

ruleTable('credential-expiry rules', [
  {
    name: 'the secret Okta uses expires in 12 days (the app backs an IdP)',
    rule: 'entra-secret-expiry',
    mutate: (s) =>
      (obj(s.entra?.applications?.[0], 'passwordCredentials', '0')['endDateTime'] = at(12)),
    expect: ([f]) => {
      expect(f?.severity).toBe('critical')
      expect(ids(f)).toContain('okta:idp:0oaIdp')
      expect(f?.evidence['window']).toBe(30)
    },
  },
  {
    name: 'an unrelated app secret expired, with no newer one',
    rule: 'entra-secret-expiry',
    mutate: (s) =>
      s.entra?.applications?.push({
        id: 'app-hr',
        appId: 'dddddddd-0000-4000-8000-000000000001',
        displayName: 'HR Sync',
        passwordCredentials: [{ keyId: 'k-hr', hint: 'HrS', endDateTime: at(-3) }],
      }),
    expect: ([f]) => {
      // the app's last secret expired three days ago: whatever uses it has just stopped
      expect(f?.severity).toBe('medium')
      expect(f?.title).toContain('has expired')
      expect(f?.detail).toContain('No Okta identity provider signs in with this app')
    },
  },
  {
    name: "an app's only secret expired long ago: a leftover nobody uses",
    rule: 'entra-secret-expiry',
    mutate: (s) =>
      s.entra?.applications?.push({
        id: 'app-poc',
        appId: 'dddddddd-0000-4000-8000-00000000000a',
        displayName: 'Old POC',
        passwordCredentials: [{ keyId: 'k-poc', hint: 'Poc', endDateTime: at(-200) }],
      }),
    expect: ([f]) => expect(f?.severity).toBe('info'),
  },
  {
    name: 'the secret the collection reads with expires in six days',
    rule: 'entra-secret-expiry',
    mutate: (s) =>
      s.entra?.applications?.push({
        id: 'app-reader',
        appId: READER_APP_ID,
        displayName: 'Crosswalk reader',
        passwordCredentials: [{ keyId: 'k-r', hint: 'Rdr', endDateTime: at(6) }],
      }),
    expect: ([f]) => {
      expect(f?.severity).toBe('medium')
      expect(f?.detail).toContain('the app Crosswalk collects with')
    },
  },
  {
    name: 'a certificate expires in 45 days',
    rule: 'entra-certificate-expiry',
    mutate: (s) =>
      s.entra?.applications?.push({
        id: 'app-docs',
        appId: 'dddddddd-0000-4000-8000-000000000002',
        displayName: 'Document Signing',
        keyCredentials: [
          { keyId: 'k-doc', type: 'AsymmetricX509Cert', usage: 'Verify', endDateTime: at(45) },
        ],
      }),
    expect: ([f]) => {
      expect(f?.severity).toBe('low')
      expect(f?.evidence['window']).toBe(60)
    },
  },
  {
    name: "an enterprise app's active SAML signing certificate expires in nine days",
    rule: 'entra-certificate-expiry',
    mutate: (s) =>
      s.entra?.servicePrincipals?.push({
        id: 'sp-servicenow',
        appId: 'dddddddd-0000-4000-8000-00000000000b',
        displayName: 'ServiceNow',
        preferredSingleSignOnMode: 'saml',
        preferredTokenSigningKeyThumbprint: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
        keyCredentials: [
          {
            keyId: 'k-sn-old',
            usage: 'Sign',
            type: 'AsymmetricX509Cert',
            customKeyIdentifier: '0000000000000000000000000000000000000000',
            endDateTime: at(-30),
          },
          {
            keyId: 'k-sn',
            usage: 'Sign',
            type: 'AsymmetricX509Cert',
            customKeyIdentifier: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
            endDateTime: at(9),
          },
        ],
      }),
    expect: (findings) => {
      expect(findings).toHaveLength(1)
      expect(findings[0]?.severity).toBe('medium')
      expect(findings[0]?.title).toContain(
        'SAML signing certificate of enterprise app "ServiceNow"',
      )
    },
  },
  {
    name: 'the active Okta SAML signing key expires in 20 days',
    rule: 'okta-signing-key-expiry',
    mutate: (s) => (obj(s.okta?.appKeys?.['0oaWiki']?.[0])['expiresAt'] = at(20)),
    expect: ([f]) => {
      expect(f?.severity).toBe('medium')
      expect(ids(f)).toEqual(['okta:app:0oaWiki', 'okta:appKey:kid-wiki'])
    },
  },
  {
    name: "the Office 365 app's active key expires (no expiresAt: read from the certificate)",
    rule: 'okta-signing-key-expiry',
    mutate: (s) => {
      const key = obj(s.okta?.appKeys?.['0oaO365']?.[1])
      delete key['expiresAt']
      key['x5c'] = [certificate('soon', at(-300), at(5))]
    },
    expect: ([f]) => expect(f?.severity).toBe('critical'),
  },
  {
    name: 'the federation signing certificate expires in 25 days',
    rule: 'federation-certificate-expiry',
    mutate: (s) =>
      (obj(s.entra?.federationConfigurations?.['contoso.com']?.[0])['signingCertificate'] =
        certificate('fed-soon', at(-300), at(25))),
    expect: ([f]) => {
      expect(f?.severity).toBe('critical')
      expect(f?.evidence['entra']).toMatchObject({ notAfter: at(25).replace(/\.\d{3}Z$/, '.000Z') })
    },
  },
  {
    name: 'an expiring federation certificate with a valid next certificate is info',
    rule: 'federation-certificate-expiry',
    mutate: (s) => {
      const f = obj(s.entra?.federationConfigurations?.['contoso.com']?.[0])
      f['signingCertificate'] = fixtureCertificates().old
      f['nextSigningCertificate'] = fixtureCertificates().fed
    },
    expect: ([f]) => expect(f?.severity).toBe('info'),
  },
])
