/**
 * idp-client-secret-mismatch — the client secret Okta holds for a Microsoft IdP is not
 * a current secret of the app registration: it is the secret ID (a GUID, usually one
 * of the app's credential key IDs) instead of the value, it is blank, or its first
 * three characters match no credential's `hint` (a match with an expired one is
 * entra-secret-expiry's finding). Entra answers AADSTS7000215.
 * One finding per app and kind of mismatch, naming every IdP that holds it.
 * Reads: okta.idps, entra.applications (`passwordCredentials[].hint`, `keyId`);
 * entra.directoryAudits when collected (when the app's secrets last changed, and who).
 * False positives: none known; when Okta does not return the secret (an org may omit
 * it) or Entra returns no hints, the rule stays silent. Works from the redacted form
 * only (see model/secret.ts): the hint, the GUID shape and the matching key ID.
 */
import type { Finding } from '../../model'
import type { Rec } from '../../util/access'
import { str, text } from '../../util/access'
import { parseDate } from '../../util/dates'
import { LINKS } from '../links'
import { auditActor, auditSubject, latestEntraAudit } from '../log-evidence'
import { defineRule, makeFinding } from '../rule'
import {
  type MicrosoftIdp,
  applicationSubject,
  groupIdpsByCause,
  idpNames,
  idpSubject,
  microsoftIdps,
  passwordCredentials,
} from '../../compare/seam'

type Reason = 'blank' | 'secret-id' | 'no-hint-match'

const CREDENTIAL_CHANGE = new Set([
  'update application - certificates and secrets management',
  'update application',
])

interface Credential {
  keyId: string | undefined
  hint: string | undefined
  endDateTime: string | undefined
  current: boolean
}

function credentials(app: Rec, now: Date): Credential[] {
  return passwordCredentials(app).map((c) => {
    const end = parseDate(c['endDateTime'])
    return {
      keyId: str(c, 'keyId'),
      hint: str(c, 'hint'),
      endDateTime: str(c, 'endDateTime'),
      current: !end || end.getTime() > now.getTime(),
    }
  })
}

/** Why Okta's secret is not one of the app's current secrets, or undefined when it is (or cannot be told). */
function mismatch(m: MicrosoftIdp, creds: Credential[]): Reason | undefined {
  const secret = m.secret
  if (!secret) return undefined
  if (!secret.hint) return 'blank'
  if (secret.guidShaped) return 'secret-id'
  if (creds.every((c) => !c.hint)) return undefined
  // a hint that matches an expired secret is entra-secret-expiry's finding (AADSTS7000222)
  return creds.some((c) => c.hint === secret.hint) ? undefined : 'no-hint-match'
}

export const idpClientSecretMismatch = defineRule({
  id: 'idp-client-secret-mismatch',
  title: 'Okta Microsoft IdP client secret is not a current secret of the app registration',
  category: 'credential-mismatch',
  severity: 'critical',
  reads: ['okta.idps', 'entra.applications'],
  optionalReads: ['entra.directoryAudits'],
  evaluate(snapshot, ctx): Finding[] {
    const groups = groupIdpsByCause(microsoftIdps(snapshot, ctx.index), (m) => {
      if (!m.application) return undefined
      const creds = credentials(m.application, ctx.now)
      const reason = mismatch(m, creds)
      if (!reason) return undefined
      return {
        key: `${str(m.application, 'id') ?? m.clientId}:${reason}:${reason === 'no-hint-match' ? (m.secret?.hint ?? '') : ''}`,
        detail: { app: m.application, creds, reason },
      }
    })
    return groups.map(({ key, idps, active, detail: { app, creds, reason } }) => {
      const appId = str(app, 'appId')
      const appName = text(app, 'displayName') ?? appId ?? '?'
      const first = idps[0] as MicrosoftIdp
      const keyId = first.secret?.keyId
      const who = idpNames(idps)
      const changed = latestEntraAudit(ctx.index, str(app, 'id'), CREDENTIAL_CHANGE)
      const detail =
        reason === 'blank'
          ? `Okta holds an empty client secret for ${who}; Entra rejects the token request (AADSTS7000218 / 7000215).`
          : reason === 'secret-id'
            ? `Okta holds a GUID as the client secret of ${who}${keyId ? `, and it is the Secret ID (keyId) of one of the app's secrets` : ''}. Entra expects the secret VALUE, which is shown only once when the secret is created, and answers AADSTS7000215 (invalid client secret).`
            : `The secret Okta holds for ${who} starts with "${first.secret?.hint ?? ''}", but no secret of app ${appId ?? '?'} has that hint (Entra keeps the first three characters of each secret). Okta holds a deleted, expired or mistyped secret; Entra answers AADSTS7000215.`
      return makeFinding(idpClientSecretMismatch, {
        severity: active ? 'critical' : 'info',
        cause: key,
        title:
          reason === 'secret-id'
            ? `Okta ${who} hold${idps.length === 1 ? 's' : ''} the secret ID instead of the secret value${active ? '' : ' (inactive)'}`
            : `Okta ${who} hold${idps.length === 1 ? 's' : ''} a client secret that app "${appName}" does not have${active ? '' : ' (inactive)'}`,
        detail: `${detail}${changed ? ` The app's secrets last changed ${str(changed, 'activityDateTime') ?? ''}${auditActor(changed) ? ` (by ${auditActor(changed)})` : ''}.` : ''}${active ? '' : ' The IdP is inactive, so nobody signs in through it today.'}`,
        subjects: [
          ...idps.map(idpSubject),
          applicationSubject(app),
          ...(changed ? [auditSubject(changed)] : []),
        ],
        evidence: {
          entra: {
            appId,
            secrets: creds.map((c) => ({
              keyId: c.keyId ?? null,
              hint: c.hint ?? null,
              endDateTime: c.endDateTime ?? null,
              current: c.current,
            })),
          },
          okta: {
            idps: idps.map((m) => ({
              idpId: m.id,
              clientId: m.clientId ?? null,
              secretHint: m.secret?.hint ?? null,
              secretIsGuid: m.secret?.guidShaped ?? false,
              matchesKeyId: m.secret?.keyId ?? null,
            })),
          },
          comparisons: idps.map((m) => ({
            okta: { type: 'idp', id: m.id, name: m.name },
            entra: { type: 'application', id: str(app, 'id') ?? '', name: appName },
            pairs: [
              {
                label: 'secret hint ↔ secret hints',
                okta: { attribute: 'client_secret (first 3)', value: m.secret?.hint ?? null },
                entra: { attribute: 'passwordCredentials[].hint', value: creds.map((c) => c.hint) },
                verdict: 'different' as const,
                ...(m.secret?.keyId ? { note: `equals the Secret ID ${m.secret.keyId}` } : {}),
              },
            ],
          })),
          aadsts: reason === 'blank' ? ['7000218', '7000215'] : ['7000215'],
        },
        steps: [
          `Entra admin center › Identity › Applications › App registrations › ${appName} › Certificates & secrets › Client secrets › New client secret; copy the VALUE column (not the Secret ID) before leaving the page.`,
          `Okta Admin Console › Security › Identity Providers › ${first.name} › Edit › Client Secret: paste the value and save${idps.length > 1 ? ' (for each IdP listed)' : ''}.`,
          `API: POST https://graph.microsoft.com/v1.0/applications/${str(app, 'id') ?? '{id}'}/addPassword returns secretText once; then PUT {orgUrl}/api/v1/idps/${first.id} with protocol.credentials.client.client_secret set to it.`,
          'Delete the old secret in Entra once sign-ins succeed.',
        ],
        links: [LINKS.appCredentials, LINKS.addPassword, LINKS.oktaMicrosoftIdp, LINKS.aadstsCodes],
      })
    })
  },
})
