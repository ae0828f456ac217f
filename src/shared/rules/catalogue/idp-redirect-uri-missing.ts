/**
 * idp-redirect-uri-missing — the app registration behind a Microsoft IdP does not
 * list Okta's callback for that IdP among its Web redirect URIs, so Entra answers
 * AADSTS50011 (reply URL mismatch).
 * Reads: okta.idps (its `_links.clientRedirectUri`, else `{orgUrl}/oauth2/v1/authorize/callback`),
 * entra.applications (`web.redirectUris`).
 * False positives: an Okta custom domain not visible in the IdP links; the finding
 * shows the URI Crosswalk expected.
 */
import { str, strs, text } from '../../util/access'
import { LINKS } from '../links'
import { type Rule, makeFinding } from '../rule'
import { applicationSubject, idpRedirectUri, idpSubject, microsoftIdps } from '../../compare/seam'

const canonical = (uri: string) => uri.trim().replace(/\/+$/, '').toLowerCase()

export const idpRedirectUriMissing: Rule = {
  id: 'idp-redirect-uri-missing',
  title: "App registration lacks Okta's redirect URI",
  category: 'credential-mismatch',
  severity: 'critical',
  reads: ['okta.idps', 'entra.applications'],
  evaluate(snapshot, ctx) {
    const findings = []
    for (const m of microsoftIdps(snapshot, ctx.index)) {
      if (!m.application) continue
      const expected = idpRedirectUri(m.idp, snapshot.okta?.orgUrl)
      if (!expected) continue
      const web = strs(m.application, 'web', 'redirectUris')
      if (web.some((u) => canonical(u) === canonical(expected))) continue
      const elsewhere = [
        ...strs(m.application, 'spa', 'redirectUris'),
        ...strs(m.application, 'publicClient', 'redirectUris'),
      ].filter((u) => canonical(u) === canonical(expected))
      const appName = text(m.application, 'displayName') ?? str(m.application, 'appId')
      findings.push(
        makeFinding(idpRedirectUriMissing, {
          title: `App "${appName}" does not accept Okta's redirect URI for IdP "${m.name}"`,
          detail: `Okta sends redirect_uri=${expected}, but the app's Web redirect URIs are ${web.length ? web.join(', ') : 'empty'}${elsewhere.length ? ' (the URI is registered on the SPA or public-client platform, which does not serve a confidential web client)' : ''}. Entra answers AADSTS50011.`,
          subjects: [idpSubject(m), applicationSubject(m.application)],
          evidence: {
            entra: {
              appId: str(m.application, 'appId'),
              webRedirectUris: web,
              otherPlatformMatches: elsewhere,
            },
            okta: { idpId: m.id, redirectUri: expected },
            aadsts: ['50011'],
          },
          steps: [
            `Entra admin center › App registrations › ${appName} › Authentication › Web › Redirect URIs › Add URI: ${expected}; save.`,
            `Okta Admin Console › Security › Identity Providers › ${m.name}: the Redirect URI shown there is the value to register.`,
            `API: PATCH https://graph.microsoft.com/v1.0/applications/${str(m.application, 'id') ?? '{id}'} {"web":{"redirectUris":[..., "${expected}"]}} (send the full list).`,
          ],
          links: [LINKS.replyUrl, LINKS.updateApplication, LINKS.oktaMicrosoftIdp],
        }),
      )
    }
    return findings
  },
}
