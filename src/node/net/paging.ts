/**
 * What every listing checks of a service's pages, Graph and Okta alike: each entry of a page
 * is a JSON object (anything else is a malformed answer, reported against the resource
 * instead of breaking the snapshot), and no next link comes back twice (a server that
 * loops would otherwise be paged forever).
 */
import type { RawRecord, Source } from '../../shared/model/snapshot'
import { ApiError } from './api-error'

const SERVICE: Readonly<Record<Source, string>> = { entra: 'Graph', okta: 'Okta' }

/** The records of one page; `list` must be an array of JSON objects. */
export function pageRecords(source: Source, list: unknown, status = 200): RawRecord[] {
  if (!Array.isArray(list)) {
    throw new ApiError(
      source,
      status,
      'malformed_response',
      `${SERVICE[source]} returned a page that is not a list.`,
    )
  }
  const bad = list.filter((r) => r === null || typeof r !== 'object' || Array.isArray(r)).length
  if (bad > 0) {
    throw new ApiError(
      source,
      status,
      'malformed_response',
      `${SERVICE[source]} returned ${bad} entr${bad === 1 ? 'y' : 'ies'} that ${bad === 1 ? 'is' : 'are'} not an object.`,
    )
  }
  return list as RawRecord[]
}

/** One object answered where one is expected (a mapping, the user schema). */
export function singleRecord(source: Source, value: unknown, status = 200): RawRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError(
      source,
      status,
      'malformed_response',
      `${SERVICE[source]} returned something other than an object.`,
    )
  }
  return value as RawRecord
}

/** A check for one listing: throws when a next link it has already followed comes back. */
export function createLoopGuard(source: Source): (link: string) => void {
  const seen = new Set<string>()
  return (link) => {
    if (seen.has(link)) {
      throw new ApiError(
        source,
        0,
        'paging_loop',
        `${SERVICE[source]} returned a next link it had returned before; the listing was stopped.`,
      )
    }
    seen.add(link)
  }
}
