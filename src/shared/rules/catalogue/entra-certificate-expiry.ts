/**
 * entra-certificate-expiry — certificates that have expired or expire within the expiry
 * windows: the keyCredentials of app registrations, and the active SAML signing
 * certificate of enterprise apps (the service principal's keyCredential whose thumbprint
 * is its `preferredTokenSigningKeyThumbprint`; Entra signs every SAML response with it, so
 * the app's single sign-on stops when it expires).
 * Critical scale when an active Okta Microsoft IdP authenticates with the app's
 * certificate (`token_endpoint_auth_method` private_key_jwt; AADSTS700027 once it is
 * gone). Elsewhere an app's last certificate is judged on the standard scale; a
 * superseded one, and one that expired more than 30 days ago (a leftover), are info notes.
 * Reads: entra.applications (`keyCredentials[].endDateTime`); entra.servicePrincipals and
 * okta.idps when collected.
 * False positives: an app nobody uses whose last certificate is about to expire.
 */
import type { Finding, Severity, Subject } from '../../model'
import { type Rec, norm, recs, str, text } from '../../util/access'
import { parseDate } from '../../util/dates'
import { decodeBase64 } from '../../util/der'
import {
  type ExpiryWindow,
  describeExpiry,
  expirySeverity,
  expiryWindow,
  leftoverSeverity,
} from '../expiry'
import { LINKS } from '../links'
import { type RuleContext, defineRule, makeFinding } from '../rule'
import {
  type MicrosoftIdp,
  activeMicrosoftIdps,
  applicationSubject,
  idpSubject,
  servicePrincipalSubject,
} from '../../compare/seam'

/** True when a newer credential of the list outlives the windows. */
function isSuperseded(cred: Rec, all: Rec[], ctx: RuleContext): boolean {
  return all.some((other) => {
    const e = parseDate(other['endDateTime'])
    return (
      other !== cred && e !== undefined && expiryWindow(e, ctx.now, ctx.thresholds) === undefined
    )
  })
}

/** A keyCredential's thumbprint as hex: its customKeyIdentifier holds the thumbprint bytes. */
function thumbprint(cred: Rec): string | undefined {
  const id = str(cred, 'customKeyIdentifier')
  if (!id) return undefined
  if (/^[0-9a-f]{40}$/i.test(id)) return id.toLowerCase()
  const bytes = decodeBase64(id)
  return bytes ? [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('') : undefined
}

interface Expiring {
  owner: Subject
  ownerName: string
  cred: Rec
  end: Date
  window: ExpiryWindow
  severity: Severity
  cause: string
  backing: MicrosoftIdp[]
  samlSigning: boolean
}

function applicationCertificates(ctx: RuleContext, idps: MicrosoftIdp[]): Expiring[] {
  const out: Expiring[] = []
  for (const app of ctx.index.applications) {
    const appId = str(app, 'appId')?.toLowerCase()
    const backing = idps.filter((m) => m.clientId?.toLowerCase() === appId)
    const certs = recs(app, 'keyCredentials')
    for (const cred of certs) {
      const end = parseDate(cred['endDateTime'])
      if (!end) continue
      const window = expiryWindow(end, ctx.now, ctx.thresholds)
      if (window === undefined) continue
      const superseded = isSuperseded(cred, certs, ctx)
      out.push({
        owner: applicationSubject(app),
        ownerName: text(app, 'displayName') ?? str(app, 'appId') ?? '?',
        cred,
        end,
        window,
        severity:
          backing.length > 0 && !superseded
            ? expirySeverity(window, 'critical')
            : backing.length > 0
              ? 'info'
              : leftoverSeverity(window, end, ctx.now, superseded, ctx.thresholds),
        cause: `${str(app, 'id') ?? appId}:${str(cred, 'keyId') ?? end.toISOString()}`,
        backing,
        samlSigning: false,
      })
    }
  }
  return out
}

/** The active SAML signing certificate of each enterprise app, when it is about to expire. */
function samlSigningCertificates(ctx: RuleContext): Expiring[] {
  const out: Expiring[] = []
  for (const sp of ctx.index.servicePrincipals) {
    const active = norm(str(sp, 'preferredTokenSigningKeyThumbprint'))
    if (!active) continue
    const certs = recs(sp, 'keyCredentials').filter((c) => norm(str(c, 'usage')) === 'sign')
    const cred = certs.find((c) => thumbprint(c) === active)
    const end = parseDate(cred?.['endDateTime'])
    if (!cred || !end) continue
    const window = expiryWindow(end, ctx.now, ctx.thresholds)
    if (window === undefined) continue
    // a newer certificate that is not active yet still has to be made active: not superseded
    out.push({
      owner: servicePrincipalSubject(sp),
      ownerName: text(sp, 'displayName') ?? str(sp, 'appId') ?? '?',
      cred,
      end,
      window,
      severity: leftoverSeverity(window, end, ctx.now, false, ctx.thresholds),
      cause: `sp:${str(sp, 'id') ?? ''}:${active}`,
      backing: [],
      samlSigning: true,
    })
  }
  return out
}

export const entraCertificateExpiry = defineRule({
  id: 'entra-certificate-expiry',
  title: 'App or enterprise app certificate expired or expiring',
  category: 'credential-expiry',
  severity: 'high',
  reads: ['entra.applications'],
  optionalReads: ['entra.servicePrincipals', 'okta.idps'],
  evaluate(_snapshot, ctx): Finding[] {
    const idps = activeMicrosoftIdps(ctx.index).filter(
      (m) =>
        norm(str(m.idp, 'protocol', 'credentials', 'client', 'token_endpoint_auth_method')) ===
        'private_key_jwt',
    )
    return [...applicationCertificates(ctx, idps), ...samlSigningCertificates(ctx)].map((x) =>
      makeFinding(entraCertificateExpiry, {
        severity: x.severity,
        cause: x.cause,
        title: `${x.samlSigning ? 'SAML signing certificate of enterprise app' : 'Certificate of app'} "${x.ownerName}" ${x.window === 'expired' ? 'has expired' : 'expires soon'}`,
        detail: `Certificate ${text(x.cred, 'displayName') ?? str(x.cred, 'keyId') ?? ''} (${str(x.cred, 'usage') ?? 'Verify'}) ${describeExpiry(x.end, ctx.now)}.${
          x.samlSigning
            ? ' It is the certificate Entra signs this app\u2019s SAML responses with: single sign-on to the app stops when it expires.'
            : x.severity === 'info'
              ? ' A newer certificate is registered, or this one expired long ago and nothing uses it.'
              : ''
        }${x.backing.length ? ` Okta IdP ${x.backing.map((m) => `"${m.name}"`).join(', ')} authenticates to Entra with this app's certificate.` : ''}`,
        subjects: [x.owner, ...x.backing.map(idpSubject)],
        evidence: {
          entra: {
            object: x.owner,
            keyId: str(x.cred, 'keyId') ?? null,
            thumbprint: thumbprint(x.cred) ?? null,
            endDateTime: x.end.toISOString(),
            samlSigning: x.samlSigning,
          },
          okta: x.backing.map((m) => ({ idpId: m.id, clientId: m.clientId })),
          window: x.window === 'expired' ? 'expired' : ctx.thresholds.expiryDays[x.window],
        },
        steps: x.samlSigning
          ? [
              `Entra admin center › Enterprise applications › ${x.ownerName} › Single sign-on › SAML Certificates › Edit › New Certificate; give the service provider the new certificate (or its federation metadata), then make it active.`,
              `API: POST https://graph.microsoft.com/v1.0/servicePrincipals/${x.owner.id}/addTokenSigningCertificate, then PATCH the service principal's preferredTokenSigningKeyThumbprint.`,
            ]
          : [
              `Entra admin center › App registrations › ${x.ownerName} › Certificates & secrets › Certificates › Upload certificate (the new public certificate).`,
              ...(x.backing.length
                ? [
                    `Okta Admin Console › Security › Identity Providers › ${x.backing[0]?.name}: make Okta sign client assertions with the matching key pair.`,
                  ]
                : []),
              `API: PATCH https://graph.microsoft.com/v1.0/applications/${x.owner.id} with keyCredentials including the new certificate (or addKey).`,
            ],
        links: [LINKS.appCredentials, LINKS.updateApplication],
      }),
    )
  },
})
