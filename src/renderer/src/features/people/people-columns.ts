/**
 * The People grid's columns: the person, the join's status, key and class, then an Entra and
 * an Okta column per attribute pair, grouped under the pair (the header's first row); and
 * what each cell shows.
 */
import type { PeopleGrid as Grid } from '../../../../shared/compare/people-grid'
import { verdictText } from '../../../../shared/compare/people-view'
import { CELL_VERDICTS, V_NORMALISED, isMismatch } from '../../../../shared/compare/values'
import {
  ROW_CLASSES,
  ROW_CLASS_LABELS,
  ROW_STATUSES,
  ROW_STATUS_LABELS,
  rowKey,
} from '../../../../shared/compare/people-rows'

export type ColumnKind = 'name' | 'status' | 'key' | 'class' | 'entra' | 'okta'

export interface Column {
  kind: ColumnKind
  label: string
  width: number
  /** left edge within the row, px */
  left: number
  /** the sort key of the criteria */
  sort: string
  pair?: number
  /** the group (header's first row) the column belongs to */
  group: number
}

export interface Group {
  label: string
  title?: string
  first: number
  span: number
  left: number
  width: number
}

/** The columns of a grid: the person, then an Entra and an Okta column per pair. */
export function gridColumns(grid: Grid): { columns: Column[]; groups: Group[]; width: number } {
  const spec: Omit<Column, 'left'>[] = [
    { kind: 'name', label: 'Name', width: 210, sort: 'name', group: 0 },
    { kind: 'status', label: 'Status', width: 110, sort: 'status', group: 1 },
    { kind: 'key', label: 'Joined by', width: 150, sort: 'key', group: 1 },
    { kind: 'class', label: 'Class', width: 120, sort: 'class', group: 1 },
  ]
  // the name's group is alone: it stays in view (sticky) while the rest scrolls sideways
  const groupSpec: { label: string; title?: string }[] = [{ label: 'Person' }, { label: 'Join' }]
  grid.pairs.forEach((pair, c) => {
    const group = groupSpec.length
    groupSpec.push({ label: pair.label, title: pair.header })
    spec.push(
      { kind: 'entra', label: `Entra ${pair.entra}`, width: 210, sort: `e:${c}`, pair: c, group },
      { kind: 'okta', label: `Okta ${pair.okta}`, width: 210, sort: `o:${c}`, pair: c, group },
    )
  })
  let left = 0
  const columns = spec.map((c) => {
    const col = { ...c, left }
    left += c.width
    return col
  })
  const groups = groupSpec.map((g, i) => {
    const members = columns.filter((c) => c.group === i)
    const first = columns.indexOf(members[0] as Column)
    return {
      ...g,
      first,
      span: members.length,
      left: members[0]?.left ?? 0,
      width: members.reduce((n, c) => n + c.width, 0),
    }
  })
  return { columns, groups, width: left }
}

/** The text of a cell of table row `r`; undefined when the side has no value. */
export function cellText(grid: Grid, col: Column, r: number): string | undefined {
  switch (col.kind) {
    case 'name':
      return grid.name(r) ?? grid.upn(r) ?? grid.login(r)
    case 'status':
      return ROW_STATUS_LABELS[ROW_STATUSES[grid.status(r)] ?? 'entra-only']
    case 'key': {
      const key = rowKey(grid.key(r))
      const doubt = grid.doubt(r) !== 0 && ROW_STATUSES[grid.status(r)] === 'matched'
      return key ? `${key}${doubt ? ' (in doubt)' : ''}` : undefined
    }
    case 'class':
      return ROW_CLASS_LABELS[ROW_CLASSES[grid.population(r)] ?? 'person']
    case 'entra':
      return grid.entraValue(col.pair ?? 0, r)
    case 'okta':
      return grid.oktaValue(col.pair ?? 0, r)
  }
}

/** What a cell shows: its text, its classes, the pair's verdict in words and as a flag. */
export interface CellFace {
  /** undefined when the side has no value */
  text: string | undefined
  className: string
  /** for screen readers, when the Okta half of a pair differs or is equal only after normalising */
  label: string | undefined
  /** the mark drawn after a differing Okta value: ≠ (different) or ∅ (missing) */
  flag: 'ne' | 'none' | undefined
}

/** The face of the cell of table row `r` in column `col`. */
export function cellFace(grid: Grid, col: Column, r: number): CellFace {
  const text = cellText(grid, col, r)
  const verdict = col.pair === undefined ? -1 : grid.verdict(col.pair, r)
  const diff = verdict >= 0 && isMismatch(verdict)
  const normalised = verdict === V_NORMALISED
  const okta = col.kind === 'okta'
  const note =
    okta && (diff || normalised)
      ? verdictText(verdict, normalised ? grid.normalised(col.pair ?? 0, r) : 0)
      : undefined
  return {
    text,
    className: `pp-cell${col.kind === 'name' ? ' pp-cell--sticky' : ''}${diff ? ' pp-cell--diff' : normalised ? ' pp-cell--normalised' : ''}${text === undefined ? ' pp-empty' : ''}`,
    label: note ? `${text ?? 'no value'}, ${note}` : undefined,
    flag: diff && okta ? (CELL_VERDICTS[verdict] === 'different' ? 'ne' : 'none') : undefined,
  }
}
