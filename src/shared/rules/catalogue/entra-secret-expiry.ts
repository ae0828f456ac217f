/**
 * entra-secret-expiry — client secrets of Entra app registrations that have expired
 * or expire within the expiry windows (30/60/90 days). Critical scale when the app
 * backs an Okta Microsoft IdP and the secret is the one Okta uses (or Okta's secret
 * is unknown): sign-in through Okta stops with AADSTS7000222.
 * Reads: entra.applications (`passwordCredentials[].endDateTime`, `hint`), okta.idps.
 * False positives: an expired secret next to a newer valid one on an app that does
 * not back Okta is reported at the standard scale (medium at most); clean-up only.
 */
import type { Finding } from '../../model'
import { type Rec, str, text } from '../../util/access'
import { parseDate } from '../../util/dates'
import { describeExpiry, expirySeverity, expiryWindow } from '../expiry'
import { LINKS } from '../links'
import { type Rule, type RuleContext, makeFinding } from '../rule'
import {
  type MicrosoftIdp,
  applicationSubject,
  idpSubject,
  microsoftIdps,
  passwordCredentials,
  secretPrefix,
} from '../../compare/seam'

export const entraSecretExpiry: Rule = {
  id: 'entra-secret-expiry',
  title: 'App registration client secret expired or expiring',
  category: 'credential-expiry',
  severity: 'high',
  reads: ['entra.applications'],
  evaluate(snapshot, ctx) {
    const idpsByAppId = backingIdps(microsoftIdps(snapshot, ctx.index))
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
  // The secret matters to Okta when Okta holds it (prefix = hint) or when Okta's secret is not visible.
  const usedBy = idps.filter((m) => {
    if (m.clientSecret === undefined) return !superseded
    return hint !== undefined && secretPrefix(m.clientSecret) === hint
  })
  const scale = usedBy.length > 0 ? 'critical' : 'standard'
  const appName = text(app, 'displayName') ?? str(app, 'appId') ?? '?'
  const when = describeExpiry(end, ctx.now)
  return makeFinding(entraSecretExpiry, {
    severity: superseded && usedBy.length === 0 ? 'info' : expirySeverity(window, scale),
    title: `Client secret ${hint ? `"${hint}…" ` : ''}of app "${appName}" ${window === 'expired' ? 'has expired' : 'expires soon'}`,
    detail: `The secret ${text(cred, 'displayName') ? `"${text(cred, 'displayName')}" ` : ''}${when}.${superseded ? ' A newer secret is already registered.' : ''}${usedBy.length ? ` Okta IdP ${usedBy.map((m) => `"${m.name}"`).join(', ')} signs in with this app; once the secret expires Entra answers AADSTS7000222 and nobody can sign in through Okta.` : ''}`,
    subjects: [applicationSubject(app), ...usedBy.map(idpSubject)],
    key: `${str(app, 'id') ?? str(app, 'appId')}:${str(cred, 'keyId') ?? hint ?? end.toISOString()}`,
    evidence: {
      entra: {
        appId: str(app, 'appId'),
        keyId: str(cred, 'keyId') ?? null,
        hint: hint ?? null,
        endDateTime: end.toISOString(),
      },
      okta: usedBy.map((m) => ({
        idpId: m.id,
        secretPrefix: secretPrefix(m.clientSecret) ?? null,
      })),
      window: window === 'expired' ? 'expired' : ctx.thresholds.expiryDays[window],
      aadsts: usedBy.length ? ['7000222'] : [],
    },
    steps: [
      `Entra admin center › Identity › Applications › App registrations › ${appName} › Certificates & secrets › New client secret; copy the value.`,
      ...(usedBy.length
        ? [
            `Okta Admin Console › Security › Identity Providers › ${usedBy[0]?.name} › Edit › Client Secret: paste the new value; test a sign-in.`,
          ]
        : ['Update every client that uses this secret.']),
      `API: POST https://graph.microsoft.com/v1.0/applications/${str(app, 'id') ?? '{id}'}/addPassword, then POST …/removePassword {"keyId":"${str(cred, 'keyId') ?? '{keyId}'}"} once clients use the new one.`,
    ],
    links: [LINKS.appCredentials, LINKS.addPassword, LINKS.oktaMicrosoftIdp],
  })
}
