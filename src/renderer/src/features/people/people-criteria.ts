/**
 * What the People screen shows, kept in the address (for links, back and reload): the
 * filters, the search, the sort and the open person.
 */
import { JOIN_KEYS, type JoinKey, type JoinStatus } from '../../../../shared/compare/join'
import { ROW_CLASSES, ROW_STATUSES, type RowClass } from '../../../../shared/compare/people-rows'
import type { PeopleFilter, SortBy } from '../../../../shared/compare/people-view'

export interface PeopleCriteria {
  search: string
  statuses: JoinStatus[]
  key: JoinKey | 'none' | ''
  population: RowClass | ''
  /** a pair id ('' for every pair) */
  attribute: string
  mismatched: boolean
  sort: string
  descending: boolean
}

export const EMPTY_CRITERIA: PeopleCriteria = {
  search: '',
  statuses: [],
  key: '',
  population: '',
  attribute: '',
  mismatched: false,
  sort: '',
  descending: false,
}

/** Reads the criteria from the address's query. */
export function readPeopleCriteria(params: URLSearchParams): PeopleCriteria {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is JoinStatus => (ROW_STATUSES as readonly string[]).includes(s))
  const key = params.get('key') ?? ''
  const population = params.get('class') ?? ''
  return {
    search: params.get('q') ?? '',
    statuses,
    key: key === 'none' || (JOIN_KEYS as readonly string[]).includes(key) ? (key as JoinKey) : '',
    population: (ROW_CLASSES as readonly string[]).includes(population)
      ? (population as RowClass)
      : '',
    attribute: params.get('attr') ?? '',
    mismatched: params.get('mismatched') === '1',
    sort: params.get('sort') ?? '',
    descending: params.get('dir') === 'desc',
  }
}

/** Writes the criteria into a query, keeping the other parameters (the open person). */
export function writePeopleCriteria(c: PeopleCriteria, into: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(into)
  const set = (name: string, value: string) => (value ? out.set(name, value) : out.delete(name))
  set('q', c.search)
  set('status', c.statuses.join(','))
  set('key', c.key)
  set('class', c.population)
  set('attr', c.attribute)
  set('mismatched', c.mismatched ? '1' : '')
  set('sort', c.sort)
  set('dir', c.descending ? 'desc' : '')
  return out
}

/** The filter the shared view applies, with pair ids turned into column indices. */
export function toFilter(c: PeopleCriteria, pairIds: readonly string[]): PeopleFilter {
  const attribute = c.attribute ? pairIds.indexOf(c.attribute) : -1
  return {
    ...(c.statuses.length ? { statuses: c.statuses } : {}),
    ...(c.key ? { keys: [c.key] } : {}),
    ...(c.population ? { classes: [c.population] } : {}),
    ...(attribute >= 0 ? { attributes: [attribute] } : {}),
    ...(c.mismatched ? { mismatched: true } : {}),
    ...(c.search.trim() ? { search: c.search } : {}),
  }
}

/** The sort of the criteria (`name`, `status`, `key`, `class`, `e:<pair>`, `o:<pair>`), or undefined. */
export function toSort(c: PeopleCriteria): SortBy | undefined {
  const m = /^([eo]):(\d+)$/.exec(c.sort)
  if (m) return { column: m[1] === 'e' ? 'entra' : 'okta', pair: Number(m[2]) }
  if (['name', 'status', 'key', 'class', 'upn', 'login'].includes(c.sort))
    return { column: c.sort as 'name' | 'status' | 'key' | 'class' | 'upn' | 'login' }
  return undefined
}
