/**
 * Answer-key entries and their subjects. Subject types name the collection
 * the id is found in:
 * entra: user, deletedUser (in the recycle bin), group, application, servicePrincipal,
 *        domain, organization, signIn, directoryAudit, synchronizationJob, provisioningLog
 * okta:  user, app, serviceApp (id = client id), idp, mapping, appKey (id = kid),
 *        logEvent (id = uuid)
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { AnswerKeyEntry, OktaRecord, Scenario } from './types'

export type Subject = AnswerKeyEntry['subjects'][number]

export const CATEGORIES = [
  'credential-mismatch',
  'credential-expiry',
  'attribute-mapping',
  'duplicate',
  'data-validation',
  'sync',
  'permission',
  'domain-federation',
  'sign-in',
  'provisioning',
  'configuration',
] as const
export type Category = (typeof CATEGORIES)[number]

export const subject = {
  entraUser: (u: MG.User): Subject => ({
    source: 'entra',
    type: 'user',
    id: u.id ?? '',
    name: u.userPrincipalName ?? undefined,
  }),
  entraDeletedUser: (u: MG.User): Subject => ({
    source: 'entra',
    type: 'deletedUser',
    id: u.id ?? '',
    name: u.userPrincipalName ?? undefined,
  }),
  entraAudit: (a: MG.DirectoryAudit): Subject => ({
    source: 'entra',
    type: 'directoryAudit',
    id: a.id ?? '',
    name: a.activityDisplayName ?? undefined,
  }),
  entraApp: (a: MG.Application): Subject => ({
    source: 'entra',
    type: 'application',
    id: a.id ?? '',
    name: a.displayName ?? undefined,
  }),
  entraSp: (a: MG.ServicePrincipal): Subject => ({
    source: 'entra',
    type: 'servicePrincipal',
    id: a.id ?? '',
    name: a.displayName ?? undefined,
  }),
  entraDomain: (name: string): Subject => ({ source: 'entra', type: 'domain', id: name, name }),
  entraOrganization: (o: MG.Organization): Subject => ({
    source: 'entra',
    type: 'organization',
    id: o.id ?? '',
    name: o.displayName ?? undefined,
  }),
  entraSignIn: (s: MG.SignIn): Subject => ({
    source: 'entra',
    type: 'signIn',
    id: s.id ?? '',
    name: `AADSTS${s.status?.errorCode ?? 0}`,
  }),
  entraSyncJob: (j: MG.SynchronizationJob): Subject => ({
    source: 'entra',
    type: 'synchronizationJob',
    id: j.id ?? '',
    name: j.templateId ?? undefined,
  }),
  entraProvisioningLog: (p: MG.ProvisioningObjectSummary): Subject => ({
    source: 'entra',
    type: 'provisioningLog',
    id: p.id ?? '',
  }),
  oktaUser: (u: OktaRecord): Subject => ({
    source: 'okta',
    type: 'user',
    id: String(u['id']),
    name: String((u['profile'] as OktaRecord)['login']),
  }),
  oktaApp: (a: OktaRecord): Subject => ({
    source: 'okta',
    type: 'app',
    id: String(a['id']),
    name: String(a['label']),
  }),
  oktaIdp: (i: OktaRecord): Subject => ({
    source: 'okta',
    type: 'idp',
    id: String(i['id']),
    name: String(i['name']),
  }),
  oktaMapping: (m: OktaRecord): Subject => ({
    source: 'okta',
    type: 'mapping',
    id: String(m['id']),
  }),
  oktaAppKey: (kid: string): Subject => ({ source: 'okta', type: 'appKey', id: kid }),
  oktaLog: (e: OktaRecord): Subject => ({
    source: 'okta',
    type: 'logEvent',
    id: String(e['uuid']),
    name: String(e['eventType']),
  }),
}

/** Does a subject name something the scenario holds? (used by tests and by `large` consumers) */
export function subjectExists(s: Scenario, sub: Subject): boolean {
  const e = s.entra
  const o = s.okta
  if (sub.source === 'entra') {
    switch (sub.type) {
      case 'user':
        return e.users.some((x) => x.id === sub.id)
      case 'deletedUser':
        return e.deletedUsers.some((x) => x.id === sub.id)
      case 'directoryAudit':
        return e.directoryAudits.some((x) => x.id === sub.id)
      case 'group':
        return e.groups.some((x) => x.id === sub.id)
      case 'application':
        return e.applications.some((x) => x.id === sub.id)
      case 'servicePrincipal':
        return e.servicePrincipals.some((x) => x.id === sub.id)
      case 'domain':
        return e.domains.some((x) => x.id === sub.id)
      case 'organization':
        return e.organization.some((x) => x.id === sub.id)
      case 'signIn':
        return e.signIns.some((x) => x.id === sub.id)
      case 'synchronizationJob':
        return Object.values(e.synchronizationJobs).some((l) => l.some((x) => x.id === sub.id))
      case 'provisioningLog':
        return e.provisioningLogs.some((x) => x.id === sub.id)
      default:
        return false
    }
  }
  switch (sub.type) {
    case 'user':
      return o.users.some((x) => x['id'] === sub.id)
    case 'app':
      return o.apps.some((x) => x['id'] === sub.id)
    case 'serviceApp':
      return o.serviceApps.some((x) => x.clientId === sub.id)
    case 'idp':
      return o.idps.some((x) => x['id'] === sub.id)
    case 'mapping':
      return o.mappings.some((x) => x['id'] === sub.id)
    case 'appKey':
      return Object.values(o.appKeys).some((l) => l.some((x) => x['kid'] === sub.id))
    case 'logEvent':
      return o.logs.some((x) => x['uuid'] === sub.id)
    default:
      return false
  }
}

export function plant(
  key: AnswerKeyEntry[],
  category: Category,
  problem: string,
  planted: string,
  subjects: Subject[],
): void {
  if (subjects.some((s) => !s.id))
    throw new Error(`answer key entry ${problem} has a subject without id`)
  key.push({ category, problem, planted, subjects })
}
