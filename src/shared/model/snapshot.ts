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
import {
  RESOURCES,
  RESOURCE_PATHS,
  type ResourcePath,
  keyedResources,
  singleResources,
} from './resources'

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

export const Source = z.enum(['entra', 'okta'])
export type Source = z.infer<typeof Source>

export const Cloud = z.enum(['global', 'usgov', 'china'])
export type Cloud = z.infer<typeof Cloud>

type Shapes = typeof SHAPES
const SHAPES = { list: Records, keyed: RecordsById, single: RawRecord } as const

type SideKeys<S extends Source> = {
  [P in ResourcePath as P extends `${S}.${infer K}` ? K : never]: z.ZodOptional<
    Shapes[(typeof RESOURCES)[P]['shape']]
  >
}

/** The optional record fields of one side, derived from the resource registry. */
function sideShape<S extends Source>(source: S): SideKeys<S> {
  const shape: Record<string, z.ZodType> = {}
  for (const path of RESOURCE_PATHS) {
    if (!path.startsWith(`${source}.`)) continue
    shape[path.slice(source.length + 1)] = SHAPES[RESOURCES[path].shape].optional()
  }
  return shape as SideKeys<S>
}

/** The Entra half: tenant, cloud and every registered Entra resource (see `resources.ts`). */
export const EntraSnapshot = z.object({
  tenantId: z.string().min(1),
  cloud: Cloud,
  ...sideShape('entra'),
})
export type EntraSnapshot = z.infer<typeof EntraSnapshot>

/** The Okta half: org URL and every registered Okta resource (see `resources.ts`). */
export const OktaSnapshot = z.object({
  orgUrl: z.string().min(1),
  ...sideShape('okta'),
})
export type OktaSnapshot = z.infer<typeof OktaSnapshot>

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
  /** "<source>.<resource>" → Graph delta link or Okta lastUpdated mark (another tool's snapshot may lack it) */
  cursors: z.record(z.string(), z.string()).default({}),
  /**
   * who collected: the Entra reader app's client ID and how Okta was read, so a
   * permission finding can name what to fix (absent in snapshots of older versions)
   */
  reader: z
    .object({
      entra: z.object({ clientId: z.string() }).optional(),
      okta: z
        .object({
          credential: z.enum(['api-token', 'service-app']),
          clientId: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
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

/** A snapshot that holds nothing: no side collected, no errors, no permissions. */
export function emptySnapshot(): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    collectedAt: '1970-01-01T00:00:00Z',
    tool: { name: 'crosswalk', version: '' },
    collection: {
      startedAt: '',
      finishedAt: '',
      complete: false,
      errors: [],
      grantedPermissions: { entra: [], okta: [] },
      cursors: {},
    },
  }
}

export { ENTRA_RESOURCES, OKTA_RESOURCES, type EntraResource, type OktaResource } from './resources'

/** Resources stored as `{ "<parentId>": [records] }` rather than a flat list. */
export const KEYED_RESOURCES: Readonly<Record<Source, readonly string[]>> = {
  entra: keyedResources('entra'),
  okta: keyedResources('okta'),
}

/** Resources that are one object rather than a list. */
export const SINGLE_RESOURCES: Readonly<Record<Source, readonly string[]>> = {
  entra: singleResources('entra'),
  okta: singleResources('okta'),
}
