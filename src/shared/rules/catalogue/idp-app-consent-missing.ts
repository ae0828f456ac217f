/**
 * idp-app-consent-missing — the app registration Okta signs in through does not
 * request the delegated Graph permissions openid, email and profile
 * (`requiredResourceAccess`, type Scope), or they lack tenant-wide admin consent
 * (`oauth2PermissionGrants`, consentType AllPrincipals, for the app's service
 * principal). Users then see a consent prompt or AADSTS65001 / 90094.
 * Reads: okta.idps, entra.applications, entra.servicePrincipals,
 * entra.oauth2PermissionGrants.
 * False positives: per-user consent (consentType Principal) is not counted; with
 * user consent allowed, users can still consent themselves.
 */
import type { Finding } from '../../model'
import { norm, recs, str, strs, text } from '../../util/access'
import { LINKS } from '../links'
import { type Rule, makeFinding } from '../rule'
import {
  GRAPH_APP_ID,
  applicationSubject,
  consentedScopes,
  idpSubject,
  microsoftIdps,
  servicePrincipalSubject,
} from '../../compare/seam'

/** Graph's published delegated-permission ids for the OIDC scopes. */
const SCOPE_IDS: Record<string, string> = {
  '37f7f235-527c-4136-accd-4a02d197296e': 'openid',
  '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0': 'email',
  '14dad69e-099b-42c9-810b-d002981feec1': 'profile',
  '7427e0e9-2fba-42fe-b0c0-848c9e6a8182': 'offline_access',
  'e1fe6dd8-ba31-4d61-89e7-88639da4683d': 'user.read',
}
const NEEDED = ['openid', 'email', 'profile'] as const

export const idpAppConsentMissing: Rule = {
  id: 'idp-app-consent-missing',
  title: 'App registration for Okta lacks openid/email/profile or their admin consent',
  category: 'permission',
  severity: 'high',
  reads: [
    'okta.idps',
    'entra.applications',
    'entra.servicePrincipals',
    'entra.oauth2PermissionGrants',
  ],
  evaluate(snapshot, ctx) {
    const findings: Finding[] = []
    // the Graph SP's own scope list is authoritative when collected
    const graphSp = ctx.index.servicePrincipalsByAppId.get(GRAPH_APP_ID)
    const names = new Map(Object.entries(SCOPE_IDS))
    for (const s of recs(graphSp, 'oauth2PermissionScopes')) {
      const id = norm(str(s, 'id'))
      const value = norm(str(s, 'value'))
      if (id && value) names.set(id, value)
    }
    for (const m of microsoftIdps(snapshot, ctx.index)) {
      if (!m.application) continue
      const requested = new Set<string>()
      for (const rra of recs(m.application, 'requiredResourceAccess')) {
        if (norm(str(rra, 'resourceAppId')) !== GRAPH_APP_ID) continue
        for (const ra of recs(rra, 'resourceAccess')) {
          if (norm(str(ra, 'type')) !== 'scope') continue
          const name = names.get(norm(str(ra, 'id')) ?? '')
          if (name) requested.add(name)
        }
      }
      const notRequested = NEEDED.filter((s) => !requested.has(s))
      const spId = m.servicePrincipal ? str(m.servicePrincipal, 'id') : undefined
      const consented = snapshot.entra?.oauth2PermissionGrants
        ? consentedScopes(snapshot, spId)
        : undefined
      const notConsented = consented ? NEEDED.filter((s) => !consented.has(s)) : []
      if (notRequested.length === 0 && notConsented.length === 0) continue
      const appName = text(m.application, 'displayName') ?? m.clientId ?? '?'
      findings.push(
        makeFinding(idpAppConsentMissing, {
          title: notRequested.length
            ? `App "${appName}" does not request ${notRequested.join(', ')}`
            : `App "${appName}" has no admin consent for ${notConsented.join(', ')}`,
          detail: `Okta's IdP "${m.name}" asks Entra for openid email profile. ${notRequested.length ? `The app's API permissions lack ${notRequested.join(', ')}. ` : ''}${notConsented.length ? `${m.servicePrincipal ? 'No tenant-wide (AllPrincipals) grant covers' : 'The app has no service principal in the tenant, so nothing grants'} ${notConsented.join(', ')}. ` : ''}Users get a consent prompt or AADSTS65001 / AADSTS90094.`,
          subjects: [
            idpSubject(m),
            applicationSubject(m.application),
            ...(m.servicePrincipal ? [servicePrincipalSubject(m.servicePrincipal)] : []),
          ],
          evidence: {
            entra: {
              appId: str(m.application, 'appId'),
              requestedScopes: [...requested],
              consentedScopes: consented ? [...consented] : null,
              servicePrincipalId: spId ?? null,
            },
            okta: { idpId: m.id, scopes: strs(m.idp, 'protocol', 'scopes') },
            aadsts: ['65001', '90094'],
          },
          steps: [
            `Entra admin center › App registrations › ${appName} › API permissions › Add a permission › Microsoft Graph › Delegated permissions: openid, email, profile.`,
            `Same page: "Grant admin consent for the tenant" (or Enterprise applications › ${appName} › Permissions › Grant admin consent).`,
            `API: POST https://graph.microsoft.com/v1.0/oauth2PermissionGrants {"clientId":"${spId ?? '{appSpId}'}","consentType":"AllPrincipals","resourceId":"${graphSp ? str(graphSp, 'id') : '{graphSpId}'}","scope":"openid email profile"}.`,
          ],
          links: [LINKS.adminConsent, LINKS.graphPermissions, LINKS.oktaMicrosoftIdp],
        }),
      )
    }
    return findings
  },
}
