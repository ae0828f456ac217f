/**
 * Entra tenant configuration: organization, domains, domain federation, Entra
 * Connect settings and groups (app registrations are in entra-apps.ts).
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { EntraTenant } from './types'
import type { ScenarioContext } from './context'
import { MS, graphDate } from './random'

export function emptyTenant(ctx: ScenarioContext): EntraTenant {
  return {
    tenantId: ctx.tenantId,
    premiumLicense: true,
    organization: [],
    domains: [],
    federationConfigurations: {},
    users: [],
    deletedUsers: [],
    groups: [],
    groupMembers: {},
    applications: [],
    servicePrincipals: [],
    appRoleAssignments: {},
    oauth2PermissionGrants: [],
    onPremisesSynchronization: [],
    signIns: [],
    directoryAudits: [],
    provisioningLogs: [],
    synchronizationJobs: {},
    secrets: [],
    certificates: [],
  }
}

export function domain(
  name: string,
  options: {
    authenticationType: 'Managed' | 'Federated'
    isVerified?: boolean
    isDefault?: boolean
    isInitial?: boolean
  },
): MG.Domain {
  const isVerified = options.isVerified ?? true
  return {
    id: name,
    authenticationType: options.authenticationType,
    isVerified,
    isDefault: options.isDefault ?? false,
    isInitial: options.isInitial ?? false,
    isRoot: true,
    isAdminManaged: true,
    availabilityStatus: null,
    supportedServices: isVerified ? ['Email', 'OfficeCommunicationsOnline'] : [],
    passwordValidityPeriodInDays: 2147483647,
    passwordNotificationWindowInDays: 14,
    state: null,
  }
}

export function organization(
  ctx: ScenarioContext,
  domains: MG.Domain[],
  lastSyncMs: number,
): MG.Organization {
  return {
    id: ctx.tenantId,
    displayName: ctx.company,
    tenantType: 'AAD',
    createdDateTime: graphDate(ctx.nowMs - 2900 * MS.day),
    countryLetterCode: 'US',
    city: 'Seattle',
    state: 'WA',
    street: '1 Harbor Way',
    postalCode: '98101',
    businessPhones: ['+1 206 555 0100'],
    onPremisesSyncEnabled: true,
    onPremisesLastSyncDateTime: graphDate(lastSyncMs),
    verifiedDomains: domains
      .filter((d) => d.isVerified)
      .map((d) => ({
        name: d.id,
        type: d.authenticationType,
        isDefault: d.isDefault,
        isInitial: d.isInitial,
        capabilities: d.isInitial
          ? 'Email, OfficeCommunicationsOnline'
          : 'Email, OfficeCommunicationsOnline',
      })),
    technicalNotificationMails: [`it-alerts@${ctx.federatedDomain}`],
    assignedPlans: [],
    securityComplianceNotificationMails: [],
    securityComplianceNotificationPhones: [],
  }
}

/** Okta's WS-Federation endpoints for an Office 365 app instance, as Okta writes them on the Entra domain. */
export function oktaWsFedUris(oktaOrgUrl: string, externalKey: string) {
  const base = `${oktaOrgUrl}/app/office365/${externalKey}/sso/wsfed`
  return {
    issuerUri: `http://www.okta.com/${externalKey}`,
    passiveSignInUri: `${base}/passive`,
    activeSignInUri: `${base}/active`,
    signOutUri: `${base}/signout`,
    metadataExchangeUri: `${base}/mex`,
  }
}

export function federationConfiguration(
  ctx: ScenarioContext,
  uris: ReturnType<typeof oktaWsFedUris>,
  signingCertificate: string,
  lastRunMs: number,
): MG.InternalDomainFederation {
  return {
    id: ctx.rng.guid(),
    displayName: 'Okta',
    issuerUri: uris.issuerUri,
    metadataExchangeUri: uris.metadataExchangeUri,
    passiveSignInUri: uris.passiveSignInUri,
    activeSignInUri: uris.activeSignInUri,
    signOutUri: uris.signOutUri,
    passwordResetUri: null,
    signingCertificate,
    nextSigningCertificate: null,
    signingCertificateUpdateStatus: {
      certificateUpdateResult: 'Success',
      lastRunDateTime: graphDate(lastRunMs),
    },
    preferredAuthenticationProtocol: 'wsFed',
    promptLoginBehavior: 'nativeSupport',
    federatedIdpMfaBehavior: 'acceptIfMfaDoneByFederatedIdp',
    isSignedAuthenticationRequestRequired: false,
  }
}

export function onPremisesSynchronization(
  ctx: ScenarioContext,
): MG.OnPremisesDirectorySynchronization {
  // Graph v1.0 has no synchronizationInterval (beta only): a v1.0 reader assumes
  // Entra Connect's 30-minute default, which is what this tenant runs
  const configuration: MG.OnPremisesDirectorySynchronizationConfiguration = {
    accidentalDeletionPrevention: {
      synchronizationPreventionType: 'enabledForCount',
      alertThreshold: 500,
    },
  }
  return {
    id: ctx.tenantId,
    configuration,
    features: {
      blockCloudObjectTakeoverThroughHardMatchEnabled: true,
      blockSoftMatchEnabled: true,
      bypassDirSyncOverridesEnabled: false,
      cloudPasswordPolicyForPasswordSyncedUsersEnabled: false,
      concurrentCredentialUpdateEnabled: false,
      concurrentOrgIdProvisioningEnabled: true,
      deviceWritebackEnabled: false,
      directoryExtensionsEnabled: false,
      fopeConflictResolutionEnabled: false,
      groupWriteBackEnabled: false,
      passwordSyncEnabled: true,
      passwordWritebackEnabled: false,
      quarantineUponProxyAddressesConflictEnabled: true,
      quarantineUponUpnConflictEnabled: true,
      softMatchOnUpnEnabled: true,
      synchronizeUpnForManagedUsersEnabled: true,
      unifiedGroupWritebackEnabled: false,
      userForcePasswordChangeOnLogonEnabled: false,
      userWritebackEnabled: false,
    },
  }
}

export function group(
  ctx: ScenarioContext,
  o: {
    displayName: string
    description: string
    synced: boolean
    createdMs: number
    lastSyncMs?: number
    mailNickname?: string
  },
): MG.Group {
  return {
    id: ctx.rng.guid(),
    displayName: o.displayName,
    description: o.description,
    mail: null,
    mailEnabled: false,
    mailNickname: o.mailNickname ?? o.displayName.replace(/[^A-Za-z0-9]/g, ''),
    securityEnabled: true,
    groupTypes: [],
    membershipRule: null,
    membershipRuleProcessingState: null,
    proxyAddresses: [],
    createdDateTime: graphDate(o.createdMs),
    isAssignableToRole: null,
    onPremisesSyncEnabled: o.synced ? true : null,
    onPremisesLastSyncDateTime: o.synced && o.lastSyncMs ? graphDate(o.lastSyncMs) : null,
    onPremisesSamAccountName: o.synced ? o.displayName : null,
    onPremisesSecurityIdentifier: o.synced ? `${ctx.adDomainSid}-${ctx.rng.int(5000, 9000)}` : null,
    onPremisesDomainName: o.synced ? ctx.adDomain : null,
    onPremisesNetBiosName: o.synced ? ctx.adNetbios : null,
    onPremisesProvisioningErrors: [],
    serviceProvisioningErrors: [],
    securityIdentifier: `S-1-12-1-${ctx.rng.int(1e9, 4e9)}-${ctx.rng.int(1e9, 4e9)}-${ctx.rng.int(1e9, 4e9)}-${ctx.rng.int(1e9, 4e9)}`,
    visibility: null,
  }
}
