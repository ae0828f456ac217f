/**
 * Read access to the People comparison row by row, whichever form the table is in: the
 * computed `PeopleTable` (the CLI, tests) or its packed form (the app, people-packed.ts).
 */
import type { AttributePair } from './attribute-pairs'
import type { PeopleTable } from './people-rows'

/** Read access to the People comparison, row by row. */
export interface PeopleGrid {
  readonly count: number
  readonly pairs: readonly AttributePair[]
  status: (row: number) => number
  key: (row: number) => number
  keyBits: (row: number) => number
  /** keys in doubt (bits), see `PeopleRows.doubt` */
  doubt: (row: number) => number
  population: (row: number) => number
  entraRow: (row: number) => number
  oktaRow: (row: number) => number
  name: (row: number) => string | undefined
  upn: (row: number) => string | undefined
  login: (row: number) => string | undefined
  /** the Entra object id and the Okta user id of a row's accounts */
  entraId: (row: number) => string | undefined
  oktaId: (row: number) => string | undefined
  entraValue: (pair: number, row: number) => string | undefined
  oktaValue: (pair: number, row: number) => string | undefined
  verdict: (pair: number, row: number) => number
  normalised: (pair: number, row: number) => number
}

/** The per-row numbers, which both forms keep in typed arrays of these names. */
export interface RowNumbers {
  status: ArrayLike<number>
  key: ArrayLike<number>
  keyBits: ArrayLike<number>
  doubt: ArrayLike<number>
  population: ArrayLike<number>
  entraRow: ArrayLike<number>
  oktaRow: ArrayLike<number>
}

/** The grid's readers of the per-row numbers. */
export function rowNumberReaders(
  n: RowNumbers,
): Pick<
  PeopleGrid,
  'status' | 'key' | 'keyBits' | 'doubt' | 'population' | 'entraRow' | 'oktaRow'
> {
  return {
    status: (r) => n.status[r] as number,
    key: (r) => n.key[r] as number,
    keyBits: (r) => n.keyBits[r] as number,
    doubt: (r) => n.doubt[r] as number,
    population: (r) => n.population[r] as number,
    entraRow: (r) => n.entraRow[r] as number,
    oktaRow: (r) => n.oktaRow[r] as number,
  }
}

/** The grid over a computed table. */
export function tableGrid(table: PeopleTable): PeopleGrid {
  const { rows, columns } = table
  return {
    count: rows.count,
    pairs: columns.map((c) => c.reader.pair),
    ...rowNumberReaders(rows),
    name: (r) => table.name[r],
    upn: (r) => table.upn[r],
    login: (r) => table.login[r],
    entraId: (r) => table.entraId[r],
    oktaId: (r) => table.oktaId[r],
    entraValue: (c, r) => columns[c]?.entra[r],
    oktaValue: (c, r) => columns[c]?.okta[r],
    verdict: (c, r) => columns[c]?.verdict[r] as number,
    normalised: (c, r) => columns[c]?.normalised[r] as number,
  }
}
