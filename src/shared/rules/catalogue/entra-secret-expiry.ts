/**
 * entra-secret-expiry — client secrets of Entra app registrations that have expired
 * or expire within the expiry windows (30/60/90 days). Critical scale when the app
 * backs an Okta Microsoft IdP and the secret is the one Okta uses (or Okta's secret
 * is unknown): sign-in through Okta stops with AADSTS7000222.
 * Reads: entra.applications (`passwordCredentials[].endDateTime`, `hint`); okta.idps when
 * collected (without it no secret is known to back Okta, so everything is a note).
 * Outside the seam an app's last secret is judged on the standard scale (medium within 30
 * days or just expired, low within 60); a superseded secret, one Okta does not hold, and
 * one that expired more than 30 days ago (a leftover nobody uses) are info notes.
 * False positives: an app nobody uses whose last secret is about to expire.
 */
import type { Finding, Severity } from '../../model'
import { type Rec, str, text } from '../../util/access'
import { parseDate } from '../../util/dates'
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
  applicationSubject,
  idpSubject,
  activeMicrosoftIdps,
  passwordCredentials,
} from '../../compare/seam'

export const entraSecretExpiry = defineRule({
  id: 'entra-secret-expiry',
  title: 'App registration client secret expired or expiring',
  category: 'credential-expiry',
  severity: 'high',
  reads: ['entra.applications'],
  optionalReads: ['okta.idps'],
  evaluate(snapshot, ctx): Finding[] {
    const idpsByAppId = backingIdps(activeMicrosoftIdps(ctx.index))
    const findings: Finding[] = []
    for (const app of ctx.index.applications) {
      const idps = idpsByAppId.get(str(app, 'appId')?.toLowerCase() ?? '') ?? []
      const creds = passwordCredentials(app)
      for (const cred of creds) {
        // a newer secret that outlives the windows means this one is no longer needed
        const superseded = creds.some((other) => {
          const e = parseDate(other['endDateTime'])
          return (
            other !== cred &&
            e !== undefined &&
            expiryWindow(e, ctx.now, ctx.thresholds) === undefined
          )
        })
        const f = evaluateSecret(app, cred, idps, superseded, ctx)
        if (f) findings.push(f)
      }
    }
    return findings
  },
})

function isReader(app: Rec, ctx: RuleContext): boolean {
  const reader = ctx.index.snapshot.collection.reader?.entra?.clientId
  return !!reader && str(app, 'appId')?.toLowerCase() === reader.toLowerCase()
}

function backingIdps(list: MicrosoftIdp[]): Map<string, MicrosoftIdp[]> {
  const map = new Map<string, MicrosoftIdp[]>()
  for (const m of list) {
    const key = m.clientId?.toLowerCase()
    if (!key) continue
    map.set(key, [...(map.get(key) ?? []), m])
  }
  return map
}

/**
 * The severity of an expiring secret: critical scale when an active Okta IdP signs in
 * with it (Okta holds it, or Okta's secret is not visible and nothing newer exists);
 * `info` for every other secret — a superseded one, one Okta does not hold, or one of
 * an app outside the seam (cleaning up is worth a note, not an alarm).
 */
function secretSeverity(
  window: ExpiryWindow,
  end: Date,
  usedBy: MicrosoftIdp[],
  backsOkta: boolean,
  superseded: boolean,
  ctx: RuleContext,
): Severity {
  if (usedBy.length > 0) return expirySeverity(window, 'critical')
  // a secret of the app behind Okta that Okta does not hold is not in use
  if (backsOkta) return 'info'
  return leftoverSeverity(window, end, ctx.now, superseded, ctx.thresholds)
}

function evaluateSecret(
  app: Rec,
  cred: Rec,
  idps: MicrosoftIdp[],
  superseded: boolean,
  ctx: RuleContext,
): Finding | undefined {
  const end = parseDate(cred['endDateTime'])
  if (!end) return undefined
  const window = expiryWindow(end, ctx.now, ctx.thresholds)
  if (window === undefined) return undefined
  const hint = str(cred, 'hint')
  const usedBy = idps.filter((m) =>
    m.secret === undefined ? !superseded : hint !== undefined && m.secret.hint === hint,
  )
  const appName = text(app, 'displayName') ?? str(app, 'appId') ?? '?'
  const when = describeExpiry(end, ctx.now)
  const why = usedBy.length
    ? ` Okta IdP ${usedBy.map((m) => `"${m.name}"`).join(', ')} signs in with ${usedBy.some((m) => m.secret) ? 'this secret' : 'this app (its secret is not visible, so this one may be it)'}; once it expires Entra answers AADSTS7000222 and nobody can sign in through Okta.`
    : superseded
      ? ' A newer secret is already registered; remove this one when nothing uses it.'
      : idps.length
        ? ` Okta's IdP holds another secret of this app, so this one is not in use by Okta.`
        : ` No Okta identity provider signs in with this app${isReader(app, ctx) ? '; it is the app Crosswalk collects with, so the next collection fails once it expires' : ''}.`
  return makeFinding(entraSecretExpiry, {
    severity: secretSeverity(window, end, usedBy, idps.length > 0, superseded, ctx),
    title: `Client secret ${hint ? `"${hint}…" ` : ''}of app "${appName}" ${window === 'expired' ? 'has expired' : 'expires soon'}`,
    detail: `The secret ${text(cred, 'displayName') ? `"${text(cred, 'displayName')}" ` : ''}${when}.${why}`,
    subjects: [applicationSubject(app), ...usedBy.map(idpSubject)],
    cause: `${str(app, 'id') ?? str(app, 'appId')}:${str(cred, 'keyId') ?? hint ?? end.toISOString()}`,
    evidence: {
      entra: {
        appId: str(app, 'appId'),
        keyId: str(cred, 'keyId') ?? null,
        hint: hint ?? null,
        endDateTime: end.toISOString(),
        superseded,
      },
      okta: usedBy.map((m) => ({ idpId: m.id, secretHint: m.secret?.hint ?? null })),
      window: window === 'expired' ? 'expired' : ctx.thresholds.expiryDays[window],
      aadsts: usedBy.length ? ['7000222'] : [],
    },
    steps: [
      `Entra admin center › Identity › Applications › App registrations › ${appName} › Certificates & secrets › New client secret; copy the value.`,
      ...(usedBy.length
        ? [
            `Okta Admin Console › Security › Identity Providers › ${usedBy[0]?.name} › Edit › Client Secret: paste the new value; test a sign-in.`,
          ]
        : ['Update every client that uses this secret, or remove it if nothing does.']),
      `API: POST https://graph.microsoft.com/v1.0/applications/${str(app, 'id') ?? '{id}'}/addPassword, then POST …/removePassword {"keyId":"${str(cred, 'keyId') ?? '{keyId}'}"} once clients use the new one.`,
    ],
    links: [LINKS.appCredentials, LINKS.addPassword, LINKS.oktaMicrosoftIdp],
  })
}
