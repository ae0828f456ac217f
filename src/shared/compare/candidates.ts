/**
 * Why one row of the people join ended as it did: for each key, the value it compared and
 * the accounts it found on the other side. The join (join.ts) keeps only row numbers and
 * key bits for 100k people; this replays its lookups for the one row a consultant opens,
 * so "ambiguous" and "conflicting" come with the candidates behind them.
 */
import { type Rec, isRec, norm, str } from '../util/access'
import { JOIN_KEYS, type JoinKey, type PeopleJoin, officeKeys, peopleJoin } from './join'
import { cellUsers, idpsByPolicy, isFederationCandidate, matchTable, matchUser } from './match'
import { office365Apps, seamIdps } from './seam'
import { appAssignments } from './app-users'
import type { SnapshotIndex } from './snapshot-index'

/** What one key found for one row. */
export interface KeyCandidates {
  key: JoinKey
  /** the value the key compared, as this side holds it */
  value: string | undefined
  /** rows on the other side (in `join.okta` for an Entra row, `join.entra` for an Okta row) */
  rows: number[]
  /** for the IdP key: the IdP whose rule this is */
  idp?: string
  /** how many accounts on this row's own side hold the same value (above 1: the key cannot decide) */
  sharedOnOwnSide: number
}

function rowsOf(join: PeopleJoin, records: readonly Rec[] | undefined, okta: boolean): number[] {
  if (!records) return []
  const out: number[] = []
  for (const r of records) {
    const row = okta ? join.oktaRow.get(r) : join.entra.indexOf(r)
    if (row !== undefined && row >= 0) out.push(row)
  }
  return out
}

/** A list of what each key found, the accounts found being rows of `other` side's join. */
function collector(join: PeopleJoin, other: 'entra' | 'okta') {
  const out: KeyCandidates[] = []
  const push = (
    key: JoinKey,
    value: string | undefined,
    found: readonly Rec[] | undefined,
    shared: number,
    idp?: string,
  ): void => {
    if (!found || found.length === 0) return
    out.push({
      key,
      value,
      rows: rowsOf(join, found, other === 'okta'),
      sharedOnOwnSide: shared,
      ...(idp ? { idp } : {}),
    })
  }
  return { out, push }
}

function immutableOf(index: SnapshotIndex, okta: Rec): string | undefined {
  for (const [value, users] of officeKeys(index).byImmutableId.entries())
    if (users.includes(okta)) return value
  return undefined
}

/** The username of the Okta user's first Office 365 assignment (apps and app users in order), lower-cased. */
function officeUserNameOf(index: SnapshotIndex, okta: Rec): string | undefined {
  for (const app of office365Apps(index)) {
    const assignments = appAssignments(index, str(app, 'id') ?? '')
    for (let k = 0; k < assignments.list.length; k++) {
      if (assignments.okta[k] !== okta) continue
      const userName = norm(str(assignments.list[k], 'credentials', 'userName'))
      if (userName !== undefined) return userName
    }
  }
  return undefined
}

/** The candidates each key finds for a live Entra row (keys that found nothing are left out). */
export function entraRowCandidates(index: SnapshotIndex, entraRow: number): KeyCandidates[] {
  const join = peopleJoin(index)
  if (entraRow < 0 || entraRow >= join.entraDeletedFrom) return []
  const u = join.entra[entraRow] as Rec
  const office = officeKeys(index)
  const upn = norm(u['userPrincipalName'])
  const mail = norm(u['mail'])
  const immutableRaw = u['onPremisesImmutableId']
  const immutable = typeof immutableRaw === 'string' ? immutableRaw.trim() : ''
  const { out, push } = collector(join, 'okta')
  if (immutable)
    push(
      'immutableId',
      immutable,
      office.byImmutableId.get(immutable),
      index.entraByImmutableId.count(immutable.toLowerCase()),
    )
  if (upn) {
    const sharedUpn = index.entraByUpn.count(upn)
    push('office365UserName', upn, office.byUserName.get(upn), sharedUpn)
    push('login', upn, index.oktaByLogin.get(upn), sharedUpn)
  }
  if (isFederationCandidate(u)) {
    for (const { policy, idps } of idpsByPolicy(seamIdps(index))) {
      const result = matchUser(policy, u, index)
      push('idp', result?.username, result?.candidates, 1, idps.map((m) => m.name).join(', '))
    }
  }
  if (mail) push('email', mail, index.oktaByEmail.get(mail), index.entraByMail.count(mail))
  return sortByKey(out)
}

/** The candidates each key finds for an Okta row among live Entra users. */
export function oktaRowCandidates(index: SnapshotIndex, oktaRow: number): KeyCandidates[] {
  const join = peopleJoin(index)
  const okta = join.okta[oktaRow]
  if (!okta) return []
  const { out, push } = collector(join, 'entra')
  const profile = okta['profile']
  const login = norm(isRec(profile) ? profile['login'] : undefined)
  const email = norm(isRec(profile) ? profile['email'] : undefined)
  const immutable = immutableOf(index, okta)
  if (immutable) {
    const found = index.entraByImmutableId
      .get(immutable.toLowerCase())
      ?.filter((u) => str(u, 'onPremisesImmutableId')?.trim() === immutable)
    push('immutableId', immutable, found, officeKeys(index).byImmutableId.count(immutable))
  }
  const userName = officeUserNameOf(index, okta)
  if (userName)
    push(
      'office365UserName',
      userName,
      index.entraByUpn.get(userName),
      officeKeys(index).byUserName.count(userName),
    )
  const idpFound: Rec[] = []
  for (const { policy } of idpsByPolicy(seamIdps(index))) {
    const table = matchTable(policy, index)
    if (!table) continue
    for (let i = 0; i < table.length; i++)
      if (cellUsers(table[i]).includes(okta)) idpFound.push(index.entraUsers[i] as Rec)
  }
  push('idp', undefined, [...new Set(idpFound)], 1)
  if (login) push('login', login, index.entraByUpn.get(login), index.oktaByLogin.count(login))
  if (email) push('email', email, index.entraByMail.get(email), index.oktaByEmail.count(email))
  return sortByKey(out)
}

function sortByKey(list: KeyCandidates[]): KeyCandidates[] {
  return list.sort((a, b) => JOIN_KEYS.indexOf(a.key) - JOIN_KEYS.indexOf(b.key))
}
