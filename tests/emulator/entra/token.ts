/**
 * `POST /{tenant}/oauth2/v2.0/token`: the client-credentials grant with a client secret
 * (form body or HTTP Basic) or a certificate assertion, as Entra answers it.
 */
import { createPublicKey, randomUUID } from 'node:crypto'
import type * as MG from '@microsoft/microsoft-graph-types'
import { GRAPH_APP_ID, GRAPH_RESOURCE, resolveTenant, type EmulatorContext } from '../context'
import type { EmuRequest, EmuResponse } from '../http'
import { decodeJwt, signJwt, verifyJwt } from '../jwt'
import { thumbprints } from '../tls'
import { AADSTS, aadstsResponse, type AadstsError } from './errors'

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
const DEFAULT_LIFETIME = 3599

export function tokenRoute(
  ctx: EmulatorContext,
  req: EmuRequest,
  tenantSegment: string,
): EmuResponse {
  const form = new URLSearchParams(req.body)
  const correlationId = form.get('client-request-id') ?? req.clientRequestId
  const fail = (err: AadstsError): EmuResponse =>
    aadstsResponse(err, { requestId: req.requestId, correlationId, origin: req.origin })

  const tenantId = resolveTenant(ctx, tenantSegment)
  if (!tenantId) return fail(AADSTS.unknownTenant(tenantSegment))
  const basic = parseBasic(req.headers.authorization)
  const grant = form.get('grant_type')
  if (!grant) return fail(AADSTS.missingParameter('grant_type'))
  if (grant !== 'client_credentials') return fail(AADSTS.unsupportedGrant(grant))
  const clientId = form.get('client_id') ?? basic?.user
  if (!clientId) return fail(AADSTS.missingParameter('client_id'))

  const app = ctx.store.entra.applications.find(
    (a) => a.appId?.toLowerCase() === clientId.toLowerCase(),
  )
  const sp = ctx.store.entra.servicePrincipals.find(
    (s) => s.appId?.toLowerCase() === clientId.toLowerCase(),
  )
  if (!app || !sp) return fail(AADSTS.unknownApp(clientId, tenantId))
  if ((app as { isDisabled?: boolean | null }).isDisabled === true || sp.accountEnabled === false)
    return fail(AADSTS.disabledApp(clientId))

  const scope = form.get('scope')
  if (!scope) return fail(AADSTS.missingParameter('scope'))
  const resource = checkScope(ctx, scope, tenantId)
  if ('code' in resource) return fail(resource)

  const secret = form.get('client_secret') ?? basic?.password
  const assertion = form.get('client_assertion')
  let appidacr: '1' | '2'
  if (assertion) {
    if (form.get('client_assertion_type') !== ASSERTION_TYPE) {
      return fail(AADSTS.missingParameter('client_assertion_type'))
    }
    const audiences = [tenantSegment, tenantId].map((t) => `${req.origin}/${t}/oauth2/v2.0/token`)
    const err = checkAssertion(ctx, app, assertion, audiences)
    if (err) return fail(err)
    appidacr = '2'
  } else if (secret) {
    const err = checkSecret(ctx, app, secret)
    if (err) return fail(err)
    appidacr = '1'
  } else {
    return fail(AADSTS.noCredential())
  }

  const lifetime = ctx.faults.current.tokenLifetime || DEFAULT_LIFETIME
  const now = Math.floor(Date.now() / 1000)
  const accessToken = signJwt(
    { typ: 'JWT', alg: 'RS256', x5t: ctx.signing.x5t, kid: ctx.signing.kid },
    {
      aud: resource.audience,
      iss: `https://sts.windows.net/${tenantId}/`,
      iat: now,
      nbf: now,
      exp: now + lifetime,
      app_displayname: app.displayName ?? undefined,
      appid: app.appId,
      appidacr,
      idp: `https://sts.windows.net/${tenantId}/`,
      idtyp: 'app',
      oid: sp.id,
      roles: grantedRoles(ctx, sp.id ?? '', resource.servicePrincipalId),
      sub: sp.id,
      tid: tenantId,
      uti: randomUUID().replace(/-/g, '').slice(0, 22),
      ver: '1.0',
    },
    ctx.signing.privateKey,
  )
  return {
    status: 200,
    headers: {
      'cache-control': 'no-store, no-cache',
      pragma: 'no-cache',
      'x-ms-request-id': req.requestId,
      'x-ms-ests-server': '2.1.20000.1 - EUS ProdSlices',
    },
    body: JSON.stringify({
      token_type: 'Bearer',
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: accessToken,
    }),
  }
}

function parseBasic(header: string | undefined): { user: string; password: string } | null {
  const m = /^Basic\s+(.+)$/i.exec(header ?? '')
  if (!m?.[1]) return null
  const text = Buffer.from(m[1], 'base64').toString('utf8')
  const i = text.indexOf(':')
  if (i < 0) return null
  return {
    user: decodeURIComponent(text.slice(0, i)),
    password: decodeURIComponent(text.slice(i + 1)),
  }
}

interface Resource {
  audience: string
  servicePrincipalId: string | null
}

/** the one resource a client-credentials scope names: Graph, or another service principal of the tenant */
function checkScope(ctx: EmulatorContext, scope: string, tenant: string): Resource | AadstsError {
  const parts = scope.split(/\s+/).filter(Boolean)
  if (parts.length !== 1) return AADSTS.invalidScope(scope)
  const only = parts[0] ?? ''
  if (!only.endsWith('/.default')) return AADSTS.scopeNotDefault(scope)
  const resource = only.slice(0, -'/.default'.length).replace(/\/$/, '')
  const lower = resource.toLowerCase()
  if (!/^[a-z][a-z0-9+.-]*:\/\/?\S+$|^[0-9a-f-]{36}$/.test(lower)) return AADSTS.invalidScope(scope)
  const graph = ctx.store.entra.servicePrincipals.find((s) => s.appId === GRAPH_APP_ID)
  if (lower === GRAPH_RESOURCE || lower === GRAPH_APP_ID) {
    return { audience: GRAPH_RESOURCE, servicePrincipalId: graph?.id ?? null }
  }
  const target = ctx.store.entra.servicePrincipals.find(
    (s) =>
      s.appId?.toLowerCase() === lower ||
      (s.servicePrincipalNames ?? []).some((n) => n.toLowerCase() === lower),
  )
  if (!target) return AADSTS.unknownResource(resource, tenant)
  return { audience: resource, servicePrincipalId: target.id ?? null }
}

/**
 * A secret is valid when it equals the value of one of the app's secrets whose
 * passwordCredential is still on the app and inside its start/end dates (scenario clock).
 */
function checkSecret(
  ctx: EmulatorContext,
  app: MG.Application,
  secret: string,
): AadstsError | null {
  const appId = app.appId ?? ''
  const now = ctx.store.clock.now()
  const match = ctx.scenario.entra.secrets.find((s) => s.appId === appId && s.secretText === secret)
  const cred = match && app.passwordCredentials?.find((p) => p.keyId === match.keyId)
  if (!cred) return AADSTS.invalidSecret(appId)
  if (cred.startDateTime && Date.parse(cred.startDateTime) > now) return AADSTS.invalidSecret(appId)
  if (cred.endDateTime && Date.parse(cred.endDateTime) <= now) return AADSTS.expiredSecret(appId)
  return null
}

function checkAssertion(
  ctx: EmulatorContext,
  app: MG.Application,
  assertion: string,
  tokenUrls: string[],
): AadstsError | null {
  const appId = app.appId ?? ''
  const jwt = decodeJwt(assertion)
  if (!jwt) return AADSTS.badAssertion('The client assertion is not a valid JWT.')
  const { header, payload } = jwt
  const x5tS256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined
  const x5t = typeof header.x5t === 'string' ? header.x5t : undefined
  if (!x5tS256 && !x5t)
    return AADSTS.badAssertion('The client assertion carries no x5t or x5t#S256.')
  const now = ctx.store.clock.now()
  const candidates = ctx.scenario.entra.certificates.filter((c) => c.appId === appId)
  let found: { pem: string; endDateTime?: string | null } | undefined
  for (const c of candidates) {
    const key = app.keyCredentials?.find(
      (k) => k.keyId === c.keyId && (k.usage ?? 'Verify') === 'Verify',
    )
    if (!key) continue
    const t = thumbprints(c.certificatePem)
    if ((x5tS256 && t.x5tS256 === x5tS256) || (x5t && t.x5t === x5t)) {
      found = { pem: c.certificatePem, endDateTime: key.endDateTime }
      break
    }
  }
  if (!found) {
    return AADSTS.badAssertion(
      `The key was not found., Thumbprint of key used by client: '${x5tS256 ?? x5t}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${appId}'.`,
    )
  }
  if (found.endDateTime && Date.parse(found.endDateTime) <= now) {
    return AADSTS.badAssertion('The key used is expired.')
  }
  if (!verifyJwt(jwt, createPublicKey(found.pem))) {
    return AADSTS.badAssertion('The signature of the client assertion does not verify.')
  }
  const aud = typeof payload.aud === 'string' ? payload.aud.toLowerCase() : ''
  if (!tokenUrls.some((u) => u.toLowerCase() === aud)) {
    return AADSTS.badAssertion(`The audience '${String(payload.aud)}' is not the token endpoint.`)
  }
  if (payload.iss !== appId || payload.sub !== appId) {
    return AADSTS.badAssertion(
      'The issuer and subject of the client assertion must be the client id.',
    )
  }
  const t = Date.now() / 1000
  const skew = 300
  if (typeof payload.exp !== 'number' || payload.exp + skew < t) return AADSTS.assertionTime()
  if (typeof payload.nbf === 'number' && payload.nbf - skew > t) return AADSTS.assertionTime()
  return null
}

/** Application permissions granted to a client service principal on a resource (admin-consented app roles). */
export function grantedRoles(
  ctx: EmulatorContext,
  clientSpId: string,
  resourceSpId: string | null,
): string[] {
  const resource = resourceSpId ? ctx.store.entra.servicePrincipals.get(resourceSpId) : undefined
  if (!resource) return []
  const byId = new Map((resource.appRoles ?? []).map((r) => [r.id, r.value]))
  const roles = new Set<string>()
  for (const a of ctx.scenario.entra.appRoleAssignments[clientSpId] ?? []) {
    if (a.resourceId !== resource.id) continue
    const value = byId.get(a.appRoleId)
    if (value) roles.add(value)
  }
  return [...roles].sort()
}
