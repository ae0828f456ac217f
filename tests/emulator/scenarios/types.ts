/**
 * The data a scenario plants in the emulator: what a real Entra tenant and a real
 * Okta org hold, as their APIs return it, plus the secrets and grants that decide
 * what a caller may do. Scenarios are built after the servers listen, because
 * Okta objects and Entra redirect URIs carry the emulator's own origins.
 *
 * Graph records are typed with @microsoft/microsoft-graph-types so a misspelt
 * property fails the typecheck. Okta records follow the official OpenAPI
 * (`../shared/reference/okta-management.yaml`); they are plain JSON objects.
 */
import type * as MG from '@microsoft/microsoft-graph-types'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type OktaRecord = { [key: string]: Json }

/** Where the emulator listens; every URL a scenario writes is built from these. */
export interface EmulatorOrigins {
  /** e.g. https://localhost:41001 (msal authority host; the authority is `${authorityHost}/${tenantId}`) */
  authorityHost: string
  /** Graph root without version, e.g. https://localhost:41002 */
  graphBaseUrl: string
  /** Okta org URL without trailing slash, e.g. https://localhost:41003 */
  oktaOrgUrl: string
}

export interface ScenarioOptions {
  seed: number
  origins: EmulatorOrigins
  /** users per side, for generated scenarios (`large`) */
  users?: number
  /** fixed "now" for the scenario's timestamps (ISO-8601); defaults to a constant so runs are reproducible */
  now?: string
}

/** A group member as Graph's `members@delta` names it. */
export interface EntraMemberRef {
  '@odata.type': string
  id: string
}

/** A client secret as the tenant knows it: Graph exposes only keyId/hint/dates, the token endpoint checks the value. */
export interface EntraSecretValue {
  appId: string
  keyId: string
  secretText: string
}

/** A certificate credential with the public certificate; the token endpoint verifies assertions against it. */
export interface EntraCertificate {
  appId: string
  keyId: string
  /** PEM of the X.509 certificate */
  certificatePem: string
  /** PEM private key, so tests and the ready profile can sign assertions */
  privateKeyPem?: string
}

export interface EntraTenant {
  tenantId: string
  /** tenant-level switch: sign-in logs and signInActivity need Entra ID P1/P2 */
  premiumLicense: boolean
  organization: MG.Organization[]
  domains: MG.Domain[]
  /** keyed by domain id (the domain name) */
  federationConfigurations: Record<string, MG.InternalDomainFederation[]>
  users: MG.User[]
  /** soft-deleted users in the recycle bin (deleted less than 30 days ago), with `deletedDateTime` */
  deletedUsers: MG.User[]
  groups: MG.Group[]
  /** direct members of each group (by group id), as `members@delta` lists them: type and id */
  groupMembers: Record<string, EntraMemberRef[]>
  applications: MG.Application[]
  servicePrincipals: MG.ServicePrincipal[]
  /** app role assignments granted TO each service principal (keyed by the client SP's id) */
  appRoleAssignments: Record<string, MG.AppRoleAssignment[]>
  oauth2PermissionGrants: MG.OAuth2PermissionGrant[]
  onPremisesSynchronization: MG.OnPremisesDirectorySynchronization[]
  signIns: MG.SignIn[]
  directoryAudits: MG.DirectoryAudit[]
  provisioningLogs: MG.ProvisioningObjectSummary[]
  /** keyed by service principal id */
  synchronizationJobs: Record<string, MG.SynchronizationJob[]>
  /**
   * keyed by job id: each job's synchronization schema; a job without one answers its
   * template's default mappings (`sync-schema.ts`), kept here once read or written
   */
  synchronizationSchemas?: Record<string, MG.SynchronizationSchema>
  secrets: EntraSecretValue[]
  certificates: EntraCertificate[]
  /**
   * the tenant's token-signing key (private half and certificate), published in its JWKS;
   * absent, the emulator signs with a key of its own run
   */
  tokenSigningKey?: { privateKeyPem: string; certificateDer: string }
}

export interface OktaApiToken {
  token: string
  /** super/read-only admin; a token of a non-admin user gets E0000006 on admin APIs */
  admin: boolean
  /** revoked or expired (unused for 30 days): E0000011 */
  revoked?: boolean
  /** the administrator who created the token: the System Log names them as the actor of its writes */
  owner?: { id: string; login: string; displayName: string }
}

export interface OktaServiceApp {
  clientId: string
  /** public JWK (RSA) used to verify private_key_jwt assertions */
  publicJwk: OktaRecord
  /** PEM private key, for the ready profile and tests */
  privateKeyPem?: string
  keyId: string
  grantedScopes: string[]
}

export interface OktaOrg {
  users: OktaRecord[]
  groups: OktaRecord[]
  /** the user ids in each group (by group id); BUILT_IN Everyone holds every user and is not listed */
  groupMembers: Record<string, string[]>
  apps: OktaRecord[]
  /** keyed by app id: the app's group assignments (`ApplicationGroupAssignment`) */
  appGroups: Record<string, OktaRecord[]>
  /** keyed by app id: the app's group push mappings (`GroupPushMapping`) */
  groupPushMappings: Record<string, OktaRecord[]>
  /** keyed by app id */
  appUsers: Record<string, OktaRecord[]>
  /** keyed by app id: JWKs with x5c, as /apps/{id}/credentials/keys returns them */
  appKeys: Record<string, OktaRecord[]>
  idps: OktaRecord[]
  /** the IdP discovery (routing) policies: Okta creates one per org */
  idpDiscoveryPolicies: OktaRecord[]
  /** keyed by policy id: the routing rules, in priority order (the system Default Rule last) */
  idpDiscoveryRules: Record<string, OktaRecord[]>
  /** full mappings, with `properties`; the list endpoint strips them */
  mappings: OktaRecord[]
  userSchema: OktaRecord
  logs: OktaRecord[]
  /** the private halves of the app signing keys by kid, which only Okta holds: never served */
  signingKeyPems?: Record<string, string>
  apiTokens: OktaApiToken[]
  serviceApps: OktaServiceApp[]
}

/** One planted problem, for recall tests of the diagnosis engine. */
export interface AnswerKeyEntry {
  /** a DESIGN.md finding category, e.g. "credential-mismatch" */
  category: string
  /** a short stable name for the planted problem, e.g. "idp-secret-is-secret-id" */
  problem: string
  /** what was planted, in plain words */
  planted: string
  subjects: { source: 'entra' | 'okta'; type: string; id: string; name?: string }[]
}

/**
 * One kind of ordinary clutter a scenario holds on purpose: objects a real tenant pair has that
 * look odd but break nothing, so a finding about them above `info` is a false positive.
 */
export interface ClutterEntry {
  /** a short stable name, e.g. "entra-connect-sync-account" */
  kind: string
  /** how many instances the scenario holds */
  count: number
  /** why it is benign, in plain words */
  why: string
  /** the documentation that says so */
  link: string
  /** the objects of every instance (answer-key subject conventions) */
  subjects: AnswerKeyEntry['subjects']
}

/** What the ready profile of a scenario uses to connect (the reader app and the Okta credentials). */
export interface ScenarioCredentials {
  entra: { clientId: string; clientSecret: string; certificate?: EntraCertificate }
  okta: { apiToken: string; serviceApp?: OktaServiceApp }
}

export interface Scenario {
  name: string
  entra: EntraTenant
  okta: OktaOrg
  credentials: ScenarioCredentials
  answerKey: AnswerKeyEntry[]
  /** the benign clutter the scenario holds on purpose (realistic scenarios) */
  clutter?: ClutterEntry[]
  /** the scenario's "now" (ISO-8601) that its dates were planted around */
  now: string
}

export type ScenarioBuilder = (options: ScenarioOptions) => Scenario | Promise<Scenario>
