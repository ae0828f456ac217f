/**
 * The People grid: one row per person, the join's status, key and class, then each
 * attribute pair as an Entra and an Okta column, a disagreeing pair highlighted. Rows and
 * columns are virtualized (@tanstack/react-virtual): only the cells in view are in the
 * document, each placed at its own offset, so a cell once drawn is not drawn again while
 * scrolling; the name column stays in place (sticky) when the rest scrolls sideways.
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
  type CSSProperties,
  type KeyboardEvent,
} from 'react'
import type { PeopleGrid as Grid } from '../../../../shared/compare/people-grid'
import { ROW_STATUSES } from '../../../../shared/compare/people-rows'
import { verdictText } from '../../../../shared/compare/people-view'
import { CELL_VERDICTS, V_NORMALISED, isMismatch } from '../../../../shared/compare/values'
import { type Column, cellText, gridColumns } from './people-columns'
import { GridHead } from './people-grid-head'

export const ROW_HEIGHT = 32
const HEADER_HEIGHT = 2 * ROW_HEIGHT
/** Room for a sideways scroll bar below the rows, px. */
const SCROLLBAR = 16

/**
 * Which element draws each row (`indexes`: the rows drawn now): a row keeps the slot it had
 * (`previous`); a row new to the view takes the lowest slot no kept row holds, which is the
 * slot of a row that left.
 */
export function assignSlots(
  previous: ReadonlyMap<number, number>,
  indexes: readonly number[],
): Map<number, number> {
  const next = new Map<number, number>()
  const taken = new Set<number>()
  for (const index of indexes) {
    const slot = previous.get(index)
    if (slot === undefined || taken.has(slot)) continue
    next.set(index, slot)
    taken.add(slot)
  }
  let free = 0
  for (const index of indexes) {
    if (next.has(index)) continue
    while (taken.has(free)) free++
    next.set(index, free)
    taken.add(free)
  }
  return next
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

interface CellProps {
  grid: Grid
  col: Column
  c: number
  r: number
  active: boolean
  onOpen: (tableRow: number) => void
}

/** One cell: its text, the pair's verdict as a class (and in words for screen readers). */
function Cell({ grid, col, c, r, active, onOpen }: CellProps) {
  const text = cellText(grid, col, r)
  const verdict = col.pair === undefined ? -1 : grid.verdict(col.pair, r)
  const diff = verdict >= 0 && isMismatch(verdict)
  const normalised = verdict === V_NORMALISED
  const note =
    col.kind === 'okta' && (diff || normalised)
      ? verdictText(verdict, normalised ? grid.normalised(col.pair ?? 0, r) : 0)
      : undefined
  const sticky = c === 0
  return (
    <div
      role="gridcell"
      aria-colindex={c + 1}
      aria-label={note ? `${text ?? 'no value'}, ${note}` : undefined}
      tabIndex={active ? 0 : -1}
      data-col={c}
      data-flag={
        diff && col.kind === 'okta'
          ? CELL_VERDICTS[verdict] === 'different'
            ? 'ne'
            : 'none'
          : undefined
      }
      className={`pp-cell${sticky ? ' pp-cell--sticky' : ''}${diff ? ' pp-cell--diff' : normalised ? ' pp-cell--normalised' : ''}${text === undefined ? ' pp-empty' : ''}`}
      style={sticky ? { width: col.width } : { width: col.width, left: col.left }}
      title={text}
      onClick={sticky ? () => onOpen(r) : undefined}
    >
      {text ?? '—'}
    </div>
  )
}

interface RowProps {
  grid: Grid
  columns: readonly Column[]
  /** the columns drawn besides the name (in view, and the active one) */
  shown: readonly number[]
  index: number
  tableRow: number
  /** the active column when this row holds the active cell, else -1 */
  activeCol: number
  onOpen: (tableRow: number) => void
}

const PeopleRow = memo(function PeopleRow({
  grid,
  columns,
  shown,
  index,
  tableRow: r,
  activeCol,
  onOpen,
}: RowProps) {
  const status = ROW_STATUSES[grid.status(r)] ?? 'entra-only'
  const name = columns[0] as Column
  return (
    <div
      role="row"
      aria-rowindex={index + 3}
      className={`pp-row pp-row--${status}${index % 2 ? ' pp-row--odd' : ''}`}
      style={{ top: HEADER_HEIGHT + index * ROW_HEIGHT }}
      data-row={index}
      onDoubleClick={() => onOpen(r)}
    >
      <Cell grid={grid} col={name} c={0} r={r} active={activeCol === 0} onOpen={onOpen} />
      {shown.map((c) => (
        <Cell
          key={c}
          grid={grid}
          col={columns[c] as Column}
          c={c}
          r={r}
          active={activeCol === c}
          onOpen={onOpen}
        />
      ))}
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
  const { columns, groups, width } = useMemo(() => gridColumns(grid), [grid])
  const nameWidth = columns[0]?.width ?? 0
  // the virtualizers are read afresh on every render and their functions are never memoized
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: 3,
    // scroll updates render with the frame React schedules, not inside each scroll event
    useFlushSync: false,
  })
  const cols = useVirtualizer({
    horizontal: true,
    count: columns.length - 1,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => columns[i + 1]?.width ?? 0,
    paddingStart: nameWidth,
    overscan: 1,
    useFlushSync: false,
  })
  const lastRow = order.length - 1
  const pageRows = Math.max(
    1,
    Math.floor(((scrollRef.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
  )

  // the columns in view, plus the active one (it holds the tab stop); one array per range
  const colItems = cols.getVirtualItems()
  const first = colItems[0] ? colItems[0].index + 1 : 1
  const last = colItems.length ? (colItems[colItems.length - 1]?.index ?? 0) + 1 : 0
  const extra = active.col > 0 && (active.col < first || active.col > last) ? active.col : -1
  const shown = useMemo(() => {
    const list: number[] = []
    for (let c = first; c <= last; c++) list.push(c)
    if (extra > 0) list.push(extra)
    return list
  }, [first, last, extra])

  const rowIndexes = rows.getVirtualItems().map((item) => item.index)
  // the active row is drawn even out of view: it holds the tab stop
  if (active.row >= 0 && active.row < order.length && !rowIndexes.includes(active.row))
    rowIndexes.push(active.row)
  // each row keeps its element while drawn; a row scrolled in takes the element of one
  // scrolled out, so scrolling updates text instead of building rows
  const slotsRef = useRef<ReadonlyMap<number, number>>(new Map())
  const slotOf = assignSlots(slotsRef.current, rowIndexes)
  useLayoutEffect(() => {
    slotsRef.current = slotOf
  })

  const move = useCallback(
    (row: number, col: number) => {
      const next = {
        row: Math.max(-1, Math.min(lastRow, row)),
        col: Math.max(0, Math.min(columns.length - 1, col)),
      }
      onActive(next)
      if (next.row >= 0) rows.scrollToIndex(next.row, { align: 'auto' })
      if (next.col > 0) cols.scrollToIndex(next.col - 1, { align: 'auto' })
    },
    [lastRow, columns.length, onActive, rows, cols],
  )

  // the active cell follows the keyboard: focus it once it is drawn
  const focusPending = useRef(false)
  useLayoutEffect(() => {
    if (!focusPending.current) return
    const selector =
      active.row < 0
        ? `[role="columnheader"][data-col="${active.col}"]`
        : `[data-row="${active.row}"] [data-col="${active.col}"]`
    const cell = scrollRef.current?.querySelector<HTMLElement>(selector)
    if (!cell) return
    focusPending.current = false
    cell.focus({ preventScroll: true })
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
      // with the borders and the sideways scroll bar, so a short list needs no vertical one
      style={
        {
          '--pp-rows-height': `${HEADER_HEIGHT + order.length * ROW_HEIGHT + 2 + SCROLLBAR}px`,
        } as CSSProperties
      }
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
        <GridHead
          columns={columns}
          groups={groups}
          shown={shown}
          width={width}
          sort={sort}
          descending={descending}
          activeCol={active.row === -1 ? active.col : -1}
          onSort={onSort}
        />
        <div role="rowgroup">
          {rowIndexes.map((index) => {
            const r = order[index]
            if (r === undefined) return null
            return (
              <PeopleRow
                key={slotOf.get(index)}
                grid={grid}
                columns={columns}
                shown={shown}
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
