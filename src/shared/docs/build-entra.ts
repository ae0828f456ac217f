/**
 * The Entra-side sections: domains and their federation, the app registrations behind Okta
 * IdPs (permissions, consent, redirect URIs, credentials), and Entra Connect / provisioning.
 * Built from the redacted view only.
 */
import {
  type MicrosoftIdp,
  GRAPH_APP_ID,
  GRAPH_SCOPE_NAMES,
  activeOffice365Apps,
  consentOf,
  office365Domains,
} from '../compare/seam'
import type { SnapshotIndex } from '../compare/snapshot-index'
import { keyFacts } from '../overview/key-facts'
import { type Rec, bool, norm, recs, str, strs, text } from '../util/access'
import { domainFederations } from '../rules/federation'
import type { AppRegistrationDoc, CredentialDoc, DomainDoc, PermissionDoc, SyncDoc } from './model'
import { base64ToHex, certificateFacts, daysBefore } from './format'
import type { RedactedSnapshot } from './redacted-view'

const byName = (a: { name: string }, b: { name: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0

/** Every domain, with the federation settings of the federated ones. */
export function buildDomains(view: RedactedSnapshot, index: SnapshotIndex): DomainDoc[] {
  const facts = keyFacts(view).entra?.domains ?? []
  const federations = domainFederations(view, index)
  const o365 = activeOffice365Apps(index)
  return facts.map((d) => {
    const fed = federations.find((f) => f.domain === norm(d.name))
    const config = fed?.config
    const next = text(config, 'nextSigningCertificate')
    return {
      name: d.name,
      verified: d.verified,
      federated: d.federated,
      isDefault: d.isDefault,
      isInitial: d.isInitial,
      ...(config
        ? {
            federation: {
              displayName: text(config, 'displayName'),
              issuerUri: text(config, 'issuerUri'),
              passiveSignInUri: text(config, 'passiveSignInUri'),
              activeSignInUri: text(config, 'activeSignInUri'),
              signOutUri: text(config, 'signOutUri'),
              metadataExchangeUri: text(config, 'metadataExchangeUri'),
              preferredAuthenticationProtocol: text(config, 'preferredAuthenticationProtocol'),
              federatedIdpMfaBehavior: text(config, 'federatedIdpMfaBehavior'),
              promptLoginBehavior: text(config, 'promptLoginBehavior'),
              signingCertificate: certificateFacts(text(config, 'signingCertificate')),
              ...(next ? { nextSigningCertificate: certificateFacts(next) } : {}),
              office365Apps: o365
                .filter((a) => office365Domains(a).includes(norm(d.name) ?? ''))
                .map((a) => text(a, 'label') ?? str(a, 'id') ?? ''),
            },
          }
        : {}),
    }
  })
}

/** Graph's well-known delegated scope ids, so permissions read as names. */
function scopeNames(view: RedactedSnapshot, resourceAppId: string): Map<string, string> {
  const sp = (view.entra?.servicePrincipals ?? []).find(
    (s) => norm(str(s, 'appId')) === norm(resourceAppId),
  )
  const out = new Map<string, string>(
    norm(resourceAppId) === GRAPH_APP_ID ? Object.entries(GRAPH_SCOPE_NAMES) : [],
  )
  for (const scope of recs(sp, 'oauth2PermissionScopes')) {
    const id = str(scope, 'id')
    const value = str(scope, 'value')
    if (id && value) out.set(id.toLowerCase(), value)
  }
  for (const role of recs(sp, 'appRoles')) {
    const id = str(role, 'id')
    const value = str(role, 'value')
    if (id && value) out.set(id.toLowerCase(), value)
  }
  return out
}

function permissions(view: RedactedSnapshot, app: Rec): PermissionDoc[] {
  return recs(app, 'requiredResourceAccess').map((rra) => {
    const resourceAppId = str(rra, 'resourceAppId') ?? ''
    const names = scopeNames(view, resourceAppId)
    const scopes: string[] = []
    const roles: string[] = []
    for (const access of recs(rra, 'resourceAccess')) {
      const id = str(access, 'id') ?? ''
      const name = names.get(id.toLowerCase()) ?? id
      if (norm(str(access, 'type')) === 'role') roles.push(name)
      else scopes.push(name)
    }
    const resourceSp = (view.entra?.servicePrincipals ?? []).find(
      (s) => norm(str(s, 'appId')) === norm(resourceAppId),
    )
    return {
      resourceAppId,
      resource:
        text(resourceSp, 'displayName') ??
        (norm(resourceAppId) === GRAPH_APP_ID ? 'Microsoft Graph' : resourceAppId),
      scopes,
      roles,
    }
  })
}

function credentials(app: Rec, dueDays: number): CredentialDoc[] {
  const secrets: CredentialDoc[] = recs(app, 'passwordCredentials').map((c) => ({
    kind: 'secret',
    keyId: str(c, 'keyId') ?? '',
    displayName: text(c, 'displayName'),
    hint: text(c, 'hint'),
    start: str(c, 'startDateTime'),
    end: str(c, 'endDateTime'),
    rotationDue: daysBefore(str(c, 'endDateTime'), dueDays),
  }))
  const certificates: CredentialDoc[] = recs(app, 'keyCredentials').map((c) => ({
    kind: 'certificate',
    keyId: str(c, 'keyId') ?? '',
    displayName: text(c, 'displayName'),
    sha1Thumbprint: base64ToHex(str(c, 'customKeyIdentifier')),
    start: str(c, 'startDateTime'),
    end: str(c, 'endDateTime'),
    rotationDue: daysBefore(str(c, 'endDateTime'), dueDays),
  }))
  return [...secrets, ...certificates].sort((a, b) => (a.end ?? '').localeCompare(b.end ?? ''))
}

/** Every app registration an Okta IdP signs in through, in name order. */
export function buildAppRegistrations(
  view: RedactedSnapshot,
  idps: readonly MicrosoftIdp[],
  dueDays: number,
): AppRegistrationDoc[] {
  const byId = new Map<string, { app: Rec; sp: Rec | undefined; usedBy: string[] }>()
  for (const m of idps) {
    if (!m.application) continue
    const id = str(m.application, 'id') ?? ''
    const entry = byId.get(id) ?? { app: m.application, sp: m.servicePrincipal, usedBy: [] }
    entry.usedBy.push(m.name)
    byId.set(id, entry)
  }
  return [...byId.values()]
    .map(({ app, sp, usedBy }) => {
      const consent = consentOf(view, str(sp, 'id'))
      return {
        displayName: text(app, 'displayName') ?? str(app, 'appId') ?? '',
        objectId: str(app, 'id') ?? '',
        appId: str(app, 'appId') ?? '',
        signInAudience: text(app, 'signInAudience'),
        redirectUris: strs(app, 'web', 'redirectUris'),
        idTokenIssuance:
          bool(app, 'web', 'implicitGrantSettings', 'enableIdTokenIssuance') ?? false,
        servicePrincipalId: str(sp, 'id'),
        permissions: permissions(view, app),
        consent: {
          tenantWide: [...consent.tenantWide].sort(),
          byUsers: [...consent.byUsers].sort(),
          users: consent.users,
        },
        credentials: credentials(app, dueDays),
        usedBy: usedBy.sort(),
      }
    })
    .sort((a, b) => byName({ name: a.displayName }, { name: b.displayName }))
}

/** Entra Connect sync status and features, and the provisioning jobs. */
export function buildSync(view: RedactedSnapshot, index: SnapshotIndex): SyncDoc {
  const facts = keyFacts(view).entra
  const settings = view.entra?.onPremisesSynchronization?.[0]
  const features: { label: string; value: string }[] = []
  const f = settings?.features
  if (f && typeof f === 'object' && !Array.isArray(f))
    for (const [k, v] of Object.entries(f).sort(([a], [b]) => a.localeCompare(b)))
      if (typeof v === 'boolean') features.push({ label: k, value: v ? 'on' : 'off' })
  const jobs: SyncDoc['jobs'] = []
  for (const [spId, list] of Object.entries(view.entra?.synchronizationJobs ?? {})) {
    const sp = index.servicePrincipalsById.get(spId)
    for (const job of list)
      jobs.push({
        servicePrincipal: text(sp, 'displayName') ?? spId,
        templateId: text(job, 'templateId'),
        status: text(job, 'status', 'code'),
        lastExecution: str(job, 'status', 'lastExecution', 'timeEnded'),
        schedule: text(job, 'schedule', 'interval'),
      })
  }
  jobs.sort((a, b) => a.servicePrincipal.localeCompare(b.servicePrincipal))
  return {
    enabled: facts?.syncEnabled,
    lastSync: facts?.lastSync,
    minutesSinceSync: facts?.minutesSinceSync,
    features,
    collected: settings !== undefined,
    jobs,
  }
}
