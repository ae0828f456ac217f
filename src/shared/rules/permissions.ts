/**
 * What it takes to collect each snapshot resource: the Microsoft Graph application
 * permission (least privileged that works) or Okta OAuth scope. Used to explain a
 * missing resource and to check granted permissions.
 *
 * @see https://learn.microsoft.com/en-us/graph/permissions-reference
 * @see https://developer.okta.com/docs/api/oauth2/
 */

/** Graph permission per `entra.<resource>`. */
export const ENTRA_RESOURCE_PERMISSION: Record<string, string> = {
  organization: 'Organization.Read.All',
  domains: 'Domain.Read.All',
  federationConfigurations: 'Domain.Read.All',
  users: 'User.Read.All',
  groups: 'Group.Read.All',
  applications: 'Application.Read.All',
  servicePrincipals: 'Application.Read.All',
  appRoleAssignments: 'Application.Read.All',
  oauth2PermissionGrants: 'DelegatedPermissionGrant.Read.All',
  onPremisesSynchronization: 'OnPremDirectorySynchronization.Read.All',
  signIns: 'AuditLog.Read.All (and an Entra ID P1/P2 licence)',
  directoryAudits: 'AuditLog.Read.All',
  provisioningLogs: 'AuditLog.Read.All',
  synchronizationJobs: 'Synchronization.Read.All',
}

/** Okta scope per `okta.<resource>`. */
export const OKTA_RESOURCE_SCOPE: Record<string, string> = {
  users: 'okta.users.read',
  groups: 'okta.groups.read',
  apps: 'okta.apps.read',
  appUsers: 'okta.apps.read',
  appKeys: 'okta.apps.read',
  idps: 'okta.idps.read',
  mappings: 'okta.profileMappings.read',
  userSchema: 'okta.schemas.read',
  logs: 'okta.logs.read',
}

/** Graph permissions that include others for reading (Directory.Read.All covers most directory reads). */
const IMPLIED_BY: Record<string, string[]> = {
  'Organization.Read.All': ['Directory.Read.All', 'Directory.ReadWrite.All'],
  'Domain.Read.All': ['Directory.Read.All', 'Directory.ReadWrite.All', 'Domain.ReadWrite.All'],
  'User.Read.All': ['Directory.Read.All', 'Directory.ReadWrite.All', 'User.ReadWrite.All'],
  'Group.Read.All': ['Directory.Read.All', 'Directory.ReadWrite.All', 'Group.ReadWrite.All'],
  'Application.Read.All': [
    'Directory.Read.All',
    'Directory.ReadWrite.All',
    'Application.ReadWrite.All',
  ],
  'DelegatedPermissionGrant.Read.All': [
    'Directory.Read.All',
    'Directory.ReadWrite.All',
    'DelegatedPermissionGrant.ReadWrite.All',
  ],
  'OnPremDirectorySynchronization.Read.All': ['OnPremDirectorySynchronization.ReadWrite.All'],
  'AuditLog.Read.All': [],
  'Synchronization.Read.All': ['Synchronization.ReadWrite.All'],
}

/** True when `granted` (case-insensitive) includes `permission` or a permission that implies it. */
export function hasGraphPermission(granted: readonly string[], permission: string): boolean {
  const base = permission.split(' ')[0] ?? permission
  const set = new Set(granted.map((g) => g.toLowerCase()))
  if (set.has(base.toLowerCase())) return true
  return (IMPLIED_BY[base] ?? []).some((p) => set.has(p.toLowerCase()))
}

/** True when `granted` includes the Okta scope or its manage variant. */
export function hasOktaScope(granted: readonly string[], scope: string): boolean {
  const set = new Set(granted.map((g) => g.toLowerCase()))
  return set.has(scope.toLowerCase()) || set.has(scope.toLowerCase().replace(/\.read$/, '.manage'))
}

/** The permission or scope behind a resource path such as `entra.signIns`. */
export function permissionFor(path: string): string | undefined {
  const [source, resource] = path.split('.')
  if (!resource) return undefined
  return source === 'entra'
    ? ENTRA_RESOURCE_PERMISSION[resource]
    : source === 'okta'
      ? OKTA_RESOURCE_SCOPE[resource]
      : undefined
}
