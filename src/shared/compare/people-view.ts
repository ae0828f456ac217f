/**
 * Filtering, searching, sorting and exporting the People comparison through `PeopleGrid`
 * (people-grid.ts), so the CLI over the computed table and the app over the packed one
 * select, order and export rows the same way.
 */
import type { JoinKey, JoinStatus } from './join'
import { JOIN_KEYS } from './join'
import type { AttributePair } from './attribute-pairs'
import type { PeopleGrid } from './people-grid'
import { type PackedText, searchTexts } from './people-packed'
import {
  ROW_CLASSES,
  ROW_CLASS_LABELS,
  ROW_STATUSES,
  ROW_STATUS_LABELS,
  type RowClass,
  rowKey,
} from './people-rows'
import { CELL_VERDICTS, type CellVerdict, V_NORMALISED, isMismatch, normalisedNote } from './values'
import { csvRecord, type CsvValue } from '../text/csv'

/** What a view of the People comparison shows. Empty lists mean "every". */
export interface PeopleFilter {
  statuses?: readonly JoinStatus[]
  /** deciding keys; 'none' for rows no key links */
  keys?: readonly (JoinKey | 'none')[]
  classes?: readonly RowClass[]
  /** pair indices the mismatch filter looks at (default: every pair) */
  attributes?: readonly number[]
  /** only rows that disagree on one of `attributes` */
  mismatched?: boolean
  /** a substring of any shown value, either side (case-insensitive) */
  search?: string
}

function indexSet<T>(values: readonly T[] | undefined, all: readonly T[]): Uint8Array | undefined {
  if (!values || values.length === 0) return undefined
  const set = new Uint8Array(all.length + 1)
  for (const v of values) {
    const i = all.indexOf(v)
    if (i >= 0) set[i] = 1
  }
  return set
}

/** Rows whose search text holds `needle` (lower-cased by the caller), in row order. */
export function searchRows(search: PackedText, needle: string, count: number): Uint8Array {
  const hit = new Uint8Array(count)
  if (!needle) return hit.fill(1)
  const { text, offsets } = search
  let from = 0
  let row = 0
  for (;;) {
    const at = text.indexOf(needle, from)
    if (at < 0) break
    // offsets only grow: walk forward to the row holding `at`
    while (row < count && (offsets[row + 1] as number) <= at) row++
    if (row >= count) break
    const end = offsets[row + 1] as number
    if (at + needle.length <= end) {
      hit[row] = 1
      from = end
      row++
    } else from = at + 1
  }
  return hit
}

/** The rows a filter keeps, in row order. `search` is needed only for a search filter. */
export function filterRows(
  grid: PeopleGrid,
  filter: PeopleFilter,
  search?: PackedText,
): Int32Array {
  const statuses = indexSet(filter.statuses, ROW_STATUSES)
  const keys = filter.keys?.length
    ? indexSet(
        filter.keys.map((k) => (k === 'none' ? 0 : JOIN_KEYS.indexOf(k) + 1)),
        [...Array(JOIN_KEYS.length + 1).keys()],
      )
    : undefined
  const classes = indexSet(filter.classes, ROW_CLASSES)
  const attributes = filter.attributes?.length
    ? filter.attributes
    : [...Array(grid.pairs.length).keys()]
  const needle = filter.search?.trim().toLowerCase() ?? ''
  const hits = needle ? searchRows(search ?? searchTexts(grid), needle, grid.count) : undefined
  const out = new Int32Array(grid.count)
  let n = 0
  for (let r = 0; r < grid.count; r++) {
    if (statuses && !statuses[grid.status(r)]) continue
    if (keys && !keys[grid.key(r)]) continue
    if (classes && !classes[grid.population(r)]) continue
    if (hits && !hits[r]) continue
    if (filter.mismatched && !attributes.some((c) => isMismatch(grid.verdict(c, r)))) continue
    out[n++] = r
  }
  return out.slice(0, n)
}

/** What a view sorts by. */
export type SortBy =
  | { column: 'name' | 'upn' | 'login' | 'status' | 'key' | 'class' }
  | { column: 'entra' | 'okta' | 'verdict'; pair: number }

/** `rows` sorted (a new array); ties keep row order. */
export function sortRows(
  grid: PeopleGrid,
  rows: Int32Array,
  by: SortBy,
  descending = false,
): Int32Array {
  const n = rows.length
  const sign = descending ? -1 : 1
  const order = Array.from(rows)
  const pair = 'pair' in by ? by.pair : 0
  if (
    by.column === 'status' ||
    by.column === 'key' ||
    by.column === 'class' ||
    by.column === 'verdict'
  ) {
    const value =
      by.column === 'status'
        ? grid.status
        : by.column === 'key'
          ? grid.key
          : by.column === 'class'
            ? grid.population
            : (r: number) => grid.verdict(pair, r)
    const keys = new Uint8Array(grid.count)
    for (const r of order) keys[r] = value(r)
    order.sort((a, b) => sign * ((keys[a] as number) - (keys[b] as number)) || a - b)
    return Int32Array.from(order)
  }
  const read =
    by.column === 'name'
      ? grid.name
      : by.column === 'upn'
        ? grid.upn
        : by.column === 'login'
          ? grid.login
          : by.column === 'entra'
            ? (r: number) => grid.entraValue(pair, r)
            : (r: number) => grid.oktaValue(pair, r)
  const pairs = new Array<[string, number]>(n)
  for (let i = 0; i < n; i++) {
    const r = order[i] as number
    // absent values sort last whichever way
    pairs[i] = [(read(r) ?? '\uffff').toLowerCase(), r]
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -sign : a[0] > b[0] ? sign : a[1] - b[1]))
  return Int32Array.from(pairs, (p) => p[1])
}

/** Words for a cell's verdict, with the normalisation it took. */
export function verdictText(verdict: number, normalised: number): string {
  const v: CellVerdict | undefined = CELL_VERDICTS[verdict]
  switch (v) {
    case 'equal':
      return 'equal'
    case 'equal-normalised':
      return normalisedNote(normalised)
    case 'different':
      return 'different'
    case 'missing-entra':
      return 'missing in Entra'
    case 'missing-okta':
      return 'missing in Okta'
    case 'blank':
      return 'blank on both sides'
    default:
      return 'one side only'
  }
}

/** The status, key and class words of a row. */
export function rowWords(
  grid: PeopleGrid,
  row: number,
): { status: string; key: string; population: string } {
  const status = ROW_STATUSES[grid.status(row)] ?? 'entra-only'
  const cls = ROW_CLASSES[grid.population(row)] ?? 'person'
  return {
    status: ROW_STATUS_LABELS[status],
    key: rowKey(grid.key(row)) ?? '',
    population: ROW_CLASS_LABELS[cls],
  }
}

/** The CSV header and one record per row (formula-safe, RFC 4180) of a view. */
export function peopleCsv(
  grid: PeopleGrid,
  rows: ArrayLike<number>,
  pairs?: readonly number[],
): string {
  const shown = pairs ?? [...Array(grid.pairs.length).keys()]
  const header: string[] = [
    'Name',
    'Status',
    'Key',
    'Class',
    'Entra userPrincipalName',
    'Okta login',
  ]
  for (const c of shown) {
    const pair = grid.pairs[c] as AttributePair
    header.push(`Entra ${pair.entra}`, `Okta ${pair.okta}`, `${pair.label}`)
  }
  const parts: string[] = [csvRecord(header)]
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number
    const words = rowWords(grid, r)
    const record: CsvValue[] = [
      grid.name(r),
      words.status,
      words.key,
      words.population,
      grid.upn(r),
      grid.login(r),
    ]
    for (const c of shown) {
      const v = grid.verdict(c, r)
      record.push(
        grid.entraValue(c, r),
        grid.oktaValue(c, r),
        verdictText(v, v === V_NORMALISED ? grid.normalised(c, r) : 0),
      )
    }
    parts.push(csvRecord(record))
  }
  return parts.join('')
}
