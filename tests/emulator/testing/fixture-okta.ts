/** The Okta half of the fixture scenario: records shaped like the management API returns them. */
import type { OktaOrg, OktaRecord, OktaServiceApp } from '../scenarios/types'
import { FIXTURE } from './constants'

const t = (ms: number): string => new Date(ms).toISOString()

export function buildFixtureOkta(
  now: number,
  org: string,
  users: OktaRecord[],
  signingCertDer: string,
  serviceApp: OktaServiceApp,
): OktaOrg {
  const o365 = '0oa1office365emulator'
  const oidc = '0oa2oidcemulator00001'
  const userLinks = (id: string): OktaRecord => ({ self: { href: `${org}/api/v1/users/${id}` } })
  const groups: OktaRecord[] = [
    {
      id: '00g1everyone000000001',
      created: t(now - 900e6),
      lastUpdated: t(now - 800e6),
      lastMembershipUpdated: t(now - 100e6),
      objectClass: ['okta:user_group'],
      type: 'BUILT_IN',
      profile: { name: 'Everyone', description: 'All users in your organization' },
      _links: { self: { href: `${org}/api/v1/groups/00g1everyone000000001` } },
    },
    {
      id: '00g2sales00000000002',
      created: t(now - 700e6),
      lastUpdated: t(now - 600e6),
      lastMembershipUpdated: t(now - 50e6),
      objectClass: ['okta:windows_security_principal'],
      type: 'APP_GROUP',
      profile: {
        name: 'Sales',
        description: 'Sales (AD)',
        windowsDomainQualifiedName: 'CORP\\Sales',
        samAccountName: 'Sales',
        externalId: 'aGVsbG8=',
        dn: 'CN=Sales,OU=Groups,DC=corp,DC=contoso,DC=example',
      },
      _links: { self: { href: `${org}/api/v1/groups/00g2sales00000000002` } },
    },
  ]
  const apps: OktaRecord[] = [
    {
      id: o365,
      name: 'office365',
      label: 'Microsoft Office 365',
      status: 'ACTIVE',
      created: t(now - 800e6),
      lastUpdated: t(now - 10e6),
      signOnMode: 'SAML_1_1',
      features: ['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES'],
      accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null },
      visibility: {
        autoSubmitToolbar: false,
        hide: { iOS: false, web: false },
        appLinks: { login: true },
      },
      credentials: {
        userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
        signing: { kid: 'okta-o365-kid-1' },
      },
      settings: {
        app: {
          domain: FIXTURE.federatedDomain,
          msftTenant: 'contosoexample',
          wsFedConfigureType: 'AUTO',
          windowsTransportEnabled: false,
        },
        notifications: {
          vpn: { network: { connection: 'DISABLED' }, message: null, helpUrl: null },
        },
        signOn: { defaultRelayState: null },
      },
      _links: { self: { href: `${org}/api/v1/apps/${o365}` } },
    },
    {
      id: oidc,
      name: 'oidc_client',
      label: 'Portal',
      status: 'ACTIVE',
      created: t(now - 300e6),
      lastUpdated: t(now - 5e6),
      signOnMode: 'OPENID_CONNECT',
      features: [],
      credentials: {
        userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
        oauthClient: {
          autoKeyRotation: true,
          client_id: oidc,
          token_endpoint_auth_method: 'client_secret_basic',
        },
      },
      settings: {
        oauthClient: {
          redirect_uris: ['https://portal.contoso.example/callback'],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          application_type: 'web',
        },
      },
      _links: { self: { href: `${org}/api/v1/apps/${oidc}` } },
    },
  ]
  const appUsers: OktaRecord[] = users.slice(0, Math.min(users.length, 4)).map((u, i) => ({
    id: u.id as string,
    externalId: `ext-${i}`,
    scope: 'USER',
    status: 'PROVISIONED',
    created: t(now - 400e6),
    lastUpdated: t(now - 40e6),
    statusChanged: t(now - 400e6),
    passwordChanged: null,
    syncState: 'SYNCHRONIZED',
    lastSync: t(now - 3600e3),
    credentials: { userName: (u.profile as OktaRecord).login as string },
    profile: { immutableId: Buffer.from(`immutable-${i}`).toString('base64'), usageLocation: 'US' },
    _links: {
      app: { href: `${org}/api/v1/apps/${o365}` },
      user: userLinks(u.id as string).self as OktaRecord,
    },
  }))
  return {
    users,
    groups,
    groupMembers: {},
    apps,
    appGroups: {},
    groupPushMappings: {},
    appUsers: { [o365]: appUsers, [oidc]: [] },
    appKeys: {
      [o365]: [
        {
          kid: 'okta-o365-kid-1',
          kty: 'RSA',
          use: 'sig',
          e: 'AQAB',
          n: 'sXch1',
          x5c: [signingCertDer],
          'x5t#S256': 'placeholder-thumbprint',
          created: t(now - 100 * 86400e3),
          lastUpdated: t(now - 100 * 86400e3),
          expiresAt: t(now + 3550 * 86400e3),
        },
      ],
      [oidc]: [],
    },
    idps: [
      {
        id: '0oa62bfdjnK55Z5x80h7',
        type: 'MICROSOFT',
        name: 'Entra ID',
        status: 'ACTIVE',
        issuerMode: 'ORG_URL',
        created: t(now - 200e6),
        lastUpdated: t(now - 20e6),
        protocol: {
          type: 'OIDC',
          endpoints: {
            authorization: {
              url: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
              binding: 'HTTP-REDIRECT',
            },
            token: {
              url: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
              binding: 'HTTP-POST',
            },
          },
          scopes: ['openid', 'email', 'profile', 'https://graph.microsoft.com/User.Read'],
          credentials: {
            client: { client_id: FIXTURE.readerAppId, client_secret: 'Qx~-stored-in-okta' },
          },
        },
        policy: {
          provisioning: {
            action: 'AUTO',
            profileMaster: false,
            groups: { action: 'NONE' },
            conditions: { deprovisioned: { action: 'NONE' }, suspended: { action: 'NONE' } },
          },
          accountLink: { action: 'AUTO', filter: null },
          subject: {
            userNameTemplate: { template: 'idpuser.userPrincipalName' },
            filter: null,
            matchType: 'USERNAME',
          },
          maxClockSkew: 0,
        },
        _links: { self: { href: `${org}/api/v1/idps/0oa62bfdjnK55Z5x80h7` } },
      },
    ],
    mappings: [
      {
        id: 'prm1o365push00000001',
        source: {
          id: 'oty1emulatordefault01',
          name: 'user',
          type: 'user',
          _links: { self: { href: `${org}/api/v1/meta/types/user/oty1emulatordefault01` } },
        },
        target: {
          id: o365,
          name: 'office365',
          type: 'appuser',
          _links: { self: { href: `${org}/api/v1/apps/${o365}` } },
        },
        properties: {
          immutableId: {
            expression: 'hasDirectoryUser()?findDirectoryUser().externalId:null',
            pushStatus: 'PUSH',
          },
          userName: { expression: 'user.login', pushStatus: 'PUSH' },
        },
        _links: { self: { href: `${org}/api/v1/mappings/prm1o365push00000001` } },
      },
      {
        id: 'prm2idpimport0000002',
        source: { id: '0oa62bfdjnK55Z5x80h7', name: 'Entra ID', type: 'appuser' },
        target: { id: 'oty1emulatordefault01', name: 'user', type: 'user' },
        properties: { login: { expression: 'appuser.userPrincipalName', pushStatus: 'DONT_PUSH' } },
        _links: { self: { href: `${org}/api/v1/mappings/prm2idpimport0000002` } },
      },
    ],
    userSchema: {
      id: `${org}/meta/schemas/user/default`,
      $schema: 'http://json-schema.org/draft-04/schema#',
      name: 'user',
      title: 'User',
      type: 'object',
      created: t(now - 900e6),
      lastUpdated: t(now - 100e6),
      definitions: {
        base: {
          id: '#base',
          type: 'object',
          properties: {
            login: {
              title: 'Username',
              type: 'string',
              required: true,
              minLength: 5,
              maxLength: 100,
              permissions: [{ principal: 'SELF', action: 'READ_WRITE' }],
            },
            email: { title: 'Primary email', type: 'string', required: true, format: 'email' },
          },
          required: ['login', 'email'],
        },
        custom: {
          id: '#custom',
          type: 'object',
          properties: {
            employeeGuid: {
              title: 'AD objectGUID',
              description: 'from AD',
              type: 'string',
              required: false,
              mutability: 'READ_WRITE',
              scope: 'NONE',
              master: { type: 'PROFILE_MASTER' },
              permissions: [],
            },
          },
          required: [],
        },
      },
      properties: {
        profile: { allOf: [{ $ref: '#/definitions/base' }, { $ref: '#/definitions/custom' }] },
      },
      _links: { self: { href: `${org}/api/v1/meta/schemas/user/default` } },
    },
    logs: [0, 1, 2, 3, 4].map((i) => ({
      uuid: `log-${i}-00000000-0000-4000-8000-00000000000${i}`,
      published: t(now - (5 - i) * 3600e3),
      eventType: i === 2 ? 'user.authentication.auth_via_IDP' : 'user.session.start',
      version: '0',
      severity: i === 2 ? 'WARN' : 'INFO',
      legacyEventType: null,
      displayMessage: i === 2 ? 'Authenticate user via IDP' : 'User login to Okta',
      actor: {
        id: i === 2 ? 'unknown' : (users[0]?.id as string),
        type: 'User',
        alternateId: 'ada.lovelace0@contoso.example',
        displayName: 'Ada Lovelace',
        detailEntry: null,
      },
      client: {
        ipAddress: '203.0.113.20',
        userAgent: { rawUserAgent: 'Mozilla/5.0', os: 'Mac OS X', browser: 'CHROME' },
        zone: 'null',
        device: 'Computer',
        id: null,
      },
      outcome: {
        result: i === 2 ? 'FAILURE' : 'SUCCESS',
        reason: i === 2 ? 'Unable to match transformed username' : null,
      },
      target:
        i === 2
          ? [
              {
                id: '0oa62bfdjnK55Z5x80h7',
                type: 'IdentityProvider',
                alternateId: 'Entra ID',
                displayName: 'Entra ID',
                detailEntry: null,
              },
            ]
          : [],
      transaction: { type: 'WEB', id: `tx${i}`, detail: {} },
      debugContext: { debugData: { requestUri: '/sso/idps/0oa62bfdjnK55Z5x80h7' } },
      authenticationContext: { authenticationStep: 0, externalSessionId: `102x${i}` },
      securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
      request: { ipChain: [] },
    })),
    apiTokens: [
      { token: FIXTURE.oktaToken, admin: true },
      { token: FIXTURE.oktaRevokedToken, admin: true, revoked: true },
      { token: FIXTURE.oktaUserToken, admin: false },
    ],
    serviceApps: [serviceApp],
    idpDiscoveryPolicies: [
      {
        id: '00p1idpdiscovery00001',
        status: 'ACTIVE',
        name: 'Idp Discovery Policy',
        description: 'Default Policy for IdP Discovery',
        priority: 1,
        system: true,
        conditions: null,
        created: t(now - 900e6),
        lastUpdated: t(now - 900e6),
        _links: {
          self: { href: `${org}/api/v1/policies/00p1idpdiscovery00001` },
          rules: { href: `${org}/api/v1/policies/00p1idpdiscovery00001/rules` },
        },
        type: 'IDP_DISCOVERY',
      },
    ],
    idpDiscoveryRules: {
      '00p1idpdiscovery00001': [
        {
          id: '0pr1entrarouting00001',
          status: 'ACTIVE',
          name: 'Entra ID for contoso.example',
          priority: 1,
          created: t(now - 400e6),
          lastUpdated: t(now - 400e6),
          system: false,
          conditions: {
            network: { connection: 'ANYWHERE' },
            platform: { include: [], exclude: [] },
            userIdentifier: {
              type: 'IDENTIFIER',
              patterns: [{ matchType: 'SUFFIX', value: 'contoso.example' }],
            },
            app: { include: [], exclude: [] },
          },
          actions: {
            idp: {
              providers: [{ type: 'MICROSOFT', id: '0oa62bfdjnK55Z5x80h7' }],
              idpSelectionType: 'SPECIFIC',
            },
          },
          _links: {
            self: {
              href: `${org}/api/v1/policies/00p1idpdiscovery00001/rules/0pr1entrarouting00001`,
            },
          },
          type: 'IDP_DISCOVERY',
        },
        {
          id: '0pr1defaultrule000001',
          status: 'ACTIVE',
          name: 'Default Rule',
          priority: 2,
          created: t(now - 900e6),
          lastUpdated: t(now - 900e6),
          system: true,
          conditions: {
            network: { connection: 'ANYWHERE' },
            platform: { include: [], exclude: [] },
            userIdentifier: { patterns: [] },
            app: { include: [], exclude: [] },
          },
          actions: { idp: { providers: [{ type: 'OKTA' }], idpSelectionType: 'SPECIFIC' } },
          _links: {
            self: {
              href: `${org}/api/v1/policies/00p1idpdiscovery00001/rules/0pr1defaultrule000001`,
            },
          },
          type: 'IDP_DISCOVERY',
        },
      ],
    },
  }
}
