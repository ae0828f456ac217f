/**
 * Entra app-only authentication with msal-node's `ConfidentialClientApplication`
 * (client secret or certificate), pointed at the profile's cloud or custom authority, with
 * the CA trusted through a custom network client. Token errors become `ApiError`s whose
 * `code` is the AADSTS number. https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 */
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node'
import type { EntraProfile } from '../profile/profile'
import type { EntraCredential } from '../profile/credentials'
import type { HttpSend } from '../net/http'
import { ApiError } from '../net/api-error'
import type { RetryPolicy } from '../net/transient'
import { describeCertificate } from './certificate'
import { resolveEntraEndpoints } from './clouds'
import { createMsalNetworkClient } from './msal-network-client'

/** An app-only Graph access token and what it grants. */
export interface EntraToken {
  accessToken: string
  /** application permissions granted by admin consent (the token's `roles` claim) */
  roles: string[]
  /** the `tid` claim, when the token is a readable JWT */
  tenantId?: string
  /** epoch milliseconds */
  expiresOn: number
}

/** Token access for one Entra connection. */
export interface EntraAuth {
  /** a cached token, or a fresh one when `forceRefresh` (after a Graph 401) */
  getToken: (forceRefresh?: boolean) => Promise<EntraToken>
  /** Graph root including `/v1.0` */
  graphRoot: string
  /** the login host, without a trailing slash (the authority is `${authorityHost}/${tenantId}`) */
  authorityHost: string
}

/** Reads a JWT's payload without verifying it (only to read our own token's claims). */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1]
  if (!part) return undefined
  try {
    const json: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    return json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/**
 * One `ConfidentialClientApplication` per connection. Tokens are cached by msal; `getToken(true)`
 * bypasses the cache (`skipCache`) after a Graph 401. Rejects with `ApiError('entra')`.
 */
export function createEntraAuth(options: {
  profile: EntraProfile
  credential: EntraCredential
  send: HttpSend
  /** the sign-in retry policy's tuning (tests shorten the waits) */
  retry?: Partial<RetryPolicy>
}): EntraAuth {
  const { profile, credential } = options
  const endpoints = resolveEntraEndpoints(profile)
  const host = new URL(endpoints.authorityHost).host
  const auth: Configuration['auth'] = {
    clientId: profile.clientId,
    authority: endpoints.authority,
    // Listing the host skips msal's instance discovery call to login.microsoftonline.com,
    // which custom hosts (and offline machines) cannot answer.
    knownAuthorities: [host],
  }
  if (credential.kind === 'secret') {
    auth.clientSecret = credential.clientSecret
  } else {
    const cert = describeCertificate(credential.certificatePem, credential.privateKeyPem)
    auth.clientCertificate = {
      thumbprintSha256: cert.thumbprintSha256,
      privateKey: credential.privateKeyPem,
    }
  }
  const app = new ConfidentialClientApplication({
    auth,
    system: { networkClient: createMsalNetworkClient(options.send, options.retry) },
  })
  const getToken = async (forceRefresh = false): Promise<EntraToken> => {
    let result
    try {
      result = await app.acquireTokenByClientCredential({
        scopes: [endpoints.scope],
        skipCache: forceRefresh,
      })
    } catch (error) {
      throw toAuthError(error)
    }
    if (!result?.accessToken)
      throw new ApiError('entra', 0, 'no_token', 'The token endpoint returned no access token.')
    const claims = decodeJwtPayload(result.accessToken)
    const roles = Array.isArray(claims?.roles)
      ? claims.roles.filter((r): r is string => typeof r === 'string')
      : []
    return {
      accessToken: result.accessToken,
      roles,
      ...(typeof claims?.tid === 'string' ? { tenantId: claims.tid } : {}),
      expiresOn: result.expiresOn?.getTime() ?? Date.now() + 3_600_000,
    }
  }
  return { getToken, graphRoot: endpoints.graphRoot, authorityHost: endpoints.authorityHost }
}

/** msal client-side failures whose own messages only point at msal's docs. */
const MSAL_PLAIN_WORDS: Readonly<Record<string, string>> = {
  endpoints_resolution_error:
    'The login host could not be reached or did not answer as an Entra authority (check the cloud or authority host, and the network).',
  network_error:
    'The login host could not be reached (check the network, proxy and authority host).',
  untrusted_authority:
    'The authority host is not a known Microsoft login host (check the cloud or authority host).',
}

/**
 * msal's errors → `ApiError('entra', status, code)`. `code` is the AADSTS number when the
 * token endpoint sent one (e.g. "7000215"), otherwise msal's error code (e.g. "network_error").
 */
export function toAuthError(error: unknown): ApiError {
  const e = error as {
    errorCode?: string
    errorMessage?: string
    errorNo?: string | number
    status?: number
    message?: string
  }
  const plain = e.errorCode ? MSAL_PLAIN_WORDS[e.errorCode] : undefined
  const description =
    plain ?? (e.errorMessage ?? e.message ?? 'Authentication failed.').split(/\r?\n/)[0] ?? ''
  const aadsts = e.errorNo !== undefined ? String(e.errorNo) : /AADSTS(\d+)/.exec(description)?.[1]
  const code = aadsts ?? e.errorCode ?? 'auth_error'
  const status = typeof e.status === 'number' ? e.status : aadsts ? 400 : 0
  const prefix = e.errorCode && e.errorCode !== code ? `${e.errorCode}: ` : ''
  return new ApiError('entra', status, code, `${prefix}${description}`.trim())
}
