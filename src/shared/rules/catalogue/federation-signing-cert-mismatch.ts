/**
 * federation-signing-cert-mismatch — the signing certificate Entra trusts for a domain
 * federated to Okta is not the ACTIVE signing key of the Office 365 app serving it
 * (the `appKeys` entry whose kid is `credentials.signing.kid`; Okta keeps rotated keys
 * in the list, so any other key does not count). Entra rejects the token signature:
 * AADSTS50008 / 50006. When `nextSigningCertificate` holds the active key, the
 * rollover is pending (Entra accepts both) and the finding is an info note.
 * Reads: entra.federationConfigurations, okta.apps, okta.appKeys.
 * False positives: none known; without the active key the rule stays silent.
 */
import type { Finding } from '../../model'
import { str, strs } from '../../util/access'
import { certificateKey, readCertificateValidity } from '../../util/der'
import { domainFederations } from '../federation'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import { activeSigningKey, domainSubject, oktaAppSubject } from '../../compare/seam'

function describe(cert: string | undefined) {
  if (!cert) return null
  const key = certificateKey(cert) ?? ''
  const validity = readCertificateValidity(cert)
  return {
    start: key.slice(0, 12),
    end: key.slice(-12),
    length: key.length,
    notAfter: validity?.notAfter.toISOString() ?? null,
  }
}

export const federationSigningCertMismatch = defineRule({
  id: 'federation-signing-cert-mismatch',
  title: "Domain federation signing certificate is not the Office 365 app's active key",
  category: 'credential-mismatch',
  severity: 'critical',
  reads: ['entra.federationConfigurations', 'okta.apps', 'okta.appKeys'],
  evaluate(snapshot, ctx): Finding[] {
    const findings = []
    for (const f of domainFederations(snapshot, ctx.index)) {
      for (const app of f.apps) {
        const key = activeSigningKey(snapshot, app)
        const x5c = key ? strs(key, 'x5c')[0] : undefined
        if (!key || !x5c) continue
        const active = certificateKey(x5c)
        const current = certificateKey(str(f.config, 'signingCertificate'))
        const next = certificateKey(str(f.config, 'nextSigningCertificate'))
        if (current === active) continue
        const pending = next === active
        const appLabel = str(app, 'label') ?? 'Microsoft Office 365'
        findings.push(
          makeFinding(federationSigningCertMismatch, {
            cause: `${f.domain}:${str(app, 'id') ?? ''}`,
            severity: pending ? 'info' : 'critical',
            title: pending
              ? `Federation of ${f.domain} has Okta's active key only as the next signing certificate`
              : `Federation of ${f.domain} trusts a certificate Okta no longer signs with`,
            detail: pending
              ? `Okta signs with key ${str(key, 'kid')}; Entra holds it as nextSigningCertificate and will promote it at rollover. Sign-ins work, but the current certificate is stale.`
              : `Okta's "${appLabel}" app signs WS-Fed tokens with key ${str(key, 'kid')}, but Entra's federation for ${f.domain} holds ${current ? 'a different certificate' : 'no signing certificate'}. Entra rejects the signature (AADSTS50008 / AADSTS50006).`,
            subjects: [
              domainSubject(f.domain),
              oktaAppSubject(app),
              { source: 'okta', type: 'appKey', id: str(key, 'kid') ?? '' },
            ],
            evidence: {
              entra: {
                domain: f.domain,
                signingCertificate: describe(str(f.config, 'signingCertificate')),
                nextSigningCertificate: describe(str(f.config, 'nextSigningCertificate')),
              },
              okta: {
                appId: str(app, 'id'),
                activeKid: str(key, 'kid'),
                activeCertificate: describe(x5c),
                expiresAt: str(key, 'expiresAt') ?? null,
              },
              aadsts: ['50008', '50006'],
            },
            steps: [
              `Okta Admin Console › Applications › ${appLabel} › Sign On: with automatic WS-Federation, choose "Re-run automatic setup" so Okta writes its active certificate to Entra; with manual setup, download the signing certificate from "View Setup Instructions".`,
              `Entra: run Update-MgDomainFederationConfiguration -DomainId ${f.domain} -SigningCertificate <base64 of the active certificate> (Microsoft Graph PowerShell).`,
              `API: PATCH https://graph.microsoft.com/v1.0/domains/${f.domain}/federationConfiguration/${str(f.config, 'id') ?? '{id}'} {"signingCertificate":"<x5c[0] of GET {orgUrl}/api/v1/apps/${str(app, 'id')}/credentials/keys/${str(key, 'kid')}>"}.`,
            ],
            links: [
              LINKS.domainFederation,
              LINKS.oktaAppKeys,
              LINKS.oktaOffice365,
              LINKS.aadstsCodes,
            ],
          }),
        )
      }
    }
    return findings
  },
})
