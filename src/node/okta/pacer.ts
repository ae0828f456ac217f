/**
 * Client-side pacing under Okta's rate limits: each endpoint bucket is tracked from the
 * `X-Rate-Limit-Limit/Remaining/Reset` headers, and a request waits for the bucket's reset
 * once this client has used its share (default 50%) of the bucket, leaving the rest to the
 * org's other integrations. Reset times are converted with the response's `Date` header, so
 * a skewed local clock does not matter. https://developer.okta.com/docs/reference/rl-best-practices/
 */
import { sleep as defaultSleep, type Sleep } from '../net/retry'
import { MAX_RETRY_WAIT_MS } from '../net/transient'

interface Bucket {
  limit: number
  remaining: number
  /** local epoch ms at which the bucket resets */
  resetAt: number
  inFlight: number
}

/** Per-bucket rate pacing for one run. */
export interface Pacer {
  /** waits (if needed) before a request to `url`; returns the milliseconds waited */
  before: (url: string, signal?: AbortSignal) => Promise<number>
  /** records a response's rate-limit headers for `url`'s bucket */
  after: (url: string, headers: { get: (name: string) => string | null }) => void
  /** the server's clock (epoch ms) estimated from the last Date header, or undefined */
  serverNow: () => number | undefined
  /**
   * Milliseconds until `requests` more requests to `url`'s bucket will have gone out under
   * this client's share, by the pacer's own schedule: what is left of the current window
   * first, then one share per window. 0 while the bucket's limits are not known yet.
   */
  schedule: (url: string, requests: number) => number
}

/** Okta's rate-limit windows are one minute long. https://developer.okta.com/docs/reference/rl-global-mgmt/ */
export const RATE_LIMIT_WINDOW_MS = 60_000

/** The bucket an Okta URL counts against: its path with object ids replaced by `*`. */
export function bucketKey(url: string): string {
  const { pathname } = new URL(url)
  return pathname
    .split('/')
    .map((segment, i) => (i > 3 && /^[0-9A-Za-z]{15,}$/.test(segment) ? '*' : segment))
    .join('/')
}

/** Creates a pacer using `share` (0–1] of each bucket; `now`/`sleep` injectable. */
export function createPacer(
  options: { share?: number; now?: () => number; sleep?: Sleep } = {},
): Pacer {
  const share = options.share ?? 0.5
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? defaultSleep
  const buckets = new Map<string, Bucket>()
  let clock: { server: number; local: number } | undefined

  const before = async (url: string, signal?: AbortSignal): Promise<number> => {
    const key = bucketKey(url)
    let waited = 0
    for (;;) {
      const bucket = buckets.get(key)
      if (!bucket) break
      const t = now()
      if (t >= bucket.resetAt) {
        bucket.remaining = bucket.limit
        bucket.resetAt = Number.POSITIVE_INFINITY
      }
      const used = bucket.limit - bucket.remaining + bucket.inFlight
      if (used < Math.max(1, Math.floor(bucket.limit * share))) break
      if (!Number.isFinite(bucket.resetAt)) break
      const wait = Math.max(1, bucket.resetAt - t)
      waited += wait
      await sleep(wait, signal)
    }
    const bucket = buckets.get(key)
    if (bucket) bucket.inFlight++
    return waited
  }

  const after: Pacer['after'] = (url, headers) => {
    const key = bucketKey(url)
    const local = now()
    const date = Date.parse(headers.get('date') ?? '')
    if (Number.isFinite(date)) clock = { server: date, local }
    const limit = Number(headers.get('x-rate-limit-limit'))
    const remaining = Number(headers.get('x-rate-limit-remaining'))
    const reset = Number(headers.get('x-rate-limit-reset'))
    const existing = buckets.get(key)
    if (existing && existing.inFlight > 0) existing.inFlight--
    if (
      !Number.isFinite(limit) ||
      limit <= 0 ||
      !Number.isFinite(remaining) ||
      !Number.isFinite(reset)
    )
      return
    // Reset is server epoch seconds; Date has one-second resolution, hence the extra second.
    const offset = Number.isFinite(date) ? reset * 1000 - date + 1000 : reset * 1000 - local + 1000
    // a reset hours away (a broken or hostile answer) must not stall the run that long
    const resetAt = local + Math.min(MAX_RETRY_WAIT_MS, Math.max(0, offset))
    if (existing) {
      // Responses of one window share a reset time; under concurrency they arrive out of order,
      // so within a window keep the lowest remaining count. A different reset is another window.
      if (Number.isFinite(existing.resetAt) && Math.abs(resetAt - existing.resetAt) <= 1500) {
        existing.remaining = Math.min(existing.remaining, remaining)
        existing.resetAt = Math.max(existing.resetAt, resetAt)
      } else {
        existing.remaining = remaining
        existing.resetAt = resetAt
      }
      existing.limit = limit
    } else {
      buckets.set(key, { limit, remaining, resetAt, inFlight: 0 })
    }
  }

  const serverNow = (): number | undefined =>
    clock ? clock.server + (now() - clock.local) : undefined

  const schedule: Pacer['schedule'] = (url, requests) => {
    const bucket = buckets.get(bucketKey(url))
    if (!bucket || requests <= 0) return 0
    const perWindow = Math.max(1, Math.floor(bucket.limit * share))
    const t = now()
    const fresh = t >= bucket.resetAt || !Number.isFinite(bucket.resetAt)
    const used = fresh ? bucket.inFlight : bucket.limit - bucket.remaining + bucket.inFlight
    const left = Math.max(0, perWindow - used)
    if (requests <= left) return 0
    const windows = Math.ceil((requests - left) / perWindow)
    const untilReset = fresh ? RATE_LIMIT_WINDOW_MS : bucket.resetAt - t
    return untilReset + (windows - 1) * RATE_LIMIT_WINDOW_MS
  }
  return { before, after, serverNow, schedule }
}
