/**
 * The sign-in messages the emulated services issue: Okta's WS-Federation result for the
 * Office 365 app (an RSTR carrying a signed SAML 1.1 assertion, as Entra expects from a
 * federated IdP), a SAML 2.0 response for a SAML app, and Entra's ID tokens. Every field is
 * a parameter, so the broken variants are the same builders with one value changed.
 *
 * Shapes: Microsoft's "expected inbound assertions" and "SAML 2.0 IdP" pages
 * (MicrosoftDocs/entra-docs), Okta's Office 365 WS-Federation setup.
 */
import { randomUUID, type KeyObject } from 'node:crypto'
import { signJwt } from '../jwt'
import { type El, type Signer, canonical, el, signEnveloped } from './signed-xml'

const SAML1 = 'urn:oasis:names:tc:SAML:1.0:assertion'
const SAML2 = 'urn:oasis:names:tc:SAML:2.0:assertion'
const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol'
const TRUST = 'http://schemas.xmlsoap.org/ws/2005/02/trust'
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd'
const WSP = 'http://schemas.xmlsoap.org/ws/2004/09/policy'
const WSA = 'http://www.w3.org/2005/08/addressing'

/** The audience Entra (Microsoft Online) expects in a federated sign-in token. */
export const MICROSOFT_ONLINE = 'urn:federation:MicrosoftOnline'
export const UPN_NAMESPACE = 'http://schemas.xmlsoap.org/claims'
export const IMMUTABLE_ID_NAMESPACE = 'http://schemas.microsoft.com/LiveID/Federation/2008/05'
export const NAMEID_UNSPECIFIED_11 = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000Z')

/** What a WS-Federation result says. */
export interface WsFedClaims {
  issuer: string
  /** the NameIdentifier; absent: none is sent */
  immutableId?: string
  /** the ImmutableID attribute; defaults to `immutableId` */
  immutableIdAttribute?: string
  upn?: string
  audience: string
  /** IssueInstant (ms); the assertion is valid from here for `lifetimeMs` */
  issuedMs: number
  lifetimeMs: number
  authenticationMethod?: string
}

/** A SAML 1.1 assertion as Okta's Office 365 app issues it (unsigned element). */
function saml11Assertion(c: WsFedClaims, id: string): El {
  const subject = () =>
    el(
      'saml:Subject',
      {},
      c.immutableId !== undefined
        ? el('saml:NameIdentifier', { Format: NAMEID_UNSPECIFIED_11 }, c.immutableId)
        : undefined,
      el(
        'saml:SubjectConfirmation',
        {},
        el('saml:ConfirmationMethod', {}, 'urn:oasis:names:tc:SAML:1.0:cm:bearer'),
      ),
    )
  const immutable = c.immutableIdAttribute ?? c.immutableId
  return el(
    'saml:Assertion',
    {
      'xmlns:saml': SAML1,
      AssertionID: id,
      IssueInstant: iso(c.issuedMs),
      Issuer: c.issuer,
      MajorVersion: '1',
      MinorVersion: '1',
    },
    el(
      'saml:Conditions',
      { NotBefore: iso(c.issuedMs - 5 * 60_000), NotOnOrAfter: iso(c.issuedMs + c.lifetimeMs) },
      el('saml:AudienceRestrictionCondition', {}, el('saml:Audience', {}, c.audience)),
    ),
    el(
      'saml:AttributeStatement',
      {},
      subject(),
      c.upn !== undefined
        ? el(
            'saml:Attribute',
            { AttributeName: 'UPN', AttributeNamespace: UPN_NAMESPACE },
            el('saml:AttributeValue', {}, c.upn),
          )
        : undefined,
      immutable !== undefined
        ? el(
            'saml:Attribute',
            { AttributeName: 'ImmutableID', AttributeNamespace: IMMUTABLE_ID_NAMESPACE },
            el('saml:AttributeValue', {}, immutable),
          )
        : undefined,
    ),
    el(
      'saml:AuthenticationStatement',
      {
        AuthenticationInstant: iso(c.issuedMs - 2_000),
        AuthenticationMethod: c.authenticationMethod ?? 'urn:oasis:names:tc:SAML:1.0:am:password',
      },
      subject(),
    ),
  )
}

/** The RSTR around a signed assertion, as Okta posts it in `wresult`. */
export function wsFedResult(
  c: WsFedClaims,
  signer: Signer,
  tamper?: (xml: string) => string,
): string {
  const id = `_${randomUUID()}`
  let assertion = signEnveloped(saml11Assertion(c, id), 'AssertionID', -1, signer)
  if (tamper) assertion = tamper(assertion)
  const lifetime = canonical(
    el(
      't:Lifetime',
      {},
      el('wsu:Created', { 'xmlns:wsu': WSU }, iso(c.issuedMs)),
      el('wsu:Expires', { 'xmlns:wsu': WSU }, iso(c.issuedMs + c.lifetimeMs)),
    ),
  )
  const appliesTo = canonical(
    el(
      'wsp:AppliesTo',
      { 'xmlns:wsp': WSP },
      el('wsa:EndpointReference', { 'xmlns:wsa': WSA }, el('wsa:Address', {}, c.audience)),
    ),
  )
  return [
    `<t:RequestSecurityTokenResponse xmlns:t="${TRUST}">`,
    lifetime,
    appliesTo,
    `<t:RequestedSecurityToken>${assertion}</t:RequestedSecurityToken>`,
    '<t:TokenType>urn:oasis:names:tc:SAML:1.0:assertion</t:TokenType>',
    '<t:RequestType>http://schemas.xmlsoap.org/ws/2005/02/trust/Issue</t:RequestType>',
    '<t:KeyType>http://schemas.xmlsoap.org/ws/2005/05/identity/NoProofKey</t:KeyType>',
    '</t:RequestSecurityTokenResponse>',
  ].join('')
}

/** What a SAML 2.0 response for a SAML app says. */
export interface Saml2Claims {
  issuer: string
  nameId: string
  nameIdFormat: string
  audience: string
  recipient: string
  issuedMs: number
  lifetimeMs: number
  attributes: Record<string, string>
}

/** A SAML 2.0 response with a signed assertion, as Okta posts it for a SAML app. */
export function saml2Response(c: Saml2Claims, signer: Signer): string {
  const id = `id${randomUUID().replace(/-/g, '')}`
  const notOnOrAfter = iso(c.issuedMs + c.lifetimeMs)
  const assertion = el(
    'saml2:Assertion',
    { 'xmlns:saml2': SAML2, ID: id, IssueInstant: iso(c.issuedMs), Version: '2.0' },
    el('saml2:Issuer', {}, c.issuer),
    el(
      'saml2:Subject',
      {},
      el('saml2:NameID', { Format: c.nameIdFormat }, c.nameId),
      el(
        'saml2:SubjectConfirmation',
        { Method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer' },
        el('saml2:SubjectConfirmationData', { NotOnOrAfter: notOnOrAfter, Recipient: c.recipient }),
      ),
    ),
    el(
      'saml2:Conditions',
      { NotBefore: iso(c.issuedMs - 5 * 60_000), NotOnOrAfter: notOnOrAfter },
      el('saml2:AudienceRestriction', {}, el('saml2:Audience', {}, c.audience)),
    ),
    el(
      'saml2:AuthnStatement',
      { AuthnInstant: iso(c.issuedMs - 2_000), SessionIndex: id },
      el(
        'saml2:AuthnContext',
        {},
        el(
          'saml2:AuthnContextClassRef',
          {},
          'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
        ),
      ),
    ),
    el(
      'saml2:AttributeStatement',
      {},
      ...Object.entries(c.attributes).map(([name, value]) =>
        el(
          'saml2:Attribute',
          { Name: name, NameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified' },
          el('saml2:AttributeValue', {}, value),
        ),
      ),
    ),
  )
  const signed = signEnveloped(assertion, 'ID', 1, signer)
  return [
    `<saml2p:Response xmlns:saml2p="${SAMLP}" Destination="${c.recipient}" ID="id${randomUUID().replace(/-/g, '')}" IssueInstant="${iso(c.issuedMs)}" Version="2.0">`,
    `<saml2:Issuer xmlns:saml2="${SAML2}">${c.issuer}</saml2:Issuer>`,
    '<saml2p:Status><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></saml2p:Status>',
    signed,
    '</saml2p:Response>',
  ].join('')
}

/** What an Entra ID token says. */
export interface IdTokenClaims {
  issuer: string
  audience: string
  tenantId: string
  oid: string
  upn: string
  email?: string
  name: string
  issuedMs: number
  lifetimeMs: number
}

/** An Entra v2.0 ID token, signed as the login host signs (RS256, kid and x5t of the key). */
export function idToken(c: IdTokenClaims, key: { privateKey: KeyObject; kid: string }): string {
  const iat = Math.floor(c.issuedMs / 1000)
  return signJwt(
    { typ: 'JWT', alg: 'RS256', kid: key.kid, x5t: key.kid },
    {
      aud: c.audience,
      iss: c.issuer,
      iat,
      nbf: iat,
      exp: iat + Math.floor(c.lifetimeMs / 1000),
      name: c.name,
      nonce: randomUUID(),
      oid: c.oid,
      preferred_username: c.upn,
      ...(c.email ? { email: c.email } : {}),
      rh: '0.AAAA',
      sub: c.oid.replace(/-/g, '').slice(0, 22),
      tid: c.tenantId,
      uti: randomUUID().replace(/-/g, '').slice(0, 22),
      ver: '2.0',
    },
    key.privateKey,
  )
}
