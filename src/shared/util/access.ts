/**
 * Typed, lenient accessors for raw API records. Graph and Okta records are kept as
 * the services returned them, so any property may be absent, null, empty or of an
 * unexpected type; these helpers return `undefined` (or an empty array) instead of
 * throwing, which lets rules read real tenants' data without casts.
 */

/** A raw JSON object as stored in a snapshot. */
export type Rec = Record<string, unknown>

/** True for a plain (non-array) object. */
export function isRec(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// Paths are passed as separate arguments (up to six keys) rather than a rest array:
// these accessors run several times per user on 100k-user snapshots, and a rest
// parameter allocates an array on every call.
type K = string | undefined

/** Reads a nested value by a path of keys; `undefined` when any step is missing. */
export function get(record: unknown, a: string, b?: K, c?: K, d?: K, e?: K, f?: K): unknown {
  if (typeof record !== 'object' || record === null) return undefined
  let v = (record as Rec)[a]
  if (b === undefined) return v
  if (typeof v !== 'object' || v === null) return undefined
  v = (v as Rec)[b]
  if (c === undefined) return v
  if (typeof v !== 'object' || v === null) return undefined
  v = (v as Rec)[c]
  if (d === undefined) return v
  if (typeof v !== 'object' || v === null) return undefined
  v = (v as Rec)[d]
  if (e === undefined) return v
  if (typeof v !== 'object' || v === null) return undefined
  v = (v as Rec)[e]
  if (f === undefined) return v
  if (typeof v !== 'object' || v === null) return undefined
  return (v as Rec)[f]
}

/** A string property, or `undefined` when absent, null or not a string. */
export function str(
  record: unknown,
  a: string,
  b?: K,
  c?: K,
  d?: K,
  e?: K,
  f?: K,
): string | undefined {
  const value = get(record, a, b, c, d, e, f)
  return typeof value === 'string' ? value : undefined
}

/** A non-blank, trimmed string property, or `undefined`. */
export function text(
  record: unknown,
  a: string,
  b?: K,
  c?: K,
  d?: K,
  e?: K,
  f?: K,
): string | undefined {
  const value = get(record, a, b, c, d, e, f)
  if (typeof value !== 'string' || value.length === 0) return undefined
  const trimmed = value.trim()
  return trimmed ? trimmed : undefined
}

/** A number property (finite), or `undefined`. */
export function num(
  record: unknown,
  a: string,
  b?: K,
  c?: K,
  d?: K,
  e?: K,
  f?: K,
): number | undefined {
  const value = get(record, a, b, c, d, e, f)
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** A boolean property, or `undefined`. */
export function bool(
  record: unknown,
  a: string,
  b?: K,
  c?: K,
  d?: K,
  e?: K,
  f?: K,
): boolean | undefined {
  const value = get(record, a, b, c, d, e, f)
  return typeof value === 'boolean' ? value : undefined
}

/** An object property, or `undefined`. */
export function rec(
  record: unknown,
  a: string,
  b?: K,
  c?: K,
  d?: K,
  e?: K,
  f?: K,
): Rec | undefined {
  const value = get(record, a, b, c, d, e, f)
  return isRec(value) ? value : undefined
}

const NONE: readonly unknown[] = Object.freeze([])

/** An array property (any element type), or an empty array. */
export function arr(
  record: unknown,
  a: string,
  b?: K,
  c?: K,
  d?: K,
  e?: K,
  f?: K,
): readonly unknown[] {
  const value = get(record, a, b, c, d, e, f)
  return Array.isArray(value) ? value : NONE
}

/** The object elements of an array property; other elements are skipped. */
export function recs(record: unknown, a: string, b?: K, c?: K, d?: K, e?: K, f?: K): Rec[] {
  return arr(record, a, b, c, d, e, f).filter(isRec)
}

/** The string elements of an array property; other elements are skipped. */
export function strs(record: unknown, a: string, b?: K, c?: K, d?: K, e?: K, f?: K): string[] {
  return arr(record, a, b, c, d, e, f).filter((v): v is string => typeof v === 'string')
}

/**
 * The value if it is a string. Hot loops read properties directly (`u['mail']`) and
 * pass them here: a property read at its own call site stays monomorphic, where the
 * shared `get` sees every record shape of the snapshot.
 */
export function asStr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** A non-blank trimmed string, or `undefined`. */
export function asText(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined
  const trimmed = value.trim()
  return trimmed ? trimmed : undefined
}

/** True for a string with a non-blank character (no allocation for the usual non-blank value). */
export function hasText(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false
  const first = value.charCodeAt(0)
  return (first > 32 && first !== 160) || value.trim().length > 0
}

/** Lower-cases and trims a value for case-insensitive comparison; `undefined` when blank. */
export function norm(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim().toLowerCase()
  return trimmed ? trimmed : undefined
}

export { isGuid } from './guid'

/** The domain part after the last `@`, lower-cased; `undefined` without one. */
export function domainOf(address: string | undefined): string | undefined {
  if (!address) return undefined
  const at = address.lastIndexOf('@')
  if (at < 0 || at === address.length - 1) return undefined
  return address
    .slice(at + 1)
    .trim()
    .toLowerCase()
}
