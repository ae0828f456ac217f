/**
 * The People grid: one row per person, the join's status, key and class, then each
 * attribute pair as an Entra and an Okta column, a disagreeing pair highlighted. Rows are
 * virtualized (@tanstack/react-virtual): only those in view are in the document, each
 * placed at its own offset so a row once drawn is not drawn again while scrolling.
 *
 * Keyboard (ARIA grid pattern, one tab stop): arrows move between cells, Home / End to
 * the row's first / last cell, Ctrl+Home / Ctrl+End to the first / last row, Page Up /
 * Page Down by a screen of rows, Enter opens the person (or sorts, on a header).
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  type KeyboardEvent,
} from 'react'
import type { PeopleGrid as Grid } from '../../../../shared/compare/people-grid'
import {
  ROW_CLASSES,
  ROW_CLASS_LABELS,
  ROW_STATUSES,
  ROW_STATUS_LABELS,
  rowKey,
} from '../../../../shared/compare/people-rows'
import { verdictText } from '../../../../shared/compare/people-view'
import { CELL_VERDICTS, V_NORMALISED, isMismatch } from '../../../../shared/compare/values'

export const ROW_HEIGHT = 32
const HEADER_HEIGHT = 2 * ROW_HEIGHT

type ColumnKind = 'name' | 'status' | 'key' | 'class' | 'entra' | 'okta'

interface Column {
  kind: ColumnKind
  label: string
  width: number
  /** the sort key of the criteria */
  sort: string
  pair?: number
}

interface Group {
  label: string
  title?: string
  span: number
}

/** The columns of a grid: the person, then an Entra and an Okta column per pair. */
export function gridColumns(grid: Grid): { columns: Column[]; groups: Group[] } {
  const columns: Column[] = [
    { kind: 'name', label: 'Name', width: 210, sort: 'name' },
    { kind: 'status', label: 'Status', width: 110, sort: 'status' },
    { kind: 'key', label: 'Joined by', width: 150, sort: 'key' },
    { kind: 'class', label: 'Class', width: 120, sort: 'class' },
  ]
  // the name's group is alone: it stays in view (sticky) while the rest scrolls sideways
  const groups: Group[] = [
    { label: 'Person', span: 1 },
    { label: 'Join', span: 3 },
  ]
  grid.pairs.forEach((pair, c) => {
    groups.push({ label: pair.label, title: pair.header, span: 2 })
    columns.push(
      { kind: 'entra', label: `Entra ${pair.entra}`, width: 210, sort: `e:${c}`, pair: c },
      { kind: 'okta', label: `Okta ${pair.okta}`, width: 210, sort: `o:${c}`, pair: c },
    )
  })
  return { columns, groups }
}

export interface ActiveCell {
  /** position in the view; -1 is the header row */
  row: number
  col: number
}

interface Props {
  grid: Grid
  /** table rows in view order */
  order: Int32Array
  active: ActiveCell
  onActive: (cell: ActiveCell) => void
  onOpen: (tableRow: number) => void
  sort: string
  descending: boolean
  onSort: (sort: string) => void
  labelledBy: string
}

function cellText(grid: Grid, col: Column, r: number): string | undefined {
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

interface RowProps {
  grid: Grid
  columns: readonly Column[]
  index: number
  tableRow: number
  /** the active column when this row holds the active cell, else -1 */
  activeCol: number
  onOpen: (tableRow: number) => void
}

const PeopleRow = memo(function PeopleRow({
  grid,
  columns,
  index,
  tableRow: r,
  activeCol,
  onOpen,
}: RowProps) {
  const status = ROW_STATUSES[grid.status(r)] ?? 'entra-only'
  return (
    <div
      role="row"
      aria-rowindex={index + 3}
      className={`pp-row pp-row--${status}${index % 2 ? ' pp-row--odd' : ''}`}
      style={{ top: HEADER_HEIGHT + index * ROW_HEIGHT }}
      data-row={index}
    >
      {columns.map((col, c) => {
        const text = cellText(grid, col, r)
        const verdict = col.pair === undefined ? -1 : grid.verdict(col.pair, r)
        const diff = verdict >= 0 && isMismatch(verdict)
        const normalised = verdict === V_NORMALISED
        const note =
          col.kind === 'okta' && verdict >= 0 && (diff || normalised)
            ? verdictText(verdict, normalised ? grid.normalised(col.pair ?? 0, r) : 0)
            : undefined
        return (
          <div
            key={c}
            role="gridcell"
            aria-colindex={c + 1}
            tabIndex={activeCol === c ? 0 : -1}
            data-col={c}
            className={`pp-cell pp-cell--${col.kind}${diff ? ' pp-cell--diff' : ''}${normalised ? ' pp-cell--normalised' : ''}${c === 0 ? ' pp-cell--sticky' : ''}`}
            style={{ width: col.width }}
            title={text ? (note ? `${text} (${note})` : text) : note}
            onDoubleClick={() => onOpen(r)}
          >
            {col.kind === 'name' ? (
              <span className="pp-name" onClick={() => onOpen(r)}>
                {text ?? '—'}
              </span>
            ) : (
              <span className={text === undefined ? 'pp-empty' : undefined}>{text ?? '—'}</span>
            )}
            {note && <span className="visually-hidden">, {note}</span>}
            {col.kind === 'okta' && diff && (
              <span className="pp-flag" aria-hidden="true">
                {CELL_VERDICTS[verdict] === 'different' ? '≠' : '∅'}
              </span>
            )}
          </div>
        )
      })}
    </div>
  )
})

/** The virtualized ARIA grid (see the file header). */
export function PeopleGridView({
  grid,
  order,
  active,
  onActive,
  onOpen,
  sort,
  descending,
  onSort,
  labelledBy,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const { columns, groups } = useMemo(() => gridColumns(grid), [grid])
  const width = useMemo(() => columns.reduce((n, c) => n + c.width, 0), [columns])
  // the virtualizer is read afresh on every render and its functions are never memoized
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // rows sit below the two header rows inside the scroll area
    scrollMargin: 0,
    paddingStart: HEADER_HEIGHT,
    overscan: 10,
  })
  const items = virtualizer.getVirtualItems()
  // the row of the active cell stays in the document while scrolled away: it is the tab stop
  const rows = items.map((item) => item.index)
  if (active.row >= 0 && active.row < order.length && !rows.includes(active.row))
    rows.push(active.row)
  const lastRow = order.length - 1
  const pageRows = Math.max(
    1,
    Math.floor(((scrollRef.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
  )

  const move = useCallback(
    (row: number, col: number) => {
      const next = {
        row: Math.max(-1, Math.min(lastRow, row)),
        col: Math.max(0, Math.min(columns.length - 1, col)),
      }
      onActive(next)
      if (next.row >= 0) virtualizer.scrollToIndex(next.row, { align: 'auto' })
    },
    [lastRow, columns.length, onActive, virtualizer],
  )

  // the active cell follows the keyboard: focus it once it is drawn
  const focusPending = useRef(false)
  useLayoutEffect(() => {
    if (!focusPending.current) return
    const root = scrollRef.current
    const selector =
      active.row < 0
        ? `[role="columnheader"][data-col="${active.col}"]`
        : `[data-row="${active.row}"] [data-col="${active.col}"]`
    const cell = root?.querySelector<HTMLElement>(selector)
    if (cell) {
      focusPending.current = false
      cell.focus({ preventScroll: true })
      // keep the cell in view horizontally (the name column is sticky)
      const left = cell.offsetLeft
      if (root && left < root.scrollLeft + columns[0]!.width && active.col > 0)
        root.scrollLeft = Math.max(0, left - columns[0]!.width)
      else if (root && left + cell.offsetWidth > root.scrollLeft + root.clientWidth)
        root.scrollLeft = left + cell.offsetWidth - root.clientWidth
    }
  })

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const { row, col } = active
    const go = (r: number, c: number) => {
      event.preventDefault()
      focusPending.current = true
      move(r, c)
    }
    switch (event.key) {
      case 'ArrowDown':
        return go(row + 1, col)
      case 'ArrowUp':
        return go(row - 1, col)
      case 'ArrowRight':
        return go(row, col + 1)
      case 'ArrowLeft':
        return go(row, col - 1)
      case 'Home':
        return event.ctrlKey ? go(0, col) : go(row, 0)
      case 'End':
        return event.ctrlKey ? go(lastRow, col) : go(row, columns.length - 1)
      case 'PageDown':
        return go(Math.max(0, row) + pageRows, col)
      case 'PageUp':
        return go(Math.max(0, row - pageRows), col)
      case 'Enter':
      case ' ':
        event.preventDefault()
        if (row < 0) onSort(columns[col]?.sort ?? '')
        else if (event.key === 'Enter') {
          const r = order[row]
          if (r !== undefined) onOpen(r)
        }
        return
    }
  }

  // a view that shrank below the active row moves it back into range
  useEffect(() => {
    if (active.row > lastRow) onActive({ row: Math.max(lastRow, -1), col: active.col })
  }, [active, lastRow, onActive])

  return (
    <div
      ref={scrollRef}
      className="pp-scroll"
      role="grid"
      aria-labelledby={labelledBy}
      aria-rowcount={order.length + 2}
      aria-colcount={columns.length}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        const target = (event.target as HTMLElement).closest<HTMLElement>('[data-col]')
        const rowEl = target?.closest<HTMLElement>('[data-row]')
        if (!target) return
        onActive({ row: rowEl ? Number(rowEl.dataset.row) : -1, col: Number(target.dataset.col) })
      }}
    >
      <div
        className="pp-canvas"
        style={{ width, height: HEADER_HEIGHT + order.length * ROW_HEIGHT }}
      >
        <div className="pp-head" style={{ width }} role="rowgroup">
          <div role="row" aria-rowindex={1} className="pp-head__groups">
            {groups.map((g, i) => (
              <div
                key={i}
                role="columnheader"
                aria-colspan={g.span}
                className={`pp-group${i === 0 ? ' pp-cell--sticky' : ''}`}
                style={{
                  width: columns
                    .slice(groupStart(groups, i), groupStart(groups, i) + g.span)
                    .reduce((n, c) => n + c.width, 0),
                }}
                title={g.title}
              >
                <span className="pp-group__label">{g.label}</span>
                {g.title && <span className="pp-group__expr">{g.title}</span>}
              </div>
            ))}
          </div>
          <div role="row" aria-rowindex={2} className="pp-head__cols">
            {columns.map((col, c) => {
              const sorted = sort === col.sort
              return (
                <div
                  key={c}
                  role="columnheader"
                  aria-colindex={c + 1}
                  aria-sort={sorted ? (descending ? 'descending' : 'ascending') : 'none'}
                  tabIndex={active.row === -1 && active.col === c ? 0 : -1}
                  data-col={c}
                  className={`pp-colhead${c === 0 ? ' pp-cell--sticky' : ''}`}
                  style={{ width: col.width }}
                  onClick={() => onSort(col.sort)}
                >
                  {col.label}
                  <span aria-hidden="true" className="pp-sort">
                    {sorted ? (descending ? '▼' : '▲') : ''}
                  </span>
                </div>
              )
            })}
          </div>
        </div>
        <div role="rowgroup">
          {rows.map((index) => {
            const r = order[index]
            if (r === undefined) return null
            return (
              <PeopleRow
                key={index}
                grid={grid}
                columns={columns}
                index={index}
                tableRow={r}
                activeCol={active.row === index ? active.col : -1}
                onOpen={onOpen}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}

function groupStart(groups: readonly Group[], i: number): number {
  let n = 0
  for (let k = 0; k < i; k++) n += groups[k]?.span ?? 0
  return n
}
