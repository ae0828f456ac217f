/**
 * Okta rate-limit buckets: a request budget per bucket per minute window, reported on every
 * response as X-Rate-Limit-Limit / -Remaining / -Reset (UTC epoch seconds of the window's end).
 */

/** Budgets per window (a minute by default) by bucket (Okta's documented org-wide defaults are of this order). */
export const DEFAULT_OKTA_RATE_LIMITS: Record<string, number> = {
  users: 600,
  groups: 500,
  apps: 100,
  idps: 200,
  logs: 120,
  mappings: 100,
  schemas: 100,
  token: 600,
  other: 600,
}

/**
 * Budgets high enough that no run waits for a window, for runs whose subject is not pacing but
 * that collect several times within one minute.
 */
export const UNLIMITED_OKTA_RATE_LIMITS: Record<string, number> = Object.fromEntries(
  Object.keys(DEFAULT_OKTA_RATE_LIMITS).map((k) => [k, 100_000]),
)

export interface BucketState {
  limit: number
  remaining: number
  /** epoch seconds */
  reset: number
  exhausted: boolean
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>()

  private readonly windowMs: number

  /** `windowSeconds` shortens the window for tests (Okta's is one minute) */
  constructor(
    private readonly limits: Record<string, number>,
    windowSeconds = 60,
  ) {
    this.windowMs = Math.max(1, windowSeconds) * 1000
  }

  /** counts one request against the bucket and returns the headers' values */
  take(bucket: string, nowMs = Date.now()): BucketState {
    const limit = this.limits[bucket] ?? this.limits.other ?? 600
    const start = Math.floor(nowMs / this.windowMs) * this.windowMs
    let w = this.windows.get(bucket)
    if (!w || w.start !== start) {
      w = { start, used: 0 }
      this.windows.set(bucket, w)
    }
    const exhausted = w.used >= limit
    if (!exhausted) w.used += 1
    return {
      limit,
      remaining: Math.max(0, limit - w.used),
      reset: (start + this.windowMs) / 1000,
      exhausted,
    }
  }

  peek(bucket: string, nowMs = Date.now()): BucketState {
    const limit = this.limits[bucket] ?? this.limits.other ?? 600
    const start = Math.floor(nowMs / this.windowMs) * this.windowMs
    const w = this.windows.get(bucket)
    const used = w && w.start === start ? w.used : 0
    return {
      limit,
      remaining: Math.max(0, limit - used),
      reset: (start + this.windowMs) / 1000,
      exhausted: used >= limit,
    }
  }

  setLimit(bucket: string, perMinute: number): void {
    this.limits[bucket] = perMinute
  }
}

export function rateHeaders(
  state: Pick<BucketState, 'limit' | 'remaining' | 'reset'>,
): Record<string, string> {
  return {
    'x-rate-limit-limit': String(state.limit),
    'x-rate-limit-remaining': String(state.remaining),
    'x-rate-limit-reset': String(state.reset),
  }
}
