/**
 * A small hand-made scenario for the emulator's own tests: one tenant, one org, a reader app
 * with a valid secret, an expired secret and a certificate, a limited app, Okta tokens of every
 * kind and a service app. `users` generates a population for the page benchmarks.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto'
import type * as MG from '@microsoft/microsoft-graph-types'
import type { Scenario, ScenarioOptions } from '../scenarios/types'
import { selfSignedCertificate, thumbprints } from '../tls'
import { FIXTURE, GRAPH_ROLES } from './constants'
import { fixtureActivity } from './fixture-activity'
import { buildFixtureOkta } from './fixture-okta'
import { fixtureDeletedUser, fixtureEntraUser, fixtureOktaUser } from './people'

export { FIXTURE, GRAPH_ROLES }

const day = 86400_000
const iso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z')

export interface FixtureOptions extends ScenarioOptions {
  premium?: boolean
}

export function buildFixtureScenario(options: FixtureOptions): Scenario {
  const now = Date.parse(options.now ?? FIXTURE.now)
  const org = options.origins.oktaOrgUrl
  const count = options.users ?? 6
  const readerCert = selfSignedCertificate('Crosswalk reader', 365, new Date(now - 30 * day))
  const signingCert = selfSignedCertificate(
    'Okta office365 signing',
    3650,
    new Date(now - 100 * day),
  )
  const service = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const publicJwk: Record<string, string> = {
    ...(createPublicKey(service.privateKey).export({ format: 'jwk' }) as Record<string, string>),
    kid: 'svc-key-1',
    alg: 'RS256',
    use: 'sig',
  }

  const serviceApp = {
    clientId: FIXTURE.serviceClientId,
    publicJwk,
    privateKeyPem: service.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    keyId: 'svc-key-1',
    // okta.schemas.read is left out on purpose: tests prove the scope check with it
    grantedScopes: [
      'okta.users.read',
      'okta.groups.read',
      'okta.apps.read',
      'okta.idps.read',
      'okta.policies.read',
      'okta.logs.read',
      'okta.profileMappings.read',
    ],
  }
  const users: MG.User[] = []
  const oktaUsers: Scenario['okta']['users'] = []
  for (let i = 0; i < count; i++) {
    users.push(fixtureEntraUser(i, now))
    oktaUsers.push(fixtureOktaUser(i, now, org))
  }
  const deprovisioned = oktaUsers[count - 1]
  if (deprovisioned && count > 1) deprovisioned.status = 'DEPROVISIONED'

  const graphSp: MG.ServicePrincipal = {
    id: FIXTURE.graphSpId,
    appId: '00000003-0000-0000-c000-000000000000',
    displayName: 'Microsoft Graph',
    appDisplayName: 'Microsoft Graph',
    servicePrincipalType: 'Application',
    accountEnabled: true,
    appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
    appRoles: Object.entries(GRAPH_ROLES).map(([value, id]) => ({
      id,
      value,
      displayName: value,
      description: `Allows the app to ${value}`,
      allowedMemberTypes: ['Application'],
      isEnabled: true,
      origin: 'Application',
    })),
    tags: [],
  }
  const grant = (spId: string, role: string, i: number): MG.AppRoleAssignment => ({
    id: `grant-${spId.slice(-4)}-${i}`,
    appRoleId: GRAPH_ROLES[role] ?? '',
    principalId: spId,
    principalType: 'ServicePrincipal',
    principalDisplayName: spId === FIXTURE.readerSpId ? 'Crosswalk reader' : 'Limited reader',
    resourceId: FIXTURE.graphSpId,
    resourceDisplayName: 'Microsoft Graph',
    createdDateTime: iso(now - 20 * day),
  })
  const app = (
    appId: string,
    id: string,
    name: string,
    extra: Partial<MG.Application>,
  ): MG.Application => ({
    id,
    appId,
    displayName: name,
    signInAudience: 'AzureADMyOrg',
    createdDateTime: iso(now - 60 * day),
    identifierUris: [],
    tags: [],
    requiredResourceAccess: [],
    passwordCredentials: [],
    keyCredentials: [],
    ...extra,
  })
  const sp = (appId: string, id: string, name: string): MG.ServicePrincipal => ({
    id,
    appId,
    displayName: name,
    appDisplayName: name,
    accountEnabled: true,
    servicePrincipalType: 'Application',
    appRoleAssignmentRequired: false,
    tags: [],
    replyUrls: [],
  })

  return {
    name: 'fixture',
    now: iso(now),
    answerKey: [],
    credentials: {
      entra: {
        clientId: FIXTURE.readerAppId,
        clientSecret: FIXTURE.secret,
        certificate: {
          appId: FIXTURE.readerAppId,
          keyId: 'c0c0c0c0-0000-4000-8000-000000000001',
          certificatePem: readerCert.certPem,
          privateKeyPem: readerCert.keyPem,
        },
      },
      okta: { apiToken: FIXTURE.oktaToken, serviceApp },
    },
    entra: {
      tenantId: FIXTURE.tenantId,
      premiumLicense: options.premium ?? true,
      organization: [
        {
          id: FIXTURE.tenantId,
          displayName: 'Contoso Example',
          tenantType: 'AAD',
          createdDateTime: iso(now - 900 * day),
          countryLetterCode: 'US',
          onPremisesSyncEnabled: true,
          onPremisesLastSyncDateTime: iso(now - 3600_000),
          verifiedDomains: [
            {
              name: FIXTURE.initialDomain,
              type: 'Managed',
              isDefault: false,
              isInitial: true,
              capabilities: 'Email, OfficeCommunicationsOnline',
            },
            {
              name: FIXTURE.domain,
              type: 'Managed',
              isDefault: true,
              isInitial: false,
              capabilities: 'Email',
            },
            {
              name: FIXTURE.federatedDomain,
              type: 'Federated',
              isDefault: false,
              isInitial: false,
              capabilities: 'Email',
            },
          ],
          technicalNotificationMails: ['admin@contoso.example'],
          assignedPlans: [],
        },
      ],
      domains: [
        {
          id: FIXTURE.initialDomain,
          authenticationType: 'Managed',
          isVerified: true,
          isDefault: false,
          isInitial: true,
          isRoot: true,
          isAdminManaged: true,
          supportedServices: ['Email'],
          passwordValidityPeriodInDays: 2147483647,
          passwordNotificationWindowInDays: 14,
        },
        {
          id: FIXTURE.domain,
          authenticationType: 'Managed',
          isVerified: true,
          isDefault: true,
          isInitial: false,
          isRoot: true,
          isAdminManaged: true,
          supportedServices: ['Email'],
          passwordValidityPeriodInDays: 2147483647,
          passwordNotificationWindowInDays: 14,
        },
        {
          id: FIXTURE.federatedDomain,
          authenticationType: 'Federated',
          isVerified: true,
          isDefault: false,
          isInitial: false,
          isRoot: true,
          isAdminManaged: true,
          supportedServices: ['Email'],
        },
        {
          id: 'unverified.example',
          authenticationType: 'Managed',
          isVerified: false,
          isDefault: false,
          isInitial: false,
          isRoot: true,
          isAdminManaged: true,
          supportedServices: [],
        },
      ],
      federationConfigurations: {
        [FIXTURE.federatedDomain]: [
          {
            id: 'f3d1c2b0-1111-4222-8333-444455556666',
            displayName: 'Okta',
            issuerUri: 'http://www.okta.com/exk1fedemulator',
            passiveSignInUri: `${org}/app/office365/exk1fedemulator/sso/wsfed/passive`,
            activeSignInUri: `${org}/app/office365/exk1fedemulator/sso/wsfed/active`,
            signOutUri: `${org}/login/signout`,
            metadataExchangeUri: `${org}/app/office365/exk1fedemulator/sso/wsfed/mex`,
            signingCertificate: signingCert.certDer,
            preferredAuthenticationProtocol: 'wsFed',
            promptLoginBehavior: 'nativeSupport',
            federatedIdpMfaBehavior: 'acceptIfMfaDoneByFederatedIdp',
            isSignedAuthenticationRequestRequired: false,
          },
        ],
      },
      users,
      deletedUsers: [0, 1, 2].map((k) => fixtureDeletedUser(count + k, now)),
      groupMembers: {
        'b0b0b0b0-0000-4000-8000-000000000001': users
          .slice(0, 2)
          .map((u) => ({ '@odata.type': '#microsoft.graph.user', id: u.id ?? '' })),
      },
      groups: [
        {
          id: 'b0b0b0b0-0000-4000-8000-000000000001',
          displayName: 'Sales',
          mailEnabled: false,
          securityEnabled: true,
          groupTypes: [],
          createdDateTime: iso(now - 300 * day),
          onPremisesSyncEnabled: true,
        },
        {
          id: 'b0b0b0b0-0000-4000-8000-000000000002',
          displayName: 'Everyone',
          mailEnabled: true,
          securityEnabled: false,
          mail: 'everyone@contoso.example',
          groupTypes: ['Unified'],
          createdDateTime: iso(now - 200 * day),
        },
      ],
      applications: [
        app(FIXTURE.readerAppId, 'e0e0e0e0-0000-4000-8000-000000000001', 'Crosswalk reader', {
          passwordCredentials: [
            {
              keyId: 'd0d0d0d0-0000-4000-8000-000000000001',
              displayName: 'valid',
              hint: FIXTURE.secret.slice(0, 3),
              startDateTime: iso(now - 30 * day),
              endDateTime: iso(now + 300 * day),
              customKeyIdentifier: null,
              secretText: null,
            },
            {
              keyId: 'd0d0d0d0-0000-4000-8000-000000000002',
              displayName: 'expired',
              hint: FIXTURE.expiredSecret.slice(0, 3),
              startDateTime: iso(now - 400 * day),
              endDateTime: iso(now - 2 * day),
              customKeyIdentifier: null,
              secretText: null,
            },
          ],
          keyCredentials: [
            {
              keyId: 'c0c0c0c0-0000-4000-8000-000000000001',
              displayName: 'CN=Crosswalk reader',
              type: 'AsymmetricX509Cert',
              usage: 'Verify',
              startDateTime: iso(now - 30 * day),
              endDateTime: iso(now + 335 * day),
              customKeyIdentifier: Buffer.from(
                thumbprints(readerCert.certPem).sha1Hex,
                'hex',
              ).toString('base64'),
              key: readerCert.certDer,
            },
          ],
          requiredResourceAccess: [
            {
              resourceAppId: '00000003-0000-0000-c000-000000000000',
              resourceAccess: Object.values(GRAPH_ROLES).map((id) => ({ id, type: 'Role' })),
            },
          ],
        }),
        app(FIXTURE.limitedAppId, 'e0e0e0e0-0000-4000-8000-000000000002', 'Limited reader', {
          passwordCredentials: [
            {
              keyId: 'd0d0d0d0-0000-4000-8000-000000000003',
              displayName: 'limited',
              hint: FIXTURE.limitedSecret.slice(0, 3),
              startDateTime: iso(now - 30 * day),
              endDateTime: iso(now + 300 * day),
              customKeyIdentifier: null,
              secretText: null,
            },
          ],
        }),
      ],
      servicePrincipals: [
        graphSp,
        sp(FIXTURE.readerAppId, FIXTURE.readerSpId, 'Crosswalk reader'),
        sp(FIXTURE.limitedAppId, FIXTURE.limitedSpId, 'Limited reader'),
        {
          ...sp(
            '33333333-4444-4555-8666-777777777777',
            FIXTURE.provisioningSpId,
            'Okta provisioning',
          ),
          preferredSingleSignOnMode: 'saml',
          servicePrincipalNames: [
            'api://okta-provisioning',
            '33333333-4444-4555-8666-777777777777',
          ],
        },
      ],
      appRoleAssignments: {
        [FIXTURE.readerSpId]: Object.keys(GRAPH_ROLES).map((r, i) =>
          grant(FIXTURE.readerSpId, r, i),
        ),
        [FIXTURE.limitedSpId]: [grant(FIXTURE.limitedSpId, 'User.Read.All', 0)],
      },
      oauth2PermissionGrants: [
        {
          id: 'pg-1',
          clientId: FIXTURE.readerSpId,
          consentType: 'AllPrincipals',
          resourceId: FIXTURE.graphSpId,
          scope: 'User.Read',
        },
      ],
      ...fixtureActivity(now, users),
      secrets: [
        {
          appId: FIXTURE.readerAppId,
          keyId: 'd0d0d0d0-0000-4000-8000-000000000001',
          secretText: FIXTURE.secret,
        },
        {
          appId: FIXTURE.readerAppId,
          keyId: 'd0d0d0d0-0000-4000-8000-000000000002',
          secretText: FIXTURE.expiredSecret,
        },
        {
          appId: FIXTURE.limitedAppId,
          keyId: 'd0d0d0d0-0000-4000-8000-000000000003',
          secretText: FIXTURE.limitedSecret,
        },
      ],
      certificates: [
        {
          appId: FIXTURE.readerAppId,
          keyId: 'c0c0c0c0-0000-4000-8000-000000000001',
          certificatePem: readerCert.certPem,
          privateKeyPem: readerCert.keyPem,
        },
      ],
    },
    okta: buildFixtureOkta(now, org, oktaUsers, signingCert.certDer, serviceApp),
  }
}
