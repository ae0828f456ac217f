/**
 * Entra connection checks: authenticate, read the token's `roles`, compare them with what
 * each snapshot resource needs, and turn every AADSTS / Graph failure into plain words
 * with the field at fault and the fix.
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes
 */
import type { EntraProfile } from '../profile/profile'
import type { EntraCredential } from '../profile/credentials'
import { createEntraAuth, type EntraToken } from '../entra/auth'
import { createGraphClient } from '../entra/graph-client'
import {
  RESOURCES,
  RESOURCE_PATHS,
  type ResourcePath,
  graphGrants,
  missingGraphGroups,
  recommendGraphPermissions,
  resourceLabel,
} from '../../shared/model'
import { resolveEntraEndpoints } from '../entra/clouds'
import { ApiError } from '../net/api-error'
import type { HttpSend } from '../net/http'
import { isGuid } from '../../shared/util/guid'
import type { DoctorProblem, DoctorSide } from './types'

/** True when a "secret" is GUID-shaped: the secret ID was copied instead of the value. */
export function looksLikeSecretId(secret: string): boolean {
  return isGuid(secret)
}

const secretField = (cred: EntraCredential): string =>
  cred.kind === 'secret' ? 'entra.clientSecret' : 'entra.certificateFile'

/** Plain-words explanation of a token-endpoint or network failure. */
export function explainEntraAuthError(
  error: ApiError,
  profile: EntraProfile,
  cred: EntraCredential,
): DoctorProblem {
  const p = (field: string, code: string, message: string, fix: string): DoctorProblem => ({
    field,
    code,
    severity: 'error',
    message,
    fix,
  })
  switch (error.code) {
    case '7000215':
      return p(
        secretField(cred),
        'aadsts-7000215',
        'Entra rejected the client secret: the value is not one of this app registration’s secrets.',
        'In Entra admin center → App registrations → the app → Certificates & secrets, create a new client secret and copy its Value (shown once), not the Secret ID.',
      )
    case '7000222':
      return p(
        secretField(cred),
        'aadsts-7000222',
        'The client secret has expired.',
        'Create a new client secret on the app registration (Certificates & secrets), update the stored secret, and delete the expired one.',
      )
    case '700016':
      return p(
        'entra.clientId',
        'aadsts-700016',
        `No application with client ID ${profile.clientId} exists in tenant ${profile.tenantId}.`,
        'Check the Application (client) ID on the app registration’s Overview page, and that the tenant ID is the tenant where the app is registered (or consented).',
      )
    // msal reads the tenant's OIDC discovery document first; an unknown tenant fails there
    case '90002':
    case '900023':
    case 'endpoints_resolution_error':
      return p(
        'entra.tenantId',
        'tenant-not-found',
        `Tenant ${profile.tenantId} was not found in the ${profile.cloud} cloud${profile.authorityHost ? ` (${profile.authorityHost})` : ''}.`,
        'Copy the Directory (tenant) ID from the app registration’s Overview page, and pick the cloud the tenant lives in (global, US Government or China).',
      )
    case '700027':
      return p(
        'entra.certificateFile',
        'aadsts-700027',
        'Entra could not verify the certificate assertion: this certificate is not registered on the app (or the key does not match).',
        'Upload the certificate’s public part (.cer/.pem) under Certificates & secrets → Certificates, or select the certificate that is registered there.',
      )
    case '7000112':
      return p(
        'entra.clientId',
        'aadsts-7000112',
        'The application is disabled in this tenant.',
        'Enable the service principal (Enterprise applications → Properties → Enabled for users to sign in).',
      )
    case '7000218':
      return p(
        secretField(cred),
        'aadsts-7000218',
        'No client secret or certificate was sent.',
        'Supply the client secret value or a certificate.',
      )
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'ETIMEDOUT':
    case 'network_error':
      return p(
        profile.authorityHost ? 'entra.authorityHost' : 'entra.cloud',
        'login-unreachable',
        `The sign-in endpoint could not be reached: ${error.message}`,
        'Check the cloud (global, US Government, China), any custom authority host, the network and proxy.',
      )
    default:
      if (/certificate|CERT|SELF_SIGNED/i.test(error.code + error.message)) {
        return p(
          'caFile',
          'tls-untrusted',
          error.message,
          'Add the CA certificate of the endpoint with caFile.',
        )
      }
      return p(
        'entra',
        error.code ? `aadsts-${error.code}` : 'auth-failed',
        `Authentication failed: ${error.message}`,
        'Check the tenant ID, client ID and credential of the app registration.',
      )
  }
}

/** Authenticates, compares the token's `roles` with `ENTRA_PERMISSIONS`, probes Graph (and the P1/P2 licence). */
export async function diagnoseEntra(options: {
  profile: EntraProfile
  credential: EntraCredential
  send: HttpSend
}): Promise<DoctorSide> {
  const { profile, credential } = options
  const problems: DoctorProblem[] = []
  if (credential.kind === 'secret' && looksLikeSecretId(credential.clientSecret)) {
    problems.push({
      field: 'entra.clientSecret',
      code: 'secret-id-instead-of-value',
      severity: 'error',
      message: 'The client secret is a GUID: that is the secret’s ID, not its value.',
      fix: 'In Certificates & secrets, the Value column (shown only right after creation, e.g. "abc8Q~…") is the secret; create a new secret if the value was not saved.',
    })
  }
  const auth = createEntraAuth({ profile, credential, send: options.send })
  let token: EntraToken
  try {
    token = await auth.getToken()
  } catch (error) {
    let apiError =
      error instanceof ApiError
        ? error
        : new ApiError('entra', 0, 'auth_error', String((error as Error).message))
    if (apiError.code === 'endpoints_resolution_error')
      apiError = await probeDiscovery(options.send, profile, apiError)
    // a GUID secret already explains a 7000215; do not say it twice
    if (!(problems.length > 0 && apiError.code === '7000215'))
      problems.push(explainEntraAuthError(apiError, profile, credential))
    return {
      ok: false,
      problems,
      grantedPermissions: [],
      missingPermissions: requiredPermissions([]),
    }
  }
  const granted = [...token.roles].sort()
  if (granted.length === 0) {
    problems.push({
      field: 'entra.clientId',
      code: 'admin-consent-missing',
      severity: 'error',
      message: 'The token carries no application permissions: admin consent has not been granted.',
      fix: 'In the app registration → API permissions, add the Microsoft Graph application permissions listed below and click “Grant admin consent for <tenant>” (needs a Privileged Role Administrator or Global Administrator).',
    })
  }
  const missing = requiredPermissions(granted)
  if (granted.length > 0) {
    for (const permission of missing) {
      const resources = unreadableBy(granted).filter(({ groups }) =>
        groups.some((g) => g.includes(permission)),
      )
      problems.push({
        field: 'entra.permissions',
        code: `missing-permission:${permission}`,
        severity: 'error',
        message: `Missing Microsoft Graph application permission ${permission}: ${resources.map((r) => resourceLabel(r.path)).join(', ')} cannot be read.`,
        fix: `Add ${permission} (type: Application) under API permissions and grant admin consent.`,
      })
    }
  }
  if (
    token.tenantId &&
    isGuid(profile.tenantId) &&
    token.tenantId.toLowerCase() !== profile.tenantId.toLowerCase()
  ) {
    problems.push({
      field: 'entra.tenantId',
      code: 'tenant-mismatch',
      severity: 'error',
      message: `The token was issued by tenant ${token.tenantId}, not ${profile.tenantId}.`,
      fix: 'Use the Directory (tenant) ID of the tenant to troubleshoot.',
    })
  }
  // a Graph round trip proves the Graph endpoint (cloud / graphBaseUrl) and, if allowed, the P1/P2 licence
  const graph = createGraphClient({
    graphRoot: auth.graphRoot,
    send: options.send,
    getToken: async (force) => (await auth.getToken(force)).accessToken,
    maxRetries: 2,
  })
  try {
    await graph.get('organization?$select=id')
  } catch (error) {
    const e =
      error instanceof ApiError ? error : new ApiError('entra', 0, 'error', 'Graph request failed.')
    if (e.status === 0 || e.status === 401 || e.status === 404) {
      problems.push({
        field: profile.graphBaseUrl ? 'entra.graphBaseUrl' : 'entra.cloud',
        code: 'graph-unreachable',
        severity: 'error',
        message: `Microsoft Graph did not accept the token: ${e.message}`,
        fix: 'Check the cloud (the Graph host must match the sign-in cloud) and any custom Graph URL.',
      })
    }
  }
  if (graphGrants('entra.signIns', granted)) {
    try {
      await graph.get('auditLogs/signIns?$top=1')
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.code === 'Authentication_RequestFromNonPremiumTenantOrB2CTenant'
      ) {
        problems.push({
          field: 'entra.tenantId',
          code: 'licence-missing-p1',
          severity: 'warning',
          message:
            'The tenant has no Microsoft Entra ID P1/P2 licence: sign-in logs cannot be read.',
          fix: 'Sign-in logs need Entra ID P1 or P2; without it, sign-in findings are skipped.',
        })
      }
    }
  }
  return {
    ok: !problems.some((p) => p.severity === 'error'),
    problems,
    grantedPermissions: granted,
    missingPermissions: missing,
  }
}

/**
 * msal reports any failed OIDC discovery as `endpoints_resolution_error`; reading the
 * discovery document ourselves tells an unreachable login host (wrong cloud or custom host)
 * from an unknown tenant (AADSTS90002).
 */
async function probeDiscovery(
  send: HttpSend,
  profile: EntraProfile,
  fallback: ApiError,
): Promise<ApiError> {
  const { authority } = resolveEntraEndpoints(profile)
  try {
    const r = await send({
      method: 'GET',
      url: `${authority}/v2.0/.well-known/openid-configuration`,
      timeoutMs: 15_000,
    })
    const aadsts = /AADSTS(\d+)/.exec(r.body)?.[1]
    if (aadsts) return new ApiError('entra', r.status, aadsts, fallback.message)
    return fallback
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'network_error'
    return new ApiError('entra', 0, code, (error as Error).message)
  }
}

/** The app-only Graph resources `granted` cannot read, with the permission groups each lacks (registry order). */
function unreadableBy(
  granted: readonly string[],
): { path: ResourcePath; groups: (readonly string[])[] }[] {
  const out: { path: ResourcePath; groups: (readonly string[])[] }[] = []
  for (const path of RESOURCE_PATHS) {
    const access = RESOURCES[path].access
    if (access.kind !== 'application') continue
    const groups = missingGraphGroups(access, granted) ?? []
    if (groups.length) out.push({ path, groups })
  }
  return out
}

/**
 * The fewest Graph application permissions that would let `granted` read every resource
 * the registry says an app-only reader can read (resources Graph serves only to a
 * signed-in administrator are not asked for).
 */
export function requiredPermissions(granted: readonly string[]): string[] {
  return recommendGraphPermissions(unreadableBy(granted).flatMap((r) => r.groups))
}
