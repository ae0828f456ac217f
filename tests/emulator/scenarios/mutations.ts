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
import type { EntraTenant, OktaRecord, Scenario } from './types'
import { Rng, immutableIdFromGuid } from './random'

interface EntraKinds {
  users: MG.User
  groups: MG.Group
}
type OktaKind = 'users' | 'groups' | 'idps'

export interface ChangeSink {
  entra: {
    add<K extends keyof EntraKinds>(kind: K, item: EntraKinds[K]): unknown
    update<K extends keyof EntraKinds>(kind: K, id: string, patch: Partial<EntraKinds[K]>): unknown
    remove(kind: keyof EntraKinds, id: string, reason?: 'changed' | 'deleted'): void
    set(key: 'federationConfigurations', value: EntraTenant['federationConfigurations']): void
  }
  okta: {
    add(kind: OktaKind, item: OktaRecord): unknown
    /** shallow merge, `profile` one level deep; the sink stamps `lastUpdated` */
    update(kind: OktaKind, id: string, patch: OktaRecord): unknown
    remove(kind: OktaKind, id: string): void
    set(key: 'appUsers', value: Scenario['okta']['appUsers']): void
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

type Indexed<T> = { items: T[]; index: Map<string, number> | null; removed: Set<string> }

function positionOf<T>(table: Indexed<T>, id: string, idOf: (t: T) => string): number {
  if (!table.index) {
    table.index = new Map()
    table.items.forEach((t, i) => table.index?.set(idOf(t), i))
  }
  return table.index.get(id) ?? -1
}

const entraId = (x: { id?: string | null }): string => x.id ?? ''
const oktaId = (x: OktaRecord): string => String(x['id'])

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
    },
    commit() {
      compact(entraTables.users, entraId)
      compact(entraTables.groups, entraId)
      for (const t of Object.values(oktaTables)) compact(t, oktaId)
    },
  }
}

function isRecord(v: unknown): v is OktaRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Lookups that join a person across both sides, built once per batch. */
class People {
  private readonly oktaByLogin = new Map<string, OktaRecord>()
  private readonly oktaById = new Map<string, OktaRecord>()
  readonly entraById = new Map<string, MG.User>()
  readonly o365AppId: string | undefined

  constructor(private readonly s: Scenario) {
    for (const u of s.entra.users) if (u.id) this.entraById.set(u.id, u)
    for (const u of s.okta.users) {
      this.oktaById.set(oktaId(u), u)
      const login = (u['profile'] as OktaRecord | undefined)?.['login']
      if (typeof login === 'string') this.oktaByLogin.set(login.toLowerCase(), u)
    }
    const o365 = s.okta.apps.find((a) => a['name'] === 'office365' && isRecord(a['settings']))
    this.o365AppId = o365 ? oktaId(o365) : undefined
  }

  private upns: Set<string> | null = null
  upnTaken(upn: string): boolean {
    if (!this.upns)
      this.upns = new Set(this.s.entra.users.map((u) => (u.userPrincipalName ?? '').toLowerCase()))
    return this.upns.has(upn.toLowerCase())
  }

  takeUpn(upn: string): void {
    this.upnTaken(upn)
    this.upns?.add(upn.toLowerCase())
  }

  entra(id: string): MG.User {
    const u = this.entraById.get(id)
    if (!u) throw new Error(`no Entra user ${id}`)
    return u
  }

  /** the Okta user of an Entra user: by the Office 365 link (externalId), else by login = UPN */
  okta(entra: MG.User): OktaRecord | undefined {
    const appUser = this.appUserOf(entra.id ?? '')
    const viaApp = appUser ? this.oktaById.get(oktaId(appUser)) : undefined
    return (
      viaApp ??
      this.oktaByLogin.get(
        (entra.onPremisesUserPrincipalName ?? entra.userPrincipalName ?? '').toLowerCase(),
      )
    )
  }

  private appUserIndex: Map<string, OktaRecord> | null = null
  appUserOf(entraUserId: string): OktaRecord | undefined {
    if (!this.appUserIndex) {
      this.appUserIndex = new Map()
      for (const au of this.s.okta.appUsers[this.o365AppId ?? ''] ?? [])
        this.appUserIndex.set(String(au['externalId']), au)
    }
    return this.appUserIndex.get(entraUserId)
  }
}

/** Collects Office 365 app-user edits so a batch replaces `appUsers` once. */
class AppUserEdits {
  private readonly replaced = new Map<string, OktaRecord | null>()
  private readonly added: OktaRecord[] = []
  constructor(
    private readonly s: Scenario,
    private readonly appId: string | undefined,
  ) {}

  replace(oktaUserId: string, next: OktaRecord | null): void {
    this.replaced.set(oktaUserId, next)
  }

  add(record: OktaRecord): void {
    this.added.push(record)
  }

  get size(): number {
    return this.replaced.size + this.added.length
  }

  flush(sink: ChangeSink): void {
    if (!this.appId || this.size === 0) return
    const current = this.s.okta.appUsers[this.appId] ?? []
    const next: OktaRecord[] = []
    for (const au of current) {
      const r = this.replaced.get(oktaId(au))
      if (r === undefined) next.push(au)
      else if (r !== null) next.push(r)
    }
    next.push(...this.added)
    sink.okta.set('appUsers', { ...this.s.okta.appUsers, [this.appId]: next })
  }
}

interface Batch {
  s: Scenario
  sink: ChangeSink
  now: string
  rng: Rng
  people: People
  appUsers: AppUserEdits
  changes: Change[]
}

function startBatch(s: Scenario, o: MutationOptions): Batch {
  const now = o.now ?? s.now
  const people = new People(s)
  return {
    s,
    sink: o.sink ?? scenarioSink(s, now),
    now,
    rng: new Rng(o.seed ?? Date.parse(now) % 2147483647),
    people,
    appUsers: new AppUserEdits(s, people.o365AppId),
    changes: [],
  }
}

/** Graph's whole-second form of an Okta-style ISO time */
const graphTime = (iso: string): string => iso.replace(/\.\d{3}Z$/, 'Z')

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
        sink.okta.update('users', oktaId(o), { profile: { login: m.upn, email: m.upn } })
        changes.push({ source: 'okta', collection: 'users', id: oktaId(o), op: 'update' })
        const au = people.appUserOf(m.entraId)
        if (au) {
          b.appUsers.replace(oktaId(au), {
            ...au,
            lastUpdated: now,
            credentials: { userName: m.upn },
            profile: { ...(au['profile'] as OktaRecord), email: m.upn },
          })
          changes.push({ source: 'okta', collection: 'appUsers', id: oktaId(au), op: 'update' })
        }
      }
      return
    }
    case 'deleteUser': {
      const e = people.entra(m.entraId)
      const o = people.okta(e)
      // AD deletion: Entra Connect soft-deletes the user, Okta's import deactivates it
      sink.entra.remove('users', m.entraId, 'changed')
      changes.push({ source: 'entra', collection: 'users', id: m.entraId, op: 'remove' })
      if (o) {
        sink.okta.update('users', oktaId(o), { status: 'DEPROVISIONED', statusChanged: now })
        changes.push({ source: 'okta', collection: 'users', id: oktaId(o), op: 'update' })
        const au = people.appUserOf(m.entraId)
        if (au) {
          b.appUsers.replace(oktaId(au), null)
          changes.push({ source: 'okta', collection: 'appUsers', id: oktaId(au), op: 'remove' })
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

function relink(template: OktaRecord, id: string): string {
  const href = (
    (template['_links'] as OktaRecord | undefined)?.['self'] as OktaRecord | undefined
  )?.['href']
  return typeof href === 'string' ? href.replace(/[^/]+$/, id) : id
}

function addUser(b: Batch, m: Extract<ScenarioMutation, { kind: 'addUser' }>): void {
  const { s, sink, now, rng, changes } = b
  const entraTemplate = s.entra.users.find(
    (u) => u.onPremisesSyncEnabled && u.onPremisesImmutableId,
  )
  if (!entraTemplate) throw new Error('addUser needs a synced user to follow')
  const oktaTemplate = b.people.okta(entraTemplate)
  const domain = m.domain ?? (entraTemplate.userPrincipalName ?? '').split('@')[1] ?? ''
  const base = `${m.given}.${m.surname}`.toLowerCase().replace(/[^a-z.]/g, '')
  let local = base
  for (let n = 2; b.people.upnTaken(`${local}@${domain}`); n++) local = `${base}${n}`
  const upn = `${local}@${domain}`
  b.people.takeUpn(upn)
  const id = rng.guid()
  const immutableId = immutableIdFromGuid(rng.guid())
  const displayName = `${m.given} ${m.surname}`
  const sam =
    (m.given.charAt(0) + m.surname)
      .toLowerCase()
      .replace(/[^a-z]/g, '')
      .slice(0, 14) + rng.int(100, 999)
  const sid = (entraTemplate.onPremisesSecurityIdentifier ?? '').replace(
    /-\d+$/,
    `-${rng.int(200000, 900000)}`,
  )
  const routing = (entraTemplate.proxyAddresses ?? [])
    .find((p) => p.startsWith('smtp:'))
    ?.split('@')[1]
  sink.entra.add('users', {
    ...entraTemplate,
    id,
    userPrincipalName: upn,
    onPremisesUserPrincipalName: upn,
    displayName,
    givenName: m.given,
    surname: m.surname,
    mail: upn,
    mailNickname: local,
    proxyAddresses: routing ? [`SMTP:${upn}`, `smtp:${local}@${routing}`] : [`SMTP:${upn}`],
    department: m.department ?? entraTemplate.department,
    jobTitle: m.jobTitle ?? entraTemplate.jobTitle,
    employeeId: String(rng.int(900000, 999999)),
    onPremisesImmutableId: immutableId,
    onPremisesSamAccountName: sam,
    onPremisesSecurityIdentifier: sid,
    onPremisesDistinguishedName: (entraTemplate.onPremisesDistinguishedName ?? '').replace(
      /^CN=[^,]+/,
      `CN=${displayName}`,
    ),
    onPremisesLastSyncDateTime: graphTime(now),
    onPremisesProvisioningErrors: [],
    createdDateTime: graphTime(now),
    lastPasswordChangeDateTime: graphTime(now),
  })
  changes.push({ source: 'entra', collection: 'users', id, op: 'add' })
  if (!oktaTemplate) return
  const oid = rng.oktaId('00u')
  sink.okta.add('users', {
    ...oktaTemplate,
    id: oid,
    created: now,
    lastUpdated: now,
    activated: now,
    statusChanged: now,
    lastLogin: null,
    passwordChanged: now,
    profile: {
      ...(oktaTemplate['profile'] as OktaRecord),
      firstName: m.given,
      lastName: m.surname,
      displayName,
      login: upn,
      email: upn,
      department: m.department ?? entraTemplate.department ?? null,
      title: m.jobTitle ?? entraTemplate.jobTitle ?? null,
      immutableId,
      samAccountName: sam,
      employeeNumber: null,
    },
    _links: { self: { href: relink(oktaTemplate, oid) } },
  })
  changes.push({ source: 'okta', collection: 'users', id: oid, op: 'add' })
  const auTemplate = b.people.appUserOf(entraTemplate.id ?? '')
  if (auTemplate && b.people.o365AppId) {
    b.appUsers.add({
      ...auTemplate,
      id: oid,
      externalId: id,
      created: now,
      lastUpdated: now,
      statusChanged: now,
      lastSync: now,
      credentials: { userName: upn },
      profile: {
        ...(auTemplate['profile'] as OktaRecord),
        immutableId,
        firstName: m.given,
        lastName: m.surname,
        displayName,
        email: upn,
      },
      _links: {
        app: (auTemplate['_links'] as OktaRecord)['app'] ?? null,
        user: { href: relink(oktaTemplate, oid) },
      },
    })
    changes.push({ source: 'okta', collection: 'appUsers', id: oid, op: 'add' })
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
