/**
 * Okta app users of a person: the Office 365 app user (immutableId = the AD
 * externalId) and SAML app users, as /apps/{id}/users returns them.
 */
import type { OktaRecord } from './types'
import type { ScenarioContext } from './context'
import { type DateStrings, type Person, appLink } from './people'
import { MS } from './random'

/** The Office 365 app user Okta provisions for a person; immutableId is the AD externalId. */
export function o365AppUser(
  ctx: ScenarioContext,
  appId: string,
  p: Person,
  dates: DateStrings,
): OktaRecord {
  return {
    id: p.oktaId,
    externalId: p.entraId,
    created: dates.o(p.createdMs + MS.hour),
    lastUpdated: dates.o(Math.max(p.createdMs + MS.hour, p.lastSyncMs - 4 * MS.minute)),
    scope: 'GROUP',
    status: 'PROVISIONED',
    statusChanged: dates.o(p.createdMs + MS.hour),
    passwordChanged: null,
    syncState: 'SYNCHRONIZED',
    lastSync: dates.o(Math.max(p.createdMs + MS.hour, p.lastSyncMs - 4 * MS.minute)),
    credentials: { userName: p.upn },
    profile: {
      immutableId: p.immutableId,
      firstName: p.given,
      lastName: p.surname,
      displayName: p.displayName,
      email: p.mail ?? p.upn,
      department: p.department,
      usageLocation: 'US',
    },
    _links: {
      app: appLink(ctx, appId),
      user: { href: `${ctx.origins.oktaOrgUrl}/api/v1/users/${p.oktaId}` },
    },
  }
}

/** A SAML app user assigned through a group; userName follows the app's template. */
export function samlAppUser(
  ctx: ScenarioContext,
  appId: string,
  oktaUser: { id: string; userName: string; createdMs: number },
  dates: DateStrings,
): OktaRecord {
  return {
    id: oktaUser.id,
    externalId: null,
    created: dates.o(oktaUser.createdMs + 2 * MS.hour),
    lastUpdated: dates.o(oktaUser.createdMs + 2 * MS.hour),
    scope: 'GROUP',
    status: 'ACTIVE',
    statusChanged: dates.o(oktaUser.createdMs + 2 * MS.hour),
    passwordChanged: null,
    syncState: 'DISABLED',
    credentials: { userName: oktaUser.userName },
    profile: {},
    _links: {
      app: { href: `${ctx.origins.oktaOrgUrl}/api/v1/apps/${appId}` },
      user: { href: `${ctx.origins.oktaOrgUrl}/api/v1/users/${oktaUser.id}` },
    },
  }
}
