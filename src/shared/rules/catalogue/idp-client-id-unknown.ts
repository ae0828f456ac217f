/**
 * idp-client-id-unknown — an Okta identity provider that signs users in through
 * Entra names a client_id that is no app registration (nor service principal) of
 * the tenant, so every sign-in ends in AADSTS700016.
 * Reads: okta.idps, entra.applications, entra.servicePrincipals.
 * False positives: an app registered in another tenant and consented here shows up
 * only as a service principal; that case is not reported.
 */
import { norm, str } from '../../util/access'
import { LINKS } from '../links'
import { type Rule, makeFinding } from '../rule'
import { applicationSubject, idpSubject, microsoftIdps } from '../../compare/seam'

export const idpClientIdUnknown: Rule = {
  id: 'idp-client-id-unknown',
  title: 'Okta Microsoft IdP client ID is not an app registration of the tenant',
  category: 'credential-mismatch',
  severity: 'critical',
  reads: ['okta.idps', 'entra.applications'],
  evaluate(snapshot, ctx) {
    const findings = []
    for (const m of microsoftIdps(snapshot, ctx.index)) {
      if (m.application || m.servicePrincipal) continue
      const missing = !m.clientId
      // the Object ID sits next to the Application (client) ID in the portal and is a GUID too
      const byObjectId = m.clientId
        ? ctx.index.applications.find((a) => norm(str(a, 'id')) === norm(m.clientId))
        : undefined
      findings.push(
        makeFinding(idpClientIdUnknown, {
          title: missing
            ? `Okta IdP "${m.name}" has no client ID`
            : `Okta IdP "${m.name}" uses client ID ${m.clientId}, which is not an app in the tenant`,
          detail: missing
            ? 'The identity provider sends no client_id to Entra; the authorize request fails before any user signs in.'
            : byObjectId
              ? `${m.clientId} is the Object ID of app registration "${str(byObjectId, 'displayName') ?? ''}", not its Application (client) ID ${str(byObjectId, 'appId') ?? ''}. Entra answers AADSTS700016 (application not found in the directory) to every sign-in through this IdP.`
              : `No application or service principal in tenant ${snapshot.entra?.tenantId ?? '?'} has appId ${m.clientId}. Entra answers AADSTS700016 (application not found in the directory) to every sign-in through this IdP.`,
          subjects: byObjectId ? [idpSubject(m), applicationSubject(byObjectId)] : [idpSubject(m)],
          evidence: {
            entra: {
              tenantId: snapshot.entra?.tenantId,
              knownAppIds: ctx.index.applications.length,
              objectIdMatch: byObjectId
                ? {
                    id: str(byObjectId, 'id'),
                    appId: str(byObjectId, 'appId'),
                    displayName: str(byObjectId, 'displayName') ?? null,
                  }
                : null,
            },
            okta: { idpId: m.id, idpName: m.name, clientId: m.clientId ?? null },
            aadsts: ['700016'],
          },
          steps: [
            'Entra admin center › Identity › Applications › App registrations › All applications: find the app Okta uses (search by name) and copy its Application (client) ID.',
            `Okta Admin Console › Security › Identity Providers › ${m.name} › Edit: paste the Application (client) ID into Client ID and save.`,
            `API: GET {orgUrl}/api/v1/idps/${m.id || '{idpId}'}, set protocol.credentials.client.client_id, then PUT the whole object back to the same URL.`,
            'If the app does not exist, register it (App registrations › New registration, multitenant, Web redirect URI = the IdP redirect URI shown in Okta).',
          ],
          links: [LINKS.oktaMicrosoftIdp, LINKS.oktaIdpApi, LINKS.aadstsCodes],
        }),
      )
    }
    return findings
  },
}
