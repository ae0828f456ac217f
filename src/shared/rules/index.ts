/**
 * The rule catalogue and the diagnosis entry point. Every rule is listed here
 * explicitly (no side-effect registration); `diagnose` runs them all (or a
 * selection) over a snapshot. Pure: runs in the renderer's worker, in Node and in
 * tests alike.
 */
import type { Finding, Snapshot } from '../model'
import { collectionPermissionMissing } from './catalogue/collection-permission-missing'
import { crossMatchAmbiguous } from './catalogue/cross-match-ambiguous'
import { entraAttributeInvalid } from './catalogue/entra-attribute-invalid'
import { entraCertificateExpiry } from './catalogue/entra-certificate-expiry'
import { entraConnectSyncStale } from './catalogue/entra-connect-sync-stale'
import { entraDuplicateAttribute } from './catalogue/entra-duplicate-attribute'
import { entraProvisioningFailures } from './catalogue/entra-provisioning-failures'
import { entraSecretExpiry } from './catalogue/entra-secret-expiry'
import { entraSignInFailures } from './catalogue/entra-sign-in-failures'
import { entraSyncJobFailing } from './catalogue/entra-sync-job-failing'
import { entraSyncPropertyConflict } from './catalogue/entra-sync-property-conflict'
import { entraUserSyncLag } from './catalogue/entra-user-sync-lag'
import { emailBlankOnOneSide } from './catalogue/email-blank-on-one-side'
import { domainUnverified } from './catalogue/domain-unverified'
import { emergencyAccessFederated } from './catalogue/emergency-access-federated'
import { federatedUserNoImmutableId } from './catalogue/federated-user-no-immutable-id'
import { federationCertificateExpiry } from './catalogue/federation-certificate-expiry'
import { federationIssuerMismatch } from './catalogue/federation-issuer-mismatch'
import { federationOffice365Pairing } from './catalogue/federation-office365-pairing'
import { federationSigningCertMismatch } from './catalogue/federation-signing-cert-mismatch'
import { accountStateDrift } from './catalogue/account-state-drift'
import { idpAppConsentMissing } from './catalogue/idp-app-consent-missing'
import { idpClientIdUnknown } from './catalogue/idp-client-id-unknown'
import { idpClientSecretMismatch } from './catalogue/idp-client-secret-mismatch'
import { idpProfileMappingIncomplete } from './catalogue/idp-profile-mapping-incomplete'
import { idpRedirectUriMissing } from './catalogue/idp-redirect-uri-missing'
import { idpSubjectMatchBlank } from './catalogue/idp-subject-match-blank'
import { idpTenantMismatch } from './catalogue/idp-tenant-mismatch'
import { idpUsernameUnmatched } from './catalogue/idp-username-unmatched'
import { immutableIdMismatch } from './catalogue/immutable-id-mismatch'
import { immutableIdShared } from './catalogue/immutable-id-shared'
import { office365SignInBlocked } from './catalogue/office365-sign-in-blocked'
import { office365ImmutableIdMissing } from './catalogue/office365-immutable-id-missing'
import { oktaAppUserSyncError } from './catalogue/okta-app-user-sync-error'
import { oktaAttributeInvalid } from './catalogue/okta-attribute-invalid'
import { oktaDuplicateAttribute } from './catalogue/okta-duplicate-attribute'
import { oktaIdpAuthFailures } from './catalogue/okta-idp-auth-failures'
import { oktaPushFailures } from './catalogue/okta-push-failures'
import { oktaSigningKeyExpiry } from './catalogue/okta-signing-key-expiry'
import { samlNameidSourceEmpty } from './catalogue/saml-nameid-source-empty'
import { upnSuffixUnverified } from './catalogue/upn-suffix-unverified'
import { type DiagnoseOptions, runRules } from './diagnose'

/** Every rule, grouped by category in report order. */
export const RULES = [
  // credential-mismatch
  idpClientIdUnknown,
  idpClientSecretMismatch,
  idpTenantMismatch,
  idpRedirectUriMissing,
  federationIssuerMismatch,
  federationSigningCertMismatch,
  // credential-expiry
  entraSecretExpiry,
  entraCertificateExpiry,
  oktaSigningKeyExpiry,
  federationCertificateExpiry,
  // attribute-mapping
  samlNameidSourceEmpty,
  office365ImmutableIdMissing,
  immutableIdMismatch,
  idpSubjectMatchBlank,
  idpProfileMappingIncomplete,
  idpUsernameUnmatched,
  emailBlankOnOneSide,

  // duplicate
  entraDuplicateAttribute,
  oktaDuplicateAttribute,
  crossMatchAmbiguous,
  immutableIdShared,
  // data-validation
  entraAttributeInvalid,
  oktaAttributeInvalid,
  // sync
  entraConnectSyncStale,
  entraUserSyncLag,
  entraSyncPropertyConflict,
  entraSyncJobFailing,
  oktaAppUserSyncError,
  // permission
  collectionPermissionMissing,
  idpAppConsentMissing,
  // domain-federation
  upnSuffixUnverified,
  domainUnverified,
  federationOffice365Pairing,
  federatedUserNoImmutableId,
  emergencyAccessFederated,
  // sign-in
  entraSignInFailures,
  oktaIdpAuthFailures,
  // provisioning
  entraProvisioningFailures,
  oktaPushFailures,
  accountStateDrift,
  office365SignInBlocked,
] as const

/** A rule id of the catalogue (stable forever: persisted in caches and reports). */
export type RuleId = (typeof RULES)[number]['id']

/** The ids of every rule in the catalogue. */
export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id)

/**
 * Diagnoses a snapshot with the full catalogue: findings sorted by severity (worst
 * first), then rule id, then finding id. See `runRules` for options.
 */
export function diagnose(snapshot: Snapshot, options: DiagnoseOptions = {}): Finding[] {
  return runRules(snapshot, RULES, options)
}

export { DEFAULT_THRESHOLDS, makeFinding } from './rule'
export type { FindingDraft, Rule, RuleContext, RuleRead, Thresholds } from './rule'
export { findingId } from './rule'
export { collectionGaps, gapSummary } from './gaps'
export type { CollectionGap, GapReason } from './gaps'
export { MISSING_RESOURCE_RULE, RULE_FAILED_RULE, compareFindings, runRules } from './diagnose'
export type { DiagnoseOptions } from './diagnose'
export { SnapshotIndex } from '../compare/snapshot-index'
