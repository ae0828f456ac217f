/**
 * The clutter list of a realistic scenario: every kind of ordinary, benign oddity it holds,
 * with its instances, why it breaks nothing and the documentation that says so. It documents
 * the scenario and lets tests assert that every kind is present.
 */
import type { ClutterEntry } from './types'
import type { Subject } from './answer-key'

export class ClutterLog {
  readonly entries: ClutterEntry[] = []

  /**
   * Records a kind; `instances` groups the subjects of each instance (one group per instance).
   * Kinds are unique and every subject needs an id.
   */
  note(kind: string, why: string, link: string, instances: Subject[][]): void {
    if (this.entries.some((e) => e.kind === kind)) throw new Error(`clutter kind ${kind} twice`)
    const subjects = instances.flat()
    if (instances.length === 0 || subjects.some((s) => !s.id))
      throw new Error(`clutter kind ${kind} has no instance or a subject without id`)
    this.entries.push({ kind, count: instances.length, why, link, subjects })
  }
}

/** Documentation pages the clutter kinds cite. */
export const DOCS = {
  connectAccounts:
    'https://learn.microsoft.com/entra/identity/hybrid/connect/reference-connect-accounts-permissions',
  cloudSync: 'https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/what-is-cloud-sync',
  emergencyAccess:
    'https://learn.microsoft.com/entra/identity/role-based-access-control/security-emergency-access',
  guestProperties: 'https://learn.microsoft.com/entra/external-id/user-properties',
  sharedMailbox: 'https://learn.microsoft.com/exchange/collaboration-exo/shared-mailboxes',
  resourceMailbox:
    'https://learn.microsoft.com/exchange/recipients-in-exchange-online/manage-resource-mailboxes',
  serviceAccounts: 'https://learn.microsoft.com/entra/architecture/secure-service-accounts',
  createUsers: 'https://learn.microsoft.com/entra/fundamentals/how-to-create-delete-users',
  oktaUserStatus:
    'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/User/#tag/User/operation/listUsers',
  oktaLifecycle:
    'https://help.okta.com/en-us/content/topics/users-groups-profiles/usgp-end-user-states.htm',
  restoreUser: 'https://learn.microsoft.com/entra/fundamentals/users-restore',
  deletedItems: 'https://learn.microsoft.com/graph/api/directory-deleteditems-list',
  userResource: 'https://learn.microsoft.com/graph/api/resources/user',
  upnPlanning:
    'https://learn.microsoft.com/entra/identity/hybrid/connect/plan-connect-userprincipalname',
  usernamePolicy:
    'https://learn.microsoft.com/entra/identity/authentication/concept-password-policies#username-policies',
  syncTechnical:
    'https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-sync-technical-concepts',
  syncScheduler:
    'https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-sync-feature-scheduler',
  proxyAddresses:
    'https://learn.microsoft.com/troubleshoot/entra/entra-id/user-prov-sync/proxyaddresses-attribute-populate',
  syncCloudOnly:
    'https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-syncservice-features',
  managedDomain: 'https://learn.microsoft.com/entra/identity/hybrid/connect/whatis-phs',
  domains: 'https://learn.microsoft.com/entra/fundamentals/add-custom-domain',
  appCredentials: 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials',
  appCleanup:
    'https://learn.microsoft.com/entra/identity/enterprise-apps/recommendation-remove-unused-credential-from-apps',
  oktaIdps:
    'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/IdentityProvider/',
  oktaRoutingRules:
    'https://help.okta.com/en-us/content/topics/security/identity_provider_discovery.htm',
  oktaAppKeys:
    'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ApplicationSSOCredentialKey/',
  oktaAppLifecycle:
    'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ApplicationLifecycle/',
  oktaGroupAssignment:
    'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ApplicationGroups/',
  oktaUsers: 'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/User/',
  oktaEvents: 'https://developer.okta.com/docs/reference/api/event-types/',
  signInErrorCodes: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes',
  signInLogs: 'https://learn.microsoft.com/entra/identity/monitoring-health/concept-sign-ins',
  auditLogs: 'https://learn.microsoft.com/entra/identity/monitoring-health/concept-audit-logs',
} as const
