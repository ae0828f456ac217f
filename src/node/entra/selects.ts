/**
 * `$select` lists per Graph resource: exactly the properties the diagnosis rules read
 * (api-facts B2; names checked against the v1.0 CSDL). Graph returns only a default set
 * without `$select`, and every hybrid-identity property must be named.
 */
export const USER_SELECT = [
  'id', 'userPrincipalName', 'displayName', 'givenName', 'surname', 'mail', 'otherMails',
  'proxyAddresses', 'accountEnabled', 'userType', 'createdDateTime', 'onPremisesSyncEnabled',
  'onPremisesImmutableId', 'onPremisesLastSyncDateTime', 'onPremisesSamAccountName',
  'onPremisesUserPrincipalName', 'onPremisesDomainName', 'onPremisesDistinguishedName',
  'onPremisesSecurityIdentifier', 'onPremisesExtensionAttributes', 'onPremisesProvisioningErrors',
  'serviceProvisioningErrors', 'identities', 'employeeId', 'creationType', 'externalUserState',
  'lastPasswordChangeDateTime',
]

export const GROUP_SELECT = [
  'id', 'displayName', 'mail', 'mailEnabled', 'securityEnabled', 'groupTypes', 'membershipRule',
  'membershipRuleProcessingState', 'proxyAddresses', 'createdDateTime', 'isAssignableToRole',
  'onPremisesSyncEnabled', 'onPremisesLastSyncDateTime', 'onPremisesProvisioningErrors',
  'onPremisesSamAccountName', 'onPremisesSecurityIdentifier', 'onPremisesDomainName',
  'onPremisesNetBiosName', 'serviceProvisioningErrors',
]

export const APPLICATION_SELECT = [
  'id', 'appId', 'displayName', 'signInAudience', 'identifierUris', 'web', 'spa', 'publicClient',
  'requiredResourceAccess', 'passwordCredentials', 'keyCredentials', 'appRoles', 'api',
  'samlMetadataUrl', 'groupMembershipClaims', 'optionalClaims', 'createdDateTime',
  'publisherDomain', 'isDisabled', 'tags', 'notes', 'serviceManagementReference',
]

export const SERVICE_PRINCIPAL_SELECT = [
  'id', 'appId', 'appDisplayName', 'displayName', 'accountEnabled', 'servicePrincipalType',
  'appOwnerOrganizationId', 'appRoleAssignmentRequired', 'preferredSingleSignOnMode',
  'samlSingleSignOnSettings', 'preferredTokenSigningKeyThumbprint', 'loginUrl', 'logoutUrl',
  'replyUrls', 'servicePrincipalNames', 'keyCredentials', 'passwordCredentials', 'appRoles',
  'oauth2PermissionScopes', 'notificationEmailAddresses', 'tags', 'signInAudience',
  'disabledByMicrosoftStatus',
]

export const ORGANIZATION_SELECT = [
  'id', 'displayName', 'tenantType', 'createdDateTime', 'countryLetterCode',
  'onPremisesSyncEnabled', 'onPremisesLastSyncDateTime', 'verifiedDomains',
  'technicalNotificationMails', 'assignedPlans',
]

export const DOMAIN_SELECT = [
  'id', 'authenticationType', 'isVerified', 'isDefault', 'isInitial', 'isRoot', 'isAdminManaged',
  'availabilityStatus', 'supportedServices', 'passwordValidityPeriodInDays',
  'passwordNotificationWindowInDays', 'state',
]

/** Graph application permissions that allow reading each snapshot resource (any one suffices). */
export const ENTRA_PERMISSIONS: Record<string, readonly string[]> = {
  organization: ['Organization.Read.All', 'Directory.Read.All'],
  domains: ['Domain.Read.All', 'Directory.Read.All'],
  federationConfigurations: ['Domain.Read.All', 'Directory.Read.All'],
  users: ['User.Read.All', 'Directory.Read.All'],
  groups: ['Group.Read.All', 'GroupMember.Read.All', 'Directory.Read.All'],
  applications: ['Application.Read.All', 'Directory.Read.All'],
  servicePrincipals: ['Application.Read.All', 'Directory.Read.All'],
  appRoleAssignments: ['Application.Read.All', 'Directory.Read.All'],
  oauth2PermissionGrants: ['DelegatedPermissionGrant.Read.All', 'Directory.Read.All'],
  onPremisesSynchronization: ['OnPremDirectorySynchronization.Read.All', 'Directory.Read.All'],
  signIns: ['AuditLog.Read.All'],
  directoryAudits: ['AuditLog.Read.All'],
  provisioningLogs: ['AuditLog.Read.All'],
  synchronizationJobs: ['Synchronization.Read.All'],
}

/** Tenants that own Microsoft's first-party service principals (no per-SP fan-out for them). */
export const MICROSOFT_OWNER_TENANTS = new Set([
  'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
  '72f988bf-86f1-41af-91ab-2d7cd011db47',
])
