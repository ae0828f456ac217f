/**
 * Okta configuration an org accumulates without breaking anything: an inactive Microsoft IdP
 * from an old tenant, non-Microsoft IdPs, rotated signing keys still listed, retired apps, and
 * Office 365 assigned through a group.
 */
import type { OktaRecord } from './types'
import type { Draft } from './base'
import type { ClutterLog } from './clutter'
import { DOCS } from './clutter'
import { subject } from './answer-key'
import { idpToUserMapping, microsoftIdp } from './okta-config'
import { NAMEID_EMAIL, addAppKeys, samlApp } from './okta-apps'
import { issueCertificate, oktaSigningJwk } from './pki'
import { MS, oktaDate } from './random'

export function addOktaConfigClutter(d: Draft, clutter: ClutterLog): void {
  const { ctx } = d
  const { rng } = ctx
  const now = ctx.nowMs
  const org = ctx.origins.oktaOrgUrl

  // an IdP of the tenant Northwind used before its 2021 tenant move: client, secret and
  // endpoints are the old tenant's, and it has been INACTIVE since
  const legacyId = rng.oktaId('0oa')
  const legacy = microsoftIdp(ctx, {
    id: legacyId,
    name: 'Microsoft (legacy tenant)',
    clientId: rng.guid(),
    clientSecret: rng.entraSecret(),
    tenantSegment: rng.guid(),
    matchType: 'EMAIL',
    userNameTemplate: 'idpuser.email',
    createdMs: now - 1900 * MS.day,
  })
  Object.assign(legacy, { status: 'INACTIVE', lastUpdated: oktaDate(now - 1420 * MS.day) })
  d.okta.idps.push(legacy)
  d.okta.mappings.push(idpToUserMapping(ctx, { id: legacyId, name: String(legacy['name']) }))
  clutter.note(
    'okta-inactive-microsoft-idp',
    'A Microsoft IdP left from the tenant the company used before: its client id, secret and endpoints belong to that old tenant and it matches on email, but it is INACTIVE, so no routing rule sends anyone to it.',
    DOCS.oktaRoutingRules,
    [[subject.oktaIdp(legacy)]],
  )

  const googleId = rng.oktaId('0oa')
  const google: OktaRecord = {
    id: googleId,
    type: 'GOOGLE',
    name: 'Google (contractors)',
    status: 'ACTIVE',
    created: oktaDate(now - 800 * MS.day),
    lastUpdated: oktaDate(now - 790 * MS.day),
    protocol: {
      type: 'OIDC',
      endpoints: {
        authorization: {
          url: 'https://accounts.google.com/o/oauth2/auth',
          binding: 'HTTP-REDIRECT',
        },
        token: { url: 'https://www.googleapis.com/oauth2/v3/token', binding: 'HTTP-POST' },
      },
      scopes: ['profile', 'email', 'openid'],
      credentials: {
        client: {
          client_id: `${rng.int(100000000000, 999999999999)}-${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 32)}.apps.googleusercontent.com`,
          client_secret: `GOCSPX-${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 28)}`,
        },
      },
    },
    policy: {
      provisioning: {
        action: 'AUTO',
        profileMaster: false,
        groups: { action: 'NONE' },
        conditions: { deprovisioned: { action: 'NONE' }, suspended: { action: 'NONE' } },
      },
      accountLink: { filter: null, action: 'AUTO' },
      subject: {
        userNameTemplate: { template: 'idpuser.email' },
        filter: null,
        matchType: 'USERNAME',
      },
      mapAMRClaims: false,
      trustClaims: false,
      maxClockSkew: 0,
    },
    _links: {
      authorize: {
        href: `${org}/oauth2/v1/authorize?idp=${googleId}&client_id={clientId}&response_type={responseType}&response_mode={responseMode}&scope={scopes}&redirect_uri={redirectUri}&state={state}`,
        templated: true,
        hints: { allow: ['GET'] },
      },
      clientRedirectUri: {
        href: `${org}/oauth2/v1/authorize/callback`,
        hints: { allow: ['POST'] },
      },
    },
  }
  const samlId = rng.oktaId('0oa')
  const saml: OktaRecord = {
    id: samlId,
    type: 'SAML2',
    name: 'Fabrikam partner AD FS',
    status: 'ACTIVE',
    issuerMode: 'ORG_URL',
    created: oktaDate(now - 600 * MS.day),
    lastUpdated: oktaDate(now - 200 * MS.day),
    protocol: {
      type: 'SAML2',
      endpoints: {
        sso: {
          url: 'https://sts.fabrikam.com/adfs/ls/',
          binding: 'HTTP-POST',
          destination: 'https://sts.fabrikam.com/adfs/ls/',
        },
        acs: { binding: 'HTTP-POST', type: 'INSTANCE' },
      },
      algorithms: {
        request: { signature: { algorithm: 'SHA-256', scope: 'REQUEST' } },
        response: { signature: { algorithm: 'SHA-256', scope: 'ANY' } },
      },
      settings: { nameFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' },
      credentials: {
        trust: {
          issuer: 'http://sts.fabrikam.com/adfs/services/trust',
          audience: `${org}/sso/saml2/${samlId}`,
          kid: rng.guid(),
        },
      },
    },
    policy: {
      provisioning: {
        action: 'DISABLED',
        profileMaster: false,
        groups: { action: 'NONE' },
        conditions: { deprovisioned: { action: 'NONE' }, suspended: { action: 'NONE' } },
      },
      accountLink: { filter: null, action: 'AUTO' },
      subject: {
        userNameTemplate: { template: 'saml.subjectNameId' },
        filter: '(\\S+@fabrikam\\.com)',
        matchType: 'USERNAME',
      },
      mapAMRClaims: false,
      trustClaims: false,
      maxClockSkew: 120000,
    },
    _links: {
      metadata: {
        href: `${org}/api/v1/idps/${samlId}/metadata.xml`,
        type: 'application/xml',
        hints: { allow: ['GET'] },
      },
      acs: {
        href: `${org}/sso/saml2/${samlId}`,
        type: 'application/xml',
        hints: { allow: ['POST'] },
      },
      users: { href: `${org}/api/v1/idps/${samlId}/users`, hints: { allow: ['GET'] } },
    },
  }
  d.okta.idps.push(google, saml)
  const email = { expression: 'appuser.email', pushStatus: 'DONT_PUSH' as const }
  for (const idp of [google, saml])
    d.okta.mappings.push(
      idpToUserMapping(
        ctx,
        { id: String(idp.id), name: String(idp.name) },
        {
          login: email,
          email,
          firstName: { expression: 'appuser.firstName', pushStatus: 'DONT_PUSH' },
          lastName: { expression: 'appuser.lastName', pushStatus: 'DONT_PUSH' },
        },
      ),
    )
  clutter.note(
    'okta-non-microsoft-idp',
    'A Google IdP and a partner SAML 2.0 IdP for people outside Microsoft 365: their client ids and endpoints are not Entra objects and need not be.',
    DOCS.oktaIdps,
    [[subject.oktaIdp(google)], [subject.oktaIdp(saml)]],
  )

  const rotated = d.samlApps.map((s, i) => {
    const created = now - (1100 + i * 200) * MS.day
    const old = issueCertificate({
      seed: ctx.seed,
      label: `okta-saml-${i}-retired`,
      commonName: String(s.app['label']),
      notBeforeMs: created,
      notAfterMs: now - (90 + i * 150) * MS.day,
    })
    const kid = Buffer.from(rng.bytes(32)).toString('base64url')
    d.okta.appKeys[s.appId] = [
      oktaSigningJwk(kid, old, created),
      ...(d.okta.appKeys[s.appId] ?? []),
    ]
    return [subject.oktaApp(s.app), subject.oktaAppKey(kid)]
  })
  clutter.note(
    'okta-rotated-signing-key',
    'SAML apps whose signing key was rotated: the expired predecessor is still listed under /credentials/keys, but the app signs with credentials.signing.kid, a key valid for years.',
    DOCS.oktaAppKeys,
    rotated,
  )

  const retired = [
    {
      name: 'northwindtraders_lms_1',
      label: 'Learning (old LMS)',
      created: 1900,
      expired: 700,
      off: 820,
    },
    {
      name: 'northwindtraders_travelold_1',
      label: 'Travel (Concur pilot)',
      created: 1200,
      expired: 95,
      off: 400,
    },
  ].map((r) => {
    const appId = rng.oktaId('0oa')
    const keys = addAppKeys(ctx, d.okta, appId, r.label, [
      {
        label: `okta-saml-retired-${r.name.split('_')[1] ?? ''}`,
        createdMs: now - r.created * MS.day,
        expiresMs: now - r.expired * MS.day,
      },
    ])
    const app = samlApp(ctx, {
      id: appId,
      name: r.name,
      label: r.label,
      acsUrl: `https://${r.name.split('_')[1] ?? ''}.example-saas.com/saml/acs`,
      audience: `https://${r.name.split('_')[1] ?? ''}.example-saas.com`,
      signingKid: keys.activeKid,
      subjectNameIdTemplate: '${user.email}',
      subjectNameIdFormat: NAMEID_EMAIL,
      createdMs: now - r.created * MS.day,
    })
    const links = { ...(app['_links'] as Record<string, unknown>) }
    delete links['deactivate']
    Object.assign(app, {
      status: 'INACTIVE',
      lastUpdated: oktaDate(now - r.off * MS.day),
      _links: {
        ...links,
        activate: { href: `${org}/api/v1/apps/${appId}/lifecycle/activate` },
      } as never,
    })
    d.okta.apps.push(app)
    d.okta.appUsers[appId] = []
    return [subject.oktaApp(app), subject.oktaAppKey(keys.activeKid)]
  })
  clutter.note(
    'okta-inactive-app-expired-key',
    'Retired SAML apps, deactivated long ago with no users, whose signing keys have since expired: an INACTIVE app signs nothing.',
    DOCS.oktaAppLifecycle,
    retired,
  )

  const o365Users = d.okta.appUsers[d.o365.appId] ?? []
  clutter.note(
    'o365-assigned-through-group',
    'Office 365 app users assigned through the O365-Licensed group (scope GROUP) rather than one by one: the assignment follows group membership.',
    DOCS.oktaGroupAssignment,
    o365Users.map((u) => [
      { source: 'okta' as const, type: 'user', id: String(u['id']) },
      subject.oktaApp(d.o365.app),
    ]),
  )
}
