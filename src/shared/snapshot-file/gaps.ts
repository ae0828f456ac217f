/**
 * What an incomplete snapshot lacks, resource by resource: every `collection.errors` entry,
 * and every resource of a collected side that is absent without an error (another tool's
 * snapshot, or a collector that skipped it). What a consultant reads before trusting a
 * report made from a partial collection.
 */
import { ENTRA_RESOURCES, OKTA_RESOURCES, type Snapshot, type Source } from '../model/snapshot'
import { permissionFor } from '../rules/permissions'

/** One resource the snapshot does not hold in full. */
export interface CollectionGap {
  /** `<source>.<resource>`, e.g. `entra.groups` */
  path: string
  source: Source
  resource: string
  /** why: the collection error, or that the resource is absent */
  reason: string
  /** the Graph permission or Okta scope that collects it, when known */
  permission?: string
}

/** The gaps of a snapshot, errors first in their recorded order, then absent resources. */
export function collectionGaps(snapshot: Snapshot): CollectionGap[] {
  const gaps: CollectionGap[] = []
  const seen = new Set<string>()
  const add = (source: Source, resource: string, reason: string): void => {
    const path = `${source}.${resource}`
    if (seen.has(path)) return
    seen.add(path)
    const permission = permissionFor(path)
    gaps.push({ path, source, resource, reason, ...(permission ? { permission } : {}) })
  }
  for (const e of snapshot.collection.errors) {
    add(e.source, e.resource, `${e.status ? `HTTP ${e.status} ` : ''}${e.code}: ${e.message}`)
  }
  const sides: [Source, Record<string, unknown> | undefined, readonly string[]][] = [
    ['entra', snapshot.entra, ENTRA_RESOURCES],
    ['okta', snapshot.okta, OKTA_RESOURCES],
  ]
  for (const [source, side, resources] of sides) {
    if (!side) continue
    for (const resource of resources) {
      if (side[resource] === undefined) add(source, resource, 'not in the snapshot')
    }
  }
  return gaps
}
