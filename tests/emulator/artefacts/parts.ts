/**
 * What the artefacts are made of: the scenario's Office 365 app (its federation, active and
 * rotated keys, and a person it signs in cleanly), its Microsoft IdP and app registration, a
 * SAML app with an assigned person, signers, and the small builders the variants share.
 */
import { createPrivateKey } from 'node:crypto'
import type { EmulatorOrigins, OktaRecord, Scenario } from '../scenarios/types'
import { issueCertificate } from '../scenarios/pki'
import { saml2Response } from './assertions'
import type { Signer } from './signed-xml'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

function rec(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

function path(value: unknown, ...keys: string[]): unknown {
  let v: unknown = value
  for (const k of keys) v = rec(v)?.[k]
  return v
}

const str = (value: unknown, ...keys: string[]): string | undefined => {
  const v = path(value, ...keys)
  return typeof v === 'string' ? v : undefined
}

/** The Office 365 app, its federation, its keys and a person it signs in cleanly. */
export function office365(scenario: Scenario) {
  const { okta, entra } = scenario
  for (const app of okta.apps) {
    if (app['name'] !== 'office365' || app['status'] !== 'ACTIVE') continue
    const appId = String(app['id'])
    const domain = str(app, 'settings', 'app', 'domain')
    const fed = domain ? entra.federationConfigurations[domain]?.[0] : undefined
    const kid = str(app, 'credentials', 'signing', 'kid')
    const pem = kid ? okta.signingKeyPems?.[kid] : undefined
    const key = (okta.appKeys[appId] ?? []).find((k) => k['kid'] === kid)
    const previous = (okta.appKeys[appId] ?? []).find(
      (k) => k['kid'] !== kid && okta.signingKeyPems?.[String(k['kid'])],
    )
    if (!fed?.issuerUri || !pem || !key || fed.signingCertificate !== (key['x5c'] as string[])[0])
      continue
    const person = (okta.appUsers[appId] ?? [])
      .map((au) => {
        const immutableId = str(au, 'profile', 'immutableId')
        const upn = str(au, 'credentials', 'userName')
        const user = entra.users.find(
          (u) =>
            u.accountEnabled !== false &&
            u.onPremisesImmutableId === immutableId &&
            u.userPrincipalName?.toLowerCase() === upn?.toLowerCase(),
        )
        return user && immutableId && upn ? { immutableId, upn, user } : undefined
      })
      .find((p) => p !== undefined)
    if (!person) continue
    return {
      app,
      issuer: fed.issuerUri,
      signer: signerOf(pem, String((key['x5c'] as string[])[0])),
      previous: previous
        ? signerOf(
            okta.signingKeyPems?.[String(previous['kid'])] ?? '',
            String((previous['x5c'] as string[])[0]),
          )
        : undefined,
      person,
    }
  }
  throw new Error(`scenario ${scenario.name} has no Office 365 app that signs anyone in cleanly`)
}

export function signerOf(privateKeyPem: string, certificateDer: string): Signer {
  return { privateKey: createPrivateKey(privateKeyPem), certificateDer }
}

/** A certificate no configuration of any scenario holds. */
export function foreignSigner(seed: number, nowMs: number): Signer {
  const cert = issueCertificate({
    seed,
    label: 'artefact-foreign-signer',
    commonName: 'Unknown signer',
    notBeforeMs: nowMs - 30 * 24 * HOUR,
    notAfterMs: nowMs + 365 * 24 * HOUR,
  })
  return signerOf(cert.privateKeyPem, cert.derBase64)
}

/** The Microsoft IdP, its app registration and a person it signs in. */
export function microsoftIdp(scenario: Scenario, origins: EmulatorOrigins) {
  const idp = scenario.okta.idps.find((i) => i['type'] === 'MICROSOFT' && i['status'] === 'ACTIVE')
  const clientId = str(idp, 'protocol', 'credentials', 'client', 'client_id')
  const app = scenario.entra.applications.find((a) => a.appId === clientId)
  if (!idp || !clientId || !app) throw new Error(`scenario ${scenario.name} has no Microsoft IdP`)
  const redirectUri =
    str(idp, '_links', 'clientRedirectUri', 'href') ??
    `${origins.oktaOrgUrl}/oauth2/v1/authorize/callback`
  const authorize = str(idp, 'protocol', 'endpoints', 'authorization', 'url') ?? ''
  return { idp, clientId, app, redirectUri, authorize }
}

/** A SAML 2.0 app with an assigned person. */
export function samlApp(scenario: Scenario) {
  const { okta } = scenario
  for (const app of okta.apps) {
    if (app['signOnMode'] !== 'SAML_2_0' || app['status'] !== 'ACTIVE') continue
    const kid = str(app, 'credentials', 'signing', 'kid')
    const pem = kid ? okta.signingKeyPems?.[kid] : undefined
    const key = (okta.appKeys[String(app['id'])] ?? []).find((k) => k['kid'] === kid)
    const assigned = okta.appUsers[String(app['id'])]?.[0]
    const user = okta.users.find((u) => u['id'] === assigned?.['id'])
    if (!pem || !key || !user) continue
    return { app, signer: signerOf(pem, String((key['x5c'] as string[])[0])), user }
  }
  throw new Error(`scenario ${scenario.name} has no SAML app with a user`)
}

export function samlAppResponse(
  saml: ReturnType<typeof samlApp>,
  issuedMs: number,
  audience?: string,
): string {
  const app: OktaRecord = saml.app
  const email = str(saml.user, 'profile', 'email') ?? ''
  return saml2Response(
    {
      issuer: `http://www.okta.com/${str(app, 'id') ?? ''}`,
      nameId: email,
      nameIdFormat: str(app, 'settings', 'signOn', 'subjectNameIdFormat') ?? '',
      audience: audience ?? str(app, 'settings', 'signOn', 'audience') ?? '',
      recipient: str(app, 'settings', 'signOn', 'ssoAcsUrl') ?? '',
      issuedMs,
      lifetimeMs: 5 * MINUTE,
      attributes: { email },
    },
    saml.signer,
  )
}

export function authorizeUrl(ms: ReturnType<typeof microsoftIdp>, redirectUri: string): string {
  const q = new URLSearchParams({
    client_id: ms.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    response_mode: 'query',
    scope: 'openid email profile',
    state: 'emulated-state',
    nonce: 'emulated-nonce',
  })
  return `${ms.authorize}?${q.toString()}`
}

/** A JWT whose payload was edited after signing (the signature is kept). */
export function tamperJwt(token: string, changes: Record<string, unknown>): string {
  const [h, p, s] = token.split('.') as [string, string, string]
  const payload = { ...JSON.parse(Buffer.from(p, 'base64url').toString('utf8')), ...changes }
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`
}
