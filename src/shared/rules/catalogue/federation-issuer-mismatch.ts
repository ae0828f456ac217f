/**
 * federation-issuer-mismatch — an Entra domain federated to Okta whose issuerUri and
 * sign-in URIs disagree: the app key in `issuerUri` (`http://www.okta.com/{key}`) is
 * not the key in `passiveSignInUri` / `activeSignInUri` / `metadataExchangeUri`
 * (`https://{org}/app/office365/{key}/sso/wsfed/...`), or those URIs are on another
 * host than the Okta org. Tokens then carry an issuer Entra does not know:
 * AADSTS50107 (InvalidRealmUri).
 * Reads: entra.federationConfigurations, okta.apps.
 * False positives: an Okta custom domain in the sign-in URIs (reported as a host
 * difference, medium, not critical).
 */
import type { Finding } from '../../model'
import { str } from '../../util/access'
import { type DomainFederation, domainFederations, hostOf, oktaHost } from '../federation'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import { domainSubject, oktaAppSubject, wsFedKey } from '../../compare/seam'

const SIGN_IN_FIELDS = [
  'passiveSignInUri',
  'activeSignInUri',
  'metadataExchangeUri',
  'signOutUri',
] as const

export const federationIssuerMismatch = defineRule({
  id: 'federation-issuer-mismatch',
  title: 'Domain federation issuer does not match the Okta Office 365 app',
  category: 'credential-mismatch',
  severity: 'critical',
  reads: ['entra.federationConfigurations', 'okta.apps'],
  evaluate(snapshot, ctx): Finding[] {
    const findings = []
    const org = oktaHost(snapshot)
    for (const f of domainFederations(snapshot, ctx.index)) {
      if (!f.isOkta) continue
      const issuerUri = str(f.config, 'issuerUri')
      const issuerKey = wsFedKey(issuerUri)
      const uris = SIGN_IN_FIELDS.map((field) => ({ field, uri: str(f.config, field) })).filter(
        (u): u is { field: (typeof SIGN_IN_FIELDS)[number]; uri: string } => !!u.uri,
      )
      const keyMismatch = uris.filter((u) => {
        const k = wsFedKey(u.uri)
        return k !== undefined && issuerKey !== undefined && k !== issuerKey
      })
      const hostMismatch = org
        ? uris.filter((u) => u.field !== 'signOutUri' && hostOf(u.uri) !== org)
        : []
      const issuerMalformed = issuerUri === undefined || issuerKey === undefined
      if (keyMismatch.length === 0 && hostMismatch.length === 0 && !issuerMalformed) continue
      findings.push(
        build(
          f,
          issuerUri,
          issuerKey,
          keyMismatch,
          hostMismatch,
          issuerMalformed,
          snapshot.okta?.orgUrl,
        ),
      )
    }
    return findings
  },
})

function build(
  f: DomainFederation,
  issuerUri: string | undefined,
  issuerKey: string | undefined,
  keyMismatch: { field: string; uri: string }[],
  hostMismatch: { field: string; uri: string }[],
  issuerMalformed: boolean,
  orgUrl: string | undefined,
) {
  const parts: string[] = []
  if (issuerMalformed)
    parts.push(
      `issuerUri ${issuerUri ?? '(empty)'} is not Okta's http://www.okta.com/{appKey} form`,
    )
  for (const k of keyMismatch)
    parts.push(`${k.field} carries key ${wsFedKey(k.uri)} but issuerUri carries ${issuerKey}`)
  for (const h of hostMismatch)
    parts.push(`${h.field} is on ${hostOf(h.uri)}, not the Okta org ${orgUrl}`)
  const severe = issuerMalformed || keyMismatch.length > 0
  const app = f.apps[0]
  return makeFinding(federationIssuerMismatch, {
    cause: `${f.domain}:${str(f.config, 'id') ?? ''}`,
    severity: severe ? 'critical' : 'medium',
    title: `Federation of ${f.domain} does not match Okta's Office 365 app`,
    detail: `${parts.join('; ')}. Entra looks up the token issuer among its federation realms and answers AADSTS50107 when it does not find it.`,
    subjects: [domainSubject(f.domain), ...f.apps.map(oktaAppSubject)],
    evidence: {
      entra: {
        domain: f.domain,
        issuerUri: issuerUri ?? null,
        issuerKey: issuerKey ?? null,
        passiveSignInUri: str(f.config, 'passiveSignInUri') ?? null,
        activeSignInUri: str(f.config, 'activeSignInUri') ?? null,
      },
      okta: {
        orgUrl: orgUrl ?? null,
        appIds: f.apps.map((a) => str(a, 'id')),
        expectedIssuer: keyMismatch[0]
          ? `http://www.okta.com/${wsFedKey(keyMismatch[0].uri)}`
          : null,
      },
      aadsts: ['50107'],
    },
    steps: [
      `Okta Admin Console › Applications › ${app ? (str(app, 'label') ?? 'Microsoft Office 365') : 'Microsoft Office 365'} › Sign On › WS-Federation: with "Automatic" configuration, use "Re-run automatic setup" (or View Setup Instructions for the manual values: IssuerUri, PassiveLogOnUri, MetadataExchangeUri).`,
      `Entra: federation settings are not editable in the admin center; use Microsoft Graph PowerShell Update-MgDomainFederationConfiguration -DomainId ${f.domain} with the values Okta shows.`,
      `API: PATCH https://graph.microsoft.com/v1.0/domains/${f.domain}/federationConfiguration/${str(f.config, 'id') ?? '{id}'} {"issuerUri":"http://www.okta.com/{appKey}","passiveSignInUri":"${orgUrl ?? 'https://{org}'}/app/office365/{appKey}/sso/wsfed/passive"}.`,
    ],
    links: [LINKS.domainFederation, LINKS.oktaOffice365, LINKS.aadstsCodes],
  })
}
