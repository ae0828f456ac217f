/**
 * Key facts of a snapshot for the Overview: which tenant and org, which domains
 * are verified and which federated, when Entra Connect last synced. Read from the
 * raw Graph `organization` and `domain` records and the snapshot header; every
 * property may be absent.
 *
 * @see https://learn.microsoft.com/en-us/graph/api/resources/organization
 * @see https://learn.microsoft.com/en-us/graph/api/resources/domain
 */
import type { Snapshot } from '../model/snapshot'
import { resourceLabel } from '../model/resources'
import { bool, norm, recs, str, text } from '../util/access'

/** A domain of the tenant as the Overview lists it. */
export interface DomainFact {
  /** the domain name as Graph returned it */
  name: string
  verified: boolean
  /** `authenticationType` is Federated */
  federated: boolean
  isDefault: boolean
  isInitial: boolean
}

/** What the Overview shows under "Key facts". */
export interface KeyFacts {
  entra?: {
    tenantId: string
    cloud: string
    /** the organization's displayName, when collected */
    displayName?: string
    domains: DomainFact[]
    /** organization.onPremisesSyncEnabled; undefined when not collected */
    syncEnabled?: boolean
    /** organization.onPremisesLastSyncDateTime (ISO-8601, UTC) */
    lastSync?: string
    /** minutes between the last sync and the snapshot's collectedAt; undefined without a sync */
    minutesSinceSync?: number
  }
  okta?: {
    orgUrl: string
    users?: number
    idps?: number
    apps?: number
  }
  collectedAt: string
  complete: boolean
  /** "source.resource" of each resource that failed to collect */
  /** the resources that failed, named in words ("Entra domains") */
  failedResources: string[]
}

/** Builds the key facts; pure, `collectedAt` is the snapshot's "now". */
export function keyFacts(snapshot: Snapshot): KeyFacts {
  const facts: KeyFacts = {
    collectedAt: snapshot.collectedAt,
    complete: snapshot.collection.complete,
    failedResources: snapshot.collection.errors.map((e) =>
      resourceLabel(`${e.source}.${e.resource}`),
    ),
  }
  if (snapshot.entra) {
    const org = snapshot.entra.organization?.[0]
    const lastSync = text(org, 'onPremisesLastSyncDateTime')
    const syncTime = lastSync ? Date.parse(lastSync) : Number.NaN
    const now = Date.parse(snapshot.collectedAt)
    facts.entra = {
      tenantId: snapshot.entra.tenantId,
      cloud: snapshot.entra.cloud,
      displayName: text(org, 'displayName'),
      domains: domainFacts(snapshot),
      syncEnabled: bool(org, 'onPremisesSyncEnabled'),
      lastSync,
      minutesSinceSync:
        Number.isFinite(syncTime) && Number.isFinite(now)
          ? Math.max(0, Math.round((now - syncTime) / 60_000))
          : undefined,
    }
  }
  if (snapshot.okta) {
    facts.okta = {
      orgUrl: snapshot.okta.orgUrl,
      users: snapshot.okta.users?.length,
      idps: snapshot.okta.idps?.length,
      apps: snapshot.okta.apps?.length,
    }
  }
  return facts
}

/**
 * Domains from `entra.domains`, else from the organization's `verifiedDomains`
 * (which carries no authentication type, so federation is then read from the
 * federation configurations collected per domain).
 */
function domainFacts(snapshot: Snapshot): DomainFact[] {
  const federatedByConfig = new Set(
    Object.entries(snapshot.entra?.federationConfigurations ?? {})
      .filter(([, configs]) => configs.length > 0)
      .map(([domain]) => norm(domain)),
  )
  const out = new Map<string, DomainFact>()
  for (const domain of snapshot.entra?.domains ?? []) {
    const name = text(domain, 'id')
    if (!name) continue
    out.set(name.toLowerCase(), {
      name,
      verified: bool(domain, 'isVerified') ?? false,
      federated:
        norm(str(domain, 'authenticationType')) === 'federated' ||
        federatedByConfig.has(norm(name)),
      isDefault: bool(domain, 'isDefault') ?? false,
      isInitial: bool(domain, 'isInitial') ?? false,
    })
  }
  const org = snapshot.entra?.organization?.[0]
  for (const verified of recs(org, 'verifiedDomains')) {
    const name = text(verified, 'name')
    if (!name || out.has(name.toLowerCase())) continue
    out.set(name.toLowerCase(), {
      name,
      verified: true,
      federated: federatedByConfig.has(norm(name)),
      isDefault: bool(verified, 'isDefault') ?? false,
      isInitial: bool(verified, 'isInitial') ?? false,
    })
  }
  return [...out.values()].sort(
    (a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name),
  )
}
