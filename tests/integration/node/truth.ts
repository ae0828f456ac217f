/**
 * What a correct full collection of a scenario holds, computed from the scenario data the
 * emulator serves (not from our connectors), for count and identity checks.
 */
import { groupsToRead, office365AppIds } from '../../../src/shared/compare/seam-groups'
import type { Scenario } from '../../emulator/scenarios/types'

const MICROSOFT_TENANTS = new Set([
  'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
  '72f988bf-86f1-41af-91ab-2d7cd011db47',
])

export function expectedCounts(
  s: Scenario,
  window: { logsSince: string; logsUntil: string },
): Record<string, number> {
  const e = s.entra
  const o = s.okta
  const fannedOut = new Set(
    e.servicePrincipals
      .filter(
        (sp) =>
          sp.appId === s.credentials.entra.clientId ||
          !MICROSOFT_TENANTS.has(String(sp.appOwnerOrganizationId)),
      )
      .map((sp) => String(sp.id)),
  )
  const sumKeys = (
    rec: Record<string, unknown[]>,
    keep: (k: string) => boolean = () => true,
  ): number => Object.entries(rec).reduce((n, [k, v]) => n + (keep(k) ? v.length : 0), 0)
  const federatedDomains = new Set(
    e.domains.filter((d) => d.authenticationType === 'Federated').map((d) => String(d.id)),
  )
  const since = Date.parse(window.logsSince)
  const until = Date.parse(window.logsUntil)
  return {
    'entra.organization': e.organization.length,
    'entra.domains': e.domains.length,
    'entra.federationConfigurations': sumKeys(e.federationConfigurations, (k) =>
      federatedDomains.has(k),
    ),
    'entra.users': e.users.length,
    'entra.deletedUsers': e.deletedUsers.length,
    'entra.groups': e.groups.length,
    'entra.groupMembers': sumKeys(e.groupMembers),
    'entra.applications': e.applications.length,
    'entra.servicePrincipals': e.servicePrincipals.length,
    'entra.appRoleAssignments': sumKeys(e.appRoleAssignments, (k) => fannedOut.has(k)),
    'entra.oauth2PermissionGrants': e.oauth2PermissionGrants.length,
    'entra.signIns': e.signIns.length,
    'entra.directoryAudits': e.directoryAudits.length,
    'entra.provisioningLogs': e.provisioningLogs.length,
    'entra.synchronizationJobs': sumKeys(e.synchronizationJobs, (k) => fannedOut.has(k)),
    // one synchronization schema per job
    'entra.synchronizationSchemas': sumKeys(e.synchronizationJobs, (k) => fannedOut.has(k)),
    // the login host's key set holds the tenant's one token-signing key
    'entra.signingKeys': 1,
    'okta.users': o.users.filter((u) => u.status !== 'DEPROVISIONED').length,
    'okta.deprovisionedUsers': o.users.filter((u) => u.status === 'DEPROVISIONED').length,
    'okta.groups': o.groups.length,
    'okta.groupMembers': groupsToRead({
      groups: o.groups,
      apps: o.apps,
      appGroups: o.appGroups,
      groupPushMappings: o.groupPushMappings,
      idps: o.idps,
    }).reduce((n, id) => n + (o.groupMembers[id] ?? []).length, 0),
    'okta.apps': o.apps.length,
    'okta.appGroups': office365AppIds(o.apps).reduce(
      (n, id) => n + (o.appGroups[id] ?? []).length,
      0,
    ),
    'okta.groupPushMappings': office365AppIds(o.apps).reduce(
      (n, id) => n + (o.groupPushMappings[id] ?? []).length,
      0,
    ),
    'okta.appUsers': sumKeys(o.appUsers),
    'okta.appKeys': sumKeys(o.appKeys),
    'okta.idps': o.idps.length,
    'okta.idpDiscoveryPolicies': o.idpDiscoveryPolicies.length,
    'okta.idpDiscoveryRules': sumKeys(o.idpDiscoveryRules),
    'okta.mappings': o.mappings.length,
    'okta.logs': o.logs.filter((l) => {
      const t = Date.parse(String(l.published))
      return t >= since && t < until
    }).length,
  }
}
