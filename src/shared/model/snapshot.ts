/**
 * The snapshot file contract (`crosswalk.snapshot`, version 1): raw Graph and Okta
 * records exactly as the APIs returned them (after `$select`), plus collection
 * metadata. Other tools read and write this format; change it only with a version
 * bump. A resource that was not collected is absent; one that failed is listed in
 * `collection.errors`.
 *
 * Records are validated only as JSON objects: their fields belong to Microsoft and
 * Okta, and rules must treat every property as possibly absent, null or empty.
 */
import { z } from 'zod'

export const SNAPSHOT_FORMAT = 'crosswalk.snapshot'
export const SNAPSHOT_VERSION = 1

/**
 * One raw API object. Checked as a plain JSON object and passed through as is:
 * a field-by-field record schema would copy each of a 100k-user snapshot's
 * objects, and the fields belong to Microsoft and Okta anyway.
 */
export const RawRecord = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected a JSON object (one API record)',
)
export type RawRecord = z.infer<typeof RawRecord>

const Records = z.array(RawRecord)
const RecordsById = z.record(z.string(), Records)

export const Cloud = z.enum(['global', 'usgov', 'china'])
export type Cloud = z.infer<typeof Cloud>

export const EntraSnapshot = z.object({
  tenantId: z.string().min(1),
  cloud: Cloud,
  organization: Records.optional(),
  domains: Records.optional(),
  /** keyed by domain id (the domain name) */
  federationConfigurations: RecordsById.optional(),
  users: Records.optional(),
  groups: Records.optional(),
  applications: Records.optional(),
  servicePrincipals: Records.optional(),
  /** keyed by the client service principal's id */
  appRoleAssignments: RecordsById.optional(),
  oauth2PermissionGrants: Records.optional(),
  onPremisesSynchronization: Records.optional(),
  signIns: Records.optional(),
  directoryAudits: Records.optional(),
  provisioningLogs: Records.optional(),
  /** keyed by service principal id */
  synchronizationJobs: RecordsById.optional(),
})
export type EntraSnapshot = z.infer<typeof EntraSnapshot>

export const OktaSnapshot = z.object({
  orgUrl: z.string().min(1),
  users: Records.optional(),
  groups: Records.optional(),
  apps: Records.optional(),
  /** keyed by app id */
  appUsers: RecordsById.optional(),
  /** keyed by app id */
  appKeys: RecordsById.optional(),
  idps: Records.optional(),
  /** full mappings (fetched by id, with `properties`) */
  mappings: Records.optional(),
  userSchema: RawRecord.optional(),
  logs: Records.optional(),
})
export type OktaSnapshot = z.infer<typeof OktaSnapshot>

export const Source = z.enum(['entra', 'okta'])
export type Source = z.infer<typeof Source>

export const EntraResource = EntraSnapshot.keyof().exclude(['tenantId', 'cloud'])
export type EntraResource = z.infer<typeof EntraResource>
export const OktaResource = OktaSnapshot.keyof().exclude(['orgUrl'])
export type OktaResource = z.infer<typeof OktaResource>
export const ENTRA_RESOURCES = EntraResource.options
export const OKTA_RESOURCES = OktaResource.options

export const CollectionError = z.object({
  source: Source,
  /** the snapshot key that is absent because of this error, e.g. "signIns" */
  resource: z.string(),
  /** HTTP status, or 0 for a network failure */
  status: z.number().int(),
  /** the service's error code: a Graph code, an Okta E0000xxx, an AADSTS number as text */
  code: z.string(),
  message: z.string(),
})
export type CollectionError = z.infer<typeof CollectionError>

export const CollectionInfo = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  complete: z.boolean(),
  errors: z.array(CollectionError),
  grantedPermissions: z.object({ entra: z.array(z.string()), okta: z.array(z.string()) }),
  /** "<source>.<resource>" → Graph delta link or Okta lastUpdated mark */
  cursors: z.record(z.string(), z.string()),
})
export type CollectionInfo = z.infer<typeof CollectionInfo>

export const Snapshot = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  collectedAt: z.iso.datetime({ offset: true }),
  tool: z.object({ name: z.string(), version: z.string() }),
  entra: EntraSnapshot.optional(),
  okta: OktaSnapshot.optional(),
  collection: CollectionInfo,
})
export type Snapshot = z.infer<typeof Snapshot>

/** Resources stored as `{ "<parentId>": [records] }` rather than a flat list. */
export const KEYED_RESOURCES: Readonly<Record<Source, readonly string[]>> = {
  entra: ['federationConfigurations', 'appRoleAssignments', 'synchronizationJobs'],
  okta: ['appUsers', 'appKeys'],
}

/** Resources that are one object rather than a list. */
export const SINGLE_RESOURCES: Readonly<Record<Source, readonly string[]>> = {
  entra: [],
  okta: ['userSchema'],
}
