/**
 * The string → records index the snapshot's lookups are built from, and the SMTP address
 * of a proxy address as those lookups key it.
 */
import { type Rec, norm } from '../util/access'
import { keepShape } from '../util/shapes'

/** What a key holds: one record, several (two or more), or none. */
export type Holders = Rec | Rec[] | undefined

/** The read side of a string → records index (see {@link MultiIndex}). */
export interface KeyIndex {
  /** every record under `key` (a read-only view, not a copy), or `undefined` */
  get(key: string): readonly Rec[] | undefined
  /** the one record under `key`, or the list when several hold it (no allocation) */
  peek(key: string): Rec | readonly Rec[] | undefined
  /** the record under `key` when exactly one holds it */
  one(key: string | undefined): Rec | undefined
  /** how many records hold `key` */
  count(key: string): number
  /** keys held by two or more records, with those records (read-only views) */
  duplicates(): IterableIterator<[string, readonly Rec[]]>
  /** every key with its records (read-only views), in no promised order */
  entries(): IterableIterator<[string, readonly Rec[]]>
  /** number of distinct keys */
  readonly size: number
}

/**
 * `held` with `record` added; the same value when `record` already holds the key or the
 * list grew in place, so a caller stores the result only when it differs. Lists of 16 or
 * more check membership through a set kept in `members`, so adding stays linear for the
 * few keys many records share.
 */
export function addHolder(held: Holders, record: Rec, members: Map<Rec[], Set<Rec>>): Holders {
  if (held === undefined) return record
  if (!Array.isArray(held)) return held === record ? held : [held, record]
  if (held[held.length - 1] === record) return held
  if (held.length < 16) {
    if (!held.includes(record)) held.push(record)
    return held
  }
  let set = members.get(held)
  if (set === undefined) {
    set = new Set(held)
    members.set(held, set)
  }
  if (!set.has(record)) {
    set.add(record)
    held.push(record)
  }
  return held
}

/** The records of `held` as a list (a view for a shared key, a new one-element list otherwise). */
export function holderList(held: Holders): readonly Rec[] | undefined {
  return held === undefined ? undefined : Array.isArray(held) ? held : [held]
}

/** How many records `held` names. */
export function holderCount(held: Holders): number {
  return held === undefined ? 0 : Array.isArray(held) ? held.length : 1
}

/**
 * A string → records index that allocates an array only for keys held by more than
 * one record: on 100k-user snapshots almost every key is unique, and 100k retained
 * one-element arrays per index cost more in garbage collection than the lookups.
 */
export class MultiIndex implements KeyIndex {
  // one map: a record for a key one record holds, an array for a shared key
  private readonly map = new Map<string, Rec | Rec[]>()
  private readonly members = new Map<Rec[], Set<Rec>>()
  // keys two or more records hold, in the order they became shared
  private readonly sharedKeys: string[] = []

  /** Adds `record` under `key` (blank keys are skipped; a record is added once per key). */
  add(key: string | undefined, record: Rec): void {
    if (key === undefined) return
    const held = this.map.get(key)
    const next = addHolder(held, record, this.members) as Rec | Rec[]
    if (next === held) return
    this.map.set(key, next)
    if (held !== undefined) this.sharedKeys.push(key)
  }

  get(key: string): readonly Rec[] | undefined {
    return holderList(this.map.get(key))
  }

  peek(key: string): Rec | readonly Rec[] | undefined {
    return this.map.get(key)
  }

  one(key: string | undefined): Rec | undefined {
    if (key === undefined) return undefined
    const v = this.map.get(key)
    return v === undefined || Array.isArray(v) ? undefined : (v as Rec)
  }

  count(key: string): number {
    return holderCount(this.map.get(key))
  }

  *duplicates(): IterableIterator<[string, readonly Rec[]]> {
    for (const key of this.sharedKeys) yield [key, this.map.get(key) as Rec[]]
  }

  *entries(): IterableIterator<[string, readonly Rec[]]> {
    for (const [key, v] of this.map) yield [key, Array.isArray(v) ? (v as Rec[]) : [v as Rec]]
  }

  get size(): number {
    return this.map.size
  }
}

/** Where the address of an SMTP proxy address starts (0 without a prefix), or -1 when not SMTP. */
export function smtpStart(proxy: string): number {
  const colon = proxy.indexOf(':')
  if (colon < 0) return 0
  if (colon !== 4) return -1
  // this runs for every proxy address of every user: compare the prefix without copying it
  const s = proxy.charCodeAt(0) | 32
  const m = proxy.charCodeAt(1) | 32
  const t = proxy.charCodeAt(2) | 32
  const p = proxy.charCodeAt(3) | 32
  return s === 115 && m === 109 && t === 116 && p === 112 ? 5 : -1
}

/** The address part of a proxy address (`SMTP:a@b` → `a@b`), lower-cased; only SMTP values. */
export function smtpAddress(proxy: string): string | undefined {
  const start = smtpStart(proxy)
  if (start < 0) return undefined
  if (start === 0) return norm(proxy)
  const first = proxy.charCodeAt(5)
  const last = proxy.charCodeAt(proxy.length - 1)
  // an address without surrounding space (nearly all) needs one copy, not three
  if (first > 32 && first < 127 && last > 32 && last < 127) return proxy.slice(5).toLowerCase()
  return norm(proxy.slice(5))
}

keepShape(new MultiIndex())
