/**
 * The People grid: one row per person, the join's status, key and class, then each
 * attribute pair as an Entra and an Okta column, a disagreeing pair highlighted. Rows and
 * columns are virtualized: only the cells in view are in the document, each placed at its
 * own offset. The rows are drawn by `GridBody` straight from the scroll event, so scrolling
 * renders nothing; the header and the columns in view are React's. The name column stays in
 * place (sticky) when the rest scrolls sideways.
 *
 * Keyboard (ARIA grid pattern, one tab stop): arrows move between cells, Home / End to
 * the row's first / last cell, Ctrl+Home / Ctrl+End to the first / last row, Page Up /
 * Page Down by a screen of rows, Enter opens the person (or sorts, on a header).
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react'
import type { PeopleGrid as Grid } from '../../../../shared/compare/people-grid'
import { type ActiveCell, type BodyView, GridBody } from './grid-body'
import {
  COLUMN_OVERSCAN,
  HEADER_HEIGHT,
  NO_SPAN,
  ROW_HEIGHT,
  ROW_OVERSCAN,
  columnsInView,
  revealOffset,
  rowsInView,
  sameSpan,
  type Span,
} from './grid-window'
import { gridColumns } from './people-columns'
import { GridHead } from './people-grid-head'

export type { ActiveCell } from './grid-body'

/** Room for a sideways scroll bar below the rows, px. */
const SCROLLBAR = 16

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
  const rowsRef = useRef<HTMLDivElement>(null)
  const { columns, groups, width } = useMemo(() => gridColumns(grid), [grid])
  const nameWidth = columns[0]?.width ?? 0
  const lastRow = order.length - 1

  // the columns in view, plus the active one (it holds the tab stop)
  const [inView, setInView] = useState<Span>(NO_SPAN)
  const extra = active.col > 0 && (active.col < inView.first || active.col > inView.last)
  const shown = useMemo(() => {
    const list: number[] = []
    if (extra && active.col < inView.first) list.push(active.col)
    for (let c = Math.max(1, inView.first); c <= Math.min(inView.last, columns.length - 1); c++)
      list.push(c)
    if (extra && active.col > inView.last) list.push(active.col)
    return list
  }, [inView, extra, active.col, columns.length])

  // what the rows show; the scroll listener draws from the latest of it
  const view = useRef<Omit<BodyView, 'rows'> | undefined>(undefined)
  const body = useRef<GridBody | undefined>(undefined)
  const drawRows = useCallback((scrollTop: number, height: number) => {
    const host = rowsRef.current
    const now = view.current
    if (!host || !now) return
    body.current ??= new GridBody(host)
    const rows = rowsInView(scrollTop, height, now.order.length, ROW_OVERSCAN)
    body.current.draw({ ...now, rows })
  }, [])
  useLayoutEffect(() => {
    view.current = { grid, columns, order, shown, active }
    const box = scrollRef.current
    if (box) drawRows(box.scrollTop, box.clientHeight)
  })

  // scrolling draws the rows at once; sideways, a new set of columns renders the header
  useLayoutEffect(() => {
    const box = scrollRef.current
    if (!box) return
    let columnsWere: Span | undefined
    let sidewaysWas = false
    const onScroll = () => {
      // the box is read before the rows are written, so reading it lays nothing out
      const { scrollTop, scrollLeft, clientHeight, clientWidth } = box
      // the names stick only once the grid is scrolled sideways (see people.css)
      const sideways = scrollLeft > 0
      if (sideways !== sidewaysWas) {
        sidewaysWas = sideways
        box.toggleAttribute('data-sideways', sideways)
      }
      drawRows(scrollTop, clientHeight)
      const next = columnsInView(columns, scrollLeft, clientWidth, COLUMN_OVERSCAN)
      if (columnsWere && sameSpan(columnsWere, next)) return
      columnsWere = next
      setInView(next)
    }
    onScroll()
    box.addEventListener('scroll', onScroll, { passive: true })
    const resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(onScroll)
    resize?.observe(box)
    return () => {
      box.removeEventListener('scroll', onScroll)
      resize?.disconnect()
    }
  }, [columns, drawRows])

  const move = useCallback(
    (row: number, col: number) => {
      const next = {
        row: Math.max(-1, Math.min(lastRow, row)),
        col: Math.max(0, Math.min(columns.length - 1, col)),
      }
      onActive(next)
      const box = scrollRef.current
      if (!box) return
      if (next.row >= 0) {
        const top = HEADER_HEIGHT + next.row * ROW_HEIGHT
        const to = revealOffset(top, ROW_HEIGHT, box.scrollTop, box.clientHeight, HEADER_HEIGHT)
        if (to !== undefined) box.scrollTop = to
      }
      const target = columns[next.col]
      if (next.col > 0 && target) {
        const to = revealOffset(
          target.left,
          target.width,
          box.scrollLeft,
          box.clientWidth,
          nameWidth,
        )
        if (to !== undefined) box.scrollLeft = to
      }
    },
    [lastRow, columns, nameWidth, onActive],
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

  const openAt = (index: number) => {
    const r = order[index]
    if (r !== undefined) onOpen(r)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const { row, col } = active
    const go = (r: number, c: number) => {
      event.preventDefault()
      focusPending.current = true
      move(r, c)
    }
    const height = scrollRef.current?.clientHeight ?? 600
    const pageRows = Math.max(1, Math.floor((height - HEADER_HEIGHT) / ROW_HEIGHT) - 1)
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
        else if (event.key === 'Enter') openAt(row)
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
      // the rows are not React's: their clicks are read here, from the cell's data
      onClick={(event) => {
        const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-col]')
        if (!cell) return
        const rowEl = cell.closest<HTMLElement>('[data-row]')
        const row = rowEl ? Number(rowEl.dataset.row) : -1
        const col = Number(cell.dataset.col)
        onActive({ row, col })
        if (row >= 0 && col === 0) openAt(row)
      }}
      onDoubleClick={(event) => {
        const rowEl = (event.target as HTMLElement).closest<HTMLElement>('[data-row]')
        if (rowEl) openAt(Number(rowEl.dataset.row))
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
        <div role="rowgroup" ref={rowsRef} />
      </div>
    </div>
  )
}
