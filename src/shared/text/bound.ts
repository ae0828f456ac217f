/**
 * Bounds on what a finding copies from tenant data. A directory attribute can be
 * megabytes long (hostile or broken data); a finding that copied it whole would make
 * every output format slow or impossible (JSON of a 50 MB value, a table row, a CSV
 * cell). Long values are shortened, keeping their start and saying how long they were.
 */

/** The longest string a finding's evidence keeps whole. */
export const MAX_EVIDENCE_TEXT = 1024
/** The longest title, detail, step or subject name a finding keeps whole. */
export const MAX_FINDING_TEXT = 4096
/** Evidence nested deeper than this is summarised. */
const MAX_DEPTH = 12

/** `value` itself when short enough, else its start and `… (N characters)`. */
export function boundText(value: string, max: number): string {
  if (value.length <= max) return value
  return `${value.slice(0, Math.max(0, max - 32))}… (${value.length.toLocaleString('en-US')} characters)`
}

/**
 * A copy of `value` in which every string is bounded (`boundText`), or `value` itself when
 * nothing needed shortening (the usual case: no copy is made).
 */
export function boundValues<T>(value: T, max = MAX_EVIDENCE_TEXT, depth = 0): T {
  if (typeof value === 'string') return boundText(value, max) as T
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH) return '(nested too deep to show)' as T
  if (Array.isArray(value)) {
    let out: unknown[] | undefined
    for (let i = 0; i < value.length; i++) {
      const bounded = boundValues(value[i] as unknown, max, depth + 1)
      if (bounded !== value[i]) (out ??= value.slice())[i] = bounded
    }
    return (out ?? value) as T
  }
  let out: Record<string, unknown> | undefined
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const bounded = boundValues(v, max, depth + 1)
    if (bounded !== v) (out ??= { ...(value as Record<string, unknown>) })[key] = bounded
  }
  return (out ?? value) as T
}
