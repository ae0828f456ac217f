/**
 * App registrations and service principals: the Microsoft Graph and first-party
 * service principals, applications with secrets and certificates, and the
 * admin consent behind them (appRoleAssignments, oauth2PermissionGrants).
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { EntraCertificate, EntraSecretValue, EntraTenant } from './types'
import type { ScenarioContext } from './context'
import { type IssuedCertificate, issueCertificate } from './pki'
import {
  GRAPH_APP_ROLES,
  GRAPH_SCOPES,
  GRAPH_WRITE_ROLES,
  MICROSOFT_GRAPH_APP_ID,
  MICROSOFT_TENANT_ID,
  graphScopeId,
} from './constants'
import { graphDate } from './random'

/** An opaque Graph object id of the kind appRoleAssignments and grants use (base64url, 43 chars). */
function opaqueId(ctx: ScenarioContext): string {
  return Buffer.from(ctx.rng.bytes(32)).toString('base64url').slice(0, 43)
}

/** The Microsoft Graph service principal with the real app role and scope lists. */
export function graphServicePrincipal(ctx: ScenarioContext): MG.ServicePrincipal {
  return {
    id: ctx.graphServicePrincipalId,
    appId: MICROSOFT_GRAPH_APP_ID,
    appDisplayName: 'Microsoft Graph',
    displayName: 'Microsoft Graph',
    accountEnabled: true,
    servicePrincipalType: 'Application',
    appOwnerOrganizationId: MICROSOFT_TENANT_ID,
    appRoleAssignmentRequired: false,
    servicePrincipalNames: [
      MICROSOFT_GRAPH_APP_ID,
      'https://graph.microsoft.com',
      'https://graph.microsoft.com/',
    ],
    signInAudience: 'AzureADMultipleOrgs',
    tags: [],
    replyUrls: [],
    keyCredentials: [],
    passwordCredentials: [],
    appRoles: [...GRAPH_APP_ROLES, ...GRAPH_WRITE_ROLES].map((r) => ({
      allowedMemberTypes: ['Application'],
      description: `Allows the app to ${r.displayName.toLowerCase()} without a signed-in user.`,
      displayName: r.displayName,
      id: r.id,
      isEnabled: true,
      origin: 'Application',
      value: r.value,
    })),
    oauth2PermissionScopes: GRAPH_SCOPES.map((s) => ({
      adminConsentDescription: `Allows the app to use the ${s.value} permission.`,
      adminConsentDisplayName: s.value,
      id: s.id,
      isEnabled: true,
      type: 'User',
      userConsentDescription: `Allows the app to use the ${s.value} permission.`,
      userConsentDisplayName: s.value,
      value: s.value,
    })),
  }
}

/** A first-party Microsoft service principal present in every tenant (sign-ins name it). */
export function firstPartyServicePrincipal(
  ctx: ScenarioContext,
  appId: string,
  displayName: string,
): MG.ServicePrincipal {
  return {
    id: ctx.rng.guid(),
    appId,
    appDisplayName: displayName,
    displayName,
    accountEnabled: true,
    servicePrincipalType: 'Application',
    appOwnerOrganizationId: MICROSOFT_TENANT_ID,
    appRoleAssignmentRequired: false,
    servicePrincipalNames: [appId],
    signInAudience: 'AzureADMultipleOrgs',
    tags: [],
    replyUrls: [],
    keyCredentials: [],
    passwordCredentials: [],
    appRoles: [],
    oauth2PermissionScopes: [],
  }
}

export interface AppRegistration {
  application: MG.Application
  servicePrincipal: MG.ServicePrincipal
}

export interface AppOptions {
  displayName: string
  createdMs: number
  signInAudience?: 'AzureADMyOrg' | 'AzureADMultipleOrgs'
  redirectUris?: string[]
  /** Graph application permissions (role values) the app requests */
  roles?: string[]
  /** Graph delegated permissions (scope values) the app requests */
  scopes?: string[]
  enableIdTokenIssuance?: boolean
  notes?: string
}

/** Registers an application and its service principal in the tenant. */
export function addApp(ctx: ScenarioContext, tenant: EntraTenant, o: AppOptions): AppRegistration {
  const appId = ctx.rng.guid()
  const resourceAccess: MG.ResourceAccess[] = [
    ...(o.scopes ?? []).map((s) => ({ id: graphScopeId(s), type: 'Scope' })),
    ...(o.roles ?? []).map((r) => {
      const role = GRAPH_APP_ROLES.find((x) => x.value === r)
      if (!role) throw new Error(`unknown Graph role ${r}`)
      return { id: role.id, type: 'Role' }
    }),
  ]
  const redirectUris = o.redirectUris ?? []
  const application: MG.Application = {
    id: ctx.rng.guid(),
    appId,
    displayName: o.displayName,
    signInAudience: o.signInAudience ?? 'AzureADMyOrg',
    createdDateTime: graphDate(o.createdMs),
    publisherDomain: ctx.federatedDomain,
    identifierUris: [],
    isDeviceOnlyAuthSupported: null,
    isFallbackPublicClient: false,
    groupMembershipClaims: null,
    notes: o.notes ?? null,
    tags: [],
    web: {
      redirectUris,
      homePageUrl: null,
      logoutUrl: null,
      implicitGrantSettings: {
        enableIdTokenIssuance: o.enableIdTokenIssuance ?? false,
        enableAccessTokenIssuance: false,
      },
      redirectUriSettings: redirectUris.map((uri) => ({ uri, index: null })),
    },
    spa: { redirectUris: [] },
    publicClient: { redirectUris: [] },
    requiredResourceAccess: resourceAccess.length
      ? [{ resourceAppId: MICROSOFT_GRAPH_APP_ID, resourceAccess }]
      : [],
    passwordCredentials: [],
    keyCredentials: [],
    appRoles: [],
    api: {
      requestedAccessTokenVersion: null,
      oauth2PermissionScopes: [],
      acceptMappedClaims: null,
      knownClientApplications: [],
      preAuthorizedApplications: [],
    },
  }
  const servicePrincipal: MG.ServicePrincipal = {
    id: ctx.rng.guid(),
    appId,
    appDisplayName: o.displayName,
    displayName: o.displayName,
    accountEnabled: true,
    servicePrincipalType: 'Application',
    appOwnerOrganizationId: ctx.tenantId,
    appRoleAssignmentRequired: false,
    servicePrincipalNames: [appId],
    signInAudience: application.signInAudience,
    tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
    replyUrls: redirectUris,
    keyCredentials: [],
    passwordCredentials: [],
    appRoles: [],
    oauth2PermissionScopes: [],
    preferredSingleSignOnMode: null,
    notificationEmailAddresses: [],
  }
  tenant.applications.push(application)
  tenant.servicePrincipals.push(servicePrincipal)
  return { application, servicePrincipal }
}

/** Adds a client secret; Graph shows keyId/hint/dates, the token endpoint checks the value. */
export function addSecret(
  ctx: ScenarioContext,
  tenant: EntraTenant,
  app: MG.Application,
  o: { displayName: string; startMs: number; endMs: number; secretText?: string },
): EntraSecretValue {
  const secretText = o.secretText ?? ctx.rng.entraSecret()
  const keyId = ctx.rng.guid()
  app.passwordCredentials = [
    ...(app.passwordCredentials ?? []),
    {
      customKeyIdentifier: null,
      displayName: o.displayName,
      endDateTime: graphDate(o.endMs),
      hint: secretText.slice(0, 3),
      keyId,
      secretText: null,
      startDateTime: graphDate(o.startMs),
    },
  ]
  const value: EntraSecretValue = { appId: app.appId ?? '', keyId, secretText }
  tenant.secrets.push(value)
  return value
}

/** Adds a certificate credential (usage Verify) from an issued certificate. */
export function addCertificate(
  ctx: ScenarioContext,
  tenant: EntraTenant,
  app: MG.Application,
  cert: IssuedCertificate,
  displayName: string,
): EntraCertificate {
  const keyId = ctx.rng.guid()
  app.keyCredentials = [
    ...(app.keyCredentials ?? []),
    {
      customKeyIdentifier: cert.sha1Base64,
      displayName,
      endDateTime: graphDate(Date.parse(cert.notAfter)),
      key: cert.derBase64,
      keyId,
      startDateTime: graphDate(Date.parse(cert.notBefore)),
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
    },
  ]
  const value: EntraCertificate = {
    appId: app.appId ?? '',
    keyId,
    certificatePem: cert.certificatePem,
    privateKeyPem: cert.privateKeyPem,
  }
  tenant.certificates.push(value)
  return value
}

/**
 * A certificate issued for `commonName` (seeded by `label`, valid between the two times)
 * and added to the app's key credentials as `CN=<commonName>`.
 */
export function addIssuedCertificate(
  ctx: ScenarioContext,
  tenant: EntraTenant,
  app: MG.Application,
  cert: { label: string; commonName: string; notBeforeMs: number; notAfterMs: number },
): EntraCertificate {
  return addCertificate(
    ctx,
    tenant,
    app,
    issueCertificate({ seed: ctx.seed, ...cert }),
    `CN=${cert.commonName}`,
  )
}

/** Admin consent for application permissions: appRoleAssignments from the client SP to Microsoft Graph. */
export function grantAppRoles(
  ctx: ScenarioContext,
  tenant: EntraTenant,
  sp: MG.ServicePrincipal,
  roles: string[],
  createdMs: number,
): void {
  const spId = sp.id ?? ''
  const list = tenant.appRoleAssignments[spId] ?? []
  for (const value of roles) {
    const role = [...GRAPH_APP_ROLES, ...GRAPH_WRITE_ROLES].find((r) => r.value === value)
    if (!role) throw new Error(`unknown Graph role ${value}`)
    list.push({
      id: opaqueId(ctx),
      appRoleId: role.id,
      principalId: spId,
      principalType: 'ServicePrincipal',
      principalDisplayName: sp.displayName,
      resourceId: ctx.graphServicePrincipalId,
      resourceDisplayName: 'Microsoft Graph',
      createdDateTime: graphDate(createdMs),
      deletedDateTime: null,
    })
  }
  tenant.appRoleAssignments[spId] = list
}

/** Admin consent for delegated permissions (consentType AllPrincipals). */
export function grantDelegated(
  ctx: ScenarioContext,
  tenant: EntraTenant,
  sp: MG.ServicePrincipal,
  scopes: string[],
): MG.OAuth2PermissionGrant {
  const grant: MG.OAuth2PermissionGrant = {
    id: opaqueId(ctx),
    clientId: sp.id ?? '',
    consentType: 'AllPrincipals',
    principalId: null,
    resourceId: ctx.graphServicePrincipalId,
    scope: scopes.join(' '),
  }
  tenant.oauth2PermissionGrants.push(grant)
  return grant
}
