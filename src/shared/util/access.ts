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

/** Reads a nested value by a path of keys; `undefined` when any step is missing. */
export function get(record: unknown, ...path: string[]): unknown {
  let current: unknown = record
  for (const key of path) {
    if (!isRec(current)) return undefined
    current = current[key]
  }
  return current
}

/** A string property, or `undefined` when absent, null or not a string. */
export function str(record: unknown, ...path: string[]): string | undefined {
  const value = get(record, ...path)
  return typeof value === 'string' ? value : undefined
}

/** A non-blank, trimmed string property, or `undefined`. */
export function text(record: unknown, ...path: string[]): string | undefined {
  const value = str(record, ...path)?.trim()
  return value ? value : undefined
}

/** A number property (finite), or `undefined`. */
export function num(record: unknown, ...path: string[]): number | undefined {
  const value = get(record, ...path)
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** A boolean property, or `undefined`. */
export function bool(record: unknown, ...path: string[]): boolean | undefined {
  const value = get(record, ...path)
  return typeof value === 'boolean' ? value : undefined
}

/** An object property, or `undefined`. */
export function rec(record: unknown, ...path: string[]): Rec | undefined {
  const value = get(record, ...path)
  return isRec(value) ? value : undefined
}

/** An array property (any element type), or an empty array. */
export function arr(record: unknown, ...path: string[]): readonly unknown[] {
  const value = get(record, ...path)
  return Array.isArray(value) ? value : []
}

/** The object elements of an array property; other elements are skipped. */
export function recs(record: unknown, ...path: string[]): Rec[] {
  return arr(record, ...path).filter(isRec)
}

/** The string elements of an array property; other elements are skipped. */
export function strs(record: unknown, ...path: string[]): string[] {
  return arr(record, ...path).filter((v): v is string => typeof v === 'string')
}

/** Lower-cases and trims a value for case-insensitive comparison; `undefined` when blank. */
export function norm(value: string | undefined | null): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim().toLowerCase()
  return trimmed ? trimmed : undefined
}

/** A record's display label for subjects: the first non-blank of the given properties. */
export function label(record: unknown, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = text(record, ...key.split('.'))
    if (value) return value
  }
  return undefined
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** True when the value is shaped like a GUID (e.g. a Graph keyId or tenant id). */
export function isGuid(value: string | undefined): boolean {
  return value !== undefined && GUID.test(value.trim())
}

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
