/**
 * The configuration document: everything the sections show, as plain data built from a
 * redacted snapshot view and its findings. The JSON export is this object (documented as a
 * contract in `docs/export-json.md`); Markdown, HTML and CSV render it. Dates are ISO-8601
 * UTC strings from the snapshot; "now" is the snapshot's `collectedAt`, never the clock.
 */
import type { RedactedSecret } from '../model'
import type { SectionId } from './sections'

export const DOCUMENT_FORMAT = 'crosswalk.documentation'
export const DOCUMENT_VERSION = 1

/** One name/value pair, for tables of facts. */
export interface Fact {
  label: string
  value: string
}

export interface MissingResource {
  resource: string
  label: string
  reason: string
  summary: string
}

export interface Overview {
  entra?: {
    tenantId: string
    cloud: string
    displayName?: string
    initialDomain?: string
    users?: number
    groups?: number
  }
  okta?: { orgUrl: string; users?: number; groups?: number; apps?: number; idps?: number }
  collectedAt: string
  snapshotSha256: string
  tool: { name: string; version: string }
  complete: boolean
  missing: MissingResource[]
}

export interface CertificateFacts {
  sha256Thumbprint?: string
  notBefore?: string
  notAfter?: string
}

export interface DomainDoc {
  name: string
  verified: boolean
  federated: boolean
  isDefault: boolean
  isInitial: boolean
  federation?: {
    displayName?: string
    issuerUri?: string
    passiveSignInUri?: string
    activeSignInUri?: string
    signOutUri?: string
    metadataExchangeUri?: string
    preferredAuthenticationProtocol?: string
    federatedIdpMfaBehavior?: string
    promptLoginBehavior?: string
    signingCertificate?: CertificateFacts
    nextSigningCertificate?: CertificateFacts
    /** the Okta Office 365 apps that serve the domain (labels) */
    office365Apps: string[]
  }
}

export interface CredentialDoc {
  kind: 'secret' | 'certificate'
  keyId: string
  displayName?: string
  /** a secret's first three characters, as Entra shows them */
  hint?: string
  /** a certificate's SHA-1 thumbprint (hex), from `customKeyIdentifier` */
  sha1Thumbprint?: string
  start?: string
  end?: string
  /** `end` less the first expiry window (30 days by default) */
  rotationDue?: string
}

export interface PermissionDoc {
  resourceAppId: string
  resource: string
  /** delegated permissions (scope values) the app requests */
  scopes: string[]
  /** application permissions (role values or ids) the app requests */
  roles: string[]
}

export interface AppRegistrationDoc {
  displayName: string
  objectId: string
  appId: string
  signInAudience?: string
  redirectUris: string[]
  idTokenIssuance: boolean
  servicePrincipalId?: string
  permissions: PermissionDoc[]
  consent: { tenantWide: string[]; byUsers: string[]; users: number }
  credentials: CredentialDoc[]
  /** the Okta IdPs that sign in through it */
  usedBy: string[]
}

export interface RoutingRuleDoc {
  policy: string
  name: string
  priority?: number
  status?: string
  system: boolean
  /** user identifier patterns, e.g. `SUFFIX northwindtraders.com` */
  patterns: string[]
  /** providers, as `TYPE id` */
  providers: string[]
}

export interface IdentityProviderDoc {
  id: string
  name: string
  type: string
  status: string
  protocol?: string
  issuerMode?: string
  clientId?: string
  clientSecret?: RedactedSecret
  authorizationUrl?: string
  tokenUrl?: string
  issuerUrl?: string
  scopes: string[]
  redirectUri?: string
  subject: {
    userNameTemplate?: string
    matchType?: string
    matchAttribute?: string
    filter?: string
  }
  accountLink: { action?: string; filter?: string }
  provisioning: {
    action?: string
    profileMaster?: boolean
    groups?: string
    deprovisioned?: string
    suspended?: string
  }
  /** the Entra app registration behind it, when this tenant has it */
  appRegistration?: string
  routingRules: RoutingRuleDoc[]
}

export interface SigningKeyDoc {
  kid: string
  active: boolean
  created?: string
  expiresAt?: string
  sha256Thumbprint?: string
  rotationDue?: string
}

export interface AttributeStatementDoc {
  name: string
  type?: string
  namespace?: string
  values: string[]
  filter?: string
}

export interface OktaAppDoc {
  id: string
  kind: 'office365' | 'saml'
  name: string
  label: string
  status: string
  signOnMode: string
  domains: string[]
  msftTenant?: string
  userNameTemplate?: string
  immutableIdSource?: string
  wsFedKey?: string
  metadataUrl?: string
  acsUrl?: string
  audience?: string
  nameId?: { template?: string; format?: string }
  attributeStatements: AttributeStatementDoc[]
  features: string[]
  signingKeys: SigningKeyDoc[]
  assignments: {
    count: number
    byScope: Record<string, number>
    users: { userName: string; scope?: string; status?: string }[]
  }
}

export interface MappingRowDoc {
  target: string
  expression: string
  pushStatus?: string
}

export interface MappingDoc {
  id: string
  source: { id: string; name: string; type: string }
  target: { id: string; name: string; type: string }
  /** what the mapping connects: an IdP to Okta, Okta to an app… */
  direction: string
  rows: MappingRowDoc[]
}

export interface SyncDoc {
  enabled?: boolean
  lastSync?: string
  minutesSinceSync?: number
  features: Fact[]
  collected: boolean
  jobs: {
    servicePrincipal: string
    templateId?: string
    status?: string
    lastExecution?: string
    schedule?: string
  }[]
}

export interface FindingDoc {
  id: string
  rule: string
  severity: string
  category: string
  title: string
  detail: string
  subjects: string[]
  steps: string[]
  links: string[]
}

export interface RotationEntry {
  side: 'entra' | 'okta'
  object: string
  credential: string
  kind: 'client secret' | 'certificate' | 'signing key' | 'federation certificate'
  expires: string
  rotationDue: string
  /** whole days from the snapshot's collection to `expires` (negative once expired) */
  daysLeft: number
  status: 'expired' | 'due' | 'soon' | 'ok'
}

export interface RunbookValue {
  label: string
  value: string
  /** a value to type again (a secret the document never holds) */
  reenter?: boolean
}

export interface RunbookAction {
  title: string
  /** where in the Entra admin center or the Okta Admin Console */
  console?: string
  /** the API call, in the documentation's notation */
  api?: string
  /** the request body, as JSON text (secrets as placeholders) */
  body?: string
  /** placeholders the response fills, and from which field */
  produces?: { placeholder: string; from: string }[]
  values: RunbookValue[]
}

export interface RunbookStep {
  number: number
  title: string
  summary: string
  actions: RunbookAction[]
}

export interface ReenterItem {
  what: string
  where: string
  note: string
}

export interface Runbook {
  steps: RunbookStep[]
  reenter: ReenterItem[]
  checks: string[]
}

/** The whole document; sections not asked for are absent. */
export interface ConfigDocument {
  format: typeof DOCUMENT_FORMAT
  version: typeof DOCUMENT_VERSION
  title: string
  /** the snapshot the document was built from: its identity and collection time */
  snapshot: { sha256: string; collectedAt: string }
  sections: SectionId[]
  overview?: Overview
  domains?: DomainDoc[]
  appRegistrations?: AppRegistrationDoc[]
  identityProviders?: IdentityProviderDoc[]
  apps?: OktaAppDoc[]
  mappings?: MappingDoc[]
  sync?: SyncDoc
  findings?: FindingDoc[]
  rotation?: RotationEntry[]
  runbook?: Runbook
}
