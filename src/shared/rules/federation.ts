/**
 * Entra domain federation (internalDomainFederation) joined to the Okta Office 365
 * app(s) serving each domain. Okta's apps API does not return an O365 app's WS-Fed
 * issuer, so the join is by domain name (`settings.app.domain` / `domains[]`), and
 * issuer consistency is judged from the key Okta writes into both the issuer and
 * the sign-in URIs (see api-facts "Office 365 app issuer").
 */
import type { Snapshot } from '../model'
import { type Rec, norm, str } from '../util/access'
import { activeOffice365Apps, office365Domains } from '../compare/seam'
import type { SnapshotIndex } from '../compare/snapshot-index'

/** One federation configuration of one Entra domain. */
export interface DomainFederation {
  domain: string
  config: Rec
  /** ACTIVE Okta Office 365 apps that name this domain */
  apps: Rec[]
  /** the configuration points at Okta (issuer or sign-in host) or an O365 app serves the domain */
  isOkta: boolean
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(url.trim())
  return m?.[1]?.toLowerCase()
}

/** The Okta org's host (lower-case, with port). */
export function oktaHost(snapshot: Snapshot): string | undefined {
  return hostOf(snapshot.okta?.orgUrl)
}

export { hostOf }

/** Every federation configuration in the snapshot, with the O365 apps that serve its domain. */
export function domainFederations(snapshot: Snapshot, index: SnapshotIndex): DomainFederation[] {
  const byDomain = new Map<string, Rec[]>()
  for (const app of activeOffice365Apps(index)) {
    for (const d of office365Domains(app)) {
      const list = byDomain.get(d)
      if (list) list.push(app)
      else byDomain.set(d, [app])
    }
  }
  const org = oktaHost(snapshot)
  const out: DomainFederation[] = []
  for (const [domainKey, configs] of Object.entries(
    snapshot.entra?.federationConfigurations ?? {},
  )) {
    const domain = norm(domainKey) ?? domainKey
    for (const config of configs) {
      const apps = byDomain.get(domain) ?? []
      const issuerHost = hostOf(str(config, 'issuerUri'))
      const passiveHost = hostOf(str(config, 'passiveSignInUri'))
      const isOkta =
        apps.length > 0 ||
        issuerHost === 'www.okta.com' ||
        (org !== undefined && passiveHost === org) ||
        (passiveHost?.endsWith('.okta.com') ?? false) ||
        (passiveHost?.endsWith('.oktapreview.com') ?? false)
      out.push({ domain, config, apps, isOkta })
    }
  }
  return out
}
