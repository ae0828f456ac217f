/**
 * Okta apps after the official OpenAPI examples: the Office 365 app (key name
 * `office365`), custom SAML 2.0 apps, and their signing keys.
 */
import type { Json, OktaOrg, OktaRecord } from './types'
import type { ScenarioContext } from './context'
import { type IssuedCertificate, issueCertificate, oktaSigningJwk } from './pki'
import { MS, oktaDate } from './random'

function appLinks(
  ctx: ScenarioContext,
  appId: string,
  name: string,
  extra: Record<string, Json> = {},
): OktaRecord {
  const org = ctx.origins.oktaOrgUrl
  return {
    appLinks: [{ name: 'login', href: `${org}/home/${name}/${appId}/2`, type: 'text/html' }],
    users: { href: `${org}/api/v1/apps/${appId}/users` },
    groups: { href: `${org}/api/v1/apps/${appId}/groups` },
    self: { href: `${org}/api/v1/apps/${appId}` },
    deactivate: { href: `${org}/api/v1/apps/${appId}/lifecycle/deactivate` },
    ...extra,
  }
}

export interface SigningKeySpec {
  label: string
  createdMs: number
  expiresMs: number
}

/** Adds an app's signing keys (oldest first); the last one is active. Returns the active key's certificate. */
export function addAppKeys(
  ctx: ScenarioContext,
  org: OktaOrg,
  appId: string,
  commonName: string,
  keys: SigningKeySpec[],
): {
  activeKid: string
  active: IssuedCertificate
  all: { kid: string; cert: IssuedCertificate }[]
} {
  const all = keys.map((k) => {
    const cert = issueCertificate({
      seed: ctx.seed,
      label: k.label,
      commonName,
      notBeforeMs: k.createdMs,
      notAfterMs: k.expiresMs,
    })
    return {
      kid: Buffer.from(ctx.rng.bytes(32)).toString('base64url'),
      cert,
      createdMs: k.createdMs,
    }
  })
  org.appKeys[appId] = all.map((k) => oktaSigningJwk(k.kid, k.cert, k.createdMs))
  org.signingKeyPems = {
    ...org.signingKeyPems,
    ...Object.fromEntries(all.map((k) => [k.kid, k.cert.privateKeyPem])),
  }
  const active = all[all.length - 1]
  if (!active) throw new Error('an app needs at least one signing key')
  return { activeKid: active.kid, active: active.cert, all }
}

export interface O365AppOptions {
  id: string
  label: string
  domain: string
  externalKey: string
  signingKid: string
  createdMs: number
  lastUpdatedMs: number
}

/** The Microsoft Office 365 app (key name `office365`), WS-Federation sign-on (`SAML_1_1` in the API). */
export function office365App(ctx: ScenarioContext, o: O365AppOptions): OktaRecord {
  const org = ctx.origins.oktaOrgUrl
  return {
    id: o.id,
    name: 'office365',
    label: o.label,
    status: 'ACTIVE',
    created: oktaDate(o.createdMs),
    lastUpdated: oktaDate(o.lastUpdatedMs),
    accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null },
    visibility: {
      autoSubmitToolbar: false,
      hide: { iOS: false, web: false },
      appLinks: { login: true },
    },
    features: [
      'PUSH_NEW_USERS',
      'PUSH_PROFILE_UPDATES',
      'PUSH_USER_DEACTIVATION',
      'IMPORT_NEW_USERS',
    ],
    signOnMode: 'SAML_1_1',
    credentials: {
      userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
      signing: { kid: o.signingKid },
    },
    settings: {
      app: {
        domain: o.domain,
        msftTenant: 'northwindtraders',
      },
      notifications: { vpn: { network: { connection: 'DISABLED' }, message: null, helpUrl: null } },
      signOn: {
        defaultRelayState: null,
        ssoAcsUrlOverride: null,
        audienceOverride: null,
        recipientOverride: null,
      },
    },
    _links: appLinks(ctx, o.id, 'office365', {
      // WS-Federation metadata lives under the instance's external key, like the sign-in URIs Okta writes to Entra
      metadata: {
        href: `${org}/app/office365/${o.externalKey}/sso/wsfed/metadata`,
        type: 'application/xml',
      },
    }),
  }
}

export interface SamlAppOptions {
  id: string
  name: string
  label: string
  acsUrl: string
  audience: string
  signingKid: string
  subjectNameIdTemplate: string
  subjectNameIdFormat: string
  createdMs: number
}

export const NAMEID_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'
export const NAMEID_UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'

export function samlApp(ctx: ScenarioContext, o: SamlAppOptions): OktaRecord {
  const org = ctx.origins.oktaOrgUrl
  return {
    id: o.id,
    name: o.name,
    label: o.label,
    status: 'ACTIVE',
    created: oktaDate(o.createdMs),
    lastUpdated: oktaDate(o.createdMs + 3 * MS.day),
    accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null },
    visibility: {
      autoSubmitToolbar: false,
      hide: { iOS: false, web: false },
      appLinks: { [`${o.name}_link`]: true },
    },
    features: [],
    signOnMode: 'SAML_2_0',
    credentials: {
      userNameTemplate: { template: '${source.email}', type: 'BUILT_IN' },
      signing: { kid: o.signingKid },
    },
    settings: {
      notifications: { vpn: { network: { connection: 'DISABLED' }, message: null, helpUrl: null } },
      signOn: {
        defaultRelayState: '',
        ssoAcsUrl: o.acsUrl,
        idpIssuer: 'http://www.okta.com/${org.externalKey}',
        audience: o.audience,
        recipient: o.acsUrl,
        destination: o.acsUrl,
        subjectNameIdTemplate: o.subjectNameIdTemplate,
        subjectNameIdFormat: o.subjectNameIdFormat,
        responseSigned: true,
        assertionSigned: true,
        signatureAlgorithm: 'RSA_SHA256',
        digestAlgorithm: 'SHA256',
        honorForceAuthn: true,
        authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
        spIssuer: null,
        requestCompressed: false,
        allowMultipleAcsEndpoints: false,
        acsEndpoints: [],
        samlAssertionLifetimeSeconds: 300,
        attributeStatements: [
          {
            type: 'EXPRESSION',
            name: 'email',
            namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
            values: ['user.email'],
          },
          {
            type: 'GROUP',
            name: 'groups',
            namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
            filterType: 'STARTS_WITH',
            filterValue: 'APP-',
          },
        ],
        inlineHooks: [],
      },
    },
    _links: appLinks(ctx, o.id, o.name, {
      metadata: { href: `${org}/api/v1/apps/${o.id}/sso/saml/metadata`, type: 'application/xml' },
    }),
  }
}
