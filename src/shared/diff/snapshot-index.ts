/**
 * The older side of a diff, held as an index rather than a second parsed snapshot: per
 * resource, each record's key and its volatile-free JSON text (equal text: no change; a
 * differing one is parsed back to compare attribute by attribute), with the collection's
 * metadata and, when given, the findings today's rules give it. For 100k + 100k people the
 * texts take a fraction of the parsed objects' memory.
 */
import type { Finding } from '../model/finding'
import { RESOURCES, RESOURCE_PATHS, type ResourcePath } from '../model/resources'
import type { CollectionError, RawRecord, Snapshot } from '../model/snapshot'
import { stableText } from './compare-values'
import { RESOURCE_ROLES, recordKey } from './kinds'

/** One record of the index: its parent (keyed resources) and volatile-free JSON. */
export interface IndexedRecord {
  parent?: string
  text: string
}

export interface SnapshotIndex {
  collectedAt: string
  entraTenantId?: string
  oktaOrgUrl?: string
  complete: boolean
  errors: CollectionError[]
  /** resources the snapshot holds (collected, possibly empty) */
  present: ReadonlySet<ResourcePath>
  records: ReadonlyMap<ResourcePath, ReadonlyMap<string, IndexedRecord>>
  findings?: readonly Finding[]
  /** the snapshot's identity (SHA-256), when the caller knows it */
  identity?: string
}

const isObject = (v: unknown): v is RawRecord =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Calls `visit` for every record of a resource with its key (parent/id for keyed ones). */
export function forEachRecord(
  snapshot: Snapshot,
  path: ResourcePath,
  visit: (record: RawRecord, key: string, parent?: string) => void,
): boolean {
  const spec = RESOURCES[path]
  const side = snapshot[spec.source] as Record<string, unknown> | undefined
  const value = side?.[path.slice(spec.source.length + 1)]
  if (value === undefined) return false
  if (spec.shape === 'single') {
    if (isObject(value)) visit(value, recordKey(value, spec.identifier) || 'schema')
    return true
  }
  if (spec.shape === 'list') {
    for (const r of value as RawRecord[]) visit(r, recordKey(r, spec.identifier))
    return true
  }
  for (const [parent, list] of Object.entries(value as Record<string, RawRecord[]>))
    for (const r of list) visit(r, `${parent}/${recordKey(r, spec.identifier)}`, parent)
  return true
}

/** The diffable resources: every one whose role is not a log. */
export const DIFFED_RESOURCES: readonly ResourcePath[] = RESOURCE_PATHS.filter(
  (p) => RESOURCE_ROLES[p] !== 'log',
)

/** Indexes a snapshot for the older side of a diff. */
export function indexSnapshot(
  snapshot: Snapshot,
  extra: { findings?: readonly Finding[]; identity?: string } = {},
): SnapshotIndex {
  const present = new Set<ResourcePath>()
  const records = new Map<ResourcePath, Map<string, IndexedRecord>>()
  for (const path of DIFFED_RESOURCES) {
    const map = new Map<string, IndexedRecord>()
    const found = forEachRecord(snapshot, path, (record, key, parent) => {
      map.set(
        key,
        parent === undefined
          ? { text: stableText(path, record) }
          : { parent, text: stableText(path, record) },
      )
    })
    if (found) {
      present.add(path)
      records.set(path, map)
    }
  }
  return {
    collectedAt: snapshot.collectedAt,
    ...(snapshot.entra ? { entraTenantId: snapshot.entra.tenantId } : {}),
    ...(snapshot.okta ? { oktaOrgUrl: snapshot.okta.orgUrl } : {}),
    complete: snapshot.collection.complete,
    errors: snapshot.collection.errors,
    present,
    records,
    ...(extra.findings ? { findings: extra.findings } : {}),
    ...(extra.identity ? { identity: extra.identity } : {}),
  }
}
