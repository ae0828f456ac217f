/**
 * The emulator's live view of a scenario: every collection as a table over the scenario's own
 * array (mutated in place, so `emulator.scenario` stays the truth), with change sequence numbers
 * for Graph delta queries and a small cache of filtered views.
 */
import type { EntraMemberRef, Scenario } from './scenarios/types'

/**
 * The scenario clock. Scenario dates are planted around `scenario.now`; the emulator's
 * "now" starts there and advances with the real clock, so secret expiry (AADSTS7000222),
 * Okta `lastUpdated` stamps and sign-in windows agree with the planted data. Token
 * `exp`/`nbf`/`iat` use the real clock, because the SDKs check them against it.
 */
export class ScenarioClock {
  private readonly startedAt = Date.now()
  private readonly base: number

  constructor(scenarioNow: string) {
    const t = Date.parse(scenarioNow)
    this.base = Number.isFinite(t) ? t : this.startedAt
  }

  now(): number {
    return this.base + (Date.now() - this.startedAt)
  }

  iso(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, '.000Z')
  }
}

export interface Tombstone {
  id: string
  seq: number
  reason: 'changed' | 'deleted'
}

/** A global change counter shared by all tables, so one delta token orders every change. */
export class Sequence {
  value = 0
  next(): number {
    this.value += 1
    return this.value
  }
}

type WithId = { id?: string | null }

export class Table<T extends object> {
  /** bumped on every change; caches key on it */
  version = 0
  private index: Map<string, number> | null = null
  private readonly seqs = new Map<string, number>()
  readonly tombstones: Tombstone[] = []
  private readonly views = new Map<string, { version: number; items: T[] }>()

  constructor(
    readonly items: T[],
    private readonly sequence: Sequence,
    private readonly idOf: (item: T) => string = (item) => String((item as WithId).id ?? ''),
  ) {}

  private positions(): Map<string, number> {
    if (!this.index) {
      this.index = new Map()
      this.items.forEach((item, i) => this.index?.set(this.idOf(item), i))
    }
    return this.index
  }

  get(id: string): T | undefined {
    const i = this.positions().get(id)
    return i === undefined ? undefined : this.items[i]
  }

  /** case-insensitive lookup by id or by another key, e.g. a user principal name */
  find(predicate: (item: T) => boolean): T | undefined {
    return this.items.find(predicate)
  }

  add(item: T): T {
    const id = this.idOf(item)
    if (this.positions().has(id)) throw new Error(`duplicate id ${id}`)
    this.items.push(item)
    this.positions().set(id, this.items.length - 1)
    this.touch(id)
    return item
  }

  /** replaces the object (never edits it in place, so per-object caches invalidate) */
  replace(id: string, next: T): T {
    const i = this.positions().get(id)
    if (i === undefined) throw new Error(`no object ${id}`)
    this.items[i] = next
    this.touch(id)
    return next
  }

  remove(id: string, reason: Tombstone['reason'] = 'deleted'): T {
    const i = this.positions().get(id)
    if (i === undefined) throw new Error(`no object ${id}`)
    const [removed] = this.items.splice(i, 1)
    this.index = null
    this.seqs.delete(id)
    this.tombstones.push({ id, seq: this.sequence.next(), reason })
    this.version += 1
    return removed as T
  }

  private touch(id: string): void {
    this.seqs.set(id, this.sequence.next())
    this.version += 1
  }

  /** objects changed, and ids removed, with a sequence number in (after, upTo] */
  changes(after: number, upTo: number): { changed: T[]; removed: Tombstone[] } {
    const changed: T[] = []
    for (const [id, seq] of this.seqs) {
      if (seq <= after || seq > upTo) continue
      const item = this.get(id)
      if (item) changed.push(item)
    }
    const live = new Set(changed.map((item) => this.idOf(item)))
    const removed = this.tombstones.filter(
      (t) => t.seq > after && t.seq <= upTo && !live.has(t.id) && !this.positions().has(t.id),
    )
    return { changed, removed }
  }

  /** a filtered view, cached per key until the table changes */
  view(key: string, compute: (items: T[]) => T[]): T[] {
    if (key === '') return this.items
    const hit = this.views.get(key)
    if (hit && hit.version === this.version) return hit.items
    const items = compute(this.items)
    if (this.views.size > 32) this.views.clear()
    this.views.set(key, { version: this.version, items })
    return items
  }
}

/** A member as a delta round reports it: added, or removed with `@removed`. */
export type MemberDelta = EntraMemberRef & { '@removed'?: { reason: 'deleted' } }

/**
 * Group membership changes in delta-sequence order, so a `members@delta` round reports
 * exactly the members added and removed since its token (Graph's own semantics).
 */
export class MemberLog {
  private readonly entries: { group: string; ref: EntraMemberRef; seq: number; added: boolean }[] =
    []

  constructor(private readonly sequence: Sequence) {}

  /** records a group's new member list against its old one */
  record(group: string, before: readonly EntraMemberRef[], after: readonly EntraMemberRef[]): void {
    const old = new Set(before.map((m) => m.id))
    const now = new Set(after.map((m) => m.id))
    for (const ref of after)
      if (!old.has(ref.id))
        this.entries.push({ group, ref, seq: this.sequence.next(), added: true })
    for (const ref of before)
      if (!now.has(ref.id))
        this.entries.push({ group, ref, seq: this.sequence.next(), added: false })
  }

  /** per group, the net change of each member with a sequence number in (after, upTo] */
  changes(after: number, upTo: number): Map<string, MemberDelta[]> {
    const net = new Map<string, Map<string, MemberDelta>>()
    for (const e of this.entries) {
      if (e.seq <= after || e.seq > upTo) continue
      let group = net.get(e.group)
      if (!group) net.set(e.group, (group = new Map()))
      group.set(e.ref.id, e.added ? { ...e.ref } : { ...e.ref, '@removed': { reason: 'deleted' } })
    }
    return new Map([...net].map(([g, m]) => [g, [...m.values()]]))
  }
}

export type EntraCollection =
  | 'users'
  | 'deletedUsers'
  | 'groups'
  | 'applications'
  | 'servicePrincipals'
  | 'domains'
  | 'organization'
  | 'oauth2PermissionGrants'
  | 'onPremisesSynchronization'
  | 'signIns'
  | 'directoryAudits'
  | 'provisioningLogs'

export type OktaCollection = 'users' | 'groups' | 'apps' | 'idps' | 'mappings' | 'logs'

/** Tables over every collection of a scenario. */
export class Store {
  readonly sequence = new Sequence()
  readonly clock: ScenarioClock
  readonly entraMembers: MemberLog
  readonly entra: { [K in EntraCollection]: Table<Scenario['entra'][K][number]> }
  readonly okta: { [K in OktaCollection]: Table<Scenario['okta'][K][number]> }

  constructor(readonly scenario: Scenario) {
    this.clock = new ScenarioClock(scenario.now)
    const e = scenario.entra
    const s = this.sequence
    // scenarios written before the recycle bin was emulated have none
    e.deletedUsers ??= []
    e.groupMembers ??= {}
    this.entraMembers = new MemberLog(s)
    this.entra = {
      users: new Table(e.users, s),
      deletedUsers: new Table(e.deletedUsers, s),
      groups: new Table(e.groups, s),
      applications: new Table(e.applications, s),
      servicePrincipals: new Table(e.servicePrincipals, s),
      domains: new Table(e.domains, s),
      organization: new Table(e.organization, s),
      oauth2PermissionGrants: new Table(e.oauth2PermissionGrants, s),
      onPremisesSynchronization: new Table(e.onPremisesSynchronization, s),
      signIns: new Table(e.signIns, s),
      directoryAudits: new Table(e.directoryAudits, s),
      provisioningLogs: new Table(e.provisioningLogs, s),
    }
    const o = scenario.okta
    this.okta = {
      users: new Table(o.users, s),
      groups: new Table(o.groups, s),
      apps: new Table(o.apps, s),
      idps: new Table(o.idps, s),
      mappings: new Table(o.mappings, s),
      logs: new Table(o.logs, s, (item) => String(item.uuid ?? '')),
    }
  }
}
