/**
 * entra-certificate-expiry — certificate credentials (keyCredentials) of Entra app
 * registrations that have expired or expire within the expiry windows. Critical scale
 * when the app backs an Okta Microsoft IdP (Okta's private_key_jwt client
 * authentication, AADSTS700027 once the certificate is gone).
 * Reads: entra.applications (`keyCredentials[].endDateTime`), okta.idps.
 * False positives: a superseded certificate still listed next to a newer one.
 */
import type { Finding } from '../../model'
import { norm, recs, str, text } from '../../util/access'
import { parseDate } from '../../util/dates'
import { describeExpiry, expirySeverity, expiryWindow } from '../expiry'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import { activeMicrosoftIdps, applicationSubject, idpSubject } from '../../compare/seam'

export const entraCertificateExpiry = defineRule({
  id: 'entra-certificate-expiry',
  title: 'App registration certificate expired or expiring',
  category: 'credential-expiry',
  severity: 'high',
  reads: ['entra.applications'],
  optionalReads: ['okta.idps'],
  evaluate(_snapshot, ctx): Finding[] {
    const idps = activeMicrosoftIdps(ctx.index).filter(
      (m) =>
        norm(str(m.idp, 'protocol', 'credentials', 'client', 'token_endpoint_auth_method')) ===
        'private_key_jwt',
    )
    const findings: Finding[] = []
    for (const app of ctx.index.applications) {
      const appId = str(app, 'appId')?.toLowerCase()
      const backing = idps.filter((m) => m.clientId?.toLowerCase() === appId)
      const certs = recs(app, 'keyCredentials')
      for (const cred of certs) {
        const end = parseDate(cred['endDateTime'])
        if (!end) continue
        const window = expiryWindow(end, ctx.now, ctx.thresholds)
        if (window === undefined) continue
        // a newer certificate that outlives the windows means this one is already superseded
        const superseded = certs.some((other) => {
          const e = parseDate(other['endDateTime'])
          return (
            other !== cred &&
            e !== undefined &&
            expiryWindow(e, ctx.now, ctx.thresholds) === undefined
          )
        })
        const appName = text(app, 'displayName') ?? str(app, 'appId') ?? '?'
        findings.push(
          makeFinding(entraCertificateExpiry, {
            severity:
              backing.length > 0 && !superseded ? expirySeverity(window, 'critical') : 'info',
            title: `Certificate of app "${appName}" ${window === 'expired' ? 'has expired' : 'expires soon'}`,
            detail: `Certificate ${text(cred, 'displayName') ?? str(cred, 'keyId') ?? ''} (${str(cred, 'usage') ?? 'Verify'}) ${describeExpiry(end, ctx.now)}.${superseded ? ' A newer certificate is already registered.' : ''}${backing.length ? ` Okta IdP ${backing.map((m) => `"${m.name}"`).join(', ')} authenticates to Entra with this app's certificate.` : ' No Okta identity provider authenticates with it.'}`,
            subjects: [applicationSubject(app), ...backing.map(idpSubject)],
            cause: `${str(app, 'id') ?? appId}:${str(cred, 'keyId') ?? end.toISOString()}`,
            evidence: {
              entra: {
                appId: str(app, 'appId'),
                keyId: str(cred, 'keyId') ?? null,
                thumbprint: str(cred, 'customKeyIdentifier') ?? null,
                endDateTime: end.toISOString(),
                superseded,
              },
              okta: backing.map((m) => ({ idpId: m.id, clientId: m.clientId })),
              window: window === 'expired' ? 'expired' : ctx.thresholds.expiryDays[window],
            },
            steps: [
              `Entra admin center › App registrations › ${appName} › Certificates & secrets › Certificates › Upload certificate (the new public certificate).`,
              ...(backing.length
                ? [
                    `Okta Admin Console › Security › Identity Providers › ${backing[0]?.name}: make Okta sign client assertions with the matching key pair.`,
                  ]
                : []),
              `API: PATCH https://graph.microsoft.com/v1.0/applications/${str(app, 'id') ?? '{id}'} with keyCredentials including the new certificate (or addKey).`,
            ],
            links: [LINKS.appCredentials, LINKS.updateApplication],
          }),
        )
      }
    }
    return findings
  },
})
