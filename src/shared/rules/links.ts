/** Upstream documentation the remediation steps point at (Microsoft Learn, Okta developer and help). */
export const LINKS = {
  aadstsCodes: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
  appCredentials:
    'https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials',
  addPassword: 'https://learn.microsoft.com/en-us/graph/api/application-addpassword',
  updateApplication: 'https://learn.microsoft.com/en-us/graph/api/application-update',
  replyUrl: 'https://learn.microsoft.com/en-us/entra/identity-platform/reply-url',
  supportedAccounts:
    'https://learn.microsoft.com/en-us/entra/identity-platform/supported-accounts-validation',
  adminConsent:
    'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/grant-admin-consent',
  graphPermissions: 'https://learn.microsoft.com/en-us/graph/permissions-reference',
  oktaMicrosoftIdp: 'https://developer.okta.com/docs/guides/add-an-external-idp/microsoft/main/',
  oktaIdpApi:
    'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/IdentityProvider/',
  oktaAppKeys:
    'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ApplicationSSOCredentialKey/',
  oktaMappings:
    'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ProfileMapping/',
  oktaAppUsers:
    'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ApplicationUsers/',
  oktaSystemLog: 'https://developer.okta.com/docs/reference/api/system-log/',
  oktaScopes: 'https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/',
  oktaSamlApp:
    'https://help.okta.com/en-us/content/topics/apps/apps_app_integration_wizard_saml.htm',
  oktaOffice365: 'https://help.okta.com/en-us/content/topics/apps/office365/office365-main.htm',
  oktaErrorCodes: 'https://developer.okta.com/docs/reference/error-codes/',
  oktaUserLifecycle:
    'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/UserLifecycle/',
  revokeSessions: 'https://learn.microsoft.com/en-us/graph/api/user-revokesigninsessions',
  domainFederation: 'https://learn.microsoft.com/en-us/graph/api/internaldomainfederation-update',
  migrateOkta:
    'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/migrate-okta-federation',
  emergencyAccess:
    'https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access',
  customDomain: 'https://learn.microsoft.com/en-us/entra/fundamentals/add-custom-domain',
  idFix: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/install-and-run-idfix',
  syncErrors:
    'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/tshoot-connect-sync-errors',
  syncScheduler:
    'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-sync-feature-scheduler',
  duplicateResiliency:
    'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-syncservice-duplicate-attribute-resiliency',
  provisioningQuarantine:
    'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-quarantine-status',
  provisioningLogs:
    'https://learn.microsoft.com/en-us/entra/identity/monitoring-health/concept-provisioning-logs',
  signInLogs: 'https://learn.microsoft.com/en-us/entra/identity/monitoring-health/concept-sign-ins',
  upnPolicy:
    'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-userprincipalname',
} as const
