/**
 * idp-client-id-unknown — an Okta identity provider that signs users in through
 * Entra names a client_id that is no app registration (nor service principal) of
 * the tenant, so every sign-in ends in AADSTS700016. One finding per client ID, naming
 * every IdP that uses it.
 * Reads: okta.idps, entra.applications; entra.servicePrincipals when collected (an app
 * registered in another tenant and consented here shows up only as a service principal).
 * An IdP whose endpoints name another tenant (a partner's, an acquired company's) and whose
 * client ID is no app here federates with that tenant: its app registration is not in this
 * snapshot, so that is an info note, not an error.
 * False positives: without service principals, a multitenant app of another tenant is
 * reported; the finding then says the service principals were not collected.
 */
import type { Finding } from '../../model'
import { norm, str } from '../../util/access'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import {
  applicationSubject,
  groupIdpsByCause,
  idpNames,
  idpSubject,
  microsoftIdps,
} from '../../compare/seam'

export const idpClientIdUnknown = defineRule({
  id: 'idp-client-id-unknown',
  title: 'Okta Microsoft IdP client ID is not an app registration of the tenant',
  category: 'credential-mismatch',
  severity: 'critical',
  reads: ['okta.idps', 'entra.applications'],
  optionalReads: ['entra.servicePrincipals'],
  evaluate(snapshot, ctx): Finding[] {
    const groups = groupIdpsByCause(microsoftIdps(snapshot, ctx.index), (m) =>
      m.application || m.servicePrincipal
        ? undefined
        : {
            key: `${norm(m.clientId) ?? '(none)'}${m.foreignTenant ? `@${m.foreignTenant}` : ''}`,
            detail: { clientId: m.clientId, foreign: m.foreignTenant },
          },
    )
    return groups.map(({ key, idps, detail: { clientId, foreign }, active }) => {
      const first = idps[0]
      // the Object ID sits next to the Application (client) ID in the portal and is a GUID too
      const byObjectId = clientId
        ? ctx.index.applications.find((a) => norm(str(a, 'id')) === norm(clientId))
        : undefined
      const who = idpNames(idps)
      return makeFinding(idpClientIdUnknown, {
        severity: active && !foreign ? 'critical' : 'info',
        cause: key,
        title: foreign
          ? `Okta ${who} federate${idps.length === 1 ? 's' : ''} with another Entra tenant (${foreign}); its app registration is not in this snapshot`
          : !clientId
            ? `Okta ${who} ${idps.length === 1 ? 'has' : 'have'} no client ID${active ? '' : ' (inactive)'}`
            : `Okta ${who} use${idps.length === 1 ? 's' : ''} client ID ${clientId}, which is not an app in the tenant${active ? '' : ' (inactive)'}`,
        detail: foreign
          ? `The endpoints of ${who} name tenant ${foreign}, not this one (${snapshot.entra?.tenantId ?? '?'}), and client ID ${clientId ?? '(none)'} is no app here: the IdP signs in people of that tenant (a partner, an acquired company). Collect that tenant to check this IdP's app registration.`
          : !clientId
            ? 'The identity provider sends no client_id to Entra; the authorize request fails before any user signs in.'
            : byObjectId
              ? `${clientId} is the Object ID of app registration "${str(byObjectId, 'displayName') ?? ''}", not its Application (client) ID ${str(byObjectId, 'appId') ?? ''}. Entra answers AADSTS700016 (application not found in the directory) to every sign-in through ${idps.length === 1 ? 'this IdP' : 'these IdPs'}.`
              : `No application${snapshot.entra?.servicePrincipals ? ' or service principal' : ''} in tenant ${snapshot.entra?.tenantId ?? '?'} has appId ${clientId}. Entra answers AADSTS700016 (application not found in the directory) to every sign-in through ${idps.length === 1 ? 'this IdP' : 'these IdPs'}.${snapshot.entra?.servicePrincipals ? '' : ' Service principals were not collected, so an app registered in another tenant could not be recognised.'}${active ? '' : ' The IdP is inactive, so nobody signs in through it today.'}`,
        subjects: [
          ...idps.map(idpSubject),
          ...(byObjectId ? [applicationSubject(byObjectId)] : []),
        ],
        evidence: {
          entra: {
            tenantId: snapshot.entra?.tenantId,
            applications: ctx.index.applications.length,
            objectIdMatch: byObjectId
              ? {
                  id: str(byObjectId, 'id'),
                  appId: str(byObjectId, 'appId'),
                  displayName: str(byObjectId, 'displayName') ?? null,
                }
              : null,
          },
          okta: {
            idps: idps.map((m) => ({ idpId: m.id, name: m.name, clientId: m.clientId ?? null })),
          },
          comparisons: idps.map((m) => ({
            okta: { type: 'idp', id: m.id, name: m.name },
            ...(byObjectId
              ? {
                  entra: {
                    type: 'application',
                    id: str(byObjectId, 'id') ?? '',
                    name: str(byObjectId, 'displayName'),
                  },
                }
              : {}),
            pairs: [
              {
                label: 'client ID ↔ Application (client) ID',
                okta: {
                  attribute: 'protocol.credentials.client.client_id',
                  value: m.clientId ?? null,
                },
                ...(byObjectId
                  ? { entra: { attribute: 'appId', value: str(byObjectId, 'appId') ?? null } }
                  : {}),
                verdict: byObjectId ? ('different' as const) : ('missing-entra' as const),
              },
            ],
          })),
          aadsts: ['700016'],
        },
        steps: [
          'Entra admin center › Identity › Applications › App registrations › All applications: find the app Okta uses (search by name) and copy its Application (client) ID.',
          `Okta Admin Console › Security › Identity Providers › ${first?.name ?? '(the IdP)'} › Edit: paste the Application (client) ID into Client ID and save.`,
          `API: GET {orgUrl}/api/v1/idps/${first?.id || '{idpId}'}, set protocol.credentials.client.client_id, then PUT the whole object back to the same URL.`,
          'If the app does not exist, register it (App registrations › New registration, multitenant, Web redirect URI = the IdP redirect URI shown in Okta).',
        ],
        links: [LINKS.oktaMicrosoftIdp, LINKS.oktaIdpApi, LINKS.aadstsCodes],
      })
    })
  },
})
