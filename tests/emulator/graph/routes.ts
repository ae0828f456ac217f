/**
 * The Graph v1.0 routes Crosswalk reads: which collection, which permissions, which query
 * limits. `graphRoutes(ctx)` maps path segments after /v1.0/ to a handler.
 */
import type { EmulatorContext } from '../context'
import type { EmuRequest, EmuResponse } from '../http'
import type { Caller } from './auth'
import { deltaQuery } from './delta'
import { notFound } from './errors'
import { countCollection, listCollection, singleObject, type CollectionSpec } from './list'
import { synchronizationSchema } from '../scenarios/sync-schema'
import { PERMISSIONS, USER_DEFAULT_PROPERTIES } from './permissions'

const nullKeys = (obj: object): object => {
  const creds = (obj as { keyCredentials?: { key?: unknown }[] }).keyCredentials
  if (!creds?.some((k) => k.key)) return obj
  return { ...obj, keyCredentials: creds.map((k) => ({ ...k, key: null })) }
}

export interface Handler {
  key: string
  permissions: readonly (readonly string[])[]
  premium?: boolean
  run: (req: EmuRequest, caller: Caller) => EmuResponse
}

export function graphRoutes(ctx: EmulatorContext): (segments: string[]) => Handler | null {
  const s = ctx.store
  const e = ctx.scenario.entra
  const base = (): string => ctx.origins.graphBaseUrl
  const dir = { defaultTop: 100, maxTop: 999, directory: true }
  const specs = {
    users: {
      context: 'users',
      typeName: 'User',
      source: s.entra.users,
      defaults: USER_DEFAULT_PROPERTIES,
      hidden: ['signInActivity'],
      noSkip: true,
      ...dir,
    },
    // the recycle bin's users: the user properties plus deletedDateTime, paged like /users
    deletedUsers: {
      context: 'directory/deletedItems/microsoft.graph.user',
      typeName: 'User',
      source: s.entra.deletedUsers,
      defaults: [...USER_DEFAULT_PROPERTIES, 'deletedDateTime'],
      hidden: ['signInActivity'],
      ...dir,
    },
    groups: { context: 'groups', typeName: 'Group', source: s.entra.groups, ...dir },
    applications: {
      context: 'applications',
      typeName: 'Application',
      source: s.entra.applications,
      listTransform: nullKeys,
      ...dir,
    },
    servicePrincipals: {
      context: 'servicePrincipals',
      typeName: 'ServicePrincipal',
      source: s.entra.servicePrincipals,
      listTransform: nullKeys,
      ...dir,
    },
    organization: {
      context: 'organization',
      typeName: 'Organization',
      source: s.entra.organization,
      defaultTop: 999,
      maxTop: 999,
    },
    domains: {
      context: 'domains',
      typeName: 'Domain',
      source: s.entra.domains,
      defaultTop: 999,
      maxTop: 999,
    },
    grants: {
      context: 'oauth2PermissionGrants',
      typeName: 'OAuth2PermissionGrant',
      source: s.entra.oauth2PermissionGrants,
      defaultTop: 100,
      maxTop: 999,
    },
    onPremSync: {
      context: 'directory/onPremisesSynchronization',
      typeName: 'OnPremisesDirectorySynchronization',
      source: s.entra.onPremisesSynchronization,
      defaultTop: 100,
      maxTop: 999,
    },
    signIns: {
      context: 'auditLogs/signIns',
      typeName: 'SignIn',
      source: s.entra.signIns,
      defaultTop: 1000,
      maxTop: 1000,
      order: { property: 'createdDateTime', descending: true },
    },
    audits: {
      context: 'auditLogs/directoryAudits',
      typeName: 'DirectoryAudit',
      source: s.entra.directoryAudits,
      defaultTop: 1000,
      maxTop: 1000,
      order: { property: 'activityDateTime', descending: true },
    },
    provisioning: {
      context: 'auditLogs/provisioning',
      typeName: 'ProvisioningObjectSummary',
      source: s.entra.provisioningLogs,
      defaultTop: 1000,
      maxTop: 1000,
      order: { property: 'activityDateTime', descending: true },
    },
  } satisfies Record<string, CollectionSpec>

  const list = (
    key: string,
    spec: CollectionSpec,
    permissions: readonly (readonly string[])[],
    premium = false,
  ): Handler => ({
    key,
    permissions,
    premium,
    run: (req) => listCollection(req, base(), spec),
  })
  const byKey = (
    key: string,
    spec: CollectionSpec,
    permissions: readonly (readonly string[])[],
    find: (id: string) => object | undefined,
    id: string,
  ): Handler => ({
    key,
    permissions,
    run: (req) => {
      const obj = find(id)
      return obj ? singleObject(req, base(), spec, obj) : notFound(req, id)
    },
  })
  const byIdOrAppId =
    (table: typeof s.entra.applications | typeof s.entra.servicePrincipals) => (id: string) => {
      const appId = /^\(appId='([^']+)'\)$/.exec(id)?.[1]
      if (appId) return table.find((x) => x.appId?.toLowerCase() === appId.toLowerCase())
      return table.get(id.slice(1))
    }
  const lower = (x: string): string => x.toLowerCase()

  function route(segments: string[]): Handler | null {
    const [a, b, c] = segments
    const n = segments.length
    if (a === 'users') {
      if (n === 1) return list('GET /v1.0/users', specs.users, PERMISSIONS.users)
      if (n === 2 && b === '$count')
        return {
          key: 'GET /v1.0/users/$count',
          permissions: PERMISSIONS.users,
          run: (req) => countCollection(req, specs.users),
        }
      if (n === 2 && b === 'delta') {
        return {
          key: 'GET /v1.0/users/delta',
          permissions: PERMISSIONS.users,
          run: (req) =>
            deltaQuery(req, base(), {
              context: 'users',
              table: s.entra.users,
              sequence: s.sequence,
              defaults: USER_DEFAULT_PROPERTIES,
              odataType: '#microsoft.graph.user',
            }),
        }
      }
      if (n === 2) {
        const id = b ?? ''
        return byKey(
          'GET /v1.0/users/{id}',
          specs.users,
          PERMISSIONS.users,
          (x) =>
            s.entra.users.get(x) ??
            s.entra.users.find((u) => lower(u.userPrincipalName ?? '') === lower(x)),
          id,
        )
      }
    }
    if (a === 'groups') {
      if (n === 1) return list('GET /v1.0/groups', specs.groups, PERMISSIONS.groups)
      if (n === 2 && b === '$count')
        return {
          key: 'GET /v1.0/groups/$count',
          permissions: PERMISSIONS.groups,
          run: (req) => countCollection(req, specs.groups),
        }
      if (n === 2 && b === 'delta') {
        return {
          key: 'GET /v1.0/groups/delta',
          permissions: PERMISSIONS.groups,
          run: (req) =>
            deltaQuery(req, base(), {
              context: 'groups',
              table: s.entra.groups,
              sequence: s.sequence,
              odataType: '#microsoft.graph.group',
              members: {
                current: (id) => e.groupMembers[id],
                changes: (after, upTo) => s.entraMembers.changes(after, upTo),
              },
            }),
        }
      }
      if (n === 2)
        return byKey(
          'GET /v1.0/groups/{id}',
          specs.groups,
          PERMISSIONS.groups,
          (x) => s.entra.groups.get(x),
          b ?? '',
        )
    }
    if (a === 'applications' && n === 1)
      return list('GET /v1.0/applications', specs.applications, PERMISSIONS.applications)
    if (a?.startsWith('applications(') || (a === 'applications' && n === 2)) {
      const id = a === 'applications' ? `/${b}` : a.slice('applications'.length)
      if (n <= 2)
        return byKey(
          'GET /v1.0/applications/{id}',
          specs.applications,
          PERMISSIONS.applications,
          byIdOrAppId(s.entra.applications),
          id,
        )
    }
    if (a === 'servicePrincipals' && n === 1)
      return list('GET /v1.0/servicePrincipals', specs.servicePrincipals, PERMISSIONS.applications)
    if (a === 'servicePrincipals' || a?.startsWith('servicePrincipals(')) {
      const idPart = a === 'servicePrincipals' ? `/${b}` : a.slice('servicePrincipals'.length)
      const rest = a === 'servicePrincipals' ? segments.slice(2) : segments.slice(1)
      const sp = byIdOrAppId(s.entra.servicePrincipals)(idPart)
      const spId = sp?.id ?? idPart.replace(/^\//, '')
      if (rest.length === 0)
        return byKey(
          'GET /v1.0/servicePrincipals/{id}',
          specs.servicePrincipals,
          PERMISSIONS.applications,
          () => sp,
          spId,
        )
      if (rest.length === 1 && rest[0] === 'appRoleAssignments') {
        return nested(
          'GET /v1.0/servicePrincipals/{id}/appRoleAssignments',
          PERMISSIONS.appRoleAssignments,
          sp ? (e.appRoleAssignments[spId] ??= []) : null,
          `servicePrincipals('${spId}')/appRoleAssignments`,
          'AppRoleAssignment',
          spId,
        )
      }
      if (rest.length === 2 && rest[0] === 'synchronization' && rest[1] === 'jobs') {
        return nested(
          'GET /v1.0/servicePrincipals/{id}/synchronization/jobs',
          PERMISSIONS.synchronization,
          sp ? (e.synchronizationJobs[spId] ??= []) : null,
          `servicePrincipals('${spId}')/synchronization/jobs`,
          'SynchronizationJob',
          spId,
        )
      }
      if (
        rest.length === 4 &&
        rest[0] === 'synchronization' &&
        rest[1] === 'jobs' &&
        rest[3] === 'schema'
      ) {
        const jobId = rest[2] ?? ''
        const job = sp ? e.synchronizationJobs[spId]?.find((j) => j.id === jobId) : undefined
        return byKey(
          'GET /v1.0/servicePrincipals/{id}/synchronization/jobs/{jobId}/schema',
          {
            context: `servicePrincipals('${spId}')/synchronization/jobs('${jobId}')/schema`,
            typeName: 'SynchronizationSchema',
            source: [],
            defaultTop: 1,
            maxTop: 1,
          },
          PERMISSIONS.synchronization,
          () => (job ? synchronizationSchema(e, job) : undefined),
          jobId,
        )
      }
    }
    if (a === 'organization') {
      if (n === 1)
        return list('GET /v1.0/organization', specs.organization, PERMISSIONS.organization)
      if (n === 2)
        return byKey(
          'GET /v1.0/organization/{id}',
          specs.organization,
          PERMISSIONS.organization,
          (x) => s.entra.organization.get(x),
          b ?? '',
        )
    }
    if (a === 'domains') {
      if (n === 1) return list('GET /v1.0/domains', specs.domains, PERMISSIONS.domains)
      const domain = s.entra.domains.find((x) => lower(x.id ?? '') === lower(b ?? ''))
      if (n === 2)
        return byKey(
          'GET /v1.0/domains/{id}',
          specs.domains,
          PERMISSIONS.domains,
          () => domain,
          b ?? '',
        )
      if (n === 3 && c === 'federationConfiguration') {
        const id = domain?.id ?? b ?? ''
        return nested(
          'GET /v1.0/domains/{id}/federationConfiguration',
          PERMISSIONS.federation,
          domain ? (e.federationConfigurations[id] ?? []) : null,
          `domains('${id}')/federationConfiguration`,
          'InternalDomainFederation',
          id,
        )
      }
    }
    // the OData cast is a required part of the path: /directory/deletedItems alone is a 400
    if (
      a === 'directory' &&
      lower(b ?? '') === 'deleteditems' &&
      n === 3 &&
      c === 'microsoft.graph.user'
    )
      return list(
        'GET /v1.0/directory/deletedItems/microsoft.graph.user',
        specs.deletedUsers,
        PERMISSIONS.deletedUsers,
      )
    if (a === 'directory' && b === 'onPremisesSynchronization' && n === 2)
      return list(
        'GET /v1.0/directory/onPremisesSynchronization',
        specs.onPremSync,
        PERMISSIONS.onPremSync,
      )
    if (a === 'auditLogs' && n === 2) {
      if (b === 'signIns')
        return list('GET /v1.0/auditLogs/signIns', specs.signIns, PERMISSIONS.auditLogs, true)
      if (b === 'directoryAudits')
        return list('GET /v1.0/auditLogs/directoryAudits', specs.audits, PERMISSIONS.auditLogs)
      if (b === 'provisioning')
        return list('GET /v1.0/auditLogs/provisioning', specs.provisioning, PERMISSIONS.auditLogs)
    }
    if (a === 'oauth2PermissionGrants' && n === 1)
      return list('GET /v1.0/oauth2PermissionGrants', specs.grants, PERMISSIONS.grants)
    return null
  }

  function nested(
    key: string,
    permissions: readonly (readonly string[])[],
    items: object[] | null,
    context: string,
    typeName: string,
    parent: string,
  ): Handler {
    return {
      key,
      permissions,
      run: (req) =>
        items
          ? listCollection(req, base(), {
              context,
              typeName,
              source: items,
              defaultTop: 100,
              maxTop: 999,
            })
          : notFound(req, parent),
    }
  }

  return route
}
