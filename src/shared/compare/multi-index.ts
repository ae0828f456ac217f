/**
 * The string → records index the snapshot's lookups are built from, and the SMTP address
 * of a proxy address as those lookups key it.
 */
import { type Rec, norm } from '../util/access'

/**
 * A string → records index that allocates an array only for keys held by more than
 * one record: on 100k-user snapshots almost every key is unique, and 100k retained
 * one-element arrays per index cost more in garbage collection than the lookups.
 */
export class MultiIndex {
  // one map: a record for a key one record holds, an array for a shared key
  private readonly map = new Map<string, Rec | Rec[]>()
  // membership sets for the few keys many records share, so adding stays linear
  private readonly members = new Map<string, Set<Rec>>()
  // keys two or more records hold, in the order they became shared
  private readonly sharedKeys: string[] = []

  /** Adds `record` under `key` (blank keys are skipped; a record is added once per key). */
  add(key: string | undefined, record: Rec): void {
    if (key === undefined) return
    const existing = this.map.get(key)
    if (existing === undefined) {
      this.map.set(key, record)
      return
    }
    if (!Array.isArray(existing)) {
      if (existing !== record) {
        this.map.set(key, [existing, record])
        this.sharedKeys.push(key)
      }
      return
    }
    const list = existing as Rec[]
    if (list[list.length - 1] === record) return
    if (list.length < 16) {
      if (!list.includes(record)) list.push(record)
      return
    }
    let set = this.members.get(key)
    if (set === undefined) {
      set = new Set(list)
      this.members.set(key, set)
    }
    if (set.has(record)) return
    set.add(record)
    list.push(record)
  }

  /** Every record under `key` (a read-only view, not a copy), or `undefined`. */
  get(key: string): readonly Rec[] | undefined {
    const v = this.map.get(key)
    if (v === undefined) return undefined
    return Array.isArray(v) ? (v as Rec[]) : [v as Rec]
  }

  /** The one record under `key`, or the list when several hold it (no allocation). */
  peek(key: string): Rec | readonly Rec[] | undefined {
    return this.map.get(key)
  }

  /** The record under `key` when exactly one holds it. */
  one(key: string | undefined): Rec | undefined {
    if (key === undefined) return undefined
    const v = this.map.get(key)
    return v === undefined || Array.isArray(v) ? undefined : (v as Rec)
  }

  /** How many records hold `key`. */
  count(key: string): number {
    const v = this.map.get(key)
    return v === undefined ? 0 : Array.isArray(v) ? v.length : 1
  }

  /** Keys held by two or more records, with those records (read-only views). */
  *duplicates(): IterableIterator<[string, readonly Rec[]]> {
    for (const key of this.sharedKeys) yield [key, this.map.get(key) as Rec[]]
  }

  /** Every key with its records (read-only views). */
  *entries(): IterableIterator<[string, readonly Rec[]]> {
    for (const [key, v] of this.map) yield [key, Array.isArray(v) ? (v as Rec[]) : [v as Rec]]
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.map.size
  }
}

/** The address part of a proxy address (`SMTP:a@b` → `a@b`), lower-cased; only SMTP values. */
export function smtpAddress(proxy: string): string | undefined {
  const colon = proxy.indexOf(':')
  if (colon < 0) return norm(proxy)
  if (colon !== 4) return undefined
  // this runs for every proxy address of every user: compare the prefix without copying it
  const s = proxy.charCodeAt(0) | 32
  const m = proxy.charCodeAt(1) | 32
  const t = proxy.charCodeAt(2) | 32
  const p = proxy.charCodeAt(3) | 32
  if (s !== 115 || m !== 109 || t !== 116 || p !== 112) return undefined
  const first = proxy.charCodeAt(5)
  const last = proxy.charCodeAt(proxy.length - 1)
  // an address without surrounding space (nearly all) needs one copy, not three
  if (first > 32 && first < 127 && last > 32 && last < 127) return proxy.slice(5).toLowerCase()
  return norm(proxy.slice(5))
}
