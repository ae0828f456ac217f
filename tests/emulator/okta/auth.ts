/**
 * Okta API authentication: `SSWS` API tokens and access tokens from the org authorization
 * server (`POST /oauth2/v1/token`, client_credentials + private_key_jwt), with scope checks.
 */
import { createPublicKey, randomBytes, type JsonWebKey } from 'node:crypto'
import type { EmulatorContext } from '../context'
import type { EmuRequest, EmuResponse } from '../http'
import { decodeJwt, verifyJwt } from '../jwt'
import { forbidden, invalidToken } from './errors'

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

/** null when the caller may proceed, otherwise the error answer */
export function authorize(
  ctx: EmulatorContext,
  req: EmuRequest,
  scope: string,
): EmuResponse | null {
  const header = req.headers.authorization ?? ''
  const ssws = /^SSWS\s+(\S+)$/i.exec(header)
  if (ssws?.[1]) {
    const token = ctx.scenario.okta.apiTokens.find((t) => t.token === ssws[1])
    if (!token || token.revoked) return invalidToken()
    if (!token.admin) return forbidden()
    return null
  }
  const bearer = /^(Bearer|DPoP)\s+(\S+)$/i.exec(header)
  const challenge = (error: string, description: string): Record<string, string> => ({
    'www-authenticate': `Bearer authorization_uri="${ctx.origins.oktaOrgUrl}/oauth2/v1/authorize", realm="${ctx.origins.oktaOrgUrl}", scope="${scope}", error="${error}", error_description="${description}", resource="${req.path}"`,
  })
  if (bearer?.[2]) {
    const at = ctx.oktaTokens.get(bearer[2])
    if (!at || at.expiresAt <= Date.now()) {
      return invalidToken(challenge('invalid_token', 'The access token is invalid.'))
    }
    const manage = scope.replace(/\.read$/, '.manage')
    if (!at.scopes.includes(scope) && !at.scopes.includes(manage)) {
      return forbidden(
        challenge(
          'insufficient_scope',
          'The access token provided does not contain the required scopes.',
        ),
      )
    }
    return null
  }
  return invalidToken()
}

function oauthError(status: number, error: string, description: string): EmuResponse {
  return {
    status,
    headers: { 'cache-control': 'no-cache, no-store', pragma: 'no-cache' },
    body: JSON.stringify({ error, error_description: description }),
  }
}

/** `POST /oauth2/v1/token` of the org authorization server; the DPoP header is ignored. */
export function oktaTokenRoute(ctx: EmulatorContext, req: EmuRequest): EmuResponse {
  const form = new URLSearchParams(req.body)
  const grant = form.get('grant_type')
  if (grant !== 'client_credentials') {
    return oauthError(
      400,
      'unsupported_grant_type',
      `The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].`,
    )
  }
  if (form.get('client_assertion_type') !== ASSERTION_TYPE || !form.get('client_assertion')) {
    return oauthError(
      401,
      'invalid_client',
      'Client authentication failed. Either the client or the client credentials are invalid.',
    )
  }
  const jwt = decodeJwt(form.get('client_assertion') ?? '')
  if (!jwt) return oauthError(400, 'invalid_client', 'The client_assertion token is malformed.')
  const clientId = String(jwt.payload.iss ?? '')
  const app = ctx.scenario.okta.serviceApps.find((a) => a.clientId === clientId)
  if (!app || jwt.payload.sub !== clientId) {
    return oauthError(401, 'invalid_client', "Invalid value for 'client_id' parameter.")
  }
  let key
  try {
    key = createPublicKey({ key: app.publicJwk as unknown as JsonWebKey, format: 'jwk' })
  } catch {
    return oauthError(401, 'invalid_client', 'The client has no usable public key.')
  }
  if (!verifyJwt(jwt, key)) {
    return oauthError(401, 'invalid_client', 'The client_assertion signature is invalid.')
  }
  const expectedAud = `${ctx.origins.oktaOrgUrl}/oauth2/v1/token`
  if (jwt.payload.aud !== expectedAud) {
    return oauthError(
      401,
      'invalid_client',
      'The audience claim for client_assertion must be the endpoint invoking the client_assertion.',
    )
  }
  const now = Date.now() / 1000
  if (typeof jwt.payload.exp !== 'number' || jwt.payload.exp < now) {
    return oauthError(401, 'invalid_client', 'The client_assertion token is expired.')
  }
  if (
    typeof jwt.payload.exp === 'number' &&
    typeof jwt.payload.iat === 'number' &&
    jwt.payload.exp - jwt.payload.iat > 3600
  ) {
    return oauthError(
      401,
      'invalid_client',
      'The client_assertion token has an expiration too far into the future.',
    )
  }
  const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean)
  if (scopes.length === 0) {
    return oauthError(
      400,
      'invalid_scope',
      "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
    )
  }
  const refused = scopes.filter((s) => !app.grantedScopes.includes(s))
  if (refused.length) {
    return oauthError(
      400,
      'invalid_scope',
      `The following scopes are not allowed: ${refused.join(' ')}`,
    )
  }
  const lifetime = ctx.faults.current.tokenLifetime || 3600
  const accessToken = randomBytes(32).toString('base64url')
  ctx.oktaTokens.set(accessToken, { clientId, scopes, expiresAt: Date.now() + lifetime * 1000 })
  return {
    status: 200,
    headers: { 'cache-control': 'no-cache, no-store', pragma: 'no-cache' },
    body: JSON.stringify({
      token_type: 'Bearer',
      expires_in: lifetime,
      access_token: accessToken,
      scope: scopes.join(' '),
    }),
  }
}
