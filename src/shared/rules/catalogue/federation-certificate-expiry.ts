/**
 * federation-certificate-expiry — the signing certificate of an Entra domain
 * federation (internalDomainFederation.signingCertificate, base64 DER; the notAfter
 * is read from the certificate itself) has expired or expires within the windows.
 * When `nextSigningCertificate` is valid beyond the windows, rollover is prepared and
 * the finding drops to info.
 * Reads: entra.federationConfigurations; okta.apps when collected (to name the Office 365
 * app that signs for the domain).
 * False positives: none known; unparseable certificates are skipped.
 */
import type { Finding } from '../../model'
import { str } from '../../util/access'
import { readCertificateValidity } from '../../util/der'
import { describeExpiry, expirySeverity, expiryWindow } from '../expiry'
import { domainFederations } from '../federation'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import { domainSubject, oktaAppSubject } from '../../compare/seam'

export const federationCertificateExpiry = defineRule({
  id: 'federation-certificate-expiry',
  title: 'Domain federation signing certificate expired or expiring',
  category: 'credential-expiry',
  severity: 'critical',
  reads: ['entra.federationConfigurations'],
  optionalReads: ['okta.apps'],
  evaluate(snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    for (const f of domainFederations(snapshot, ctx.index)) {
      const cert = str(f.config, 'signingCertificate')
      const validity = cert ? readCertificateValidity(cert) : undefined
      if (!validity) continue
      const window = expiryWindow(validity.notAfter, ctx.now, ctx.thresholds)
      if (window === undefined) continue
      const next = str(f.config, 'nextSigningCertificate')
      const nextValidity = next ? readCertificateValidity(next) : undefined
      const rolloverReady =
        nextValidity !== undefined &&
        expiryWindow(nextValidity.notAfter, ctx.now, ctx.thresholds) === undefined
      findings.push(
        makeFinding(federationCertificateExpiry, {
          severity: rolloverReady ? 'info' : expirySeverity(window, 'critical'),
          title: `Federation signing certificate of ${f.domain} ${window === 'expired' ? 'has expired' : 'expires soon'}`,
          detail: `The certificate Entra trusts for ${f.domain} ${describeExpiry(validity.notAfter, ctx.now)}.${rolloverReady ? ' A valid nextSigningCertificate is in place.' : ' Federated sign-ins fail (AADSTS50008) once Okta signs with a certificate Entra does not hold.'}`,
          subjects: [domainSubject(f.domain), ...f.apps.map(oktaAppSubject)],
          cause: `${f.domain}:${str(f.config, 'id') ?? ''}`,
          evidence: {
            entra: {
              domain: f.domain,
              notBefore: validity.notBefore.toISOString(),
              notAfter: validity.notAfter.toISOString(),
              nextNotAfter: nextValidity?.notAfter.toISOString() ?? null,
            },
            okta: { appIds: f.apps.map((a) => str(a, 'id')) },
            window: window === 'expired' ? 'expired' : ctx.thresholds.expiryDays[window],
            aadsts: ['50008'],
          },
          steps: [
            'Okta Admin Console › Applications › Microsoft Office 365 › Sign On: generate and activate a new signing certificate, then re-run automatic WS-Federation setup (or copy the certificate from View Setup Instructions).',
            `Entra: Update-MgDomainFederationConfiguration -DomainId ${f.domain} -SigningCertificate <new base64 certificate> (Microsoft Graph PowerShell).`,
            `API: PATCH https://graph.microsoft.com/v1.0/domains/${f.domain}/federationConfiguration/${str(f.config, 'id') ?? '{id}'} {"signingCertificate":"…","nextSigningCertificate":null}.`,
          ],
          links: [LINKS.domainFederation, LINKS.oktaAppKeys, LINKS.oktaOffice365],
        }),
      )
    }
    return findings
  },
})
