/**
 * Changes to a running emulator's data, so incremental refresh can be tested: Graph delta
 * sees exactly the changed and removed objects, Okta records get a fresh `lastUpdated`.
 * Objects are replaced, never edited in place, so per-object response caches stay right.
 */
import type { EntraMemberRef, EntraTenant, OktaOrg, OktaRecord, Scenario } from './scenarios/types'
import type { EntraCollection, OktaCollection, Store } from './store'

type EntraItem<K extends EntraCollection> = Scenario['entra'][K][number]
type EntraSettable = Exclude<keyof EntraTenant, EntraCollection | 'tenantId'>
type OktaSettable = Exclude<keyof OktaOrg, OktaCollection>

export interface Mutations {
  entra: {
    add<K extends EntraCollection>(kind: K, item: EntraItem<K>): EntraItem<K>
    /** shallow merge of `patch` into the object with this id */
    update<K extends EntraCollection>(
      kind: K,
      id: string,
      patch: Partial<EntraItem<K>>,
    ): EntraItem<K>
    /** `changed` = soft-deleted (restorable), `deleted` = gone for good; both show in delta as @removed */
    remove(kind: EntraCollection, id: string, reason?: 'changed' | 'deleted'): void
    /** replaces a non-collection setting, e.g. premiumLicense or federationConfigurations */
    set<K extends EntraSettable>(key: K, value: EntraTenant[K]): void
    /** replaces a group's members; `members@delta` reports the difference */
    setMembers(groupId: string, members: EntraMemberRef[]): void
  }
  okta: {
    /** adds a record; `created` and `lastUpdated` default to the scenario clock's now */
    add(kind: OktaCollection, item: OktaRecord): OktaRecord
    /** shallow merge (and `profile` merged one level deep); sets `lastUpdated` to now */
    update(kind: OktaCollection, id: string, patch: OktaRecord): OktaRecord
    remove(kind: OktaCollection, id: string): void
    set<K extends OktaSettable>(key: K, value: OktaOrg[K]): void
    /** appends a System Log event published now (the scenario clock) */
    log(event: OktaRecord): OktaRecord
    /** replaces a group's members (user ids); the group's `lastMembershipUpdated` moves to now */
    setMembers(groupId: string, userIds: string[]): void
  }
}

export function createMutations(store: Store): Mutations {
  const scenario = store.scenario
  return {
    entra: {
      add(kind, item) {
        return (store.entra[kind] as unknown as { add(i: object): object }).add(item) as never
      },
      update(kind, id, patch) {
        const table = store.entra[kind] as unknown as {
          get(id: string): object | undefined
          replace(id: string, o: object): object
        }
        const current = table.get(id)
        if (!current) throw new Error(`no ${kind} ${id}`)
        return table.replace(id, { ...current, ...patch }) as never
      },
      remove(kind, id, reason = 'deleted') {
        store.entra[kind].remove(id, reason)
      },
      set(key, value) {
        scenario.entra[key] = value
      },
      setMembers(groupId, members) {
        store.entraMembers.record(groupId, scenario.entra.groupMembers[groupId] ?? [], members)
        scenario.entra.groupMembers[groupId] = members
      },
    },
    okta: {
      add(kind, item) {
        const now = store.clock.iso()
        const record =
          kind === 'logs' ? item : { created: now, ...item, lastUpdated: item.lastUpdated ?? now }
        return store.okta[kind].add(record)
      },
      update(kind, id, patch) {
        const table = store.okta[kind]
        const current = table.get(id)
        if (!current) throw new Error(`no ${kind} ${id}`)
        const next: OktaRecord = { ...current, ...patch }
        const profile = current.profile
        if (
          patch.profile &&
          profile &&
          typeof profile === 'object' &&
          !Array.isArray(profile) &&
          typeof patch.profile === 'object' &&
          !Array.isArray(patch.profile)
        ) {
          next.profile = { ...profile, ...patch.profile }
        }
        if (kind !== 'logs') next.lastUpdated = store.clock.iso()
        return table.replace(id, next)
      },
      remove(kind, id) {
        store.okta[kind].remove(id)
      },
      set(key, value) {
        scenario.okta[key] = value
      },
      log(event) {
        return store.okta.logs.add({ ...event, published: store.clock.iso() })
      },
      setMembers(groupId, userIds) {
        const group = store.okta.groups.get(groupId)
        if (!group) throw new Error(`no groups ${groupId}`)
        scenario.okta.groupMembers[groupId] = userIds
        store.okta.groups.replace(groupId, { ...group, lastMembershipUpdated: store.clock.iso() })
      },
    },
  }
}
