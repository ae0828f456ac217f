/**
 * One map for the address-like keys of both sides: each lower-cased value says which
 * Entra users hold it as UPN or mail, which Okta users hold it as login or email, and
 * which Office 365 app users hold it as their username. In a tenant pair these are mostly
 * the same value for the same person, so one entry serves five lookups, and the join
 * reads a person's counterparts from the entry it already holds instead of looking the
 * value up in one index per attribute. (Proxy addresses are an index of their own: most
 * of them are aliases no other attribute holds.)
 *
 * Each attribute is read through a {@link KeyIndex} view, exactly as a separate index.
 */
import type { Rec } from '../util/access'
import { type Holders, type KeyIndex, addHolder, holderCount, holderList } from './multi-index'
import { keepShape } from '../util/shapes'

/** The attributes an address entry records, by position in the entry. */
export const ADDRESS = {
  upn: 0,
  mail: 1,
  login: 2,
  email: 3,
  officeUserName: 4,
} as const

export type AddressField = (typeof ADDRESS)[keyof typeof ADDRESS]

/** The holders of one value, per attribute (positions as in {@link ADDRESS}). */
export type AddressEntry = Holders[]

const FIELDS = Object.keys(ADDRESS).length

/** See the file header. */
export class AddressBook {
  private readonly map = new Map<string, AddressEntry>()
  private readonly members = new Map<Rec[], Set<Rec>>()
  private readonly shared: string[][] = Array.from({ length: FIELDS }, () => [])
  private readonly sizes = new Array<number>(FIELDS).fill(0)
  private readonly views = new Map<AddressField, KeyIndex>()

  /** The entry of `key`, created when no attribute holds it yet. */
  entry(key: string): AddressEntry {
    let entry = this.map.get(key)
    if (entry === undefined) {
      entry = [undefined, undefined, undefined, undefined, undefined]
      this.map.set(key, entry)
    }
    return entry
  }

  /** The entry of `key`, if any attribute holds it. */
  find(key: string): AddressEntry | undefined {
    return this.map.get(key)
  }

  /** Records that `record` holds `key` (whose entry is `entry`) as `field`. */
  add(entry: AddressEntry, key: string, field: AddressField, record: Rec): void {
    const held = entry[field]
    const next = addHolder(held, record, this.members)
    if (next === held) return
    entry[field] = next
    if (held === undefined) this.sizes[field] = (this.sizes[field] as number) + 1
    else (this.shared[field] as string[]).push(key)
  }

  /** The index of one attribute. */
  view(field: AddressField): KeyIndex {
    let view = this.views.get(field)
    if (view === undefined) {
      view = new AddressView(
        this.map,
        field,
        this.shared[field] as string[],
        () => this.sizes[field] as number,
      )
      this.views.set(field, view)
    }
    return view
  }
}

class AddressView implements KeyIndex {
  constructor(
    private readonly map: ReadonlyMap<string, AddressEntry>,
    private readonly field: AddressField,
    private readonly sharedKeys: readonly string[],
    private readonly sizeOf: () => number,
  ) {}

  get(key: string): readonly Rec[] | undefined {
    return holderList(this.map.get(key)?.[this.field])
  }

  peek(key: string): Rec | readonly Rec[] | undefined {
    return this.map.get(key)?.[this.field]
  }

  one(key: string | undefined): Rec | undefined {
    if (key === undefined) return undefined
    const held = this.map.get(key)?.[this.field]
    return held === undefined || Array.isArray(held) ? undefined : (held as Rec)
  }

  count(key: string): number {
    return holderCount(this.map.get(key)?.[this.field])
  }

  *duplicates(): IterableIterator<[string, readonly Rec[]]> {
    for (const key of this.sharedKeys)
      yield [key, (this.map.get(key) as AddressEntry)[this.field] as Rec[]]
  }

  *entries(): IterableIterator<[string, readonly Rec[]]> {
    for (const [key, entry] of this.map) {
      const list = holderList(entry[this.field])
      if (list) yield [key, list]
    }
  }

  get size(): number {
    return this.sizeOf()
  }
}

keepShape(keepShape(new AddressBook()).view(ADDRESS.upn))
