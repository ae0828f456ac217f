/**
 * The older side of a diff, held as an index rather than a second parsed snapshot: per
 * resource, each record's key and its JSON text (equal text: no change; a differing one is
 * parsed back and compared without its volatile fields, then attribute by attribute), with
 * the collection's metadata and, when given, the findings today's rules give it. For
 * 100k + 100k people the texts take a fraction of the parsed objects' memory.
 */
import type { Finding } from '../model/finding'
import { RESOURCES, RESOURCE_PATHS, type ResourcePath } from '../model/resources'
import type { CollectionError, RawRecord, Snapshot } from '../model/snapshot'
import { RESOURCE_ROLES, recordKey } from './kinds'

export interface SnapshotIndex {
  collectedAt: string
  entraTenantId?: string
  oktaOrgUrl?: string
  complete: boolean
  errors: CollectionError[]
  /** resources the snapshot holds (collected, possibly empty) */
  present: ReadonlySet<ResourcePath>
  /** per resource, each record's key (`parent/id` in keyed resources) and JSON text */
  records: ReadonlyMap<ResourcePath, RecordTexts>
  findings?: readonly Finding[]
  /** the snapshot's identity (SHA-256), when the caller knows it */
  identity?: string
}

const TEXTS_PER_CHUNK = 1024

/**
 * Records' JSON texts by key, stored a thousand to a string: a few hundred long strings
 * instead of 300,000 short ones keeps the collector from promoting each (the index of a
 * 100k + 100k snapshot builds in about a third of the time). A text is a slice on demand.
 */
export class RecordTexts {
  private readonly at = new Map<string, number>()
  private readonly chunks: string[] = []
  private readonly bounds: number[] = []
  private pending: string[] = []
  private offset = 0

  add(key: string, text: string): void {
    this.at.set(key, this.bounds.length / 2)
    this.bounds.push(this.offset, this.offset + text.length)
    this.offset += text.length
    this.pending.push(text)
    if (this.pending.length === TEXTS_PER_CHUNK) this.seal()
  }

  /** Closes the chunk being filled; call once every text is added. */
  seal(): void {
    if (this.pending.length === 0) return
    this.chunks.push(this.pending.join(''))
    this.pending = []
    this.offset = 0
  }

  get size(): number {
    return this.at.size
  }

  get(key: string): string | undefined {
    const i = this.at.get(key)
    if (i === undefined) return undefined
    const chunk = this.chunks[Math.floor(i / TEXTS_PER_CHUNK)] ?? ''
    return chunk.slice(this.bounds[2 * i], this.bounds[2 * i + 1])
  }

  *entries(): IterableIterator<[string, string]> {
    for (const key of this.at.keys()) yield [key, this.get(key) as string]
  }
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

/** A record key's parent and id: keyed resources' keys are `parent/id` (no parent id holds a slash). */
export function splitKey(path: ResourcePath, key: string): { id: string; parent?: string } {
  if (RESOURCES[path].shape !== 'keyed') return { id: key }
  const slash = key.indexOf('/')
  return { parent: key.slice(0, slash), id: key.slice(slash + 1) }
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
  const records = new Map<ResourcePath, RecordTexts>()
  for (const path of DIFFED_RESOURCES) {
    const map = new RecordTexts()
    const found = forEachRecord(snapshot, path, (record, key) =>
      map.add(key, JSON.stringify(record)),
    )
    map.seal()
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
