/**
 * federation-office365-pairing — the two halves of WS-Fed do not pair up: an Entra
 * domain federated to Okta with no active Okta Office 365 app naming it (users are
 * sent to an Okta URL that serves no app), or an Office 365 app naming a domain that
 * Entra does not federate (managed, unverified or unknown: Okta's WS-Fed sign-in and
 * provisioning for it fail, "The domain portion of the userPrincipalName property is
 * invalid").
 * Also: two or more active Office 365 apps claiming one federated domain (a migration
 * left half done) where Entra trusts only some of their signing keys: people assigned to
 * the others get tokens Entra rejects (AADSTS50008). High when those apps have people
 * assigned, medium otherwise.
 * Reads: entra.domains, okta.apps; entra.federationConfigurations when collected (to
 * tell a domain federated to another IdP from one federated to Okta), okta.appKeys and
 * okta.appUsers (which app Entra trusts, and who is assigned to the others).
 * False positives: a domain federated to another IdP (e.g. AD FS) is not reported.
 */
import type { Finding, Snapshot } from '../../model'
import { type Rec, norm, str, strs } from '../../util/access'
import { certificateKey } from '../../util/der'
import type { SnapshotIndex } from '../../compare/snapshot-index'
import { domainFederations } from '../federation'
import { LINKS } from '../links'
import { isRemovedAssignment } from '../../compare/app-users'
import { defineRule, makeFinding } from '../rule'
import {
  activeSigningKey,
  domainSubject,
  office365Apps,
  office365Domains,
  oktaAppSubject,
} from '../../compare/seam'

/** Whether Entra's federation trusts the app's active signing key (undefined: unknown). */
function trusted(snapshot: Snapshot, app: Rec, config: Rec): boolean | undefined {
  const x5c = strs(activeSigningKey(snapshot, app), 'x5c')[0]
  if (!x5c) return undefined
  const key = certificateKey(x5c)
  return (
    key === certificateKey(str(config, 'signingCertificate')) ||
    key === certificateKey(str(config, 'nextSigningCertificate'))
  )
}

/** Federated domains claimed by several active Office 365 apps, some signing with keys Entra does not trust. */
function competingApps(snapshot: Snapshot, index: SnapshotIndex): Finding[] {
  const findings: Finding[] = []
  for (const f of domainFederations(snapshot, index)) {
    if (f.apps.length < 2) continue
    const verdicts = f.apps.map((app) => ({
      app,
      trusted: trusted(snapshot, app, f.config),
      assigned: (snapshot.okta?.appUsers?.[str(app, 'id') ?? ''] ?? []).filter(
        (au) => !isRemovedAssignment(au),
      ).length,
    }))
    const good = verdicts.filter((v) => v.trusted === true)
    const bad = verdicts.filter((v) => v.trusted !== true)
    const people = bad.reduce((n, v) => n + v.assigned, 0)
    const label = (a: Rec) => `"${str(a, 'label') ?? str(a, 'id')}"`
    findings.push(
      makeFinding(federationOffice365Pairing, {
        // which app Entra trusts decides who fails; without one, the certificate rule speaks
        severity: good.length > 0 && people > 0 ? 'high' : 'medium',
        cause: `competing:${f.domain}`,
        title:
          good.length > 0
            ? `${f.apps.length} active Office 365 apps claim ${f.domain}; Entra trusts only ${good.map((v) => label(v.app)).join(', ')}`
            : `${f.apps.length} active Office 365 apps claim ${f.domain}`,
        detail:
          good.length > 0
            ? `Okta's ${bad.map((v) => label(v.app)).join(', ')} also serve${bad.length === 1 ? 's' : ''} ${f.domain} but sign${bad.length === 1 ? 's' : ''} with a key Entra's federation does not hold, so ${people > 0 ? `the ${people} ${people === 1 ? 'person' : 'people'} assigned there get tokens Entra rejects (AADSTS50008)` : 'anyone assigned there would get tokens Entra rejects (AADSTS50008)'}. Okta picks the app by assignment; one domain should have one Office 365 app.`
            : `Okta's ${f.apps.map(label).join(', ')} all serve ${f.domain}; which one signs a person's token depends on their assignments, and Entra's federation trusts one signing certificate (and a next one). One domain should have one Office 365 app.`,
        subjects: [domainSubject(f.domain), ...f.apps.map(oktaAppSubject)],
        evidence: {
          entra: { domain: f.domain },
          okta: {
            apps: verdicts.map((v) => ({
              id: str(v.app, 'id'),
              label: str(v.app, 'label') ?? null,
              trustedByEntra: v.trusted,
              activeKid: str(v.app, 'credentials', 'signing', 'kid') ?? null,
              assignedPeople: v.assigned,
            })),
          },
          aadsts: ['50008'],
        },
        steps: [
          `Decide which app serves ${f.domain}; move its people there (Okta Admin Console › Applications › app › Assignments), then remove ${f.domain} from the other app (General › Domains) or deactivate it.`,
          `If the other app is the one to keep, re-run its WS-Federation automatic setup (Sign On) so Entra holds its signing certificate.`,
          `API: GET {orgUrl}/api/v1/apps/{appId}/users to list the people to move; POST {orgUrl}/api/v1/apps/{appId}/lifecycle/deactivate for the app you retire.`,
        ],
        links: [LINKS.oktaOffice365, LINKS.domainFederation, LINKS.oktaAppKeys],
      }),
    )
  }
  return findings
}

export const federationOffice365Pairing = defineRule({
  id: 'federation-office365-pairing',
  title: 'Federated domain and Okta Office 365 app do not pair up',
  category: 'domain-federation',
  severity: 'high',
  reads: ['entra.domains', 'okta.apps'],
  optionalReads: ['entra.federationConfigurations', 'okta.appKeys', 'okta.appUsers'],
  evaluate(snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    const apps = office365Apps(ctx.index).filter(
      (a) => str(a, 'status')?.toUpperCase() !== 'INACTIVE',
    )
    const served = new Set(apps.flatMap(office365Domains))
    const federations = domainFederations(snapshot, ctx.index)
    const oktaFederated = new Set(federations.filter((f) => f.isOkta).map((f) => f.domain))
    const otherFederated = new Set(federations.filter((f) => !f.isOkta).map((f) => f.domain))
    for (const [name, domain] of ctx.index.domainsById) {
      if (norm(str(domain, 'authenticationType')) !== 'federated') continue
      if (served.has(name) || otherFederated.has(name)) continue
      // a federated domain whose configuration was not collected is judged only when Okta serves O365 at all
      if (!oktaFederated.has(name) && apps.length === 0) continue
      findings.push(
        makeFinding(federationOffice365Pairing, {
          title: `Federated domain ${name} has no Okta Office 365 app`,
          detail: `Entra sends ${name} users to Okta for sign-in, but no active Office 365 app in the Okta org names ${name} (settings.app.domain). Okta cannot issue the WS-Fed token, so these users cannot sign in to Microsoft 365.`,
          subjects: [domainSubject(name)],
          cause: `domain:${name}`,
          evidence: {
            entra: { domain: name, authenticationType: str(domain, 'authenticationType') ?? null },
            okta: {
              office365Apps: apps.map((a) => ({ id: str(a, 'id'), domains: office365Domains(a) })),
            },
          },
          steps: [
            `Okta Admin Console › Applications › Microsoft Office 365 › General: add ${name} to the app's domains, then Sign On › WS-Federation › automatic setup.`,
            `Or return the domain to managed authentication: Entra admin center › Microsoft Entra Connect › Staged rollout / Update-MgDomain -DomainId ${name} -AuthenticationType Managed.`,
            `API: PATCH https://graph.microsoft.com/v1.0/domains/${name} {"authenticationType":"Managed"} (after removing its federationConfiguration).`,
          ],
          links: [LINKS.migrateOkta, LINKS.oktaOffice365, LINKS.domainFederation],
        }),
      )
    }
    findings.push(...competingApps(snapshot, ctx.index))
    for (const app of apps) {
      for (const d of office365Domains(app)) {
        const domain = ctx.index.domainsById.get(d)
        const auth = ctx.index.domainAuthentication(d)
        if (auth === 'federated' && domain?.['isVerified'] !== false) continue
        if (ctx.index.domainsById.size === 0) continue
        const state = !domain
          ? 'not a domain of the tenant'
          : domain['isVerified'] === false
            ? 'not verified in Entra'
            : 'managed (not federated) in Entra'
        findings.push(
          makeFinding(federationOffice365Pairing, {
            severity: 'medium',
            title: `Okta Office 365 app "${str(app, 'label') ?? str(app, 'id')}" serves ${d}, which is ${state}`,
            detail: `The Okta app is configured for ${d}, but the domain is ${state}. Users of ${d} never reach Okta for Microsoft 365 sign-in, and Okta's provisioning of UPNs on it fails ("The domain portion of the userPrincipalName property is invalid").`,
            subjects: [oktaAppSubject(app), domainSubject(d)],
            cause: `app:${str(app, 'id')}:${d}`,
            evidence: {
              okta: {
                appId: str(app, 'id'),
                domain: d,
                wsFedConfigureType: str(app, 'settings', 'app', 'wsFedConfigureType') ?? null,
              },
              entra: {
                domain: d,
                exists: !!domain,
                isVerified: domain ? (domain['isVerified'] ?? null) : null,
                authenticationType: domain ? (str(domain, 'authenticationType') ?? null) : null,
              },
            },
            steps: [
              `Okta Admin Console › Applications › ${str(app, 'label') ?? 'Microsoft Office 365'} › Sign On › WS-Federation: run automatic setup (it federates the domain), or remove ${d} from the app.`,
              `Entra admin center › Settings › Domain names › ${d}: verify it; federation is then set by Okta or with New-MgDomainFederationConfiguration.`,
              `API: POST https://graph.microsoft.com/v1.0/domains/${d}/federationConfiguration {"issuerUri":"http://www.okta.com/{appKey}", …}.`,
            ],
            links: [LINKS.oktaOffice365, LINKS.domainFederation, LINKS.customDomain],
          }),
        )
      }
    }
    return findings
  },
})
