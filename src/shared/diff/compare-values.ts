/**
 * Attribute-by-attribute comparison of two raw records with readable paths
 * (`web.redirectUris[https://…/callback]`, `passwordCredentials[keyId=…]`,
 * `properties.department.expression`). Array items are matched by their key (key ID, kid,
 * id, target attribute, URI value…), never by position, so a reordered array is no change;
 * volatile fields are skipped at any depth; a secret field's value is never copied, only its
 * redacted form (hint).
 */
import type { ResourcePath } from '../model/resources'
import { readSecret, SECRET_FIELD } from '../model/secret'
import { canonicalJson } from '../snapshot-file/identity'
import { ARRAY_ITEM_KEYS, isVolatile } from './kinds'

/** One changed leaf (or a whole value added or removed) at a readable path. */
export interface ValueChange {
  path: string
  op: 'added' | 'removed' | 'changed'
  before?: unknown
  after?: unknown
}

type Obj = Record<string, unknown>
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0)

/** A value with every secret field replaced by its redacted form (hint), at any depth. */
export function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue)
  if (!isObject(value)) return value
  const out: Obj = {}
  for (const [k, v] of Object.entries(value))
    out[k] = SECRET_FIELD.test(k) && v !== null && v !== undefined ? readSecret(v) : redactValue(v)
  return out
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key)

/** The property that identifies each item of both arrays, if one does (present and unique). */
function itemKey(a: readonly unknown[], b: readonly unknown[]): string | undefined {
  const items = [...a, ...b]
  if (!items.every(isObject)) return undefined
  return ARRAY_ITEM_KEYS.find((key) =>
    [a, b].every((list) => {
      const seen = new Set<string>()
      for (const item of list as Obj[]) {
        const v = item[key]
        if (typeof v !== 'string' && typeof v !== 'number') return false
        if (seen.has(String(v))) return false
        seen.add(String(v))
      }
      return true
    }),
  )
}

function keyed(list: readonly unknown[], key: string | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const item of list) {
    const id =
      key !== undefined
        ? String((item as Obj)[key])
        : typeof item === 'string'
          ? item
          : canonicalJson(item)
    out.set(id, item)
  }
  return out
}

function compareArrays(
  resource: ResourcePath,
  path: string,
  a: readonly unknown[],
  b: readonly unknown[],
  depth: number,
  out: ValueChange[],
): void {
  const key = itemKey(a, b)
  const before = keyed(a, key)
  const after = keyed(b, key)
  const label = (id: string): string => `${path}[${key ? `${key}=` : ''}${id}]`
  for (const [id, item] of before)
    if (!after.has(id)) out.push({ path: label(id), op: 'removed', before: redactValue(item) })
  for (const [id, item] of after) {
    if (!before.has(id)) out.push({ path: label(id), op: 'added', after: redactValue(item) })
    else if (key !== undefined) compareAt(resource, label(id), before.get(id), item, depth + 1, out)
  }
}

function compareAt(
  resource: ResourcePath,
  path: string,
  a: unknown,
  b: unknown,
  depth: number,
  out: ValueChange[],
): void {
  if (a === b) return
  if (Array.isArray(a) && Array.isArray(b)) return compareArrays(resource, path, a, b, depth, out)
  if (isObject(a) && isObject(b)) {
    const field = path.slice(path.lastIndexOf('.') + 1)
    if (SECRET_FIELD.test(field)) {
      if (canonicalJson(readSecret(a) ?? a) !== canonicalJson(readSecret(b) ?? b))
        out.push({ path, op: 'changed', before: readSecret(a), after: readSecret(b) })
      return
    }
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const k of keys) {
      if (isVolatile(resource, k, depth)) continue
      compareAt(resource, join(path, k), a[k], b[k], depth + 1, out)
    }
    return
  }
  if (isEmpty(a) && isEmpty(b)) return
  if (canonicalJson(a) === canonicalJson(b)) return
  const field = path.slice(path.lastIndexOf('.') + 1)
  const show = (v: unknown): unknown =>
    SECRET_FIELD.test(field) && v !== null && v !== undefined ? readSecret(v) : redactValue(v)
  if (isEmpty(a)) out.push({ path, op: 'added', after: show(b) })
  else if (isEmpty(b)) out.push({ path, op: 'removed', before: show(a) })
  else out.push({ path, op: 'changed', before: show(a), after: show(b) })
}

/** The changes from record `a` to record `b` of one resource (volatile fields skipped). */
export function compareRecords(resource: ResourcePath, a: Obj, b: Obj): ValueChange[] {
  const out: ValueChange[] = []
  compareAt(resource, '', a, b, 0, out)
  return out
}

/** The record without its volatile top-level fields, as compact JSON: equal text, no change. */
export function stableText(resource: ResourcePath, record: Obj): string {
  const copy: Obj = {}
  for (const k of Object.keys(record)) if (!isVolatile(resource, k, 0)) copy[k] = record[k]
  return JSON.stringify(copy)
}
