/**
 * The clutter every real tenant pair has, one kind at a time on the healthy fixture:
 * accounts that are not people, inactive and superseded objects, interrupts and
 * retried failures, harmless lifecycle states. The whole catalogue must stay at or
 * below info for each; a rule that judges these as problems fails here.
 */
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../../src/shared/rules'
import {
  type FixtureSnapshot,
  IDP_APP_ID,
  IDP_SECRET_KEY_ID,
  at,
  obj,
  seamSnapshot,
} from '../../../fixtures/snapshots/seam-snapshot'

type J = Record<string, unknown>

const cloudUser = (id: string, upn: string, extra: J = {}): J => ({
  id,
  userPrincipalName: upn,
  accountEnabled: true,
  userType: 'Member',
  onPremisesSyncEnabled: null,
  ...extra,
})

const oktaUser = (id: string, login: string, extra: J = {}): J => ({
  id,
  status: 'ACTIVE',
  profile: { login, email: login, firstName: 'X', lastName: 'Y' },
  credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
  ...extra,
})

const CLUTTER: { name: string; mutate: (s: FixtureSnapshot) => void }[] = [
  {
    name: 'the Entra Connect sync service account and a cloud sync account',
    mutate: (s) => {
      s.entra?.users?.push(
        cloudUser('e-sync', 'Sync_DC01_1a2b3c4d5e6f@contoso.onmicrosoft.com', {
          displayName: 'On-Premises Directory Synchronization Service Account',
        }),
        cloudUser('e-csync', 'ADToAADSyncServiceAccount@contoso.onmicrosoft.com'),
      )
    },
  },
  {
    name: 'two break-glass administrators',
    mutate: (s) => {
      s.entra?.users?.push(
        cloudUser('e-bg1', 'breakglass01@contoso.onmicrosoft.com', {
          displayName: 'Break Glass 01',
        }),
        cloudUser('e-bg2', 'emergency.admin@contoso.onmicrosoft.com'),
      )
    },
  },
  {
    name: 'an AD-synced person whose title mentions emergencies, on the federated domain',
    mutate: (s) => {
      s.entra?.users?.push(
        cloudUser('e-dana', 'dana.emergency@contoso.com', {
          displayName: 'Dana Emergency-Planning',
          onPremisesImmutableId: 'REFOQS1HVUlE',
          onPremisesSyncEnabled: true,
        }),
      )
    },
  },
  {
    name: 'B2B guests, one still pending',
    mutate: (s) => {
      s.entra?.users?.push(
        cloudUser('e-g1', 'pat_fabrikam.com#EXT#@contoso.onmicrosoft.com', {
          userType: 'Guest',
          mail: 'pat@fabrikam.com',
          creationType: 'Invitation',
          externalUserState: 'Accepted',
        }),
        cloudUser('e-g2', 'lee_partner.org#EXT#@contoso.onmicrosoft.com', {
          userType: 'Guest',
          mail: null,
          externalUserState: 'PendingAcceptance',
        }),
      )
    },
  },
  {
    name: 'shared and room mailboxes on the federated domain',
    mutate: (s) => {
      s.entra?.users?.push(
        cloudUser('e-shared', 'info@contoso.com', {
          accountEnabled: false,
          mail: 'info@contoso.com',
        }),
        cloudUser('e-room', 'conf-room-4.12@contoso.com', {
          accountEnabled: false,
          mail: 'conf-room-4.12@contoso.com',
          displayName: 'Conference Room 4.12',
        }),
      )
    },
  },
  {
    name: 'a lab account on the initial domain with no Okta account',
    mutate: (s) => {
      s.entra?.users?.push(
        cloudUser('e-lab', 'labtest@contoso.onmicrosoft.com', {
          givenName: 'Lab',
          surname: 'Test',
        }),
      )
    },
  },
  {
    name: 'Okta-only contractors and a service user',
    mutate: (s) => {
      s.okta?.users?.push(
        oktaUser('00ucontractor', 'sam@northwind-contracting.com'),
        oktaUser('00usvc', 'svc-integration@contoso.com', {
          profile: { login: 'svc-integration@contoso.com', email: 'it@contoso.com' },
        }),
      )
    },
  },
  {
    name: "an administrator's second Okta account sharing the person's email",
    mutate: (s) => {
      s.okta?.users?.push(
        oktaUser('00ualiceadm', 'alice-admin@contoso.com', {
          profile: {
            login: 'alice-admin@contoso.com',
            email: 'alice@contoso.com',
            firstName: 'Alice',
            lastName: 'Adams',
          },
        }),
      )
    },
  },
  {
    name: 'a new hire STAGED in Okta, enabled in Entra',
    mutate: (s) => {
      obj(s.okta?.users?.[2])['status'] = 'STAGED'
      obj(s.okta?.users?.[2])['statusChanged'] = at(-2)
    },
  },
  {
    name: 'a person PROVISIONED in Okta (activation pending), enabled in Entra',
    mutate: (s) => {
      obj(s.okta?.users?.[2])['status'] = 'PROVISIONED'
    },
  },
  {
    name: 'a short Okta suspension (leave) while Entra stays enabled',
    mutate: (s) => {
      obj(s.okta?.users?.[1])['status'] = 'SUSPENDED'
      obj(s.okta?.users?.[1])['statusChanged'] = at(-10)
    },
  },
  {
    name: 'a leaver gone on both sides',
    mutate: (s) => {
      obj(s.entra?.users?.[1])['accountEnabled'] = false
      const bob = s.okta?.users?.splice(1, 1)[0] ?? {}
      s.okta?.deprovisionedUsers?.push({ ...bob, status: 'DEPROVISIONED', statusChanged: at(-5) })
      s.okta!.appUsers!['0oaO365'] = (s.okta?.appUsers?.['0oaO365'] ?? []).filter(
        (au) => au['id'] !== '00ubob',
      )
    },
  },
  {
    name: 'locked out, password expired and recovering Okta users',
    mutate: (s) => {
      obj(s.okta?.users?.[0])['status'] = 'LOCKED_OUT'
      obj(s.okta?.users?.[1])['status'] = 'PASSWORD_EXPIRED'
      obj(s.okta?.users?.[2])['status'] = 'RECOVERY'
    },
  },
  {
    name: 'an Okta login that differs from the UPN only in letter case',
    mutate: (s) => (obj(s.okta?.users?.[0], 'profile')['login'] = 'Alice@Contoso.com'),
  },
  {
    name: 'an alias: mail differs from the UPN, and Okta email follows mail',
    mutate: (s) => {
      obj(s.entra?.users?.[2])['mail'] = 'carol.baker@contoso.com'
      obj(s.okta?.users?.[2], 'profile')['email'] = 'carol.baker@contoso.com'
    },
  },
  {
    name: 'per-user sync times months old, with both sides agreeing',
    mutate: (s) => {
      for (const u of s.entra?.users ?? []) u['onPremisesLastSyncDateTime'] = at(-140)
      for (const u of s.okta?.users ?? []) u['lastUpdated'] = at(-3)
    },
  },
  {
    name: 'proxy addresses with X500, SIP and EUM entries',
    mutate: (s) =>
      (obj(s.entra?.users?.[0])['proxyAddresses'] = [
        'SMTP:alice@contoso.com',
        'X500:/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=alice',
        'SIP:alice@contoso.com',
        'EUM:1234;phone-context=contoso.com',
      ]),
  },
  {
    name: 'an inactive Microsoft IdP left over from an old tenant, with every problem',
    mutate: (s) =>
      s.okta?.idps?.push({
        id: '0oaOldIdp',
        type: 'MICROSOFT',
        name: 'Old tenant',
        status: 'INACTIVE',
        protocol: {
          type: 'OIDC',
          endpoints: {
            authorization: {
              url: 'https://login.microsoftonline.com/deadbeef-0000-4000-8000-000000000000/oauth2/v2.0/authorize',
            },
          },
          scopes: ['openid', 'email', 'profile'],
          credentials: { client: { client_id: IDP_APP_ID, client_secret: IDP_SECRET_KEY_ID } },
        },
        policy: {
          subject: { userNameTemplate: { template: 'idpuser.email' }, matchType: 'EMAIL' },
        },
        _links: {
          clientRedirectUri: { href: 'https://old.okta.com/oauth2/v1/authorize/callback' },
        },
      }),
  },
  {
    name: 'non-Microsoft identity providers',
    mutate: (s) =>
      s.okta?.idps?.push(
        { id: '0oaGoogle', type: 'GOOGLE', name: 'Google', status: 'ACTIVE' },
        { id: '0oaSaml', type: 'SAML2', name: 'Partner SAML', status: 'ACTIVE' },
      ),
  },
  {
    name: 'an expired secret next to the newer one Okta uses',
    mutate: (s) =>
      (obj(s.entra?.applications?.[0])['passwordCredentials'] = [
        ...((obj(s.entra?.applications?.[0])['passwordCredentials'] as J[]) ?? []),
        { keyId: 'k-old', hint: 'Old', endDateTime: at(-40), displayName: 'okta 2025' },
      ]),
  },
  {
    name: 'leftover app registrations with long-expired credentials',
    mutate: (s) =>
      s.entra?.applications?.push({
        id: 'app-old',
        appId: 'eeeeeeee-0000-4000-8000-000000000001',
        displayName: 'Old POC',
        passwordCredentials: [{ keyId: 'k-poc', hint: 'Poc', endDateTime: at(-400) }],
        keyCredentials: [{ keyId: 'c-poc', usage: 'Verify', endDateTime: at(-300) }],
      }),
  },
  {
    name: 'an inactive SAML app with an expired signing key and empty NameIDs',
    mutate: (s) => {
      s.okta?.apps?.push({
        id: '0oaLegacy',
        name: 'legacy_saml',
        label: 'Legacy',
        status: 'INACTIVE',
        signOnMode: 'SAML_2_0',
        settings: { signOn: { subjectNameIdTemplate: '${user.nickName}' } },
        credentials: { signing: { kid: 'kid-legacy' } },
      })
      s.okta!.appKeys!['0oaLegacy'] = [{ kid: 'kid-legacy', kty: 'RSA', expiresAt: at(-100) }]
      s.okta!.appUsers!['0oaLegacy'] = [{ id: '00ualice', status: 'ACTIVE', credentials: {} }]
    },
  },
  {
    name: 'an unverified domain added long ago that nothing uses',
    mutate: (s) =>
      s.entra?.domains?.push({
        id: 'old-brand.com',
        authenticationType: 'Managed',
        isVerified: false,
      }),
  },
  {
    name: 'sign-in interrupts each followed by a success, and a mistyped password fixed at once',
    mutate: (s) => {
      const codes = [50058, 50140, 50074, 50076, 50072, 50079, 50125, 50097, 50126]
      codes.forEach((code, n) => {
        s.entra?.signIns?.push(
          {
            id: `si-int-${code}`,
            createdDateTime: at(-1 + n * 0.01),
            userId: 'e-bob',
            userPrincipalName: 'bob@contoso.com',
            appId: IDP_APP_ID,
            correlationId: `corr-${code}`,
            status: { errorCode: code },
          },
          {
            id: `si-ok-${code}`,
            createdDateTime: at(-1 + n * 0.01 + 0.001),
            userId: 'e-bob',
            userPrincipalName: 'bob@contoso.com',
            appId: IDP_APP_ID,
            correlationId: `corr-${code}`,
            status: { errorCode: 0 },
          },
        )
      })
    },
  },
  {
    name: 'a KMSI interrupt abandoned (no later success)',
    mutate: (s) =>
      s.entra?.signIns?.push({
        id: 'si-kmsi',
        createdDateTime: at(-2),
        userId: 'e-carol',
        appId: IDP_APP_ID,
        status: { errorCode: 50140 },
      }),
  },
  {
    name: 'an Okta IdP sign-in that failed once and succeeded on the retry',
    mutate: (s) =>
      s.okta?.logs?.push(
        {
          uuid: 'ev-1',
          published: at(-1),
          eventType: 'user.authentication.auth_via_IDP',
          actor: { id: 'unknown', alternateId: 'bob@contoso.com' },
          outcome: { result: 'FAILURE', reason: 'Unable to match transformed username' },
          target: [{ id: '0oaIdp', type: 'IdentityProvider', displayName: 'Microsoft Entra ID' }],
        },
        {
          uuid: 'ev-2',
          published: at(-1 + 0.002),
          eventType: 'user.authentication.auth_via_IDP',
          actor: { id: '00ubob', alternateId: 'bob@contoso.com' },
          outcome: { result: 'SUCCESS' },
          target: [{ id: '0oaIdp', type: 'IdentityProvider', displayName: 'Microsoft Entra ID' }],
        },
      ),
  },
  {
    name: 'an Okta push to Office 365 that failed once and went through on the retry',
    mutate: (s) =>
      s.okta?.logs?.push(
        {
          uuid: 'ev-p1',
          published: at(-3),
          eventType: 'application.provision.user.push_profile',
          actor: { id: 'system' },
          outcome: { result: 'FAILURE', reason: 'Request_ResourceNotFound' },
          target: [
            { id: '0oaO365', type: 'AppInstance', displayName: 'Microsoft Office 365' },
            { id: '00ucarol', type: 'User', alternateId: 'carol@contoso.com' },
          ],
        },
        {
          uuid: 'ev-p2',
          published: at(-2.9),
          eventType: 'application.provision.user.push_profile',
          actor: { id: 'system' },
          outcome: { result: 'SUCCESS' },
          target: [
            { id: '0oaO365', type: 'AppInstance', displayName: 'Microsoft Office 365' },
            { id: '00ucarol', type: 'User', alternateId: 'carol@contoso.com' },
          ],
        },
      ),
  },
  {
    name: 'Office 365 assignments made through a group',
    mutate: (s) => {
      for (const au of s.okta?.appUsers?.['0oaO365'] ?? []) au['scope'] = 'GROUP'
    },
  },
]

describe('clutter a healthy tenant pair has', () => {
  for (const c of CLUTTER) {
    it(`raises nothing above info: ${c.name}`, () => {
      const loud = diagnose(seamSnapshot(c.mutate)).filter((f) => f.severity !== 'info')
      expect(loud.map((f) => `${f.rule} (${f.severity}): ${f.title}`)).toEqual([])
    })
  }

  it('still raises nothing above info with every kind at once', () => {
    const loud = diagnose(seamSnapshot((s) => CLUTTER.forEach((c) => c.mutate(s)))).filter(
      (f) => f.severity !== 'info',
    )
    expect(loud.map((f) => `${f.rule} (${f.severity}): ${f.title}`)).toEqual([])
  })
})
