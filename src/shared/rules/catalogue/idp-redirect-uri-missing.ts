/**
 * idp-redirect-uri-missing — the app registration behind a Microsoft IdP does not
 * list Okta's callback for that IdP among its Web redirect URIs, so Entra answers
 * AADSTS50011 (reply URL mismatch).
 * Reads: okta.idps (its `_links.clientRedirectUri`, else `{orgUrl}/oauth2/v1/authorize/callback`),
 * entra.applications (`web.redirectUris`).
 * False positives: an Okta custom domain not visible in the IdP links; the finding
 * shows the URI Crosswalk expected.
 */
import type { Finding } from '../../model'
import { str, strs, text } from '../../util/access'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import {
  type MicrosoftIdp,
  applicationSubject,
  groupIdpsByCause,
  idpNames,
  idpRedirectUri,
  idpSubject,
  microsoftIdps,
} from '../../compare/seam'

const canonical = (uri: string) => uri.trim().replace(/\/+$/, '').toLowerCase()

export const idpRedirectUriMissing = defineRule({
  id: 'idp-redirect-uri-missing',
  title: "App registration lacks Okta's redirect URI",
  category: 'configuration',
  severity: 'critical',
  reads: ['okta.idps', 'entra.applications'],
  evaluate(snapshot, ctx): Finding[] {
    const groups = groupIdpsByCause(microsoftIdps(snapshot, ctx.index), (m) => {
      if (!m.application) return undefined
      const expected = idpRedirectUri(m.idp, snapshot.okta?.orgUrl)
      if (!expected) return undefined
      const web = strs(m.application, 'web', 'redirectUris')
      if (web.some((u) => canonical(u) === canonical(expected))) return undefined
      return {
        key: `${str(m.application, 'id') ?? m.clientId}:${canonical(expected)}`,
        detail: { app: m.application, expected, web },
      }
    })
    return groups.map(({ key, idps, active, detail: { app, expected, web } }) => {
      const elsewhere = [
        ...strs(app, 'spa', 'redirectUris'),
        ...strs(app, 'publicClient', 'redirectUris'),
      ].filter((u) => canonical(u) === canonical(expected))
      const appName = text(app, 'displayName') ?? str(app, 'appId')
      const first = idps[0] as MicrosoftIdp
      return makeFinding(idpRedirectUriMissing, {
        severity: active ? 'critical' : 'info',
        cause: key,
        title: `App "${appName}" does not accept Okta's redirect URI for ${idpNames(idps)}${active ? '' : ' (inactive)'}`,
        detail: `Okta sends redirect_uri=${expected}, but the app's Web redirect URIs are ${web.length ? web.join(', ') : 'empty'}${elsewhere.length ? ' (the URI is registered on the SPA or public-client platform, which does not serve a confidential web client)' : ''}. Entra answers AADSTS50011.`,
        subjects: [...idps.map(idpSubject), applicationSubject(app)],
        evidence: {
          entra: {
            appId: str(app, 'appId'),
            webRedirectUris: web,
            otherPlatformMatches: elsewhere,
          },
          okta: { idps: idps.map((m) => m.id), redirectUri: expected },
          comparisons: [
            {
              entra: { type: 'application', id: str(app, 'id') ?? '', name: appName },
              okta: { type: 'idp', id: first.id, name: first.name },
              pairs: [
                {
                  label: 'redirect URI',
                  okta: { attribute: '_links.clientRedirectUri', value: expected },
                  entra: { attribute: 'web.redirectUris', value: web },
                  verdict: 'missing-entra' as const,
                },
              ],
            },
          ],
          aadsts: ['50011'],
        },
        steps: [
          `Entra admin center › App registrations › ${appName} › Authentication › Web › Redirect URIs › Add URI: ${expected}; save.`,
          `Okta Admin Console › Security › Identity Providers › ${first.name}: the Redirect URI shown there is the value to register.`,
          `API: PATCH https://graph.microsoft.com/v1.0/applications/${str(app, 'id') ?? '{id}'} {"web":{"redirectUris":[..., "${expected}"]}} (send the full list).`,
        ],
        links: [LINKS.replyUrl, LINKS.updateApplication, LINKS.oktaMicrosoftIdp],
      })
    })
  },
})
