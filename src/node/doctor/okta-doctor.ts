/**
 * Okta connection checks: normalise the org URL, call one read endpoint per snapshot
 * resource (`limit=1`), and explain failures: invalid or revoked token (E0000011), a token
 * of a user without admin rights (E0000006), a missing OAuth scope, a wrong org URL (DNS,
 * refused connection, a response that is not Okta's, the `-admin` host).
 * https://developer.okta.com/docs/reference/error-codes/
 */
import type { OktaProfile } from '../profile/profile'
import type { OktaCredential } from '../profile/credentials'
import type { ApiError } from '../net/api-error'
import type { HttpSend } from '../net/http'
import { createOktaClient } from '../okta/client'
import { OKTA_SCOPES } from '../okta/collect-okta'
import { createOktaReader, toOktaError } from '../okta/okta-reader'
import { normaliseOrgUrl } from '../okta/org-url'
import { grantedScopes } from '../okta/sdk-adapter'
import type { DoctorProblem, DoctorSide } from './types'

const PROBES: [resource: string, path: string][] = [
  ['users', '/api/v1/users?limit=1'],
  ['groups', '/api/v1/groups?limit=1'],
  ['apps', '/api/v1/apps?limit=1'],
  ['idps', '/api/v1/idps?limit=1'],
  ['mappings', '/api/v1/mappings?limit=1'],
  ['idpDiscoveryPolicies', '/api/v1/policies?type=IDP_DISCOVERY&limit=1'],
  ['userSchema', '/api/v1/meta/schemas/user/default'],
]

const credentialField = (cred: OktaCredential): string =>
  cred.kind === 'apiToken' ? 'okta.apiToken' : 'okta.privateKeyFile'

/** Plain-words explanation of an Okta failure on the first probe. */
export function explainOktaError(
  error: ApiError,
  orgUrl: string,
  cred: OktaCredential,
): DoctorProblem {
  const p = (field: string, code: string, message: string, fix: string): DoctorProblem => ({
    field,
    code,
    severity: 'error',
    message,
    fix,
  })
  switch (error.code) {
    case 'E0000011':
      return p(
        credentialField(cred),
        'okta-token-invalid',
        'Okta rejected the API token: it is wrong, revoked, or expired. Okta API tokens expire after 30 days without use.',
        'In the Okta Admin Console → Security → API → Tokens, create a new token (signed in as a read-only or super administrator) and store it.',
      )
    case 'E0000006':
      return p(
        credentialField(cred),
        'okta-token-not-admin',
        'The API token belongs to a user without administrator rights, so the management API refuses it.',
        'Create the token while signed in as an administrator (Read-Only Administrator is enough), or assign that role to the token’s user.',
      )
    case 'invalid_client':
      return p(
        cred.kind === 'privateKey' ? 'okta.clientId' : credentialField(cred),
        'okta-client-assertion-rejected',
        error.message,
        'Check the service app’s client ID, that its public key (JWKS) matches the private key, and the key ID.',
      )
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return p(
        'okta.orgUrl',
        'okta-org-not-found',
        `The org host of ${orgUrl} does not resolve (DNS).`,
        'Use your Okta org URL, e.g. https://acme.okta.com (not the -admin host, no path).',
      )
    case 'ECONNREFUSED':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
      return p(
        'okta.orgUrl',
        'okta-org-unreachable',
        `${orgUrl} could not be reached: ${error.message}`,
        'Check the org URL, the network and any proxy.',
      )
    case 'malformed_response':
      return p(
        'okta.orgUrl',
        'not-okta',
        `${orgUrl} answered with something that is not the Okta API.`,
        'Use the Okta org URL (https://<org>.okta.com or your custom domain), not a portal or app URL.',
      )
    default:
      if (/^http_/.test(error.code)) {
        return p(
          'okta.orgUrl',
          'not-okta',
          `${orgUrl} answered HTTP ${error.status} without an Okta error body: it is probably not an Okta org.`,
          'Use the Okta org URL (https://<org>.okta.com or your custom domain).',
        )
      }
      if (/CERT|SELF_SIGNED|certificate/i.test(error.code + error.message)) {
        return p(
          'caFile',
          'tls-untrusted',
          error.message,
          'Add the CA certificate of the endpoint with caFile.',
        )
      }
      return p(
        'okta',
        error.code || 'okta-error',
        error.message,
        'Check the org URL and the credential.',
      )
  }
}

/** Calls one `limit=1` read per snapshot resource; the first call's failure explains the connection. */
export async function diagnoseOkta(options: {
  profile: OktaProfile
  credential: OktaCredential
  send: HttpSend
  /** System Log probe window end (ISO-8601); default now */
  now?: () => number
}): Promise<DoctorSide> {
  const { profile, credential } = options
  const problems: DoctorProblem[] = []
  const { orgUrl, warnings } = normaliseOrgUrl(profile.orgUrl)
  for (const w of warnings) {
    problems.push({
      field: 'okta.orgUrl',
      code: 'okta-admin-host',
      severity: 'warning',
      message: w,
      fix: `Set the org URL to ${orgUrl}.`,
    })
  }
  const conn = createOktaClient({
    orgUrl,
    credential,
    ...(profile.clientId ? { clientId: profile.clientId } : {}),
    ...(profile.scopes ? { scopes: profile.scopes } : {}),
    send: options.send,
    maxRetries: 1,
  })
  const reader = createOktaReader({
    client: conn.client,
    executor: conn.executor,
    orgUrl,
    maxRetries: 1,
  })
  const succeeded: string[] = []
  const missing = new Set<string>()
  const now = options.now?.() ?? Date.now()
  const logsPath = `/api/v1/logs?since=${encodeURIComponent(new Date(now - 3_600_000).toISOString())}&until=${encodeURIComponent(new Date(now).toISOString())}&limit=1`
  for (const [index, [resource, path]] of [
    ...PROBES,
    ['logs', logsPath] as [string, string],
  ].entries()) {
    try {
      await reader.getJson(path)
      succeeded.push(resource)
    } catch (error) {
      const e = toOktaError(error)
      if (index === 0 || e.status !== 403) {
        if (index === 0) {
          problems.push(explainOktaError(e, orgUrl, credential))
          return { ok: false, problems, grantedPermissions: [], missingPermissions: [] }
        }
      }
      if (e.status === 403) {
        const scope = (OKTA_SCOPES as Record<string, string>)[resource] ?? resource
        missing.add(scope)
      }
    }
  }
  const granted =
    grantedScopes(conn.client) ??
    [...new Set(succeeded.map((r) => (OKTA_SCOPES as Record<string, string>)[r] ?? r))].sort()
  for (const scope of [...missing].sort()) {
    problems.push({
      field: credential.kind === 'privateKey' ? 'okta.scopes' : 'okta.apiToken',
      code: `missing-scope:${scope}`,
      severity: 'error',
      message:
        credential.kind === 'privateKey'
          ? `The service app was not granted ${scope}.`
          : `The token’s administrator cannot read what ${scope} covers.`,
      fix:
        credential.kind === 'privateKey'
          ? `Grant ${scope} on the service app (Okta API Scopes tab) and request it in the profile’s scopes.`
          : 'Use a token of a Read-Only Administrator or Super Administrator.',
    })
  }
  return {
    ok: !problems.some((p) => p.severity === 'error'),
    problems,
    grantedPermissions: granted,
    missingPermissions: [...missing].sort(),
  }
}
