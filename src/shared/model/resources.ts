/**
 * The resource registry: every snapshot resource Crosswalk collects, with its label,
 * shape, identifier, the request that reads it and what that request needs, as the
 * documentation page cited beside it says. It is the one table of permissions in the
 * project: the snapshot schema, the connection doctor, the collectors, diagnosis
 * ("not collected" notes and the permission finding), the overview's labels and the
 * emulator's authorization (checked by a test against this file) all follow it.
 *
 * Graph access is for an app-only token (client credentials). `allOf` lists the
 * permission groups a request needs; within a group any one permission does, least
 * privileged first, then the higher-privileged ones the page lists that read every
 * object (`Application.ReadWrite.OwnedBy`, which reads only the caller's own apps, is
 * left out). Where a page says "A and B" (the audit, sign-in and provisioning logs
 * need AuditLog.Read.All and Directory.Read.All), each is a group of its own.
 */

import { OKTA_RESOURCE_TABLE } from './resources-okta'

/** How a Microsoft Graph resource is authorized for an app-only token. */
export type GraphAccess =
  /** every group must be granted; within a group any one permission suffices */
  | { readonly kind: 'application'; readonly allOf: readonly (readonly string[])[] }
  /** the page lists application permissions as "Not supported": only a signed-in admin reads it */
  | {
      readonly kind: 'delegated-only'
      readonly delegated: readonly string[]
      readonly role: string
    }
  /** public metadata that needs no permission */
  | { readonly kind: 'public' }

/** How an Okta resource is authorized: the OAuth scope of a service app (an API token carries its administrator's rights). */
export interface OktaAccess {
  readonly kind: 'scope'
  readonly scope: string
  /** further scopes the same request needs, where the reference lists several */
  readonly alsoScopes?: readonly string[]
}

/** The JSON shape under the snapshot key. */
export type ResourceShape = 'list' | 'keyed' | 'single'

export interface ResourceEntry<S extends 'entra' | 'okta'> {
  readonly source: S
  /** words for people: "Entra users" */
  readonly label: string
  readonly shape: ResourceShape
  /** for keyed resources: what the keys are */
  readonly keyedBy?: string
  /** the property that identifies one record */
  readonly identifier: string
  /** the request, in the documentation's notation */
  readonly request: string
  readonly access: S extends 'entra' ? GraphAccess : OktaAccess
  /** the documentation page that states the access above */
  readonly doc: string
  /** a licence, retention or scope condition the consultant should know */
  readonly note?: string
  /**
   * where the request goes when it is not the side's API root: `authority`, the Entra
   * login host (`{authorityHost}`, e.g. https://login.microsoftonline.com)
   */
  readonly host?: 'authority'
}

const DIRECTORY_READ = ['Directory.Read.All', 'Directory.ReadWrite.All'] as const

function graph(...allOf: (readonly string[])[]): GraphAccess {
  return { kind: 'application', allOf }
}

/**
 * Every resource by its path `<source>.<snapshot key>`, in collection and report order.
 * Adding a resource here adds it to the snapshot schema, the doctor and the labels.
 */
export const RESOURCES = {
  'entra.organization': {
    source: 'entra',
    label: 'Entra organization',
    shape: 'list',
    identifier: 'id',
    request: 'GET /organization',
    access: graph([...DIRECTORY_READ]),
    doc: 'https://learn.microsoft.com/en-us/graph/api/organization-list',
  },
  'entra.domains': {
    source: 'entra',
    label: 'Entra domains',
    shape: 'list',
    identifier: 'id',
    request: 'GET /domains',
    access: graph(['Domain.Read.All', 'Domain.ReadWrite.All', ...DIRECTORY_READ]),
    doc: 'https://learn.microsoft.com/en-us/graph/api/domain-list',
  },
  'entra.federationConfigurations': {
    source: 'entra',
    label: 'Entra domain federation',
    shape: 'keyed',
    keyedBy: 'domain name',
    identifier: 'id',
    request: 'GET /domains/{id}/federationConfiguration',
    access: graph(['Domain.Read.All', 'Domain.ReadWrite.All']),
    doc: 'https://learn.microsoft.com/en-us/graph/api/domain-list-federationconfiguration',
  },
  'entra.users': {
    source: 'entra',
    label: 'Entra users',
    shape: 'list',
    identifier: 'id',
    request: 'GET /users/delta',
    access: graph(['User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ]),
    doc: 'https://learn.microsoft.com/en-us/graph/api/user-delta',
  },
  'entra.deletedUsers': {
    source: 'entra',
    label: 'Entra deleted users',
    shape: 'list',
    identifier: 'id',
    request: 'GET /directory/deletedItems/microsoft.graph.user',
    access: graph(['User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ]),
    doc: 'https://learn.microsoft.com/en-us/graph/api/directory-deleteditems-list',
    note: 'Entra keeps deleted users for 30 days before removing them for good.',
  },
  'entra.groups': {
    source: 'entra',
    label: 'Entra groups',
    shape: 'list',
    identifier: 'id',
    request: 'GET /groups/delta',
    access: graph([
      'GroupMember.Read.All',
      ...DIRECTORY_READ,
      'Group.Read.All',
      'Group.ReadWrite.All',
    ]),
    doc: 'https://learn.microsoft.com/en-us/graph/api/group-delta',
  },
  'entra.groupMembers': {
    source: 'entra',
    label: 'Entra group memberships',
    shape: 'keyed',
    keyedBy: 'group id',
    identifier: 'id',
    request: 'GET /groups/delta?$select=members',
    access: graph([
      'GroupMember.Read.All',
      ...DIRECTORY_READ,
      'Group.Read.All',
      'Group.ReadWrite.All',
    ]),
    doc: 'https://learn.microsoft.com/en-us/graph/api/group-delta',
    note: "Every group's direct members as Graph's members@delta lists them (type and id); a refresh continues from the delta link.",
  },
  'entra.applications': {
    source: 'entra',
    label: 'Entra app registrations',
    shape: 'list',
    identifier: 'id',
    request: 'GET /applications',
    access: graph(['Application.Read.All', 'Application.ReadWrite.All', ...DIRECTORY_READ]),
    doc: 'https://learn.microsoft.com/en-us/graph/api/application-list',
  },
  'entra.servicePrincipals': {
    source: 'entra',
    label: 'Entra service principals',
    shape: 'list',
    identifier: 'id',
    request: 'GET /servicePrincipals',
    access: graph(['Application.Read.All', 'Application.ReadWrite.All', ...DIRECTORY_READ]),
    doc: 'https://learn.microsoft.com/en-us/graph/api/serviceprincipal-list',
  },
  'entra.appRoleAssignments': {
    source: 'entra',
    label: 'Entra app role assignments',
    shape: 'keyed',
    keyedBy: 'client service principal id',
    identifier: 'id',
    request: 'GET /servicePrincipals/{id}/appRoleAssignments',
    access: graph([
      'Application.Read.All',
      'Application.ReadWrite.All',
      'AppRoleAssignment.ReadWrite.All',
      ...DIRECTORY_READ,
    ]),
    doc: 'https://learn.microsoft.com/en-us/graph/api/serviceprincipal-list-approleassignments',
  },
  'entra.oauth2PermissionGrants': {
    source: 'entra',
    label: 'Entra delegated permission grants',
    shape: 'list',
    identifier: 'id',
    request: 'GET /oauth2PermissionGrants',
    access: graph([
      'Directory.Read.All',
      'DelegatedPermissionGrant.ReadWrite.All',
      'Directory.ReadWrite.All',
    ]),
    doc: 'https://learn.microsoft.com/en-us/graph/api/oauth2permissiongrant-list',
  },
  'entra.onPremisesSynchronization': {
    source: 'entra',
    label: 'Entra Connect sync settings',
    shape: 'list',
    identifier: 'id',
    request: 'GET /directory/onPremisesSynchronization',
    access: {
      kind: 'delegated-only',
      delegated: ['OnPremDirectorySynchronization.Read.All'],
      role: 'Global Administrator',
    },
    doc: 'https://learn.microsoft.com/en-us/graph/api/onpremisesdirectorysynchronization-get',
    note: 'Graph serves it only to a Global Administrator signed in with delegated permissions; an app-only reader cannot collect it.',
  },
  'entra.signIns': {
    source: 'entra',
    label: 'Entra sign-in logs',
    shape: 'list',
    identifier: 'id',
    request: 'GET /auditLogs/signIns',
    access: graph(['AuditLog.Read.All'], [...DIRECTORY_READ]),
    doc: 'https://learn.microsoft.com/en-us/graph/api/signin-list',
    note: 'Needs a Microsoft Entra ID P1 or P2 licence in the tenant; Entra keeps 30 days (7 without a licence).',
  },
  'entra.directoryAudits': {
    source: 'entra',
    label: 'Entra audit logs',
    shape: 'list',
    identifier: 'id',
    request: 'GET /auditLogs/directoryAudits',
    access: graph(['AuditLog.Read.All'], [...DIRECTORY_READ]),
    doc: 'https://learn.microsoft.com/en-us/graph/api/directoryaudit-list',
  },
  'entra.provisioningLogs': {
    source: 'entra',
    label: 'Entra provisioning logs',
    shape: 'list',
    identifier: 'id',
    request: 'GET /auditLogs/provisioning',
    access: graph(['AuditLog.Read.All'], [...DIRECTORY_READ]),
    doc: 'https://learn.microsoft.com/en-us/graph/api/provisioningobjectsummary-list',
    note: 'Needs a Microsoft Entra ID P1 or P2 licence in the tenant.',
  },
  'entra.synchronizationJobs': {
    source: 'entra',
    label: 'Entra provisioning jobs',
    shape: 'keyed',
    keyedBy: 'service principal id',
    identifier: 'id',
    request: 'GET /servicePrincipals/{id}/synchronization/jobs',
    access: graph(['Synchronization.Read.All', 'Synchronization.ReadWrite.All']),
    doc: 'https://learn.microsoft.com/en-us/graph/api/synchronization-synchronization-list-jobs',
  },
  'entra.synchronizationSchemas': {
    source: 'entra',
    label: 'Entra provisioning attribute mappings',
    shape: 'keyed',
    keyedBy: 'provisioning job id',
    identifier: 'id',
    request: 'GET /servicePrincipals/{id}/synchronization/jobs/{jobId}/schema',
    access: graph(['Synchronization.Read.All', 'Synchronization.ReadWrite.All']),
    doc: 'https://learn.microsoft.com/en-us/graph/api/synchronization-synchronizationschema-get',
    note: "Each provisioning job's synchronization schema: its rules, object mappings and attribute mappings (source attribute or expression to target attribute).",
  },
  'entra.signingKeys': {
    source: 'entra',
    label: 'Entra token signing keys',
    shape: 'list',
    identifier: 'kid',
    request: 'GET /{tenantId}/discovery/v2.0/keys',
    host: 'authority',
    access: { kind: 'public' },
    doc: 'https://learn.microsoft.com/en-us/entra/identity-platform/signing-key-rollover',
    note: "The tenant's public OpenID Connect keys (JWKS), read from the login host without a token; the inspector checks ID and access tokens against them.",
  },
  ...OKTA_RESOURCE_TABLE,
} as const satisfies Record<`entra.${string}`, ResourceEntry<'entra'>> &
  Record<`okta.${string}`, ResourceEntry<'okta'>>

/** A snapshot resource: `<source>.<key>`, e.g. `entra.users`. */
export type ResourcePath = keyof typeof RESOURCES
/** One registry entry. */
export type ResourceSpec = (typeof RESOURCES)[ResourcePath]

type KeyOf<P, S extends string> = P extends `${S}.${infer K}` ? K : never
/** Snapshot keys of the Entra side. */
export type EntraResource = KeyOf<ResourcePath, 'entra'>
/** Snapshot keys of the Okta side. */
export type OktaResource = KeyOf<ResourcePath, 'okta'>

/** Every resource path, in registry order. */
export const RESOURCE_PATHS = Object.keys(RESOURCES) as ResourcePath[]

function keysOf<S extends 'entra' | 'okta'>(source: S): KeyOf<ResourcePath, S>[] {
  return RESOURCE_PATHS.filter((p) => p.startsWith(`${source}.`)).map(
    (p) => p.slice(source.length + 1) as KeyOf<ResourcePath, S>,
  )
}

/** Entra snapshot keys, in registry order. */
export const ENTRA_RESOURCES: readonly EntraResource[] = keysOf('entra')
/** Okta snapshot keys, in registry order. */
export const OKTA_RESOURCES: readonly OktaResource[] = keysOf('okta')

/** The registry entry of a path; `undefined` for a string that names no resource. */
export function resourceSpec(path: string): ResourceSpec | undefined {
  return Object.prototype.hasOwnProperty.call(RESOURCES, path)
    ? RESOURCES[path as ResourcePath]
    : undefined
}

/** True when `path` names a registered resource. */
export function isResourcePath(path: string): path is ResourcePath {
  return resourceSpec(path) !== undefined
}

/** Words for a resource ("Entra groups"); the path itself for an unknown one. */
export function resourceLabel(path: string): string {
  return resourceSpec(path)?.label ?? path
}

/** Keys of one side whose records sit under `{ "<parentId>": [records] }`. */
export function keyedResources(source: 'entra' | 'okta'): string[] {
  return RESOURCE_PATHS.filter(
    (p) => p.startsWith(`${source}.`) && RESOURCES[p].shape === 'keyed',
  ).map((p) => p.slice(source.length + 1))
}

/** Keys of one side that hold one object rather than a list. */
export function singleResources(source: 'entra' | 'okta'): string[] {
  return RESOURCE_PATHS.filter(
    (p) => p.startsWith(`${source}.`) && RESOURCES[p].shape === 'single',
  ).map((p) => p.slice(source.length + 1))
}
