/** Bearer-token checks for Graph: signature, audience, tenant and lifetime (401), then roles (403). */
import { GRAPH_APP_ID, GRAPH_RESOURCE, type EmulatorContext } from '../context'
import type { EmuRequest, EmuResponse } from '../http'
import { decodeJwt, verifyJwt } from '../jwt'
import { graphError } from './errors'

export interface Caller {
  appId: string
  roles: Set<string>
}

const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"'

function invalid(req: EmuRequest, message: string): EmuResponse {
  return graphError(req, 401, 'InvalidAuthenticationToken', message, {
    'www-authenticate': WWW_AUTHENTICATE,
  })
}

export function authenticate(ctx: EmulatorContext, req: EmuRequest): Caller | EmuResponse {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  if (!m?.[1]) return invalid(req, 'Access token is empty.')
  const jwt = decodeJwt(m[1])
  if (!jwt) return invalid(req, 'IDX14100: JWT is not well formed, there are no dots (.).')
  if (jwt.header.kid !== ctx.signing.kid || !verifyJwt(jwt, ctx.signing.publicKey)) {
    return invalid(req, 'Access token validation failure. Invalid signature.')
  }
  const p = jwt.payload
  if (p.aud !== GRAPH_RESOURCE && p.aud !== `${GRAPH_RESOURCE}/` && p.aud !== GRAPH_APP_ID) {
    return invalid(req, 'Access token validation failure. Invalid audience.')
  }
  if (p.tid !== ctx.tenantId)
    return invalid(req, 'Access token validation failure. Invalid issuer.')
  const now = Date.now() / 1000
  if (typeof p.exp !== 'number' || p.exp <= now)
    return invalid(req, 'Lifetime validation failed, the token is expired.')
  if (typeof p.nbf === 'number' && p.nbf > now + 300) {
    return invalid(req, 'Lifetime validation failed, the token is not yet valid.')
  }
  const roles = Array.isArray(p.roles)
    ? p.roles.filter((r): r is string => typeof r === 'string')
    : []
  return { appId: String(p.appid ?? ''), roles: new Set(roles) }
}

/** true when the caller holds any of the roles, or the ReadWrite form of one of them */
/**
 * True when the caller holds every group of `groups`, one permission of each. An empty
 * list (a resource Graph serves to no application permission) is never held.
 */
export function holdsPermissions(caller: Caller, groups: readonly (readonly string[])[]): boolean {
  return groups.length > 0 && groups.every((group) => group.some((r) => caller.roles.has(r)))
}
