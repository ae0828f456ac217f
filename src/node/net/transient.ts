/**
 * The one transient-error and retry policy of every outbound call: Entra sign-in and
 * discovery (msal's network client), Graph, and Okta (the SDK's request executor and our
 * raw reader). What is worth another try is decided here, once:
 *
 * - a connection that failed mid-way (reset, broken pipe, timeout, aborted, a cut-off or
 *   unparsable HTTP message) — not DNS, refused connections or TLS trust, which a retry
 *   does not fix and which the doctor explains;
 * - HTTP 500, 502, 503 and 504;
 * - HTTP 429, after the service's `Retry-After` when it gives one;
 * - a 2xx answer whose body is not the JSON the service always sends (a body cut short).
 *
 * Delays are exponential with full jitter (`backoffDelay`), or the service's `Retry-After`.
 */
import type { HttpResponse, HttpSend } from './http'
import { NetworkError } from './http'
import {
  AbortedError,
  backoffDelay,
  parseRetryAfter,
  sleep as defaultSleep,
  type Sleep,
} from './retry'

/** HTTP statuses a retry may fix. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504])

/** Node error codes of a connection that failed in a way a retry may fix. */
export const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  // our sender's code for a failure Node gave no code for
  'ENETWORK',
])

/** True for a network error code a retry may fix (`HPE_*`: a malformed HTTP message). */
export function isTransientCode(code: string | undefined): boolean {
  return code !== undefined && (TRANSIENT_NETWORK_CODES.has(code) || code.startsWith('HPE_'))
}

/** True for a thrown value that is a transient network failure (ours or Node's). */
export function isTransientNetworkError(error: unknown): boolean {
  if (error instanceof AbortedError) return false
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && isTransientCode(code)
}

/** True for an HTTP status a retry may fix; 429 is throttling and is retried after its wait. */
export function isTransientStatus(status: number): boolean {
  return TRANSIENT_STATUSES.has(status)
}

/** True when a 2xx body is not JSON: the services always send JSON, so it was cut short. */
export function isMalformedJson(body: string): boolean {
  try {
    JSON.parse(body)
    return false
  } catch {
    return true
  }
}

/** How many times and how long to retry. */
export interface RetryPolicy {
  /** attempts after the first */
  maxRetries: number
  sleep?: Sleep
  /** a source of [0, 1) numbers for the jitter; default Math.random */
  random?: () => number
  /** called before each wait, e.g. to count retries for progress */
  onRetry?: (reason: 'throttled' | 'transient') => void
}

/**
 * The longest single wait, whatever a service asks: a `Retry-After` or rate-limit reset of
 * hours (a broken or hostile server) would otherwise stall a collection that long.
 */
export const MAX_RETRY_WAIT_MS = 5 * 60_000

/** Attempts after the first, per service, unless a caller asks otherwise. */
export const DEFAULT_MAX_RETRIES = { signIn: 4, graph: 8, okta: 4 } as const

/** The wait before retry number `attempt` (from 0): the service's Retry-After, or backoff. */
export function retryDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'random'>,
  retryAfter?: string,
): number {
  const asked = parseRetryAfter(retryAfter)
  return Math.min(MAX_RETRY_WAIT_MS, asked ?? backoffDelay(attempt, { random: policy.random }))
}

/** Why a response deserves another try, or undefined when it is final. */
export function retryReason(response: HttpResponse): 'throttled' | 'transient' | undefined {
  if (response.status === 429) return 'throttled'
  if (isTransientStatus(response.status)) return 'transient'
  if (response.status >= 200 && response.status < 300 && isMalformedJson(response.body))
    return 'transient'
  return undefined
}

/**
 * A sender that retries what this policy calls transient and returns the last answer
 * (or throws the last network error) when the retries run out. For calls that need no more
 * than that: msal's discovery and token requests.
 */
export function createRetryingSend(send: HttpSend, policy: RetryPolicy): HttpSend {
  const sleep = policy.sleep ?? defaultSleep
  return async (request) => {
    for (let attempt = 0; ; attempt++) {
      if (request.signal?.aborted) throw new AbortedError()
      let response: HttpResponse
      try {
        response = await send(request)
      } catch (error) {
        if (request.signal?.aborted) throw new AbortedError()
        if (!(error instanceof NetworkError) || !isTransientNetworkError(error)) throw error
        if (attempt >= policy.maxRetries) throw error
        policy.onRetry?.('transient')
        await sleep(retryDelay(attempt, policy), request.signal)
        continue
      }
      const reason = retryReason(response)
      if (!reason || attempt >= policy.maxRetries) return response
      policy.onRetry?.(reason)
      await sleep(retryDelay(attempt, policy, response.headers['retry-after']), request.signal)
    }
  }
}
