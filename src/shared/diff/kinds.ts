/**
 * What the diff makes of each snapshot resource: its role (configuration, people, groups,
 * or a log that is never a change), how one record is named, and which fields are volatile
 * (they move on every read or sign-in and are never a change). `satisfies` over the resource
 * registry makes a new resource a compile error here until its role is decided.
 */
import type { RawRecord } from '../model/snapshot'
import type { ResourcePath } from '../model/resources'

/** configuration drift, people and groups (counted, not drift), or logs (attribution only). */
export type DiffRole = 'configuration' | 'people' | 'groups' | 'log'

export const RESOURCE_ROLES = {
  'entra.organization': 'configuration',
  'entra.domains': 'configuration',
  'entra.federationConfigurations': 'configuration',
  'entra.users': 'people',
  'entra.deletedUsers': 'people',
  'entra.groups': 'groups',
  // who is in a group is counted with the groups, not configuration drift
  'entra.groupMembers': 'groups',
  'entra.applications': 'configuration',
  'entra.servicePrincipals': 'configuration',
  'entra.appRoleAssignments': 'configuration',
  'entra.oauth2PermissionGrants': 'configuration',
  'entra.onPremisesSynchronization': 'configuration',
  'entra.signIns': 'log',
  'entra.directoryAudits': 'log',
  'entra.provisioningLogs': 'log',
  'entra.synchronizationJobs': 'configuration',
  'entra.synchronizationSchemas': 'configuration',
  // Microsoft rolls the tenant's token keys itself: public metadata, not the tenant's configuration
  'entra.signingKeys': 'log',
  'okta.users': 'people',
  'okta.deprovisionedUsers': 'people',
  'okta.groups': 'groups',
  'okta.groupMembers': 'groups',
  // which groups an app is assigned to, and which groups Okta pushes, are configuration
  'okta.appGroups': 'configuration',
  'okta.groupPushMappings': 'configuration',
  'okta.apps': 'configuration',
  'okta.appUsers': 'people',
  'okta.appKeys': 'configuration',
  'okta.idps': 'configuration',
  'okta.idpDiscoveryPolicies': 'configuration',
  'okta.idpDiscoveryRules': 'configuration',
  'okta.mappings': 'configuration',
  'okta.userSchema': 'configuration',
  'okta.logs': 'log',
} as const satisfies Record<ResourcePath, DiffRole>

/**
 * Fields that move without anyone changing the configuration: sign-in and sync times,
 * status stamps, links, provisioning runs' state. Matched by name at any depth.
 */
export const VOLATILE_FIELDS: ReadonlySet<string> = new Set([
  'lastLogin',
  'lastUpdated',
  'statusChanged',
  'passwordChanged',
  '_links',
  '_embedded',
  'lastSync',
  'syncState',
  'signInActivity',
  'onPremisesLastSyncDateTime',
  'lastPasswordChangeDateTime',
  'lastMembershipUpdated',
  'signingCertificateUpdateStatus',
  // a provisioning job's run state (its schedule and template stay configuration)
  'status',
  '@odata.etag',
])

/** `status` is volatile only on provisioning jobs; elsewhere (users, apps, IdPs) it is a change. */
export function isVolatile(resource: ResourcePath, field: string, depth: number): boolean {
  if (field === 'status') return resource === 'entra.synchronizationJobs' && depth === 0
  return VOLATILE_FIELDS.has(field)
}

/** Property names that identify an item of an array of objects, tried in order. */
export const ARRAY_ITEM_KEYS = [
  'keyId',
  'kid',
  'id',
  'targetAttributeName',
  'resourceAppId',
  'uri',
  'name',
  'value',
  'type',
] as const

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined)

/** A record's name for people: display name, label, UPN or login, else its id. */
export function recordName(record: RawRecord): string {
  const profile = record.profile
  const p = typeof profile === 'object' && profile !== null ? (profile as RawRecord) : {}
  const credentials = record.credentials as RawRecord | undefined
  const ends = [record.source, record.target].map((x) =>
    typeof x === 'object' && x !== null ? str((x as RawRecord).name) : undefined,
  )
  if (ends[0] && ends[1]) return `${ends[0]} → ${ends[1]}`
  return (
    str(record.displayName) ??
    str(record.label) ??
    str(record.userPrincipalName) ??
    str(record.name) ??
    str(p.login) ??
    str(p.name) ??
    str(credentials?.userName) ??
    str(record.appDisplayName) ??
    str(record.templateId) ??
    str(record.id) ??
    str(record.kid) ??
    ''
  )
}

/** The identifier of a record: the registry's identifier property, else `id`. */
export function recordKey(record: RawRecord, identifier: string): string {
  const v = record[identifier] ?? record.id
  return typeof v === 'string' || typeof v === 'number' ? String(v) : ''
}
