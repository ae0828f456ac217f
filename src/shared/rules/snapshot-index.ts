/**
 * Lookups shared by every rule of one diagnosis, built once per snapshot. Keys are
 * lower-cased and trimmed (Entra and Okta compare UPNs, logins and mail
 * case-insensitively). Maps hold arrays because duplicates are exactly what some
 * rules look for. Each lookup is built on first use, so a rule selection that needs
 * no user index never pays for one.
 */
import type { Snapshot } from '../model'
import { type Rec, norm, recs, str, strs, text } from '../util/access'

/** Appends `value` to the list under `key` (skipping blank keys). */
function push<V>(map: Map<string, V[]>, key: string | undefined, value: V): void {
  if (key === undefined) return
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** The address part of a proxy address (`SMTP:a@b` → `a@b`), lower-cased; only SMTP values. */
export function smtpAddress(proxy: string): string | undefined {
  const colon = proxy.indexOf(':')
  if (colon < 0) return norm(proxy)
  return proxy.slice(0, colon).toLowerCase() === 'smtp' ? norm(proxy.slice(colon + 1)) : undefined
}

/** Built once per diagnosis; see the file header. */
export class SnapshotIndex {
  readonly entraUsers: Rec[]
  readonly oktaUsers: Rec[]
  readonly applications: Rec[]
  readonly servicePrincipals: Rec[]
  readonly oktaApps: Rec[]
  readonly idps: Rec[]
  private readonly memo = new Map<string, unknown>()

  constructor(readonly snapshot: Snapshot) {
    this.entraUsers = snapshot.entra?.users ?? []
    this.oktaUsers = snapshot.okta?.users ?? []
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

  /** Entra users by lower-cased userPrincipalName. */
  get entraByUpn(): Map<string, Rec[]> {
    return this.once('entraByUpn', () => {
      const map = new Map<string, Rec[]>()
      for (const u of this.entraUsers) push(map, norm(str(u, 'userPrincipalName')), u)
      return map
    })
  }

  /**
   * Entra users by every lower-cased UPN they hold: the cloud userPrincipalName and the
   * AD value in onPremisesUserPrincipalName (Entra renames a duplicate to
   * *.onmicrosoft.com, so only the AD value shows the clash). Each user once per key.
   */
  get entraByAnyUpn(): Map<string, Rec[]> {
    return this.once('entraByAnyUpn', () => {
      const map = new Map<string, Rec[]>()
      for (const u of this.entraUsers) {
        const cloud = norm(str(u, 'userPrincipalName'))
        const onPrem = norm(str(u, 'onPremisesUserPrincipalName'))
        push(map, cloud, u)
        if (onPrem !== cloud) push(map, onPrem, u)
      }
      return map
    })
  }

  /** Entra users by lower-cased mail. */
  get entraByMail(): Map<string, Rec[]> {
    return this.once('entraByMail', () => {
      const map = new Map<string, Rec[]>()
      for (const u of this.entraUsers) push(map, norm(str(u, 'mail')), u)
      return map
    })
  }

  /** Entra users by lower-cased onPremisesImmutableId. */
  get entraByImmutableId(): Map<string, Rec[]> {
    return this.once('entraByImmutableId', () => {
      const map = new Map<string, Rec[]>()
      for (const u of this.entraUsers) push(map, norm(str(u, 'onPremisesImmutableId')), u)
      return map
    })
  }

  /** Entra users by lower-cased SMTP proxy address (each user once per address). */
  get entraByProxy(): Map<string, Rec[]> {
    return this.once('entraByProxy', () => {
      const map = new Map<string, Rec[]>()
      for (const u of this.entraUsers) {
        const seen = new Set<string>()
        for (const p of strs(u, 'proxyAddresses')) {
          const address = smtpAddress(p)
          if (address && !seen.has(address)) {
            seen.add(address)
            push(map, address, u)
          }
        }
      }
      return map
    })
  }

  /** Entra users by object id. */
  get entraById(): Map<string, Rec> {
    return this.once('entraById', () => {
      const map = new Map<string, Rec>()
      for (const u of this.entraUsers) {
        const id = str(u, 'id')
        if (id) map.set(id, u)
      }
      return map
    })
  }

  /** Okta users by id. */
  get oktaById(): Map<string, Rec> {
    return this.once('oktaById', () => {
      const map = new Map<string, Rec>()
      for (const u of this.oktaUsers) {
        const id = str(u, 'id')
        if (id) map.set(id, u)
      }
      return map
    })
  }

  /** Okta users by lower-cased `profile.login`. */
  get oktaByLogin(): Map<string, Rec[]> {
    return this.once('oktaByLogin', () => {
      const map = new Map<string, Rec[]>()
      for (const u of this.oktaUsers) push(map, norm(str(u, 'profile', 'login')), u)
      return map
    })
  }

  /** Okta users by lower-cased `profile.email`. */
  get oktaByEmail(): Map<string, Rec[]> {
    return this.once('oktaByEmail', () => {
      const map = new Map<string, Rec[]>()
      for (const u of this.oktaUsers) push(map, norm(str(u, 'profile', 'email')), u)
      return map
    })
  }

  /** Okta users by a lower-cased custom profile attribute (for CUSTOM_ATTRIBUTE matching). */
  oktaByProfile(attribute: string): Map<string, Rec[]> {
    return this.once(`oktaByProfile:${attribute}`, () => {
      const map = new Map<string, Rec[]>()
      for (const u of this.oktaUsers) push(map, norm(str(u, 'profile', attribute)), u)
      return map
    })
  }

  /** Entra applications by lower-cased appId (the client id). */
  get applicationsByAppId(): Map<string, Rec> {
    return this.once('applicationsByAppId', () => {
      const map = new Map<string, Rec>()
      for (const a of this.applications) {
        const appId = norm(str(a, 'appId'))
        if (appId) map.set(appId, a)
      }
      return map
    })
  }

  /** Entra service principals by lower-cased appId. */
  get servicePrincipalsByAppId(): Map<string, Rec> {
    return this.once('servicePrincipalsByAppId', () => {
      const map = new Map<string, Rec>()
      for (const sp of this.servicePrincipals) {
        const appId = norm(str(sp, 'appId'))
        if (appId) map.set(appId, sp)
      }
      return map
    })
  }

  /** Entra service principals by object id. */
  get servicePrincipalsById(): Map<string, Rec> {
    return this.once('servicePrincipalsById', () => {
      const map = new Map<string, Rec>()
      for (const sp of this.servicePrincipals) {
        const id = str(sp, 'id')
        if (id) map.set(id, sp)
      }
      return map
    })
  }

  /** Okta apps by id. */
  get oktaAppsById(): Map<string, Rec> {
    return this.once('oktaAppsById', () => {
      const map = new Map<string, Rec>()
      for (const a of this.oktaApps) {
        const id = str(a, 'id')
        if (id) map.set(id, a)
      }
      return map
    })
  }

  /** Entra domains by lower-cased id (the domain name). */
  get domainsById(): Map<string, Rec> {
    return this.once('domainsById', () => {
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
