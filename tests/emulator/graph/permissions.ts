/**
 * What the emulated Graph asks of a caller for each read and each write, and what /users
 * returns without $select. The emulator keeps its own tables, written from each Graph page;
 * a test checks the reads against the project's resource registry.
 */

/** api-facts B2: the properties /users returns without $select */
export const USER_DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const

/**
 * Application permissions per endpoint, as each Graph page's permission table lists them:
 * every group must be held, and any one permission of a group will do. Where a page says
 * "A and B" (the audit logs: AuditLog.Read.All and Directory.Read.All) each is a group.
 * An empty list means the page lists application permissions as "Not supported".
 * `Application.ReadWrite.OwnedBy` reads only the caller's own apps and is left out.
 */
const DIRECTORY = ['Directory.Read.All', 'Directory.ReadWrite.All'] as const
export const PERMISSIONS = {
  /** https://learn.microsoft.com/graph/api/user-delta */
  users: [['User.Read.All', 'User.ReadWrite.All', ...DIRECTORY]],
  /** https://learn.microsoft.com/graph/api/directory-deleteditems-list */
  deletedUsers: [['User.Read.All', 'User.ReadWrite.All', ...DIRECTORY]],
  /** https://learn.microsoft.com/graph/api/group-delta */
  groups: [['GroupMember.Read.All', ...DIRECTORY, 'Group.Read.All', 'Group.ReadWrite.All']],
  /** https://learn.microsoft.com/graph/api/application-list, serviceprincipal-list */
  applications: [['Application.Read.All', 'Application.ReadWrite.All', ...DIRECTORY]],
  /** https://learn.microsoft.com/graph/api/serviceprincipal-list-approleassignments */
  appRoleAssignments: [
    [
      'Application.Read.All',
      'Application.ReadWrite.All',
      'AppRoleAssignment.ReadWrite.All',
      ...DIRECTORY,
    ],
  ],
  /** https://learn.microsoft.com/graph/api/organization-list */
  organization: [[...DIRECTORY]],
  /** https://learn.microsoft.com/graph/api/domain-list */
  domains: [['Domain.Read.All', 'Domain.ReadWrite.All', ...DIRECTORY]],
  /** https://learn.microsoft.com/graph/api/domain-list-federationconfiguration */
  federation: [['Domain.Read.All', 'Domain.ReadWrite.All']],
  /** https://learn.microsoft.com/graph/api/onpremisesdirectorysynchronization-get: application "Not supported" */
  onPremSync: [],
  /** https://learn.microsoft.com/graph/api/signin-list, directoryaudit-list, provisioningobjectsummary-list */
  auditLogs: [['AuditLog.Read.All'], [...DIRECTORY]],
  /** https://learn.microsoft.com/graph/api/synchronization-synchronization-list-jobs */
  synchronization: [['Synchronization.Read.All', 'Synchronization.ReadWrite.All']],
  /** https://learn.microsoft.com/graph/api/oauth2permissiongrant-list */
  grants: [
    ['Directory.Read.All', 'DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All'],
  ],
} as const satisfies Record<string, readonly (readonly string[])[]>

/** The writes: least privileged first, then the higher-privileged permissions each page lists. */
export const WRITE_PERMISSIONS = {
  applications: [['Application.ReadWrite.OwnedBy', 'Application.ReadWrite.All']],
  servicePrincipals: [['Application.ReadWrite.OwnedBy', 'Application.ReadWrite.All']],
  grants: [['DelegatedPermissionGrant.ReadWrite.All']],
  federation: [['Domain-InternalFederation.ReadWrite.All', 'Domain.ReadWrite.All']],
} as const satisfies Record<string, readonly (readonly string[])[]>
