/**
 * Retry timing shared by the Graph and Okta layers: `Retry-After` parsing, exponential
 * backoff with full jitter, and an abortable sleep. All durations are milliseconds.
 */

/**
 * Parses a `Retry-After` header: delta-seconds (fractional allowed, e.g. "2.128", as Graph
 * sends) or an HTTP date. Returns milliseconds, or undefined when absent or unreadable.
 * https://learn.microsoft.com/graph/throttling
 */
export function parseRetryAfter(
  value: string | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - nowMs)
}

/** Tuning of `backoffDelay` (milliseconds). */
export interface BackoffOptions {
  /** first delay ceiling; default 500 ms */
  baseMs?: number
  /** never wait longer than this; default 30 000 ms */
  maxMs?: number
  /** a source of [0, 1) numbers; default Math.random */
  random?: () => number
}

/**
 * Exponential backoff with full jitter: a delay drawn in [ceiling/2, ceiling] where the
 * ceiling is `baseMs * 2^attempt`, capped at `maxMs`. `attempt` counts from 0.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 500
  const max = options.maxMs ?? 30_000
  const random = options.random ?? Math.random
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

/** The error a cancelled wait or request rejects with. */
export class AbortedError extends Error {
  constructor() {
    super('The collection was cancelled.')
    this.name = 'AbortError'
  }
}

/** True for the rejection of an aborted operation (ours or Node's). */
export function isAbortError(error: unknown): boolean {
  if (error instanceof AbortedError) return true
  const e = error as { name?: string; code?: string } | null
  return e?.name === 'AbortError' || e?.code === 'ABORT_ERR'
}

/** Waits `ms`, rejecting with `AbortedError` as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AbortedError())
      return
    }
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(new AbortedError())
    }
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      },
      Math.max(0, ms),
    )
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** Sleeps: injected in tests so retries run without waiting. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>
