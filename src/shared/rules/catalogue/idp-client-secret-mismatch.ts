/**
 * idp-client-secret-mismatch — the client secret Okta holds for a Microsoft IdP is
 * not a current secret of the app registration: its first three characters match no
 * unexpired credential's `hint`, or it is GUID-shaped (the secret ID pasted instead
 * of the value). Entra answers AADSTS7000215.
 * Reads: okta.idps, entra.applications.
 * False positives: none known; when Okta does not return the secret (live orgs may
 * omit it) or Entra returns no hints, the rule stays silent. Never shows more than
 * the 3-character prefix.
 */
import { norm, str, text } from '../../util/access'
import { parseDate } from '../../util/dates'
import { LINKS } from '../links'
import { type Rule, makeFinding } from '../rule'
import {
  applicationSubject,
  idpSubject,
  looksLikeSecretId,
  microsoftIdps,
  passwordCredentials,
  secretPrefix,
} from '../../compare/seam'

export const idpClientSecretMismatch: Rule = {
  id: 'idp-client-secret-mismatch',
  title: 'Okta Microsoft IdP client secret is not a current secret of the app registration',
  category: 'credential-mismatch',
  severity: 'critical',
  reads: ['okta.idps', 'entra.applications'],
  evaluate(snapshot, ctx) {
    const findings = []
    for (const m of microsoftIdps(snapshot, ctx.index)) {
      if (!m.application || m.clientSecret === undefined) continue
      const creds = passwordCredentials(m.application).map((c) => {
        const end = parseDate(c['endDateTime'])
        return {
          keyId: str(c, 'keyId'),
          hint: str(c, 'hint'),
          displayName: text(c, 'displayName'),
          endDateTime: str(c, 'endDateTime'),
          current: !end || end.getTime() > ctx.now.getTime(),
        }
      })
      const secret = m.clientSecret.trim()
      const prefix = secretPrefix(secret)
      const appId = str(m.application, 'appId')
      let reason: 'blank' | 'secret-id' | 'no-hint-match' | undefined
      let matchedKeyId: string | undefined
      if (!secret) reason = 'blank'
      else if (looksLikeSecretId(secret)) {
        reason = 'secret-id'
        matchedKeyId = creds.find((c) => norm(c.keyId) === norm(secret))?.keyId
      } else {
        const hinted = creds.filter((c) => c.hint)
        if (hinted.length === 0) continue
        const matches = hinted.filter((c) => c.hint === prefix)
        if (matches.length > 0) continue
        reason = 'no-hint-match'
      }
      const detail =
        reason === 'blank'
          ? 'Okta holds an empty client secret for this IdP; Entra rejects the token request (AADSTS7000218 / 7000215).'
          : reason === 'secret-id'
            ? `Okta holds a GUID as the client secret${matchedKeyId ? `, and it is the Secret ID (keyId) of one of the app's secrets` : ''}. Entra expects the secret VALUE, which is shown only once when the secret is created, and answers AADSTS7000215 (invalid client secret).`
            : `The secret Okta holds starts with "${prefix}", but no secret of app ${appId ?? '?'} has that hint (Entra keeps the first three characters of each secret). Okta probably holds a deleted or mistyped secret; Entra answers AADSTS7000215.`
      findings.push(
        makeFinding(idpClientSecretMismatch, {
          title:
            reason === 'secret-id'
              ? `Okta IdP "${m.name}" holds the secret ID instead of the secret value`
              : `Okta IdP "${m.name}" holds a client secret that app "${text(m.application, 'displayName') ?? appId}" does not have`,
          detail,
          subjects: [idpSubject(m), applicationSubject(m.application)],
          evidence: {
            entra: {
              appId,
              secrets: creds.map((c) => ({
                keyId: c.keyId,
                hint: c.hint ?? null,
                endDateTime: c.endDateTime ?? null,
                current: c.current,
              })),
            },
            okta: {
              idpId: m.id,
              clientId: m.clientId,
              secretPrefix: reason === 'blank' ? '' : prefix,
              secretIsGuid: reason === 'secret-id',
            },
            matchedKeyId: matchedKeyId ?? null,
            aadsts: reason === 'blank' ? ['7000218', '7000215'] : ['7000215'],
          },
          steps: [
            `Entra admin center › Identity › Applications › App registrations › ${text(m.application, 'displayName') ?? appId} › Certificates & secrets › Client secrets › New client secret; copy the VALUE column (not the Secret ID) before leaving the page.`,
            `Okta Admin Console › Security › Identity Providers › ${m.name} › Edit › Client Secret: paste the value and save.`,
            `API: POST https://graph.microsoft.com/v1.0/applications/${str(m.application, 'id') ?? '{id}'}/addPassword returns secretText once; then PUT {orgUrl}/api/v1/idps/${m.id} with protocol.credentials.client.client_secret set to it.`,
            'Delete the old secret in Entra once sign-ins succeed.',
          ],
          links: [
            LINKS.appCredentials,
            LINKS.addPassword,
            LINKS.oktaMicrosoftIdp,
            LINKS.aadstsCodes,
          ],
        }),
      )
    }
    return findings
  },
}
