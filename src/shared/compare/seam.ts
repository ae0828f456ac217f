/**
 * The two halves of the Entra–Okta seam as rules see them: Okta identity providers
 * that sign users in through Entra (and the app registration behind each), Okta
 * Office 365 apps (and the federated domains they serve), plus subject builders.
 * Every reader tolerates absent, null and empty properties.
 */
import type { Snapshot, Subject } from '../model'
import { type Rec, isGuid, norm, recs, str, strs, text } from '../util/access'
import type { SnapshotIndex } from './snapshot-index'

/** Microsoft Graph's appId (the resource of openid/email/profile). */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'

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
  clientId: string | undefined
  /** the client secret as Okta returned it (official examples include it; live orgs may not) */
  clientSecret: string | undefined
  /** the Entra application whose appId is the IdP's client_id */
  application: Rec | undefined
  servicePrincipal: Rec | undefined
  /** authorize, token and issuer URLs that name an Entra authority */
  authorityUrls: string[]
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
    out.push({
      idp,
      id: str(idp, 'id') ?? '',
      name: text(idp, 'name') ?? str(idp, 'id') ?? 'identity provider',
      clientId,
      clientSecret: str(idp, 'protocol', 'credentials', 'client', 'client_secret'),
      application: key ? index.applicationsByAppId.get(key) : undefined,
      servicePrincipal: key ? index.servicePrincipalsByAppId.get(key) : undefined,
      authorityUrls: endpointUrls(idp),
    })
  }
  return out
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

/** Active Office 365 apps in the Okta org. */
export function office365Apps(index: SnapshotIndex): Rec[] {
  return index.oktaApps.filter((a) => isOffice365App(a) && norm(str(a, 'status')) !== 'deleted')
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

/** A secret's first three characters, the most Crosswalk ever shows (Entra's own `hint` length). */
export function secretPrefix(secret: string | undefined): string | undefined {
  if (!secret) return undefined
  return secret.trim().slice(0, 3)
}

/** True when a secret value looks like a credential's keyId (a GUID) rather than a secret value. */
export function looksLikeSecretId(secret: string | undefined): boolean {
  return isGuid(secret)
}

/** The Entra password credentials of an app, with parsed dates. */
export function passwordCredentials(app: Rec): Rec[] {
  return recs(app, 'passwordCredentials')
}

/** The Graph delegated-permission names granted to a client SP (admin consent, AllPrincipals). */
export function consentedScopes(snapshot: Snapshot, spId: string | undefined): Set<string> {
  const out = new Set<string>()
  if (!spId) return out
  for (const grant of snapshot.entra?.oauth2PermissionGrants ?? []) {
    if (str(grant, 'clientId') !== spId) continue
    if (norm(str(grant, 'consentType')) !== 'allprincipals') continue
    for (const s of (str(grant, 'scope') ?? '').split(/\s+/)) if (s) out.add(s.toLowerCase())
  }
  return out
}
