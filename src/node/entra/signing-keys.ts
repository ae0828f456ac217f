/**
 * The tenant's token signing keys: the JSON Web Key Set Entra publishes at
 * `{authorityHost}/{tenantId}/discovery/v2.0/keys` (the `jwks_uri` of the tenant's OpenID
 * Connect discovery document). It is public metadata, read without a token, from the login
 * host rather than Graph; the inspector checks ID and access tokens against these keys.
 * Requests go through the profile's HTTPS client (its CA) and the one retry policy.
 * https://learn.microsoft.com/en-us/entra/identity-platform/signing-key-rollover
 */
import type { RawRecord } from '../../shared/model/snapshot'
import { ApiError } from '../net/api-error'
import { type NetworkError, type HttpSend } from '../net/http'
import { AbortedError } from '../net/retry'
import { createRetryingSend, DEFAULT_MAX_RETRIES, type RetryPolicy } from '../net/transient'

/** Inputs of {@link fetchSigningKeys}. */
export interface SigningKeysRequest {
  send: HttpSend
  /** the login host without a trailing slash, e.g. https://login.microsoftonline.com */
  authorityHost: string
  tenantId: string
  signal?: AbortSignal
  /** the retry policy's tuning (tests shorten the waits) */
  retry?: Partial<RetryPolicy>
  /** counts a retry for progress */
  onRetry?: RetryPolicy['onRetry']
  /** per-request timeout in ms; default 60 000 */
  timeoutMs?: number
}

/** The keys of the set, as Entra returned them. Rejects with `ApiError('entra')`. */
export async function fetchSigningKeys(request: SigningKeysRequest): Promise<RawRecord[]> {
  const send = createRetryingSend(request.send, {
    maxRetries: DEFAULT_MAX_RETRIES.signIn,
    ...(request.onRetry ? { onRetry: request.onRetry } : {}),
    ...request.retry,
  })
  const url = `${request.authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(request.tenantId)}/discovery/v2.0/keys`
  let status: number
  let body: string
  let headers: Record<string, string>
  try {
    ;({ status, body, headers } = await send({
      method: 'GET',
      url,
      headers: { accept: 'application/json' },
      ...(request.signal ? { signal: request.signal } : {}),
      timeoutMs: request.timeoutMs ?? 60_000,
    }))
  } catch (error) {
    if (request.signal?.aborted) throw new AbortedError()
    const e = error as NetworkError
    throw new ApiError('entra', 0, e.code ?? 'network_error', e.message)
  }
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    json = undefined
  }
  if (status < 200 || status >= 300) throw loginError(status, json, headers)
  const keys = (json as { keys?: unknown } | undefined)?.keys
  if (json === null || typeof json !== 'object' || !Array.isArray(keys)) {
    throw new ApiError(
      'entra',
      status,
      'malformed_response',
      'The login host answered the signing keys request without a key set.',
    )
  }
  if (keys.some((k) => k === null || typeof k !== 'object' || Array.isArray(k))) {
    throw new ApiError(
      'entra',
      status,
      'malformed_response',
      'The login host returned a key set with an entry that is not an object.',
    )
  }
  return keys as RawRecord[]
}

/** An error of the login host: its AADSTS number (`error_codes[0]`) or `error`, and its description. */
function loginError(status: number, json: unknown, headers: Record<string, string>): ApiError {
  const body = (json ?? {}) as {
    error?: unknown
    error_description?: unknown
    error_codes?: unknown
  }
  const first = Array.isArray(body.error_codes) ? body.error_codes[0] : undefined
  const code =
    typeof first === 'number'
      ? String(first)
      : typeof body.error === 'string'
        ? body.error
        : `http_${status}`
  const message =
    typeof body.error_description === 'string'
      ? body.error_description
      : `The login host answered HTTP ${status}.`
  return new ApiError('entra', status, code, message, headers['x-ms-request-id'])
}
