/**
 * The one join of people across the seam, built once per snapshot and shared by the
 * rules and the comparison screens. Keys, strongest first, each counted only where its
 * value is unique on both sides:
 *
 * 1. `immutableId` — the Okta Office 365 app user's `profile.immutableId` = Entra
 *    `onPremisesImmutableId` (how Entra finds the person Okta's WS-Fed token names);
 * 2. `office365UserName` — the Office 365 app user's `credentials.userName` = UPN;
 * 3. `idp` — every ACTIVE Microsoft IdP's own subject rule replayed (how Okta finds
 *    the person Entra's token names);
 * 4. `login` — Okta login = UPN, a labelled fallback;
 * 5. `email` — Okta email = mail, the weakest fallback.
 *
 * A row is `matched` (one counterpart, with every key that links it), `conflicting` (two
 * keys point at different people), `ambiguous` (a key finds several candidates, in either
 * direction, and nothing stronger decides) or one-sided. Live accounts are joined first;
 * leftovers are then looked up among Entra's deleted users and Okta's deactivated users,
 * so a leaver's other half is found even when one side already removed it.
 *
 * Rows are kept in typed arrays (100k people a side cost a few MiB); records are looked
 * up only for the rows a rule reports.
 */
import { type Rec, isRec, norm, str } from '../util/access'
import { type MatchCell, idpsByPolicy, isFederationCandidate, matchTable } from './match'
import { appAssignments } from './app-users'
import { seamIdps, office365Apps } from './seam'
import { type KeyIndex, MultiIndex } from './multi-index'
import { ADDRESS, type AddressEntry } from './address-book'
import type { SnapshotIndex } from './snapshot-index'
import { keepShape } from '../util/shapes'

import { AMBIGUOUS, BIT, CONFLICTING, JOIN_KEYS, NONE, type PeopleJoin } from './join-model'

export * from './join-model'

export interface OfficeKeys {
  byImmutableId: MultiIndex
  /** Office 365 app users' Okta users by lower-cased username (entries of the address book) */
  byUserName: KeyIndex
}

/** Office 365 app users' Okta users, by immutableId (exact) and lower-cased username (cached). */
export function officeKeys(index: SnapshotIndex): OfficeKeys {
  return index.cached('join:office', () => {
    const byImmutableId = new MultiIndex()
    const book = index.addresses
    const logins = index.oktaLoginEntries
    const live = index.oktaUsers.length
    for (const app of office365Apps(index)) {
      const { list, okta, row } = appAssignments(index, str(app, 'id') ?? '')
      for (let k = 0; k < list.length; k++) {
        const user = okta[k]
        if (!user) continue
        const au = list[k] as Rec
        const profile = au['profile']
        const immutable = isRec(profile) ? profile['immutableId'] : undefined
        if (typeof immutable === 'string' && immutable.trim())
          byImmutableId.add(immutable.trim(), user)
        const credentials = au['credentials']
        const rawName = isRec(credentials) ? credentials['userName'] : undefined
        const j = row[k] as number
        // most usernames are the login as it is: its key and entry serve
        if (j >= 0 && j < live && rawName === str(user, 'profile', 'login')) {
          const key = logins.keys[j]
          if (key !== undefined)
            book.add(logins.entries[j] as AddressEntry, key, ADDRESS.officeUserName, user)
          continue
        }
        const key = norm(rawName)
        if (key !== undefined) book.add(book.entry(key), key, ADDRESS.officeUserName, user)
      }
    }
    return { byImmutableId, byUserName: book.view(ADDRESS.officeUserName) }
  })
}

/** The match tables of the active Microsoft IdPs, one per distinct subject rule. */
function idpTables(index: SnapshotIndex): MatchCell[][] {
  const tables: MatchCell[][] = []
  for (const { policy } of idpsByPolicy(seamIdps(index))) {
    const table = matchTable(policy, index)
    if (table) tables.push(table)
  }
  return tables
}

/** Tracks the candidates one row's keys offer (records; rows are looked up once, at the end). */
class Offer {
  rec: Rec | undefined
  bits = 0
  conflict = false
  ambiguous = false
  /** keys that found several candidates, and keys that named a second person */
  manyBits = 0
  otherBits = 0
  /** the first unique candidate of an identity key (not an IdP rule), strongest first */
  person: Rec | undefined
  personAmbiguous = false

  reset(): void {
    this.rec = undefined
    this.bits = 0
    this.conflict = false
    this.ambiguous = false
    this.manyBits = 0
    this.otherBits = 0
    this.person = undefined
    this.personAmbiguous = false
  }

  add(bit: number, rec: Rec): void {
    if (bit !== BIT.idp && this.person === undefined) this.person = rec
    if (this.rec === undefined) {
      this.rec = rec
      this.bits = bit
    } else if (this.rec === rec) this.bits |= bit
    else {
      this.conflict = true
      this.otherBits |= bit
    }
  }

  many(bit: number): void {
    this.ambiguous = true
    this.manyBits |= bit
    if (bit !== BIT.idp && this.person === undefined) this.personAmbiguous = true
  }
}
keepShape(new Offer())

/** The join of the snapshot behind `index` (built once, then cached). */
export function peopleJoin(index: SnapshotIndex): PeopleJoin {
  return index.cached('join', () => buildJoin(index))
}

function buildJoin(index: SnapshotIndex): PeopleJoin {
  const entra = index.entraDeleted.length
    ? [...index.entraUsers, ...index.entraDeleted]
    : index.entraUsers
  const okta = index.oktaDeprovisioned.length
    ? [...index.oktaUsers, ...index.oktaDeprovisioned]
    : index.oktaUsers
  const oktaRow = index.oktaRows
  const rowOf = (rec: Rec | undefined): number => (rec ? (oktaRow.get(rec) ?? NONE) : NONE)
  const oktaOf = new Int32Array(entra.length).fill(NONE)
  const entraOf = new Int32Array(okta.length).fill(NONE)
  const keys = new Uint8Array(entra.length)
  const personOf = new Int32Array(index.entraUsers.length).fill(NONE)
  const claimBits = new Uint8Array(okta.length)
  const entraDoubt = new Uint8Array(entra.length)
  const oktaDoubt = new Uint8Array(okta.length)

  const live = index.entraUsers.length
  const office = officeKeys(index)
  const tables = idpTables(index)
  const offer = new Offer()
  const shared = index.entraSharedKeys
  // the Okta side's addresses and the Office 365 usernames are in the entries already held
  void index.oktaByLogin
  const entries = index.entraAddressEntries

  for (let i = 0; i < live; i++) {
    const u = entra[i] as Rec
    offer.reset()
    const immutableRaw = u['onPremisesImmutableId']
    if (typeof immutableRaw === 'string' && immutableRaw.length > 0) {
      const immutable = immutableRaw.trim()
      const found = immutable ? office.byImmutableId.peek(immutable) : undefined
      if (found !== undefined) {
        if (Array.isArray(found) || (shared[i] as number) & 4) offer.many(BIT.immutableId)
        else offer.add(BIT.immutableId, found as Rec)
      }
    }
    const upnEntry = entries.upn[i]
    if (upnEntry !== undefined) {
      const byName = upnEntry[ADDRESS.officeUserName]
      const byLogin = upnEntry[ADDRESS.login]
      if (byName !== undefined || byLogin !== undefined) {
        const unique = ((shared[i] as number) & 1) === 0
        if (byName !== undefined) {
          if (!unique || Array.isArray(byName)) offer.many(BIT.office365UserName)
          else offer.add(BIT.office365UserName, byName as Rec)
        }
        if (byLogin !== undefined) {
          if (!unique || Array.isArray(byLogin)) offer.many(BIT.login)
          else offer.add(BIT.login, byLogin as Rec)
        }
      }
    }
    for (let t = 0; t < tables.length; t++) {
      const cell = (tables[t] as MatchCell[])[i]
      if (cell === undefined || cell === null) continue
      if (Array.isArray(cell)) offer.many(BIT.idp)
      else offer.add(BIT.idp, cell as Rec)
    }
    const mailEntry = entries.mail[i]
    if (mailEntry !== undefined) {
      const byEmail = mailEntry[ADDRESS.email]
      if (byEmail !== undefined) {
        if (Array.isArray(byEmail) || (shared[i] as number) & 2) offer.many(BIT.email)
        else offer.add(BIT.email, byEmail as Rec)
      }
    }
    personOf[i] =
      offer.person !== undefined ? rowOf(offer.person) : offer.personAmbiguous ? AMBIGUOUS : NONE
    if (offer.conflict) {
      oktaOf[i] = CONFLICTING
      entraDoubt[i] = offer.bits | offer.otherBits
    } else if (offer.rec !== undefined) {
      oktaOf[i] = offer.person === offer.rec ? (personOf[i] as number) : rowOf(offer.rec)
      keys[i] = offer.bits
      entraDoubt[i] = offer.manyBits
    } else if (offer.ambiguous) {
      oktaOf[i] = AMBIGUOUS
      entraDoubt[i] = offer.manyBits
    }
  }

  settleClaims(oktaOf, entraOf, keys, claimBits, live, entraDoubt, oktaDoubt)
  joinLeftovers(index, entra, okta, oktaRow, oktaOf, entraOf, keys)
  return {
    entra,
    entraDeletedFrom: live,
    okta,
    oktaDeprovisionedFrom: index.oktaUsers.length,
    oktaOf,
    entraOf,
    keys,
    oktaRow,
    personOf,
    entraDoubt,
    oktaDoubt,
  }
}

/** The strongest key of a bit set as a rank (lower is stronger). */
function strength(bits: number): number {
  for (let k = 0; k < JOIN_KEYS.length; k++) if (bits & (1 << k)) return k
  return JOIN_KEYS.length
}

/**
 * Gives each Okta row to the Entra row whose link is strongest; a tie leaves the Okta row
 * ambiguous, and every Entra row that loses its only candidate becomes ambiguous too.
 */
function settleClaims(
  oktaOf: Int32Array,
  entraOf: Int32Array,
  keys: Uint8Array,
  claimBits: Uint8Array,
  live: number,
  entraDoubt: Uint8Array,
  oktaDoubt: Uint8Array,
): void {
  const tie = new Uint8Array(entraOf.length)
  for (let i = 0; i < live; i++) {
    const j = oktaOf[i] as number
    if (j < 0) continue
    const holder = entraOf[j] as number
    if (holder === NONE) {
      entraOf[j] = i
      claimBits[j] = keys[i] as number
      continue
    }
    const mine = strength(keys[i] as number)
    const theirs = strength(claimBits[j] as number)
    if (mine < theirs) {
      entraOf[j] = i
      claimBits[j] = keys[i] as number
      tie[j] = 0
    } else if (mine === theirs) tie[j] = 1
  }
  for (let i = 0; i < live; i++) {
    const j = oktaOf[i] as number
    if (j < 0) continue
    if (tie[j] || entraOf[j] !== i) {
      oktaOf[i] = AMBIGUOUS
      entraDoubt[i] = (entraDoubt[i] as number) | (keys[i] as number)
      keys[i] = 0
    }
  }
  for (let j = 0; j < entraOf.length; j++) {
    if (!tie[j]) continue
    entraOf[j] = AMBIGUOUS
    oktaDoubt[j] = claimBits[j] as number
  }
}

/** A deleted Entra user's UPN carries its object id (without hyphens) in front; this removes it. */
export function undeletedUpn(user: Rec): string | undefined {
  const upn = norm(user['userPrincipalName'])
  const id = str(user, 'id')?.replace(/-/g, '').toLowerCase()
  if (upn && id && upn.startsWith(id)) return upn.slice(id.length)
  return upn
}

/**
 * Looks the accounts left unmatched up on the other side's removed accounts: a live Entra
 * user among Okta's deactivated users (login = UPN, email = mail), a live Okta user among
 * Entra's deleted users (immutable ID, UPN, mail). Removed accounts are not joined to each other.
 */
function joinLeftovers(
  index: SnapshotIndex,
  entra: readonly Rec[],
  okta: readonly Rec[],
  oktaRow: ReadonlyMap<Rec, number>,
  oktaOf: Int32Array,
  entraOf: Int32Array,
  keys: Uint8Array,
): void {
  const live = index.entraUsers.length
  const liveOkta = index.oktaUsers.length
  if (index.oktaDeprovisioned.length) {
    const byLogin = new MultiIndex()
    const byEmail = new MultiIndex()
    for (const o of index.oktaDeprovisioned) {
      byLogin.add(norm(str(o, 'profile', 'login')), o)
      byEmail.add(norm(str(o, 'profile', 'email')), o)
    }
    for (let i = 0; i < live; i++) {
      if (oktaOf[i] !== NONE) continue
      const u = entra[i] as Rec
      const upn = norm(u['userPrincipalName'])
      const mail = norm(u['mail'])
      const byUpn = upn ? byLogin.one(upn) : undefined
      const found = byUpn ?? (mail ? byEmail.one(mail) : undefined)
      const j = found ? (oktaRow.get(found) ?? NONE) : NONE
      if (j < 0 || entraOf[j] !== NONE) continue
      oktaOf[i] = j
      entraOf[j] = i
      keys[i] = byUpn ? BIT.login : BIT.email
    }
  }
  if (index.entraDeleted.length) {
    const immutableIdOf = new Map<Rec, string>()
    for (const [value, users] of officeKeys(index).byImmutableId.entries())
      for (const o of users) immutableIdOf.set(o, value)
    const byImmutable = new MultiIndex()
    const byUpn = new MultiIndex()
    const byMail = new MultiIndex()
    const rowOf = new Map<Rec, number>()
    for (let i = live; i < entra.length; i++) {
      const u = entra[i] as Rec
      rowOf.set(u, i)
      const immutable = u['onPremisesImmutableId']
      if (typeof immutable === 'string' && immutable.trim()) byImmutable.add(immutable.trim(), u)
      byUpn.add(undeletedUpn(u), u)
      byMail.add(norm(u['mail']), u)
    }
    for (let j = 0; j < liveOkta; j++) {
      if (entraOf[j] !== NONE) continue
      const o = okta[j] as Rec
      const immutable = immutableIdOf.get(o)
      let bit: number = BIT.immutableId
      let found = immutable ? byImmutable.one(immutable) : undefined
      if (!found) {
        bit = BIT.login
        found = byUpn.one(norm(str(o, 'profile', 'login')))
      }
      if (!found) {
        bit = BIT.email
        found = byMail.one(norm(str(o, 'profile', 'email')))
      }
      const i = found ? (rowOf.get(found) ?? NONE) : NONE
      if (i < 0 || oktaOf[i] !== NONE) continue
      oktaOf[i] = j
      entraOf[j] = i
      keys[i] = bit
    }
  }
}

/** True for Entra users an Okta IdP is meant to sign in (re-exported for rules). */
export { isFederationCandidate }
