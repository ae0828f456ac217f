/**
 * Date math with an explicit "now" (the snapshot's `collectedAt`): nothing here
 * reads the clock. All instants are UTC.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000
/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000

/** Parses an ISO-8601 instant; `undefined` for absent, blank or invalid input. */
export function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : new Date(ms)
}

/** Whole days from `now` until `when` (negative once passed), rounded down. */
export function daysUntil(when: Date, now: Date): number {
  return Math.floor((when.getTime() - now.getTime()) / DAY_MS)
}

/**
 * Parses an ISO-8601 duration such as `PT30M`, `P1D` or `PT1H30M` into
 * milliseconds (years and months are not accepted: their length is ambiguous).
 */
export function parseDurationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    value.trim(),
  )
  if (!match || value.trim() === 'P' || value.trim().endsWith('T')) return undefined
  const [, w, d, h, m, s] = match
  const ms =
    Number(w ?? 0) * 7 * DAY_MS +
    Number(d ?? 0) * DAY_MS +
    Number(h ?? 0) * 3_600_000 +
    Number(m ?? 0) * MINUTE_MS +
    Number(s ?? 0) * 1000
  return ms > 0 ? ms : undefined
}

/** A human duration such as "3 d 4 h" or "45 min", for finding details. */
export function describeDuration(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS)
  if (minutes < 120) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h`
  const days = Math.floor(hours / 24)
  const rest = hours % 24
  return rest ? `${days} d ${rest} h` : `${days} d`
}
