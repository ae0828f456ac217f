/**
 * Person- and configuration-level changes to a built scenario, applied to both
 * sides the way the real systems would show them: an AD change reaches Entra
 * through Entra Connect (the user's onPremisesLastSyncDateTime moves) and Okta
 * through the AD import (`lastUpdated` moves, the Office 365 app user follows).
 *
 * Changes go through a `ChangeSink`. The emulator's own mutation layer fits it
 * (its tables keep the Graph delta sequence); `scenarioSink` applies changes to
 * a plain Scenario. Objects are replaced, never edited in place. Everything is
 * deterministic: new ids and choices come from the seed, times from `now`.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { OktaRecord, Scenario } from './types'
import type { Change, ChangeSink } from './change-sink'
import { oktaId } from './change-sink'
import {
  type Batch,
  addUser,
  graphTime,
  logO365,
  logUser,
  pushO365Profile,
  relink,
  startBatch,
} from './mutation-batch'
import { Rng } from './random'

export { type Change, type ChangeSink, scenarioSink } from './change-sink'

export type ScenarioMutation =
  | {
      kind: 'updateUser'
      /** Entra object id of a synced person */
      entraId: string
      changes: {
        department?: string
        jobTitle?: string
        displayName?: string
        givenName?: string
        surname?: string
        mobilePhone?: string
      }
    }
  | { kind: 'renameUser'; entraId: string; upn: string }
  | {
      kind: 'addUser'
      given: string
      surname: string
      domain?: string
      department?: string
      jobTitle?: string
    }
  | { kind: 'deleteUser'; entraId: string }
  | { kind: 'addGroup'; name: string; description?: string }
  | { kind: 'updateGroup'; name: string; description: string }
  | { kind: 'deleteGroup'; name: string }
  | { kind: 'updateIdp'; idpId: string; patch: OktaRecord }
  | { kind: 'updateFederation'; domain: string; patch: Partial<MG.InternalDomainFederation> }

export interface MutationOptions {
  /** defaults to a sink over the scenario itself */
  sink?: ChangeSink
  /** ISO-8601 time of the change; defaults to the scenario's now */
  now?: string
  /** seeds new ids (addUser, addGroup) */
  seed?: number
}

function apply(b: Batch, m: ScenarioMutation): void {
  const { sink, now, people, changes } = b
  switch (m.kind) {
    case 'updateUser': {
      const e = people.entra(m.entraId)
      const c = m.changes
      const entraPatch: Partial<MG.User> = {
        ...c,
        onPremisesLastSyncDateTime: e.onPremisesSyncEnabled
          ? graphTime(now)
          : e.onPremisesLastSyncDateTime,
      }
      if (c.mobilePhone !== undefined) entraPatch.mobilePhone = c.mobilePhone
      sink.entra.update('users', m.entraId, entraPatch)
      changes.push({ source: 'entra', collection: 'users', id: m.entraId, op: 'update' })
      const o = people.okta(e)
      if (o) {
        const profile: OktaRecord = {}
        if (c.department !== undefined) profile['department'] = c.department
        if (c.jobTitle !== undefined) profile['title'] = c.jobTitle
        if (c.displayName !== undefined) profile['displayName'] = c.displayName
        if (c.givenName !== undefined) profile['firstName'] = c.givenName
        if (c.surname !== undefined) profile['lastName'] = c.surname
        if (c.mobilePhone !== undefined) profile['mobilePhone'] = c.mobilePhone
        sink.okta.update('users', oktaId(o), { profile })
        changes.push({ source: 'okta', collection: 'users', id: oktaId(o), op: 'update' })
        const updated = { ...o, profile: { ...(o['profile'] as OktaRecord), ...profile } }
        logUser(b, 'user.account.update_profile', updated)
        pushO365Profile(b, updated, profile, m.entraId)
      }
      return
    }
    case 'renameUser': {
      const e = people.entra(m.entraId)
      const o = people.okta(e)
      const nickname = m.upn.split('@')[0] ?? m.upn
      sink.entra.update('users', m.entraId, {
        userPrincipalName: m.upn,
        onPremisesUserPrincipalName: e.onPremisesSyncEnabled
          ? m.upn
          : e.onPremisesUserPrincipalName,
        mail: m.upn,
        mailNickname: nickname,
        proxyAddresses: [
          `SMTP:${m.upn}`,
          ...(e.proxyAddresses ?? []).map((p) => p.replace(/^SMTP:/, 'smtp:')),
        ],
        onPremisesLastSyncDateTime: e.onPremisesSyncEnabled
          ? graphTime(now)
          : e.onPremisesLastSyncDateTime,
      })
      changes.push({ source: 'entra', collection: 'users', id: m.entraId, op: 'update' })
      if (o) {
        const profile: OktaRecord = { login: m.upn, email: m.upn }
        sink.okta.update('users', oktaId(o), { profile })
        changes.push({ source: 'okta', collection: 'users', id: oktaId(o), op: 'update' })
        const renamed = { ...o, profile: { ...(o['profile'] as OktaRecord), ...profile } }
        logUser(b, 'user.account.update_profile', renamed)
        const au = people.appUserOf(m.entraId)
        if (au) {
          b.appUsers.replace(oktaId(au), {
            ...au,
            lastUpdated: now,
            credentials: { userName: m.upn },
            profile: { ...(au['profile'] as OktaRecord), email: m.upn },
          })
          changes.push({ source: 'okta', collection: 'appUsers', id: oktaId(au), op: 'update' })
          logO365(b, 'application.user_membership.change_username', renamed, m.upn)
        }
      }
      return
    }
    case 'deleteUser': {
      const e = people.entra(m.entraId)
      const o = people.okta(e)
      // AD deletion: Entra Connect soft-deletes the user, Okta's import deactivates it
      sink.entra.remove('users', m.entraId, 'changed')
      b.members.leave(m.entraId, o ? oktaId(o) : undefined)
      changes.push({ source: 'entra', collection: 'users', id: m.entraId, op: 'remove' })
      if (o) {
        sink.okta.update('users', oktaId(o), { status: 'DEPROVISIONED', statusChanged: now })
        changes.push({ source: 'okta', collection: 'users', id: oktaId(o), op: 'update' })
        logUser(b, 'user.lifecycle.deactivate', o)
        const au = people.appUserOf(m.entraId)
        if (au) {
          b.appUsers.replace(oktaId(au), null)
          changes.push({ source: 'okta', collection: 'appUsers', id: oktaId(au), op: 'remove' })
          const userName = (au['credentials'] as { userName?: string } | undefined)?.userName
          logO365(b, 'application.user_membership.remove', o, userName ?? '')
        }
      }
      return
    }
    case 'addUser':
      return addUser(b, m)
    case 'addGroup': {
      const template = b.s.entra.groups.find((g) => g.onPremisesSyncEnabled) ?? b.s.entra.groups[0]
      const id = b.rng.guid()
      sink.entra.add('groups', {
        ...template,
        id,
        displayName: m.name,
        description: m.description ?? m.name,
        mailNickname: m.name.replace(/[^A-Za-z0-9]/g, ''),
        onPremisesSamAccountName: template?.onPremisesSyncEnabled ? m.name : null,
        createdDateTime: graphTime(now),
        onPremisesLastSyncDateTime: template?.onPremisesSyncEnabled ? graphTime(now) : null,
      })
      changes.push({ source: 'entra', collection: 'groups', id, op: 'add' })
      const oktaTemplate =
        b.s.okta.groups.find((g) => g['type'] === 'APP_GROUP') ?? b.s.okta.groups[0] ?? {}
      const gid = b.rng.oktaId('00g')
      sink.okta.add('groups', {
        ...oktaTemplate,
        id: gid,
        created: now,
        lastUpdated: now,
        lastMembershipUpdated: now,
        profile: { name: m.name, description: m.description ?? m.name },
        _links: { self: { href: relink(oktaTemplate, gid) } },
      })
      changes.push({ source: 'okta', collection: 'groups', id: gid, op: 'add' })
      return
    }
    case 'updateGroup':
    case 'deleteGroup': {
      const g = b.s.entra.groups.find((x) => x.displayName === m.name)
      const og = b.s.okta.groups.find(
        (x) => (x['profile'] as OktaRecord | undefined)?.['name'] === m.name,
      )
      if (!g && !og) throw new Error(`no group ${m.name}`)
      if (m.kind === 'updateGroup') {
        if (g?.id) {
          sink.entra.update('groups', g.id, {
            description: m.description,
            onPremisesLastSyncDateTime: g.onPremisesSyncEnabled ? graphTime(now) : null,
          })
          changes.push({ source: 'entra', collection: 'groups', id: g.id, op: 'update' })
        }
        if (og) {
          sink.okta.update('groups', oktaId(og), { profile: { description: m.description } })
          changes.push({ source: 'okta', collection: 'groups', id: oktaId(og), op: 'update' })
        }
      } else {
        if (g?.id) {
          sink.entra.remove('groups', g.id, 'deleted')
          changes.push({ source: 'entra', collection: 'groups', id: g.id, op: 'remove' })
        }
        if (og) {
          sink.okta.remove('groups', oktaId(og))
          changes.push({ source: 'okta', collection: 'groups', id: oktaId(og), op: 'remove' })
        }
      }
      return
    }
    case 'updateIdp':
      sink.okta.update('idps', m.idpId, m.patch)
      changes.push({ source: 'okta', collection: 'idps', id: m.idpId, op: 'update' })
      return
    case 'updateFederation': {
      const current = b.s.entra.federationConfigurations[m.domain]
      if (!current?.length) throw new Error(`no federation on ${m.domain}`)
      sink.entra.set('federationConfigurations', {
        ...b.s.entra.federationConfigurations,
        [m.domain]: current.map((f, i) => (i === 0 ? { ...f, ...m.patch } : f)),
      })
      changes.push({
        source: 'entra',
        collection: 'federationConfigurations',
        id: m.domain,
        op: 'update',
      })
      return
    }
  }
}

/** Applies one change to both sides; returns what changed. */
export function mutateScenario(
  scenario: Scenario,
  mutation: ScenarioMutation,
  options: MutationOptions = {},
): Change[] {
  const b = startBatch(scenario, options)
  apply(b, mutation)
  b.appUsers.flush(b.sink)
  b.members.flush(b.sink, b.changes)
  b.sink.commit?.()
  return b.changes
}

/** Applies several changes as one batch (one `appUsers` replacement). */
export function mutateScenarioBatch(
  scenario: Scenario,
  mutations: ScenarioMutation[],
  options: MutationOptions = {},
): Change[] {
  const b = startBatch(scenario, options)
  for (const m of mutations) apply(b, m)
  b.appUsers.flush(b.sink)
  b.members.flush(b.sink, b.changes)
  b.sink.commit?.()
  return b.changes
}

const CHURN_TITLES = [
  'Senior Analyst',
  'Team Lead',
  'Program Manager',
  'Principal Engineer',
  'Specialist',
  'Coordinator',
]
const CHURN_DEPARTMENTS = [
  'Sales',
  'Engineering',
  'Operations',
  'Finance',
  'Marketing',
  'Customer Success',
  'IT',
]
const CHURN_NAMES = [
  ['Noor', 'Haddad'],
  ['Ilse', 'Brandt'],
  ['Kofi', 'Mensah'],
  ['Lena', 'Sorensen'],
  ['Mateo', 'Ruiz'],
  ['Aiko', 'Mori'],
] as const

/**
 * Changes about `fraction` of the synced people on both sides: mostly title and
 * department moves, some renames, some leavers and joiners (the "1% churn" of an
 * incremental refresh). Deterministic for a scenario, fraction and seed.
 */
export function churn(
  scenario: Scenario,
  fraction: number,
  seed: number,
  options: Omit<MutationOptions, 'seed'> = {},
): Change[] {
  if (!(fraction > 0 && fraction <= 1))
    throw new Error(`churn fraction must be in (0, 1], got ${fraction}`)
  const rng = new Rng(seed)
  const synced = scenario.entra.users.filter((u) => u.onPremisesSyncEnabled && u.id)
  const count = Math.max(1, Math.round(synced.length * fraction))
  // a partial Fisher–Yates over indexes picks distinct people without copying users
  const order = Array.from({ length: synced.length }, (_, i) => i)
  const mutations: ScenarioMutation[] = []
  for (let k = 0; k < count && k < order.length; k++) {
    const j = k + Math.floor(rng.next() * (order.length - k))
    const a = order[k] ?? 0
    order[k] = order[j] ?? 0
    order[j] = a
    const user = synced[order[k] ?? 0]
    if (!user?.id) continue
    const r = rng.next()
    if (r < 0.8) {
      mutations.push({
        kind: 'updateUser',
        entraId: user.id,
        changes: { jobTitle: rng.pick(CHURN_TITLES), department: rng.pick(CHURN_DEPARTMENTS) },
      })
    } else if (r < 0.9) {
      const [local, domain] = (user.userPrincipalName ?? '').split('@')
      mutations.push({
        kind: 'renameUser',
        entraId: user.id,
        upn: `${local ?? 'user'}.${rng.chars('abcdefghijklmnopqrstuvwxyz', 4)}@${domain ?? ''}`,
      })
    } else if (r < 0.95) {
      mutations.push({ kind: 'deleteUser', entraId: user.id })
    } else {
      const [given, surname] = rng.pick(CHURN_NAMES)
      mutations.push({
        kind: 'addUser',
        given,
        surname,
        department: rng.pick(CHURN_DEPARTMENTS),
        jobTitle: rng.pick(CHURN_TITLES),
      })
    }
  }
  return mutateScenarioBatch(scenario, mutations, { ...options, seed })
}
