/**
 * The bodies Graph writes accept: a JSON object whose properties the type declares (a subset
 * of the v1.0 schema's declared properties a create may set); anything else is the 400 Graph
 * answers.
 */
import type { EmuRequest, EmuResponse } from '../http'
import { graphError } from './errors'

/** Properties a create may set, per type (a subset of the v1.0 schema's declared properties). */
const SETTABLE: Record<string, ReadonlySet<string>> = {
  application: new Set([
    'displayName',
    'signInAudience',
    'web',
    'spa',
    'publicClient',
    'requiredResourceAccess',
    'notes',
    'identifierUris',
    'tags',
    'api',
    'appRoles',
    'groupMembershipClaims',
    'isFallbackPublicClient',
    'description',
  ]),
  passwordCredential: new Set(['displayName', 'endDateTime', 'startDateTime']),
  servicePrincipal: new Set([
    'appId',
    'accountEnabled',
    'tags',
    'appRoleAssignmentRequired',
    'notes',
  ]),
  oAuth2PermissionGrant: new Set(['clientId', 'consentType', 'principalId', 'resourceId', 'scope']),
  internalDomainFederation: new Set([
    'displayName',
    'issuerUri',
    'metadataExchangeUri',
    'signingCertificate',
    'passiveSignInUri',
    'preferredAuthenticationProtocol',
    'activeSignInUri',
    'signOutUri',
    'promptLoginBehavior',
    'isSignedAuthenticationRequestRequired',
    'nextSigningCertificate',
    'federatedIdpMfaBehavior',
    'passwordResetUri',
  ]),
}

export type Parsed =
  { ok: true; body: Record<string, unknown> } | { ok: false; response: EmuResponse }

export function parse(req: EmuRequest, type: string): Parsed {
  let value: unknown
  try {
    value = JSON.parse(req.body || '{}')
  } catch {
    return {
      ok: false,
      response: graphError(req, 400, 'BadRequest', 'Unable to read JSON request payload.'),
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      ok: false,
      response: graphError(req, 400, 'BadRequest', 'The request body must be a JSON object.'),
    }
  const body = value as Record<string, unknown>
  const allowed = SETTABLE[type] ?? new Set<string>()
  const unknown = Object.keys(body).find((k) => !k.startsWith('@odata.') && !allowed.has(k))
  if (unknown)
    return {
      ok: false,
      response: graphError(
        req,
        400,
        'Request_BadRequest',
        `Property '${unknown}' does not exist as a declared property or extension property.`,
      ),
    }
  return { ok: true, body }
}
