/**
 * Where scenario changes land. The emulator's own mutation layer fits
 * `ChangeSink` (its tables keep the Graph delta sequence); `scenarioSink`
 * applies changes to a plain Scenario, replacing objects rather than editing
 * them and compacting removals once per batch.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { EntraMemberRef, EntraTenant, OktaRecord, Scenario } from './types'

export interface EntraKinds {
  users: MG.User
  groups: MG.Group
}
export type OktaKind = 'users' | 'groups' | 'idps'

export interface ChangeSink {
  entra: {
    add<K extends keyof EntraKinds>(kind: K, item: EntraKinds[K]): unknown
    update<K extends keyof EntraKinds>(kind: K, id: string, patch: Partial<EntraKinds[K]>): unknown
    remove(kind: keyof EntraKinds, id: string, reason?: 'changed' | 'deleted'): void
    set(key: 'federationConfigurations', value: EntraTenant['federationConfigurations']): void
    /** replaces a group's members */
    setMembers(groupId: string, members: EntraMemberRef[]): void
  }
  okta: {
    add(kind: OktaKind, item: OktaRecord): unknown
    /** shallow merge, `profile` one level deep; the sink stamps `lastUpdated` */
    update(kind: OktaKind, id: string, patch: OktaRecord): unknown
    remove(kind: OktaKind, id: string): void
    set(key: 'appUsers', value: Scenario['okta']['appUsers']): void
    /** appends a System Log event; the sink stamps `published` with its clock */
    log(event: OktaRecord): unknown
    /** replaces a group's members (user ids); the sink stamps the group's `lastMembershipUpdated` */
    setMembers(groupId: string, userIds: string[]): void
  }
  /** called once at the end of a batch, for sinks that defer work */
  commit?(): void
}

/** What changed, for tests and benchmarks to compare against what a refresh picked up. */
export interface Change {
  source: 'entra' | 'okta'
  collection: 'users' | 'groups' | 'appUsers' | 'idps' | 'federationConfigurations'
  id: string
  op: 'add' | 'update' | 'remove'
}

type Indexed<T> = { items: T[]; index: Map<string, number> | null; removed: Set<string> }

function positionOf<T>(table: Indexed<T>, id: string, idOf: (t: T) => string): number {
  if (!table.index) {
    table.index = new Map()
    table.items.forEach((t, i) => table.index?.set(idOf(t), i))
  }
  return table.index.get(id) ?? -1
}

export const entraId = (x: { id?: string | null }): string => x.id ?? ''
export const oktaId = (x: OktaRecord): string => String(x['id'])

/** A sink that edits the scenario's own arrays (replacing objects) and stamps Okta `lastUpdated`. */
export function scenarioSink(scenario: Scenario, now: string = scenario.now): ChangeSink {
  const table = <T>(items: T[]): Indexed<T> => ({ items, index: null, removed: new Set() })
  const entraTables = {
    users: table(scenario.entra.users),
    groups: table(scenario.entra.groups),
  } as {
    [K in keyof EntraKinds]: Indexed<EntraKinds[K]>
  }
  const oktaTables: Record<OktaKind, Indexed<OktaRecord>> = {
    users: table(scenario.okta.users),
    groups: table(scenario.okta.groups),
    idps: table(scenario.okta.idps),
  }
  // removals are compacted once per batch (in place, keeping the scenario's arrays)
  const compact = <T>(t: Indexed<T>, idOf: (x: T) => string): void => {
    if (t.removed.size === 0) return
    let w = 0
    for (const x of t.items) if (!t.removed.has(idOf(x))) t.items[w++] = x
    t.items.length = w
    t.removed.clear()
    t.index = null
  }
  return {
    entra: {
      add(kind, item) {
        const t = entraTables[kind] as Indexed<MG.User | MG.Group>
        t.items.push(item)
        t.index?.set(entraId(item), t.items.length - 1)
        return item
      },
      update(kind, id, patch) {
        const t = entraTables[kind] as Indexed<MG.User | MG.Group>
        const i = positionOf(t, id, entraId)
        if (i < 0) throw new Error(`no entra ${kind} ${id}`)
        const next = { ...t.items[i], ...(patch as Partial<MG.User & MG.Group>) } as
          MG.User | MG.Group
        t.items[i] = next
        return next
      },
      remove(kind, id) {
        const t = entraTables[kind] as Indexed<MG.User | MG.Group>
        if (positionOf(t, id, entraId) < 0) throw new Error(`no entra ${kind} ${id}`)
        t.index?.delete(id)
        t.removed.add(id)
      },
      set(_key, value) {
        scenario.entra.federationConfigurations = value
      },
      setMembers(groupId, members) {
        scenario.entra.groupMembers[groupId] = members
      },
    },
    okta: {
      add(kind, item) {
        const t = oktaTables[kind]
        const record = { created: now, ...item, lastUpdated: now }
        t.items.push(record)
        t.index?.set(oktaId(record), t.items.length - 1)
        return record
      },
      update(kind, id, patch) {
        const t = oktaTables[kind]
        const i = positionOf(t, id, oktaId)
        const current = t.items[i]
        if (!current) throw new Error(`no okta ${kind} ${id}`)
        const next: OktaRecord = { ...current, ...patch, lastUpdated: now }
        const profile = current['profile']
        const patchProfile = patch['profile']
        if (isRecord(profile) && isRecord(patchProfile))
          next['profile'] = { ...profile, ...patchProfile }
        t.items[i] = next
        return next
      },
      remove(kind, id) {
        const t = oktaTables[kind]
        if (positionOf(t, id, oktaId) < 0) throw new Error(`no okta ${kind} ${id}`)
        t.index?.delete(id)
        t.removed.add(id)
      },
      set(_key, value) {
        scenario.okta.appUsers = value
      },
      log(event) {
        scenario.okta.logs.push({ ...event, published: now })
      },
      setMembers(groupId, userIds) {
        const t = oktaTables.groups
        const i = positionOf(t, groupId, oktaId)
        const current = t.items[i]
        if (!current) throw new Error(`no okta groups ${groupId}`)
        scenario.okta.groupMembers[groupId] = userIds
        t.items[i] = { ...current, lastMembershipUpdated: now }
      },
    },
    commit() {
      compact(entraTables.users, entraId)
      compact(entraTables.groups, entraId)
      for (const t of Object.values(oktaTables)) compact(t, oktaId)
    },
  }
}

export function isRecord(v: unknown): v is OktaRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
