/**
 * The two halves of the Entra–Okta seam as rules see them: Okta identity providers
 * that sign users in through Entra (and the app registration behind each), Okta
 * Office 365 apps (and the federated domains they serve), plus subject builders.
 * Every reader tolerates absent, null and empty properties.
 */
import {
  type RedactedSecret,
  type Severity,
  type Snapshot,
  type Subject,
  readSecret,
} from '../model'
import { type Rec, get, isGuid, norm, recs, str, strs, text } from '../util/access'
import type { SnapshotIndex } from './snapshot-index'

/** Microsoft Graph's appId (the resource of openid/email/profile). */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'

/**
 * Graph's published delegated-permission ids of the OIDC scopes and User.Read, by id: the
 * names to use when the snapshot lacks the Graph service principal's own scope list.
 */
export const GRAPH_SCOPE_NAMES: Readonly<Record<string, string>> = {
  '37f7f235-527c-4136-accd-4a02d197296e': 'openid',
  '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0': 'email',
  '14dad69e-099b-42c9-810b-d002981feec1': 'profile',
  '7427e0e9-2fba-42fe-b0c0-848c9e6a8182': 'offline_access',
  'e1fe6dd8-ba31-4d61-89e7-88639da4683d': 'User.Read',
}

const MICROSOFT_LOGIN_HOSTS = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'login.windows.net',
  'sts.windows.net',
]

/** An Okta identity provider that signs users in through Entra, joined to its app registration. */
export interface MicrosoftIdp {
  idp: Rec
  id: string
  name: string
  /** false for an INACTIVE IdP: Okta routes nobody through it, so its problems are not live */
  active: boolean
  clientId: string | undefined
  /**
   * the client secret Okta holds, in its redacted form (official examples return it; an
   * org may not): hint, GUID shape and the app credential key ID it equals
   */
  secret: RedactedSecret | undefined
  /** the Entra application whose appId is the IdP's client_id */
  application: Rec | undefined
  servicePrincipal: Rec | undefined
  /** authorize, token and issuer URLs that name an Entra authority */
  authorityUrls: string[]
  /**
   * the other tenant this IdP federates with, when its endpoints name one (by GUID, or by a
   * domain this tenant does not have) and its client ID is no app of this tenant: an Okta
   * org may trust a partner's or an acquired company's tenant, whose app registration is
   * simply not in this snapshot
   */
  foreignTenant: string | undefined
}

function endpointUrls(idp: Rec): string[] {
  const urls = [
    str(idp, 'protocol', 'endpoints', 'authorization', 'url'),
    str(idp, 'protocol', 'endpoints', 'token', 'url'),
    str(idp, 'protocol', 'issuer', 'url'),
  ]
  return urls.filter((u): u is string => !!u && u.trim().length > 0)
}

function hostOf(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(url.trim())
  return m?.[1]?.toLowerCase()
}

/** The tenant segment of an Entra authority URL (`https://host/{tenant}/oauth2/...`). */
export function authorityTenant(url: string): string | undefined {
  const m = /^[a-z]+:\/\/[^/]+\/([^/?#]+)/i.exec(url.trim())
  const segment = m?.[1]
  if (!segment || segment.toLowerCase() === 'oauth2') return undefined
  return segment.toLowerCase()
}

/**
 * True when an Okta IdP federates with Entra: type MICROSOFT, or a generic OIDC IdP
 * whose endpoints are on a Microsoft login host, name the snapshot's tenant, or whose
 * client_id is an app registration of the tenant.
 */
export function isMicrosoftIdp(idp: Rec, snapshot: Snapshot, index: SnapshotIndex): boolean {
  const type = norm(str(idp, 'type'))
  if (type === 'microsoft') return true
  if (type !== 'oidc') return false
  const tenantId = norm(snapshot.entra?.tenantId)
  for (const url of endpointUrls(idp)) {
    const host = hostOf(url)
    if (host && MICROSOFT_LOGIN_HOSTS.includes(host)) return true
    if (tenantId && url.toLowerCase().includes(tenantId)) return true
  }
  const clientId = norm(str(idp, 'protocol', 'credentials', 'client', 'client_id'))
  return clientId !== undefined && index.applicationsByAppId.has(clientId)
}

/** All Okta IdPs that federate with Entra, each joined to its app registration. */
export function microsoftIdps(snapshot: Snapshot, index: SnapshotIndex): MicrosoftIdp[] {
  const out: MicrosoftIdp[] = []
  for (const idp of index.idps) {
    if (!isMicrosoftIdp(idp, snapshot, index)) continue
    const clientId = text(idp, 'protocol', 'credentials', 'client', 'client_id')
    const key = norm(clientId)
    const application = key ? index.applicationsByAppId.get(key) : undefined
    const keyIds = recs(application, 'passwordCredentials')
      .map((c) => str(c, 'keyId'))
      .filter((k): k is string => !!k)
    const servicePrincipal = key ? index.servicePrincipalsByAppId.get(key) : undefined
    const authorityUrls = endpointUrls(idp)
    out.push({
      idp,
      id: str(idp, 'id') ?? '',
      name: text(idp, 'name') ?? str(idp, 'id') ?? 'identity provider',
      active: norm(str(idp, 'status')) !== 'inactive',
      clientId,
      secret: readSecret(get(idp, 'protocol', 'credentials', 'client', 'client_secret'), keyIds),
      application,
      servicePrincipal,
      authorityUrls,
      foreignTenant:
        application || servicePrincipal ? undefined : otherTenant(authorityUrls, snapshot, index),
    })
  }
  return out
}

/** The tenant a set of authority URLs names when it is not this one (GUID, or a domain this tenant lacks). */
function otherTenant(urls: string[], snapshot: Snapshot, index: SnapshotIndex): string | undefined {
  const own = norm(snapshot.entra?.tenantId)
  for (const url of urls) {
    const tenant = authorityTenant(url)
    if (
      !tenant ||
      ['common', 'organizations', 'consumers', '{tenant}', '{tenantid}'].includes(tenant)
    )
      continue
    if (isGuid(tenant)) {
      if (own && tenant !== own) return tenant
    } else if (
      tenant.includes('.') &&
      index.domainsById.size > 0 &&
      !index.domainsById.has(tenant)
    ) {
      return tenant
    }
  }
  return undefined
}

/**
 * The Microsoft IdPs that sign people of THIS tenant in: active, and not federating with
 * another tenant. People rules and the join use these.
 */
export function seamIdps(index: SnapshotIndex): MicrosoftIdp[] {
  return index.cached('seamIdps', () =>
    microsoftIdps(index.snapshot, index).filter((m) => m.active && !m.foreignTenant),
  )
}

/**
 * The severity of a finding about an IdP: as the rule says for an ACTIVE IdP, `info` for
 * an INACTIVE one (Okta routes nobody through it; its problems matter only if it is
 * reactivated).
 */
export function idpSeverity(m: MicrosoftIdp, severity: Severity): Severity {
  return m.active ? severity : 'info'
}

/** " (inactive)" after an INACTIVE IdP's name in titles, nothing for an active one. */
export function inactiveNote(m: MicrosoftIdp): string {
  return m.active ? '' : ' (inactive)'
}

/** The Microsoft IdPs that are ACTIVE (an IdP without a status is taken as active). */
export function activeMicrosoftIdps(index: SnapshotIndex): MicrosoftIdp[] {
  return index.cached('activeMicrosoftIdps', () =>
    microsoftIdps(index.snapshot, index).filter((m) => m.active),
  )
}

/** The redirect (callback) URI Okta sends to Entra for an IdP: its `clientRedirectUri` link, else the org default. */
export function idpRedirectUri(idp: Rec, orgUrl: string | undefined): string | undefined {
  const link = text(idp, '_links', 'clientRedirectUri', 'href')
  if (link) return link
  return orgUrl ? `${orgUrl.replace(/\/+$/, '')}/oauth2/v1/authorize/callback` : undefined
}

/** True for an Okta Microsoft Office 365 app instance. */
export function isOffice365App(app: Rec): boolean {
  const name = norm(str(app, 'name'))
  return name === 'office365' || name === 'microsoft_office_365'
}

/** Office 365 apps in the Okta org that are not deleted (ACTIVE or INACTIVE). */
export function office365Apps(index: SnapshotIndex): Rec[] {
  return index.oktaApps.filter((a) => isOffice365App(a) && norm(str(a, 'status')) !== 'deleted')
}

/** True for an app Okta serves (status ACTIVE, or no status). */
export function isActiveApp(app: Rec): boolean {
  const status = norm(str(app, 'status'))
  return status === undefined || status === 'active'
}

/** Office 365 apps that are ACTIVE: the ones that sign anybody in. */
export function activeOffice365Apps(index: SnapshotIndex): Rec[] {
  return office365Apps(index).filter(isActiveApp)
}

/** The federated domain(s) an Office 365 app serves (`settings.app.domain` and `domains[]`), lower-cased. */
export function office365Domains(app: Rec): string[] {
  const list = [str(app, 'settings', 'app', 'domain'), ...strs(app, 'settings', 'app', 'domains')]
  const out = new Set<string>()
  for (const d of list) {
    const n = norm(d)
    if (n) out.add(n)
  }
  return [...out]
}

/** The Okta app key written into Okta's WS-Fed URLs (`/app/office365/{key}/sso/wsfed/...`) and issuer. */
export function wsFedKey(uri: string | undefined): string | undefined {
  if (!uri) return undefined
  const path = /\/app\/[^/]+\/([^/?#]+)\/sso\//i.exec(uri)
  if (path?.[1]) return path[1]
  const issuer = /^https?:\/\/www\.okta\.com\/([^/?#]+)\/?$/i.exec(uri.trim())
  return issuer?.[1]
}

/** The app's active signing key: the `appKeys` entry whose kid equals `credentials.signing.kid`. */
export function activeSigningKey(snapshot: Snapshot, app: Rec): Rec | undefined {
  const appId = str(app, 'id')
  const kid = text(app, 'credentials', 'signing', 'kid')
  if (!appId || !kid) return undefined
  return (snapshot.okta?.appKeys?.[appId] ?? []).find((k) => str(k, 'kid') === kid)
}

/** Subject for an Entra user. */
export function entraUserSubject(user: Rec): Subject {
  return {
    source: 'entra',
    type: 'user',
    id: str(user, 'id') ?? text(user, 'userPrincipalName') ?? '',
    name: text(user, 'userPrincipalName') ?? text(user, 'displayName'),
  }
}

/** Subject for an Okta user. */
export function oktaUserSubject(user: Rec): Subject {
  return {
    source: 'okta',
    type: 'user',
    id: str(user, 'id') ?? text(user, 'profile', 'login') ?? '',
    name: text(user, 'profile', 'login') ?? text(user, 'profile', 'email'),
  }
}

/** Subject for an Entra application (object id; the appId goes into evidence). */
export function applicationSubject(app: Rec): Subject {
  return {
    source: 'entra',
    type: 'application',
    id: str(app, 'id') ?? str(app, 'appId') ?? '',
    name: text(app, 'displayName') ?? text(app, 'appId'),
  }
}

/** Subject for an Okta IdP. */
export function idpSubject(m: MicrosoftIdp): Subject {
  return { source: 'okta', type: 'idp', id: m.id, name: m.name }
}

/** Subject for an Okta app. */
export function oktaAppSubject(app: Rec): Subject {
  return {
    source: 'okta',
    type: 'app',
    id: str(app, 'id') ?? '',
    name: text(app, 'label') ?? text(app, 'name'),
  }
}

/** Subject for an Entra domain. */
export function domainSubject(domain: string): Subject {
  return { source: 'entra', type: 'domain', id: domain, name: domain }
}

/** Subject for an Entra service principal. */
export function servicePrincipalSubject(sp: Rec): Subject {
  return {
    source: 'entra',
    type: 'servicePrincipal',
    id: str(sp, 'id') ?? str(sp, 'appId') ?? '',
    name: text(sp, 'displayName') ?? text(sp, 'appDisplayName'),
  }
}

/** The Entra password credentials of an app, with parsed dates. */
export function passwordCredentials(app: Rec): Rec[] {
  return recs(app, 'passwordCredentials')
}

/** The delegated permissions granted to a client SP: tenant-wide (AllPrincipals) and by single users. */
export interface Consent {
  /** scopes an administrator consented for everyone, lower-cased */
  tenantWide: Set<string>
  /** scopes some users consented to for themselves, lower-cased */
  byUsers: Set<string>
  /** how many users consented for themselves */
  users: number
}

/** The consent granted to a client SP (see {@link Consent}); empty sets without an SP id. */
export function consentOf(snapshot: Snapshot, spId: string | undefined): Consent {
  const out: Consent = { tenantWide: new Set(), byUsers: new Set(), users: 0 }
  if (!spId) return out
  for (const grant of snapshot.entra?.oauth2PermissionGrants ?? []) {
    if (str(grant, 'clientId') !== spId) continue
    const tenantWide = norm(str(grant, 'consentType')) === 'allprincipals'
    if (!tenantWide) out.users++
    const into = tenantWide ? out.tenantWide : out.byUsers
    for (const s of (str(grant, 'scope') ?? '').split(/\s+/)) if (s) into.add(s.toLowerCase())
  }
  return out
}

/**
 * Groups Microsoft IdPs by the cause a rule finds in each (`causeOf` returns undefined
 * for an IdP without the problem). Active and inactive IdPs never share a group, so an
 * inactive IdP's echo of a live problem stays an info note.
 */
export function groupIdpsByCause<T>(
  idps: readonly MicrosoftIdp[],
  causeOf: (m: MicrosoftIdp) => { key: string; detail: T } | undefined,
): { key: string; idps: MicrosoftIdp[]; detail: T; active: boolean }[] {
  const groups = new Map<
    string,
    { key: string; idps: MicrosoftIdp[]; detail: T; active: boolean }
  >()
  for (const m of idps) {
    const cause = causeOf(m)
    if (!cause) continue
    const key = `${m.active ? '' : 'inactive:'}${cause.key}`
    const group = groups.get(key)
    if (group) group.idps.push(m)
    else groups.set(key, { key, idps: [m], detail: cause.detail, active: m.active })
  }
  return [...groups.values()]
}

/** "IdP "A"" or "IdPs "A", "B"" for titles. */
export function idpNames(idps: readonly MicrosoftIdp[]): string {
  const names = idps.map((m) => `"${m.name}"`).join(', ')
  return `${idps.length === 1 ? 'IdP' : 'IdPs'} ${names}`
}
