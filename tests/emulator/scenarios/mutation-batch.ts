/**
 * The working state of a batch of scenario mutations: lookups that join a
 * person across both sides, pending Office 365 app-user edits, and joiners
 * (addUser), which follow the shape of an existing synced person.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { EntraMemberRef, OktaRecord, Scenario } from './types'
import type { MutationOptions, ScenarioMutation } from './mutations'
import { type Change, type ChangeSink, isRecord, oktaId, scenarioSink } from './change-sink'
import { Rng, immutableIdFromGuid } from './random'
import { type AppUserEventType, type UserEventType, appUserEvent, userEvent } from './change-events'

/** Lookups that join a person across both sides, built once per batch. */
export class People {
  private readonly oktaByLogin = new Map<string, OktaRecord>()
  private readonly oktaById = new Map<string, OktaRecord>()
  readonly entraById = new Map<string, MG.User>()
  readonly o365App: OktaRecord | undefined
  readonly o365AppId: string | undefined

  constructor(private readonly s: Scenario) {
    for (const u of s.entra.users) if (u.id) this.entraById.set(u.id, u)
    for (const u of s.okta.users) {
      this.oktaById.set(oktaId(u), u)
      const login = (u['profile'] as OktaRecord | undefined)?.['login']
      if (typeof login === 'string') this.oktaByLogin.set(login.toLowerCase(), u)
    }
    this.o365App = s.okta.apps.find((a) => a['name'] === 'office365' && isRecord(a['settings']))
    this.o365AppId = this.o365App ? oktaId(this.o365App) : undefined
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
export class AppUserEdits {
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

/**
 * Collects group membership edits so each changed group's members are replaced once per
 * batch: a leaver leaves every group on both sides (AD removes a deleted account from its
 * groups; Okta's import follows), a joiner joins All Staff and the department group.
 */
export class MemberEdits {
  private readonly entraGone = new Set<string>()
  private readonly oktaGone = new Set<string>()
  private readonly entraJoin = new Map<string, EntraMemberRef[]>()
  private readonly oktaJoin = new Map<string, string[]>()

  constructor(private readonly s: Scenario) {}

  leave(entraId: string, oktaUserId: string | undefined): void {
    this.entraGone.add(entraId)
    if (oktaUserId) this.oktaGone.add(oktaUserId)
  }

  join(groupNames: readonly string[], entraId: string, oktaUserId: string | undefined): void {
    for (const g of this.s.entra.groups) {
      if (!g.id || !groupNames.includes(g.displayName ?? '')) continue
      const list = this.entraJoin.get(g.id) ?? []
      list.push({ '@odata.type': '#microsoft.graph.user', id: entraId })
      this.entraJoin.set(g.id, list)
    }
    if (!oktaUserId) return
    for (const g of this.s.okta.groups) {
      const name = (g['profile'] as OktaRecord | undefined)?.['name']
      const id = oktaId(g)
      if (typeof name !== 'string' || !groupNames.includes(name)) continue
      if (!this.s.okta.groupMembers[id]) continue // groups whose members are not listed (Everyone)
      const list = this.oktaJoin.get(id) ?? []
      list.push(oktaUserId)
      this.oktaJoin.set(id, list)
    }
  }

  flush(sink: ChangeSink, changes: Change[]): void {
    for (const [id, members] of Object.entries(this.s.entra.groupMembers)) {
      const joined = this.entraJoin.get(id) ?? []
      const kept = this.entraGone.size ? members.filter((m) => !this.entraGone.has(m.id)) : members
      if (kept.length === members.length && joined.length === 0) continue
      sink.entra.setMembers(id, [...kept, ...joined])
      changes.push({ source: 'entra', collection: 'groups', id, op: 'update' })
    }
    for (const [id, members] of Object.entries(this.s.okta.groupMembers)) {
      const joined = this.oktaJoin.get(id) ?? []
      const kept = this.oktaGone.size ? members.filter((m) => !this.oktaGone.has(m)) : members
      if (kept.length === members.length && joined.length === 0) continue
      sink.okta.setMembers(id, [...kept, ...joined])
      changes.push({ source: 'okta', collection: 'groups', id, op: 'update' })
    }
  }
}

export interface Batch {
  s: Scenario
  sink: ChangeSink
  now: string
  rng: Rng
  people: People
  appUsers: AppUserEdits
  members: MemberEdits
  changes: Change[]
}

export function startBatch(s: Scenario, o: MutationOptions): Batch {
  const now = o.now ?? s.now
  const people = new People(s)
  return {
    s,
    sink: o.sink ?? scenarioSink(s, now),
    now,
    rng: new Rng(o.seed ?? Date.parse(now) % 2147483647),
    people,
    appUsers: new AppUserEdits(s, people.o365AppId),
    members: new MemberEdits(s),
    changes: [],
  }
}

/** Logs what the directory import did to an Okta user. */
export function logUser(b: Batch, type: UserEventType, user: OktaRecord): void {
  b.sink.okta.log(userEvent(b.rng, type, user))
}

/** Logs what Okta provisioning did to a user's Office 365 account. */
export function logO365(
  b: Batch,
  type: AppUserEventType,
  user: OktaRecord,
  appUserName: string,
): void {
  if (b.people.o365App)
    b.sink.okta.log(appUserEvent(b.rng, type, user, b.people.o365App, appUserName))
}

/** The Okta profile attributes the Office 365 app-user profile maps, pushed on change. */
const O365_MAPPED = ['firstName', 'lastName', 'displayName', 'email', 'department'] as const

/**
 * Okta re-applies the Office 365 mapping when a mapped attribute of the user changes:
 * the app-user profile follows and the push is logged.
 */
export function pushO365Profile(
  b: Batch,
  user: OktaRecord,
  patch: OktaRecord,
  entraId: string,
): void {
  const au = b.people.appUserOf(entraId)
  const pushed = O365_MAPPED.flatMap((k) => {
    const v = patch[k]
    return v === undefined ? [] : [[k, v] as const]
  })
  if (!au || pushed.length === 0) return
  const profile = { ...(au['profile'] as OktaRecord), ...Object.fromEntries(pushed) }
  b.appUsers.replace(oktaId(au), { ...au, lastUpdated: b.now, lastSync: b.now, profile })
  b.changes.push({ source: 'okta', collection: 'appUsers', id: oktaId(au), op: 'update' })
  const userName = (au['credentials'] as { userName?: string } | undefined)?.userName ?? ''
  logO365(b, 'application.provision.user.push_profile', user, userName)
}

/** Graph's whole-second form of an Okta-style ISO time */
export const graphTime = (iso: string): string => iso.replace(/\.\d{3}Z$/, 'Z')

export function relink(template: OktaRecord, id: string): string {
  const href = (
    (template['_links'] as OktaRecord | undefined)?.['self'] as OktaRecord | undefined
  )?.['href']
  return typeof href === 'string' ? href.replace(/[^/]+$/, id) : id
}

export function addUser(b: Batch, m: Extract<ScenarioMutation, { kind: 'addUser' }>): void {
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
  const oktaUser: OktaRecord = {
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
  }
  sink.okta.add('users', oktaUser)
  changes.push({ source: 'okta', collection: 'users', id: oid, op: 'add' })
  b.members.join(['All Staff', `SG-${m.department ?? entraTemplate.department ?? ''}`], id, oid)
  logUser(b, 'user.lifecycle.create', oktaUser)
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
    logO365(b, 'application.user_membership.add', oktaUser, upn)
  }
}
