/**
 * okta-signing-key-expiry — the ACTIVE signing key of an Okta app (the `appKeys`
 * entry whose kid is `credentials.signing.kid`) has expired or expires within the
 * windows. For an Office 365 app that serves a federated domain this breaks every
 * WS-Fed sign-in (AADSTS50008 / 50006 once Entra's copy is stale), so critical scale.
 * The key of an Office 365 app that Entra holds as a domain's federation certificate is
 * federation-certificate-expiry's finding (one cause, one finding).
 * Reads: okta.apps, okta.appKeys (`expiresAt`, else the x5c[0] notAfter);
 * entra.federationConfigurations and entra.domains when collected.
 * False positives: rotated keys Okta keeps in the list are ignored on purpose.
 */
import type { Finding } from '../../model'
import { str, strs } from '../../util/access'
import { parseDate } from '../../util/dates'
import { certificateKey, readCertificateValidity } from '../../util/der'
import { describeExpiry, expirySeverity, expiryWindow } from '../expiry'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import {
  activeSigningKey,
  isActiveApp,
  isOffice365App,
  office365Domains,
  oktaAppSubject,
} from '../../compare/seam'
import { domainFederations } from '../federation'

export const oktaSigningKeyExpiry = defineRule({
  id: 'okta-signing-key-expiry',
  title: 'Okta app signing key expired or expiring',
  category: 'credential-expiry',
  severity: 'high',
  reads: ['okta.apps', 'okta.appKeys'],
  optionalReads: ['entra.federationConfigurations', 'entra.domains'],
  evaluate(snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    // the certificates Entra holds for federated domains: their expiry is federation-certificate-expiry's finding
    const federationCerts = new Set(
      domainFederations(snapshot, ctx.index)
        .map((f) => certificateKey(str(f.config, 'signingCertificate')))
        .filter((k): k is string => !!k),
    )
    for (const app of ctx.index.oktaApps) {
      if (!isActiveApp(app)) continue
      const key = activeSigningKey(snapshot, app)
      if (!key) continue
      const x5c = strs(key, 'x5c')[0]
      if (x5c && federationCerts.has(certificateKey(x5c) ?? '')) continue
      const end =
        parseDate(key['expiresAt']) ?? (x5c ? readCertificateValidity(x5c)?.notAfter : undefined)
      if (!end) continue
      const window = expiryWindow(end, ctx.now, ctx.thresholds)
      if (window === undefined) continue
      // an Office 365 app's key is critical where Entra federates a domain to it
      const o365 =
        isOffice365App(app) &&
        office365Domains(app).some((d) => ctx.index.domainAuthentication(d) === 'federated')
      const label = str(app, 'label') ?? str(app, 'name') ?? str(app, 'id') ?? '?'
      findings.push(
        makeFinding(oktaSigningKeyExpiry, {
          severity: expirySeverity(window, o365 ? 'critical' : 'standard'),
          title: `Signing key of Okta app "${label}" ${window === 'expired' ? 'has expired' : 'expires soon'}`,
          detail: `Active key ${str(key, 'kid')} ${describeExpiry(end, ctx.now)}.${o365 ? ' Entra validates Office 365 sign-ins against this certificate (domain federation signingCertificate); after a rotation Entra must receive the new one.' : ' Service providers that trust this certificate must receive the new one.'}`,
          subjects: [
            oktaAppSubject(app),
            { source: 'okta', type: 'appKey', id: str(key, 'kid') ?? '' },
          ],
          cause: `${str(app, 'id')}:${str(key, 'kid')}`,
          evidence: {
            okta: {
              appId: str(app, 'id'),
              kid: str(key, 'kid'),
              expiresAt: end.toISOString(),
              office365: o365,
            },
            window: window === 'expired' ? 'expired' : ctx.thresholds.expiryDays[window],
          },
          steps: [
            `Okta Admin Console › Applications › ${label} › Sign On › SAML Signing Certificates (or Signing Credentials) › Generate new certificate, then activate it.`,
            o365
              ? 'For Office 365 with automatic WS-Fed setup, re-run automatic setup so Entra receives the new certificate; with manual setup, update the domain federation signingCertificate.'
              : 'Send the new certificate (or metadata) to the service provider before activating it.',
            `API: POST {orgUrl}/api/v1/apps/${str(app, 'id')}/credentials/keys/generate?validityYears=2, then PUT /api/v1/apps/${str(app, 'id')} with credentials.signing.kid set to the new kid.`,
          ],
          links: [LINKS.oktaAppKeys, LINKS.oktaOffice365],
        }),
      )
    }
    return findings
  },
})
