/**
 * A string → records index for values that are nearly all unique and asked about
 * rarely: which values two or more records hold, and, now and then, who holds one.
 * Entra's SMTP proxy addresses (mostly aliases nobody else holds) and immutable IDs are
 * such values. Instead of a map with a lower-cased copy of every value, each value is
 * hashed case-insensitively where it lies, the hashes are sorted with the value's
 * position, and only values whose hashes are equal are compared as keys.
 */
import { type Rec, norm } from '../util/access'
import type { KeyIndex } from './multi-index'
import { smtpAddress, smtpStart } from './multi-index'
import { keepShape } from '../util/shapes'

/** How an index reads its keys from a record. */
export interface KeyReader {
  /** the record's value, or its list of values */
  values(record: Rec): unknown
  /** where the key starts in `value` when it is the rest of `value` lower-cased (-1: no key) */
  start(value: string): number
  /** the key of `value` (lower-cased and trimmed), `undefined` when it has none */
  key(value: string): string | undefined
}

/** Entra users' SMTP proxy addresses, keyed as {@link smtpAddress} keys them. */
export const PROXY_ADDRESSES: KeyReader = {
  values: (user) => user['proxyAddresses'],
  start: smtpStart,
  key: smtpAddress,
}

/** Entra users' onPremisesImmutableId, lower-cased. */
export const IMMUTABLE_IDS: KeyReader = {
  values: (user) => user['onPremisesImmutableId'],
  start: () => 0,
  key: norm,
}

/**
 * A 32-bit hash of `text` from `from`, the same for two texts that differ only in the
 * case of ASCII letters (each character is hashed with bit 5 set: keys that collide
 * are told apart by comparing them). Two FNV-1a lanes, even and odd characters, so
 * neither waits on the other's multiply. With `printable`, -1 when a character is not
 * printable ASCII (the caller then hashes the normalised key).
 */
function foldedHash(text: string, from: number, printable: boolean): number {
  let even = 0x811c9dc5
  let odd = 0x01000193
  let outside = 0
  const end = text.length
  let c = from
  for (; c + 1 < end; c += 2) {
    const x = text.charCodeAt(c)
    const y = text.charCodeAt(c + 1)
    outside |= (x - 33) | (126 - x) | (y - 33) | (126 - y)
    even = Math.imul(even ^ (x | 32), 16777619)
    odd = Math.imul(odd ^ (y | 32), 16777619)
  }
  if (c < end) {
    const x = text.charCodeAt(c)
    outside |= (x - 33) | (126 - x)
    even = Math.imul(even ^ (x | 32), 16777619)
  }
  if (printable && outside < 0) return -1
  return (Math.imul(even ^ (odd >>> 15), 0x85ebca6b) ^ odd ^ (end - from)) >>> 0
}

/** The hash of `value`'s key, or -1 when it has none. */
function keyHash(value: string, reader: KeyReader): number {
  const start = reader.start(value)
  if (start < 0) return -1
  // nearly every value is printable ASCII without surrounding space: hashed in place
  if (start < value.length) {
    const h = foldedHash(value, start, true)
    if (h >= 0) return h
  }
  const key = reader.key(value)
  return key === undefined ? -1 : foldedHash(key, 0, false)
}

/** One key with its holders; `sharedAt` is the position at which a second record holds it. */
interface Group {
  key: string
  holders: Rec[]
  /** the holders' positions among the records */
  rows: number[]
  sharedAt: number
}

/** See the file header. */
export class HashedIndex implements KeyIndex {
  // per value, in the order records and their values are listed: its record's position
  // and its own in that record's list (0 for a single value)
  private readonly owners: Int32Array
  private readonly items: Uint32Array
  // hash × slots + position, sorted: equal hashes sit together, in position order
  private readonly sorted: Float64Array
  private readonly slots: number
  private readonly hashShift: number
  private sharedMemo: Group[] | undefined
  private entriesMemo: [string, Rec[]][] | undefined

  constructor(
    private readonly records: readonly Rec[],
    private readonly reader: KeyReader,
  ) {
    let listed = 0
    for (let i = 0; i < records.length; i++) {
      const held = reader.values(records[i] as Rec)
      listed += Array.isArray(held) ? held.length : typeof held === 'string' ? 1 : 0
    }
    // a hash and a position share one double's 53 bits: the hash gives up what positions need
    const positionBits = Math.max(1, Math.ceil(Math.log2(listed + 1)))
    this.hashShift = Math.max(0, positionBits - 21)
    this.slots = 2 ** positionBits
    const sorted = new Float64Array(listed)
    this.owners = new Int32Array(listed)
    this.items = new Uint32Array(listed)
    let n = 0
    for (let i = 0; i < records.length; i++) {
      const held = reader.values(records[i] as Rec)
      if (typeof held === 'string') {
        const h = keyHash(held, reader)
        if (h < 0) continue
        sorted[n] = (h >>> this.hashShift) * this.slots + n
        this.owners[n] = i
        n++
        continue
      }
      if (!Array.isArray(held)) continue
      for (let k = 0; k < held.length; k++) {
        const value: unknown = held[k]
        if (typeof value !== 'string') continue
        const h = keyHash(value, reader)
        if (h < 0) continue
        sorted[n] = (h >>> this.hashShift) * this.slots + n
        this.owners[n] = i
        this.items[n] = k
        n++
      }
    }
    this.sorted = n === listed ? sorted : sorted.slice(0, n)
    this.sorted.sort()
  }

  private ownerAt(at: number): Rec {
    return this.records[this.owners[at] as number] as Rec
  }

  /** The key of the value at position `at`. */
  private keyAt(at: number): string {
    const held = this.reader.values(this.ownerAt(at))
    const value = Array.isArray(held) ? held[this.items[at] as number] : held
    return this.reader.key(value as string) as string
  }

  private hashAt(n: number): number {
    return Math.floor((this.sorted[n] as number) / this.slots)
  }

  private positionAt(n: number, hash: number): number {
    return (this.sorted[n] as number) - hash * this.slots
  }

  /** The end of the run of equal hashes that starts at `from`. */
  private runEnd(from: number, hash: number): number {
    let end = from + 1
    while (end < this.sorted.length && this.hashAt(end) === hash) end++
    return end
  }

  /** The positions whose hash is `hash` (already shifted), in position order. */
  private positionsOf(hash: number): number[] {
    const low = hash * this.slots
    let lo = 0
    let hi = this.sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.sorted[mid] as number) < low) lo = mid + 1
      else hi = mid
    }
    const out: number[] = []
    for (let n = lo; n < this.sorted.length && this.hashAt(n) === hash; n++)
      out.push(this.positionAt(n, hash))
    return out
  }

  /** The keys of the run `from`–`to` (one hash), each with its holders (each record once, in list order). */
  private groupRun(from: number, to: number, hash: number): Group[] {
    const byKey = new Map<string, Group>()
    for (let n = from; n < to; n++) {
      const at = this.positionAt(n, hash)
      const key = this.keyAt(at) as string
      const row = this.owners[at] as number
      const group = byKey.get(key)
      if (group === undefined)
        byKey.set(key, { key, holders: [this.ownerAt(at)], rows: [row], sharedAt: -1 })
      else if (group.rows[group.rows.length - 1] !== row) {
        group.holders.push(this.ownerAt(at))
        group.rows.push(row)
        if (group.sharedAt < 0) group.sharedAt = at
      }
    }
    return [...byKey.values()]
  }

  /** The keys of every run of two or more values that hash alike (only these are compared). */
  private collidingGroups(): Group[] {
    const groups: Group[] = []
    for (let n = 0; n < this.sorted.length;) {
      const hash = this.hashAt(n)
      const end = this.runEnd(n, hash)
      if (end > n + 1) groups.push(...this.groupRun(n, end, hash))
      n = end
    }
    return groups
  }

  get(key: string): readonly Rec[] | undefined {
    const holders: Rec[] = []
    for (const at of this.positionsOf(foldedHash(key, 0, false) >>> this.hashShift)) {
      if (this.keyAt(at) !== key) continue
      const owner = this.ownerAt(at)
      if (holders[holders.length - 1] !== owner) holders.push(owner)
    }
    return holders.length ? holders : undefined
  }

  peek(key: string): Rec | readonly Rec[] | undefined {
    const holders = this.get(key)
    return holders?.length === 1 ? holders[0] : holders
  }

  one(key: string | undefined): Rec | undefined {
    if (key === undefined) return undefined
    const holders = this.get(key)
    return holders?.length === 1 ? holders[0] : undefined
  }

  count(key: string): number {
    return this.get(key)?.length ?? 0
  }

  /** The keys two or more records hold, in the order they became shared. */
  private shared(): Group[] {
    this.sharedMemo ??= this.collidingGroups()
      .filter((g) => g.sharedAt >= 0)
      .sort((a, b) => a.sharedAt - b.sharedAt)
    return this.sharedMemo
  }

  /** Keys two or more records hold, in the order they became shared. */
  *duplicates(): IterableIterator<[string, readonly Rec[]]> {
    for (const g of this.shared()) yield [g.key, g.holders]
  }

  /** The position among the records of each record that holds a key another record holds too. */
  sharedRows(): number[] {
    return this.shared().flatMap((g) => g.rows)
  }

  entries(): IterableIterator<[string, readonly Rec[]]> {
    if (!this.entriesMemo) {
      const entries: [string, Rec[]][] = []
      for (let n = 0; n < this.sorted.length;) {
        const hash = this.hashAt(n)
        const end = this.runEnd(n, hash)
        for (const g of this.groupRun(n, end, hash)) entries.push([g.key, g.holders])
        n = end
      }
      this.entriesMemo = entries
    }
    return this.entriesMemo.values()
  }

  get size(): number {
    this.entries()
    return (this.entriesMemo as unknown[]).length
  }
}

keepShape(new HashedIndex([], PROXY_ADDRESSES))
