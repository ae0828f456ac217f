/**
 * Lookups shared by every rule of one diagnosis, built once per snapshot. Keys are
 * lower-cased and trimmed (Entra and Okta compare UPNs, logins and mail
 * case-insensitively). Maps hold arrays because duplicates are exactly what some
 * rules look for. Each lookup is built on first use, so a rule selection that needs
 * no user index never pays for one.
 */
import { type Snapshot, emptySnapshot } from '../model'
import { type Rec, norm, recs, str, text } from '../util/access'
import { type KeyIndex, MultiIndex } from './multi-index'
import { ADDRESS, AddressBook, type AddressEntry } from './address-book'
import {
  type EntraLookups,
  type OktaLookups,
  buildEntraLookups,
  buildOktaLookups,
} from './user-lookups'
import { HashedIndex, PROXY_ADDRESSES } from './hashed-index'
import { keepShape } from '../util/shapes'

function isDeprovisioned(user: Rec): boolean {
  const status = user['status']
  if (status === 'DEPROVISIONED') return true
  // any other spelling of it has its length: the rest need no upper-cased copy
  return (
    typeof status === 'string' && status.length === 13 && status.toUpperCase() === 'DEPROVISIONED'
  )
}

/** Okta users split into those not deprovisioned and those deprovisioned (no copy when none are). */
function splitDeprovisioned(users: Rec[]): [Rec[], Rec[]] {
  if (!users.some(isDeprovisioned)) return [users, []]
  const live: Rec[] = []
  const gone: Rec[] = []
  for (const u of users) (isDeprovisioned(u) ? gone : live).push(u)
  return [live, gone]
}

function mergeById(a: Rec[], b: Rec[]): Rec[] {
  if (a.length === 0) return b
  const seen = new Set(b.map((r) => r['id']))
  return [...b, ...a.filter((r) => !seen.has(r['id']))]
}

/** Records by id. */
export interface RecordLookup {
  get(id: string): Rec | undefined
}

/** Built once per diagnosis; see the file header. */
export class SnapshotIndex {
  /** Entra users (the live directory; deleted ones are in `entraDeleted`) */
  readonly entraUsers: Rec[]
  /** users in Entra's recycle bin (`entra.deletedUsers`) */
  readonly entraDeleted: Rec[]
  /** Okta users that are not DEPROVISIONED, wherever the snapshot lists them */
  readonly oktaUsers: Rec[]
  /** DEPROVISIONED Okta users: `okta.deprovisionedUsers`, and any `okta.users` entry in that status */
  readonly oktaDeprovisioned: Rec[]
  readonly applications: Rec[]
  readonly servicePrincipals: Rec[]
  readonly oktaApps: Rec[]
  readonly idps: Rec[]
  private readonly memo = new Map<string, unknown>()

  constructor(readonly snapshot: Snapshot) {
    this.entraUsers = snapshot.entra?.users ?? []
    this.entraDeleted = snapshot.entra?.deletedUsers ?? []
    const [live, gone] = splitDeprovisioned(snapshot.okta?.users ?? [])
    this.oktaUsers = live
    this.oktaDeprovisioned = mergeById(gone, snapshot.okta?.deprovisionedUsers ?? [])
    this.applications = snapshot.entra?.applications ?? []
    this.servicePrincipals = snapshot.entra?.servicePrincipals ?? []
    this.oktaApps = snapshot.okta?.apps ?? []
    this.idps = snapshot.okta?.idps ?? []
  }

  /** Memoises a derived lookup for the rest of this diagnosis (shared helpers use it too). */
  cached<T>(key: string, build: () => T): T {
    return this.once(key, build)
  }

  private once<T>(key: string, build: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T
    const value = build()
    this.memo.set(key, value)
    return value
  }

  /**
   * The Entra user lookups, built in one pass: by lower-cased userPrincipalName, by
   * mail and by onPremisesImmutableId.
   */
  private get entraLookups(): EntraLookups {
    return (
      (this.memo.get('entraLookups') as EntraLookups | undefined) ??
      this.once('entraLookups', () => buildEntraLookups(this.entraUsers, this.addresses))
    )
  }

  /**
   * One entry per address-like value of both sides (see address-book.ts). An attribute's
   * holders are complete once its side's lookups are built; read them through the
   * `entraBy…` and `oktaBy…` indexes, which build them first.
   */
  get addresses(): AddressBook {
    return this.once('addresses', () => new AddressBook())
  }

  /** The address entry of each Entra user's UPN and mail, by position. */
  get entraAddressEntries(): {
    upn: readonly (AddressEntry | undefined)[]
    mail: readonly (AddressEntry | undefined)[]
  } {
    const { upnEntries, mailEntries } = this.entraLookups
    return { upn: upnEntries, mail: mailEntries }
  }

  /** The lower-cased UPN of each Entra user, by position (as `entraByUpn` keys it). */
  get entraUpnKeys(): readonly (string | undefined)[] {
    return this.entraLookups.upnKeys
  }

  /** The lower-cased mail of each Entra user, by position (as `entraByMail` keys it). */
  get entraMailKeys(): readonly (string | undefined)[] {
    return this.entraLookups.mailKeys
  }

  /**
   * Per Entra user (by position): bit 1 set when another user holds the same UPN, 2 the
   * same mail, 4 the same immutable ID (all compared lower-cased).
   */
  get entraSharedKeys(): Uint8Array {
    return this.entraLookups.sharedKeys
  }

  /** Entra users by lower-cased userPrincipalName. */
  get entraByUpn(): KeyIndex {
    void this.entraLookups
    return this.addresses.view(ADDRESS.upn)
  }

  /**
   * The UPN clashes across the cloud value and the AD value in
   * onPremisesUserPrincipalName (Entra renames a duplicate to *.onmicrosoft.com, so only
   * the AD value shows the clash). Holds only keys that two users could share: every
   * duplicated cloud UPN, and every AD UPN that differs from its user's cloud UPN.
   */
  get entraByAnyUpn(): MultiIndex {
    return (
      (this.memo.get('entraByAnyUpn') as MultiIndex | undefined) ??
      this.once('entraByAnyUpn', () => {
        const byUpn = this.entraByUpn
        const m = new MultiIndex()
        for (const [key, users] of byUpn.duplicates()) for (const u of users) m.add(key, u)
        const upnKeys = this.entraUpnKeys
        for (let i = 0; i < this.entraUsers.length; i++) {
          const u = this.entraUsers[i] as Rec
          const onPrem = u['onPremisesUserPrincipalName']
          // most AD UPNs are the cloud UPN as it is: no need to lower-case them
          if (typeof onPrem !== 'string' || onPrem === u['userPrincipalName']) continue
          const key = norm(onPrem)
          if (key === undefined || key === upnKeys[i]) continue
          for (const other of byUpn.get(key) ?? []) m.add(key, other)
          m.add(key, u)
        }
        return m
      })
    )
  }

  /** Entra users by lower-cased mail. */
  get entraByMail(): KeyIndex {
    void this.entraLookups
    return this.addresses.view(ADDRESS.mail)
  }

  /** Entra users by lower-cased onPremisesImmutableId. */
  get entraByImmutableId(): KeyIndex {
    return this.entraLookups.byImmutableId
  }

  /** Entra users by lower-cased SMTP proxy address. */
  get entraByProxy(): KeyIndex {
    return this.once('entraByProxy', () => new HashedIndex(this.entraUsers, PROXY_ADDRESSES))
  }

  /** Entra users by object id (built on first use: few rules need it). */
  get entraById(): Map<string, Rec> {
    return (
      (this.memo.get('entraById') as Map<string, Rec> | undefined) ??
      this.once('entraById', () => {
        const map = new Map<string, Rec>()
        for (const u of this.entraUsers) {
          const id = u['id']
          if (typeof id === 'string') map.set(id, u)
        }
        return map
      })
    )
  }

  /** The Okta user lookups, built in one pass: by id, lower-cased login and email. */
  private get oktaLookups(): OktaLookups {
    return (
      (this.memo.get('oktaLookups') as OktaLookups | undefined) ??
      this.once('oktaLookups', () => buildOktaLookups(this.oktaUsers, this.addresses))
    )
  }

  /** The lower-cased login of each live Okta user and its address entry, by position. */
  get oktaLoginEntries(): {
    keys: readonly (string | undefined)[]
    entries: readonly (AddressEntry | undefined)[]
  } {
    const { loginKeys, loginEntries } = this.oktaLookups
    return { keys: loginKeys, entries: loginEntries }
  }

  /** Live Okta users by id. */
  get oktaById(): RecordLookup {
    return this.once('oktaById', () => {
      const rows = this.oktaLookups.rowById
      const users = this.oktaUsers
      return {
        get(id: string): Rec | undefined {
          const row = rows.get(id)
          return row === undefined ? undefined : users[row]
        },
      }
    })
  }

  /** Each live Okta user's join row (its position in `oktaUsers`), by id. */
  get oktaRowById(): ReadonlyMap<string, number> {
    return this.oktaLookups.rowById
  }

  /**
   * The row of each Okta user in the join's order: the live users (`oktaUsers`
   * positions), then the deactivated ones (`oktaDeprovisioned`, after them).
   */
  get oktaRows(): ReadonlyMap<Rec, number> {
    return (
      (this.memo.get('oktaRows') as Map<Rec, number> | undefined) ??
      this.once('oktaRows', () => {
        const rows = new Map<Rec, number>()
        const live = this.oktaUsers
        for (let j = 0; j < live.length; j++) rows.set(live[j] as Rec, j)
        const gone = this.oktaDeprovisioned
        for (let j = 0; j < gone.length; j++) rows.set(gone[j] as Rec, live.length + j)
        return rows
      })
    )
  }

  /** Okta users by lower-cased `profile.login`. */
  get oktaByLogin(): KeyIndex {
    void this.oktaLookups
    return this.addresses.view(ADDRESS.login)
  }

  /** Okta users by lower-cased `profile.email`. */
  get oktaByEmail(): KeyIndex {
    void this.oktaLookups
    return this.addresses.view(ADDRESS.email)
  }

  /** Okta users by a lower-cased custom profile attribute (for CUSTOM_ATTRIBUTE matching). */
  oktaByProfile(attribute: string): MultiIndex {
    const key = `oktaByProfile:${attribute}`
    return (
      (this.memo.get(key) as MultiIndex | undefined) ??
      this.once(key, () => {
        const map = new MultiIndex()
        for (const u of this.oktaUsers) map.add(norm(str(u, 'profile', attribute)), u)
        return map
      })
    )
  }

  /** Entra applications by lower-cased appId (the client id). */
  get applicationsByAppId(): Map<string, Rec> {
    return (
      (this.memo.get('applicationsByAppId') as Map<string, Rec> | undefined) ??
      this.once('applicationsByAppId', () => {
        const map = new Map<string, Rec>()
        for (const a of this.applications) {
          const appId = norm(str(a, 'appId'))
          if (appId) map.set(appId, a)
        }
        return map
      })
    )
  }

  /** Entra service principals by lower-cased appId. */
  get servicePrincipalsByAppId(): Map<string, Rec> {
    return (
      (this.memo.get('servicePrincipalsByAppId') as Map<string, Rec> | undefined) ??
      this.once('servicePrincipalsByAppId', () => {
        const map = new Map<string, Rec>()
        for (const sp of this.servicePrincipals) {
          const appId = norm(str(sp, 'appId'))
          if (appId) map.set(appId, sp)
        }
        return map
      })
    )
  }

  /** Entra service principals by object id. */
  get servicePrincipalsById(): Map<string, Rec> {
    return (
      (this.memo.get('servicePrincipalsById') as Map<string, Rec> | undefined) ??
      this.once('servicePrincipalsById', () => {
        const map = new Map<string, Rec>()
        for (const sp of this.servicePrincipals) {
          const id = str(sp, 'id')
          if (id) map.set(id, sp)
        }
        return map
      })
    )
  }

  /** Okta apps by id. */
  get oktaAppsById(): Map<string, Rec> {
    return (
      (this.memo.get('oktaAppsById') as Map<string, Rec> | undefined) ??
      this.once('oktaAppsById', () => {
        const map = new Map<string, Rec>()
        for (const a of this.oktaApps) {
          const id = str(a, 'id')
          if (id) map.set(id, a)
        }
        return map
      })
    )
  }

  /** Entra domains by lower-cased id (the domain name). */
  get domainsById(): Map<string, Rec> {
    return (
      (this.memo.get('domainsById') as Map<string, Rec> | undefined) ??
      this.once('domainsById', () => {
        const map = new Map<string, Rec>()
        for (const d of this.snapshot.entra?.domains ?? []) {
          const id = norm(str(d, 'id'))
          if (id) map.set(id, d)
        }
        // organization.verifiedDomains also lists verified names (when /domains was not collected)
        for (const org of this.snapshot.entra?.organization ?? []) {
          for (const vd of recs(org, 'verifiedDomains')) {
            const name = norm(str(vd, 'name'))
            if (name && !map.has(name)) {
              map.set(name, { id: name, isVerified: true, authenticationType: str(vd, 'type') })
            }
          }
        }
        return map
      })
    )
  }

  /** True when Entra knows `domain` as a verified domain (subdomains of a verified root count). */
  isVerifiedDomain(domain: string | undefined): boolean {
    if (!domain) return false
    let candidate: string | undefined = domain.toLowerCase()
    while (candidate) {
      const d = this.domainsById.get(candidate)
      if (d && d['isVerified'] === true) return true
      const dot: number = candidate.indexOf('.')
      candidate = dot < 0 ? undefined : candidate.slice(dot + 1)
      if (candidate && !candidate.includes('.')) break
    }
    return false
  }

  /** `federated` when the domain (or its verified root) is federated, else `managed` or `unknown`. */
  domainAuthentication(domain: string | undefined): 'federated' | 'managed' | 'unknown' {
    if (!domain) return 'unknown'
    let candidate: string | undefined = domain.toLowerCase()
    while (candidate) {
      const d = this.domainsById.get(candidate)
      if (d) return norm(text(d, 'authenticationType')) === 'federated' ? 'federated' : 'managed'
      const dot: number = candidate.indexOf('.')
      candidate = dot < 0 ? undefined : candidate.slice(dot + 1)
      if (candidate && !candidate.includes('.')) break
    }
    return 'unknown'
  }
}

keepShape(new SnapshotIndex(emptySnapshot()))
