/**
 * The healthy pair before the integration is built: the same tenant, org and people (the
 * same seed and generator), with none of the seam's objects. No app registration behind an
 * Okta IdP (nor its service principal, consent or secret), no Microsoft IdP or its profile
 * mapping, no routing rule to it, no Office 365 app (nor its keys, mapping or assignments),
 * and the federated domain back to Managed. Log records that name a removed object are
 * removed with it. A rebuild test recreates the integration here from a runbook.
 */
import type { Scenario, ScenarioOptions } from './types'
import { buildHealthy } from './healthy'

function names(record: unknown, ids: ReadonlySet<string>): boolean {
  return JSON.stringify(record)
    .split('"')
    .some((part) => ids.has(part))
}

export function buildFresh(options: ScenarioOptions): Scenario {
  const s = buildHealthy(options)
  const e = s.entra
  const o = s.okta
  const idpIds = new Set(o.idps.filter((i) => i.type === 'MICROSOFT').map((i) => String(i['id'])))
  const clientIds = new Set(
    o.idps
      .filter((i) => idpIds.has(String(i['id'])))
      .map((i) => {
        const protocol = i['protocol'] as { credentials?: { client?: { client_id?: string } } }
        return String(protocol.credentials?.client?.client_id ?? '')
      }),
  )
  const o365Ids = new Set(
    o.apps.filter((a) => a['name'] === 'office365').map((a) => String(a['id'])),
  )
  const apps = e.applications.filter((a) => clientIds.has(a.appId ?? ''))
  const sps = e.servicePrincipals.filter((sp) => clientIds.has(sp.appId ?? ''))
  const spIds = new Set(sps.map((sp) => sp.id ?? ''))
  const removed = new Set<string>([
    ...idpIds,
    ...o365Ids,
    ...clientIds,
    ...apps.map((a) => a.id ?? ''),
    ...spIds,
  ])

  e.applications = e.applications.filter((a) => !clientIds.has(a.appId ?? ''))
  e.servicePrincipals = e.servicePrincipals.filter((sp) => !spIds.has(sp.id ?? ''))
  e.oauth2PermissionGrants = e.oauth2PermissionGrants.filter((g) => !spIds.has(g.clientId ?? ''))
  e.secrets = e.secrets.filter((x) => !clientIds.has(x.appId))
  for (const spId of spIds) delete e.appRoleAssignments[spId]
  for (const domain of Object.keys(e.federationConfigurations)) {
    delete e.federationConfigurations[domain]
    e.domains = e.domains.map((d) =>
      d.id === domain ? { ...d, authenticationType: 'Managed' } : d,
    )
  }
  e.signIns = e.signIns.filter((x) => !clientIds.has(x.appId ?? ''))
  e.directoryAudits = e.directoryAudits.filter(
    (a) =>
      !names(a, removed) &&
      a.activityDisplayName !== 'Set federation settings on domain' &&
      a.activityDisplayName !== 'Set domain authentication',
  )

  o.idps = o.idps.filter((i) => !idpIds.has(String(i['id'])))
  o.apps = o.apps.filter((a) => !o365Ids.has(String(a['id'])))
  for (const id of o365Ids) {
    delete o.appUsers[id]
    delete o.appKeys[id]
  }
  o.mappings = o.mappings.filter(
    (m) =>
      !idpIds.has(String((m['source'] as { id?: string }).id)) &&
      !o365Ids.has(String((m['target'] as { id?: string }).id)),
  )
  for (const [policyId, rules] of Object.entries(o.idpDiscoveryRules))
    o.idpDiscoveryRules[policyId] = rules
      .filter((r) => !names(r, idpIds))
      .map((r, i) => ({ ...r, priority: i + 1 }))
  o.logs = o.logs.filter((l) => !names(l, removed))
  return { ...s, name: 'fresh', answerKey: [] }
}
