/**
 * Sign-in artefacts the emulated services issue for a scenario, signed for real, and their
 * broken variants: what a consultant would capture in a browser when sign-in works and when
 * each usual cause breaks it. Every variant changes one thing:
 *
 * - WS-Federation (Okta's Office 365 app → Entra): good; signed with a certificate nobody
 *   configured; signed with the app's rotated key; wrong issuer; no immutable ID; an immutable
 *   ID no Entra user holds; expired at capture; wrong audience; changed after signing.
 * - SAML 2.0 (an Okta SAML app): good; wrong audience.
 * - Entra ID tokens (Entra → Okta's Microsoft IdP): good; wrong key; another tenant's
 *   issuer; wrong audience; expired at capture; changed after signing.
 * - The authorization-code flow's browser legs: the authorize request (good, and with a
 *   redirect URI the app does not have) and the AADSTS error Entra sends back.
 * - Captures: a SAML-tracer export and HAR files of those flows, with the cookies,
 *   Authorization headers and password posts real captures hold.
 */
import type { EmulatorOrigins, Scenario } from '../scenarios/types'
import { type SigningKeyMaterial, createSigningKey } from '../keys'
import { MICROSOFT_ONLINE, idToken, wsFedResult, type WsFedClaims } from './assertions'
import { harFile, samlTracerExport, type CapturedRequest } from './captures'
import {
  HOUR,
  authorizeUrl,
  foreignSigner,
  microsoftIdp,
  office365,
  samlApp,
  samlAppResponse,
  tamperJwt,
} from './parts'

/** One artefact file: its content and what it plants. */
export interface Artefact {
  /** file name, e.g. `wsfed-wrong-issuer.xml` */
  file: string
  content: string
  /** `good`, or the one thing the variant breaks */
  variant: string
  /** what it is, in words */
  describes: string
}

/** Everything the variants are built from: the scenario's parts, keys, and the two builders. */
function contextOf(
  scenario: Scenario,
  origins: EmulatorOrigins,
  tokenKey: SigningKeyMaterial,
  nowMs: number,
) {
  const tenantId = scenario.entra.tenantId
  const o365 = office365(scenario)
  const ms = microsoftIdp(scenario, origins)
  const saml = samlApp(scenario)
  const foreign = foreignSigner(7, nowMs)
  const entraKey = createSigningKey(tokenKey)
  const issued = nowMs - 30_000
  const user = o365.person.user
  const wsfed = (
    over: Partial<WsFedClaims> = {},
    signer = o365.signer,
    tamper?: (x: string) => string,
  ) =>
    wsFedResult(
      {
        issuer: o365.issuer,
        immutableId: o365.person.immutableId,
        upn: o365.person.upn,
        audience: MICROSOFT_ONLINE,
        issuedMs: issued,
        lifetimeMs: HOUR,
        ...over,
      },
      signer,
      tamper,
    )
  const token = (
    over: Partial<Parameters<typeof idToken>[0]> = {},
    key: Parameters<typeof idToken>[1] = entraKey,
  ) =>
    idToken(
      {
        issuer: `${origins.authorityHost}/${tenantId}/v2.0`,
        audience: ms.clientId,
        tenantId,
        oid: user.id ?? '',
        upn: user.userPrincipalName ?? '',
        ...(user.mail ? { email: user.mail } : {}),
        name: user.displayName ?? '',
        issuedMs: issued,
        lifetimeMs: HOUR,
        ...over,
      },
      key,
    )
  return { origins, o365, ms, saml, foreign, issued, capturedAt: nowMs, user, wsfed, token }
}

type Context = ReturnType<typeof contextOf>

/** Every artefact of a scenario, issued at the scenario's "now" (or `nowMs`). */
export function issueArtefacts(
  scenario: Scenario,
  origins: EmulatorOrigins,
  tokenKey: SigningKeyMaterial,
  nowMs = Date.parse(scenario.now),
): Artefact[] {
  const ctx = contextOf(scenario, origins, tokenKey, nowMs)
  return [
    ...wsfedArtefacts(ctx),
    ...tokenArtefacts(ctx),
    ...flowArtefacts(ctx),
    ...captureArtefacts(ctx),
  ]
}

/** WS-Federation results for Entra, and SAML 2.0 responses for a SAML app. */
function wsfedArtefacts(ctx: Context): Artefact[] {
  const { o365, saml, foreign, issued, wsfed } = ctx
  const immutableNobody = Buffer.from('no-such-person-anywhere').toString('base64')
  const artefact = (file: string, variant: string, describes: string, content: string) => ({
    file,
    variant,
    describes,
    content,
  })
  return [
    artefact(
      'wsfed-good.xml',
      'good',
      "Okta's WS-Federation result for a person who signs in cleanly",
      wsfed(),
    ),
    artefact(
      'wsfed-wrong-certificate.xml',
      'wrong-certificate',
      'Signed with a certificate neither Okta nor Entra holds',
      wsfed({}, foreign),
    ),
    ...(o365.previous
      ? [
          artefact(
            'wsfed-rotated-key.xml',
            'rotated-key',
            "Signed with the Office 365 app's previous signing key, which Entra no longer trusts",
            wsfed({}, o365.previous),
          ),
        ]
      : []),
    artefact(
      'wsfed-wrong-issuer.xml',
      'wrong-issuer',
      'An issuer that is not the domain federation issuerUri',
      wsfed({ issuer: 'http://www.okta.com/exkWRONGWRONGWRONG1d7' }),
    ),
    artefact(
      'wsfed-missing-immutable-id.xml',
      'missing-immutable-id',
      'No NameIdentifier and no ImmutableID attribute',
      wsfed({ immutableId: undefined }),
    ),
    artefact(
      'wsfed-wrong-immutable-id.xml',
      'wrong-immutable-id',
      'An immutable ID no Entra user holds',
      wsfed({ immutableId: immutableNobody }),
    ),
    artefact(
      'wsfed-wrong-audience.xml',
      'wrong-audience',
      'An audience other than urn:federation:MicrosoftOnline',
      wsfed({ audience: 'https://signin.example.com/wsfed' }),
    ),
    artefact(
      'wsfed-tampered.xml',
      'tampered',
      'The UPN changed after signing',
      wsfed({}, o365.signer, (x) =>
        x.replace(`>${o365.person.upn}<`, '>someone.else@example.com<'),
      ),
    ),
    artefact(
      'wsfed-good.base64.txt',
      'good',
      'The good WS-Federation result, base64 as a form field carries it',
      Buffer.from(wsfed()).toString('base64'),
    ),
    artefact(
      'saml2-app-good.b64',
      'good',
      'A SAML 2.0 response for an Okta SAML app',
      Buffer.from(samlAppResponse(saml, issued)).toString('base64'),
    ),
    artefact(
      'saml2-app-wrong-audience.b64',
      'wrong-audience',
      "A SAML 2.0 response whose audience is not the app's",
      Buffer.from(samlAppResponse(saml, issued, 'https://wrong.example.com/sp')).toString('base64'),
    ),
  ]
}

/** Entra's ID tokens for Okta's Microsoft IdP. */
function tokenArtefacts(ctx: Context): Artefact[] {
  const { foreign, token, origins } = ctx
  const otherKey = { privateKey: foreign.privateKey, kid: 'rotated-or-foreign-kid' }
  const otherTenant = '72f988bf-86f1-41af-91ab-2d7cd011db47'
  return [
    {
      file: 'id-token-good.jwt',
      variant: 'good',
      describes: "Entra's ID token for Okta's Microsoft IdP",
      content: token(),
    },
    {
      file: 'id-token-wrong-key.jwt',
      variant: 'wrong-key',
      describes: 'Signed with a key not in the tenant JWKS',
      content: token({}, otherKey),
    },
    {
      file: 'id-token-wrong-issuer.jwt',
      variant: 'wrong-issuer',
      describes: "Another tenant's issuer",
      content: token({
        issuer: `${origins.authorityHost}/${otherTenant}/v2.0`,
        tenantId: otherTenant,
      }),
    },
    {
      file: 'id-token-wrong-audience.jwt',
      variant: 'wrong-audience',
      describes: 'An audience that is no IdP client ID',
      content: token({ audience: '11111111-2222-3333-4444-555555555555' }),
    },
    {
      file: 'id-token-tampered.jwt',
      variant: 'tampered',
      describes: 'The payload changed after signing',
      content: tamperJwt(token(), { preferred_username: 'someone.else@example.com' }),
    },
  ]
}

/** The authorization-code flow's browser legs. */
function flowArtefacts(ctx: Context): Artefact[] {
  const { ms, origins } = ctx
  const stale = `${origins.oktaOrgUrl}/oauth2/v1/authorize/callback-old`
  return [
    {
      file: 'authorize-good.url',
      variant: 'good',
      describes: "The authorize request Okta's Microsoft IdP sends the browser to",
      content: authorizeUrl(ms, ms.redirectUri),
    },
    {
      file: 'authorize-wrong-redirect.url',
      variant: 'wrong-redirect-uri',
      describes: 'A redirect URI the app registration does not list',
      content: authorizeUrl(ms, stale),
    },
    {
      file: 'error-aadsts50011.url',
      variant: 'aadsts-error',
      describes: "Entra's error redirect for a redirect URI mismatch",
      content: `${ms.redirectUri}?error=invalid_request&error_description=${encodeURIComponent(`AADSTS50011: The redirect URI '${stale}' specified in the request does not match the redirect URIs configured for the application '${ms.clientId}'.`)}&state=emulated-state`,
    },
  ]
}

/**
 * What a real capture holds besides the sign-in: a session cookie, an API call's bearer token
 * and a password post. The inspector must drop every one of them unread.
 */
export const CAPTURE_SECRETS = {
  cookie: 'sid=102Ab7Zq9xSessionCookieValue',
  bearer: 'Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzY3AiOiJVc2VyLlJlYWQifQ.c2lnbmF0dXJl',
  password: 'Winter2026!Password',
} as const

/** Browser captures of the flows, as SAML-tracer and HAR files, at the capture's time. */
function captureArtefacts(ctx: Context): Artefact[] {
  const { o365, ms, origins, issued, capturedAt, user, wsfed, token } = ctx
  const { cookie, bearer, password } = CAPTURE_SECRETS
  const wsfedFlow = (result: string): CapturedRequest[] => [
    {
      method: 'GET',
      url: `${origins.oktaOrgUrl}/app/office365/${o365.issuer.split('/').pop() ?? ''}/sso/wsfed/passive?wa=wsignin1.0&wtrealm=${encodeURIComponent(MICROSOFT_ONLINE)}&wctx=LoginOptions%3D3`,
      cookies: [cookie],
      atMs: capturedAt - 3_000,
    },
    {
      method: 'POST',
      url: `${origins.oktaOrgUrl}/api/v1/authn`,
      form: [
        ['username', o365.person.upn],
        ['password', password],
      ],
      cookies: [cookie],
      authorization: bearer,
      atMs: capturedAt - 2_000,
    },
    {
      method: 'POST',
      url: 'https://login.microsoftonline.com/login.srf',
      form: [
        ['wa', 'wsignin1.0'],
        ['wresult', result],
        ['wctx', 'LoginOptions=3'],
      ],
      cookies: [cookie],
      atMs: capturedAt,
    },
  ]
  const oidcFlow = (formPostToken?: string): CapturedRequest[] => [
    {
      method: 'GET',
      url: authorizeUrl(ms, ms.redirectUri),
      cookies: [cookie],
      atMs: capturedAt - 4_000,
    },
    {
      method: 'POST',
      url: `${ms.authorize.replace(/\/oauth2\/v2\.0\/authorize$/, '')}/login`,
      form: [
        ['login', user.userPrincipalName ?? ''],
        ['passwd', password],
      ],
      cookies: [cookie],
      atMs: capturedAt - 3_000,
    },
    formPostToken
      ? {
          method: 'POST',
          url: ms.redirectUri,
          form: [
            ['id_token', formPostToken],
            ['state', 'emulated-state'],
          ],
          cookies: [cookie],
          atMs: capturedAt,
        }
      : {
          method: 'GET',
          url: `${ms.redirectUri}?code=0.AAAA-authorization-code-opaque&state=emulated-state`,
          cookies: [cookie],
          atMs: capturedAt,
        },
    {
      method: 'GET',
      url: `${origins.oktaOrgUrl}/api/v1/users/me`,
      authorization: bearer,
      cookies: [cookie],
      atMs: capturedAt + 1_000,
    },
  ]
  const expiredAt = issued - 3 * HOUR
  return [
    {
      file: 'wsfed-good.saml-tracer.json',
      variant: 'good',
      describes: 'A SAML-tracer export of a clean WS-Federation sign-in',
      content: samlTracerExport(wsfedFlow(wsfed()), capturedAt + 5_000),
    },
    {
      file: 'wsfed-expired.saml-tracer.json',
      variant: 'expired',
      describes: 'A WS-Federation result captured after it expired',
      content: samlTracerExport(wsfedFlow(wsfed({ issuedMs: expiredAt })), capturedAt + 5_000),
    },
    {
      file: 'oidc-good.har',
      variant: 'good',
      describes: "A HAR of Okta's Microsoft IdP sign-in (authorization code flow)",
      content: harFile(oidcFlow()),
    },
    {
      file: 'id-token-expired.har',
      variant: 'expired',
      describes: 'An ID token posted to Okta after it expired',
      content: harFile(oidcFlow(token({ issuedMs: expiredAt }))),
    },
    {
      file: 'id-token-good.har',
      variant: 'good',
      describes: 'An ID token posted to Okta (form_post)',
      content: harFile(oidcFlow(token())),
    },
  ]
}
