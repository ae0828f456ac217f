/**
 * The People comparison packed for the trip from the worker to the UI thread: each text
 * column as one string with offsets (a long string is cloned at memory speed, 100k short
 * ones are not), flags and verdicts as typed arrays whose buffers are transferred. The UI
 * reads it through `packedGrid`, slicing out only the cells it shows.
 */
import type { AttributePair } from './attribute-pairs'
import { type PeopleGrid, rowNumberReaders, tableGrid } from './people-grid'
import type { PeopleTable } from './people-rows'

/** A text column packed as one string: row r is `text.slice(offsets[r], offsets[r + 1])`. */
export interface PackedText {
  text: string
  offsets: Uint32Array
  /** ABSENT where the value is absent (as opposed to an empty string), AS_BESIDE where it is the beside column's */
  absent: Uint8Array
}

const ABSENT = 1
const AS_BESIDE = 2

/**
 * Packs a column of values. With `beside` (the other side's column of the same pair), a value
 * equal to the one beside it is not packed again: most of the Okta side repeats Entra's.
 */
export function packText(
  values: readonly (string | undefined)[],
  beside?: readonly (string | undefined)[],
): PackedText {
  const offsets = new Uint32Array(values.length + 1)
  const absent = new Uint8Array(values.length)
  // appended one by one (faster than joining an array of them in V8), then made flat here:
  // reading a character flattens the rope, in this thread rather than in postMessage
  let text = ''
  for (let r = 0; r < values.length; r++) {
    const v = values[r]
    if (v === undefined) absent[r] = ABSENT
    else if (beside && v === beside[r]) absent[r] = AS_BESIDE
    else text += v
    offsets[r + 1] = text.length
  }
  text.charCodeAt(0)
  return { text, offsets, absent }
}

/** One value of a packed column (`beside`: the column it was packed beside, if any). */
export function packedAt(column: PackedText, row: number, beside?: PackedText): string | undefined {
  const flag = column.absent[row]
  if (flag === ABSENT) return undefined
  if (flag === AS_BESIDE) return beside ? packedAt(beside, row) : undefined
  return column.text.slice(column.offsets[row], column.offsets[row + 1])
}

/** The People comparison packed for transfer (typed arrays and packed strings only). */
export interface PackedPeople {
  count: number
  pairs: AttributePair[]
  status: Uint8Array
  key: Uint8Array
  keyBits: Uint8Array
  doubt: Uint8Array
  population: Uint8Array
  entraRow: Int32Array
  oktaRow: Int32Array
  name: PackedText
  upn: PackedText
  login: PackedText
  entraId: PackedText
  oktaId: PackedText
  columns: {
    entra: PackedText
    okta: PackedText
    verdict: Uint8Array
    normalised: Uint8Array
  }[]
  /** per row: every shown value of both sides (a shared one once), lower-cased, separated by U+0001 */
  search: PackedText
}

const SEP = '\u0001'

/** Packs a computed table, with its search text. */
export function packPeople(table: PeopleTable): PackedPeople {
  const { rows, columns } = table
  return {
    count: rows.count,
    pairs: columns.map((c) => c.reader.pair),
    status: rows.status,
    key: rows.key,
    keyBits: rows.keyBits,
    doubt: rows.doubt,
    population: rows.population,
    entraRow: rows.entraRow,
    oktaRow: rows.oktaRow,
    name: packText(table.name),
    upn: packText(table.upn),
    login: packText(table.login),
    entraId: packText(table.entraId),
    oktaId: packText(table.oktaId),
    columns: columns.map((c) => ({
      entra: packText(c.entra),
      okta: packText(c.okta, c.entra),
      verdict: c.verdict,
      normalised: c.normalised,
    })),
    search: searchTexts(tableGrid(table)),
  }
}

/** The buffers of a packed table, for `postMessage`'s transfer list. */
export function packedBuffers(p: PackedPeople): ArrayBuffer[] {
  const texts = [
    p.name,
    p.upn,
    p.login,
    p.entraId,
    p.oktaId,
    p.search,
    ...p.columns.flatMap((c) => [c.entra, c.okta]),
  ]
  const arrays: ArrayBufferView[] = [
    p.status,
    p.key,
    p.keyBits,
    p.doubt,
    p.population,
    p.entraRow,
    p.oktaRow,
    ...p.columns.flatMap((c) => [c.verdict, c.normalised]),
    ...texts.flatMap((t) => [t.offsets, t.absent]),
  ]
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]
}

/** The grid over a packed table. */
export function packedGrid(p: PackedPeople): PeopleGrid {
  return {
    count: p.count,
    pairs: p.pairs,
    ...rowNumberReaders(p),
    name: (r) => packedAt(p.name, r),
    upn: (r) => packedAt(p.upn, r),
    login: (r) => packedAt(p.login, r),
    entraId: (r) => packedAt(p.entraId, r),
    oktaId: (r) => packedAt(p.oktaId, r),
    entraValue: (c, r) => {
      const col = p.columns[c]
      return col ? packedAt(col.entra, r) : undefined
    },
    oktaValue: (c, r) => {
      const col = p.columns[c]
      return col ? packedAt(col.okta, r, col.entra) : undefined
    },
    verdict: (c, r) => p.columns[c]?.verdict[r] as number,
    normalised: (c, r) => p.columns[c]?.normalised[r] as number,
  }
}

/** The search text of every row of a grid (what `packPeople` packs). */
export function searchTexts(grid: PeopleGrid): PackedText {
  const out = new Array<string>(grid.count)
  for (let r = 0; r < grid.count; r++) {
    let s = `${grid.name(r) ?? ''}${SEP}${grid.upn(r) ?? ''}${SEP}${grid.login(r) ?? ''}`
    for (let c = 0; c < grid.pairs.length; c++) {
      const entra = grid.entraValue(c, r)
      const okta = grid.oktaValue(c, r)
      // a value the two sides share is searched once
      s += okta === entra ? `${SEP}${entra ?? ''}` : `${SEP}${entra ?? ''}${SEP}${okta ?? ''}`
    }
    out[r] = s.toLowerCase()
  }
  return packText(out)
}
