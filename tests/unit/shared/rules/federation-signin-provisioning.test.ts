import { expect } from 'vitest'
import { IDP_APP_ID, at, obj } from '../../../fixtures/snapshots/seam-snapshot'
import { ids, ruleTable } from './table'

ruleTable('domain-federation rules', [
  {
    name: 'an AD UPN suffix that is no domain of the tenant',
    rule: 'upn-suffix-unverified',
    mutate: (s) => {
      const u = obj(s.entra?.users?.[2])
      u['onPremisesUserPrincipalName'] = 'carol@contoso.de'
      u['userPrincipalName'] = 'carol@contoso.onmicrosoft.com'
    },
    expect: ([f]) => {
      expect(ids(f)).toEqual(['entra:user:e-carol'])
      expect(f?.evidence['entra']).toMatchObject({ suffix: 'contoso.de', total: 1 })
    },
  },
  {
    name: 'a domain added but never verified',
    rule: 'domain-unverified',
    mutate: (s) =>
      s.entra?.domains?.push({
        id: 'fabrikam.com',
        authenticationType: 'Managed',
        isVerified: false,
      }),
    expect: ([f]) => {
      // a domain nothing uses is left over, not a problem
      expect(f?.severity).toBe('info')
      expect(ids(f)).toEqual(['entra:domain:fabrikam.com'])
    },
  },
  {
    name: 'an unverified domain that Okta logins use',
    rule: 'domain-unverified',
    mutate: (s) => {
      s.entra?.domains?.push({
        id: 'fabrikam.com',
        authenticationType: 'Managed',
        isVerified: false,
      })
      obj(s.okta?.users?.[0], 'profile')['login'] = 'alice@fabrikam.com'
    },
    expect: ([f]) => expect(f?.severity).toBe('medium'),
  },
  {
    name: 'a federated domain no Office 365 app serves',
    rule: 'federation-office365-pairing',
    mutate: (s) => {
      s.entra?.domains?.push({
        id: 'contoso-archive.com',
        authenticationType: 'Federated',
        isVerified: true,
      })
      s.entra!.federationConfigurations!['contoso-archive.com'] = [
        {
          id: 'fed-2',
          issuerUri: 'http://www.okta.com/exkGone',
          passiveSignInUri: 'https://contoso.okta.com/app/office365/exkGone/sso/wsfed/passive',
        },
      ]
    },
    expect: ([f]) => expect(ids(f)).toEqual(['entra:domain:contoso-archive.com']),
  },
  {
    name: 'a second active Office 365 app claims the federated domain with a key Entra does not trust',
    rule: 'federation-office365-pairing',
    mutate: (s) => {
      s.okta?.apps?.push({
        ...obj(s.okta?.apps?.[0]),
        id: '0oaO365new',
        label: 'Microsoft Office 365 (new)',
        credentials: { signing: { kid: 'kid-new' } },
      })
      s.okta!.appKeys!['0oaO365new'] = [
        {
          kid: 'kid-new',
          kty: 'RSA',
          use: 'sig',
          x5c: obj(s.okta?.appKeys?.['0oaWiki']?.[0])['x5c'],
        },
      ]
      s.okta!.appUsers!['0oaO365new'] = [{ ...obj(s.okta?.appUsers?.['0oaO365']?.[0]) }]
    },
    expect: ([f]) => {
      expect(f?.severity).toBe('high')
      expect(ids(f)).toEqual([
        'entra:domain:contoso.com',
        'okta:app:0oaO365',
        'okta:app:0oaO365new',
      ])
      expect(f?.title).toBe(
        '2 active Office 365 apps claim contoso.com; Entra trusts only "Microsoft Office 365"',
      )
    },
  },
  {
    name: 'an emergency-access account moved onto the federated domain',
    rule: 'emergency-access-federated',
    mutate: (s) =>
      s.entra?.users?.push({
        id: 'e-bg1',
        userPrincipalName: 'breakglass01@contoso.com',
        displayName: 'Emergency Access 01',
        accountEnabled: true,
        userType: 'Member',
        onPremisesSyncEnabled: null,
      }),
    expect: ([f]) => {
      expect(ids(f)).toEqual(['entra:user:e-bg1', 'entra:domain:contoso.com'])
      expect(f?.severity).toBe('medium')
    },
  },
  {
    name: 'an Office 365 app for a managed domain',
    rule: 'federation-office365-pairing',
    mutate: (s) => {
      s.entra?.domains?.push({ id: 'contoso.net', authenticationType: 'Managed', isVerified: true })
      s.okta?.apps?.push({
        id: '0oaO365net',
        name: 'office365',
        label: 'O365 net',
        status: 'ACTIVE',
        settings: { app: { domain: 'contoso.net' } },
      })
    },
    expect: ([f]) => expect(ids(f)).toEqual(['okta:app:0oaO365net', 'entra:domain:contoso.net']),
  },
  {
    name: 'a cloud-only person with an Okta account, on the federated domain, without immutable ID',
    rule: 'federated-user-no-immutable-id',
    mutate: (s) => {
      s.entra?.users?.push({
        id: 'e-temp',
        userPrincipalName: 'temp@contoso.com',
        givenName: 'Tem',
        surname: 'Porary',
        accountEnabled: true,
        userType: 'Member',
        onPremisesImmutableId: null,
      })
      s.okta?.users?.push({
        id: '00utemp',
        status: 'ACTIVE',
        profile: { login: 'temp@contoso.com', email: 'temp@contoso.com' },
      })
    },
    expect: ([f]) => {
      expect(ids(f)).toEqual(['entra:domain:contoso.com', 'entra:user:e-temp'])
      expect(f?.evidence['population']).toMatchObject({ count: 1 })
    },
  },
])

ruleTable('sign-in rules', [
  {
    name: 'two sign-ins failed with AADSTS7000215',
    rule: 'entra-sign-in-failures',
    mutate: (s) => {
      for (const id of ['si-1', 'si-2']) {
        s.entra?.signIns?.push({
          id,
          createdDateTime: at(-0.2),
          userId: 'e-bob',
          userPrincipalName: 'bob@contoso.com',
          appId: IDP_APP_ID,
          appDisplayName: 'Okta IdP',
          status: { errorCode: 7000215, failureReason: 'Invalid client secret provided.' },
        })
      }
    },
    expect: ([f]) => {
      expect(f?.severity).toBe('high')
      expect(f?.title).toBe('2 sign-ins failed with AADSTS7000215 (InvalidClientSecret)')
      expect(ids(f)).toEqual([
        'entra:servicePrincipal:sp-okta-idp',
        'entra:application:bbbbbbbb-0000-4000-8000-000000000001',
        'entra:user:e-bob',
        'entra:signIn:si-1',
        'entra:signIn:si-2',
      ])
      expect(f?.evidence['relatedRules']).toContain('idp-client-secret-mismatch')
    },
  },
  {
    name: 'a wrong password never followed by a success is a note',
    rule: 'entra-sign-in-failures',
    mutate: (s) =>
      s.entra?.signIns?.push({
        id: 'si-3',
        userId: 'e-bob',
        appId: 'x',
        status: { errorCode: 50126 },
      }),
    expect: ([f]) => expect(f?.severity).toBe('info'),
  },
  {
    name: 'Okta could not match the transformed username',
    rule: 'okta-idp-auth-failures',
    mutate: (s) =>
      s.okta?.logs?.push({
        uuid: 'log-1',
        published: at(-0.1),
        eventType: 'user.authentication.auth_via_IDP',
        actor: { id: 'unknown', type: 'User', alternateId: 'bob@contoso.com' },
        outcome: { result: 'FAILURE', reason: 'Unable to match transformed username' },
        target: [{ id: '0oaIdp', type: 'IdentityProvider', displayName: 'Microsoft Entra ID' }],
      }),
    expect: ([f]) => {
      expect(ids(f)).toEqual(['okta:logEvent:log-1', 'okta:idp:0oaIdp', 'entra:user:e-bob'])
      expect(f?.evidence['relatedRules']).toContain('idp-username-unmatched')
    },
  },
])

ruleTable('provisioning rules', [
  {
    name: 'an Entra provisioning entry failed',
    rule: 'entra-provisioning-failures',
    mutate: (s) =>
      s.entra?.provisioningLogs?.push({
        id: 'prov-1',
        activityDateTime: at(-1),
        provisioningAction: 'create',
        provisioningStatusInfo: {
          status: 'failure',
          errorInformation: { errorCode: 'DuplicateUsername', reason: 'The username is taken.' },
        },
        servicePrincipal: { id: 'sp-sf', displayName: 'Salesforce' },
        sourceIdentity: { id: 'e-alice', identityType: 'User', displayName: 'Alice Adams' },
        targetIdentity: { id: '', identityType: 'User' },
      }),
    expect: ([f]) =>
      expect(ids(f)).toEqual([
        'entra:servicePrincipal:sp-sf',
        'entra:provisioningLog:prov-1',
        'entra:user:e-alice',
      ]),
  },
  {
    name: 'an Okta profile push to Office 365 failed',
    rule: 'okta-push-failures',
    mutate: (s) =>
      s.okta?.logs?.push({
        uuid: 'log-2',
        published: at(-0.5),
        eventType: 'application.provision.user.push_profile',
        actor: { id: 'system', type: 'SystemPrincipal' },
        outcome: { result: 'FAILURE', reason: 'errorCode=Request_BadRequest' },
        target: [
          { id: '0oaO365', type: 'AppInstance', displayName: 'Microsoft Office 365' },
          { id: '00ubob', type: 'User', alternateId: 'bob@contoso.com' },
        ],
      }),
    expect: ([f]) =>
      expect(ids(f)).toEqual(['okta:app:0oaO365', 'okta:logEvent:log-2', 'okta:user:00ubob']),
  },
  {
    name: "pushes to Office 365 fail because Conditional Access blocks Okta's service account",
    rule: 'okta-push-failures',
    mutate: (s) =>
      s.okta?.logs?.push({
        uuid: 'log-3',
        published: at(-0.5),
        eventType: 'application.provision.user.push',
        actor: { id: 'system', type: 'SystemPrincipal' },
        outcome: {
          result: 'FAILURE',
          reason: 'Failed to get access token: AADSTS50079: multi-factor authentication required',
        },
        target: [
          { id: '0oaO365', type: 'AppInstance', displayName: 'Microsoft Office 365' },
          { id: '00ubob', type: 'User', alternateId: 'bob@contoso.com' },
        ],
      }),
    expect: ([f]) => {
      expect(f?.evidence['aadsts']).toEqual(['50079'])
      expect(f?.detail).toContain('AADSTS50079 (')
      expect(f?.remediation.steps.length).toBeGreaterThan(3)
    },
  },
])
