/**
 * The People grid's rows, drawn straight into the document: scrolling must not wait for a
 * render. Each row keeps its element while it is in view and a row scrolled in takes the
 * element of one scrolled out (`assignSlots`); a cell is written only when what it shows
 * changed, so a frame of scrolling writes the text of the rows that entered and nothing else.
 * The rows carry the ARIA grid roles and indexes; clicks and keys are handled by the grid.
 */
import type { PeopleGrid as Grid } from '../../../../shared/compare/people-grid'
import { ROW_STATUSES } from '../../../../shared/compare/people-rows'
import { type Column, cellFace } from './people-columns'
import { HEADER_HEIGHT, ROW_HEIGHT, type Span, assignSlots } from './grid-window'

export interface ActiveCell {
  /** position in the view; -1 is the header row */
  row: number
  col: number
}

export interface BodyView {
  grid: Grid
  columns: readonly Column[]
  /** table rows in view order */
  order: Int32Array
  /** the rows in view (positions in `order`) */
  rows: Span
  /** the columns drawn besides the name, ascending */
  shown: readonly number[]
  active: ActiveCell
}

interface DrawnCell {
  el: HTMLDivElement
  text: Text
  /** the table row whose value it shows, -1 before the first */
  tableRow: number
  active: boolean
}

interface DrawnRow {
  el: HTMLDivElement
  /** the position in the view it draws, -1 before the first */
  index: number
  className: string
  cells: Map<number, DrawnCell>
}

/** The rows of one grid's body (see the file header). */
export class GridBody {
  private readonly drawn = new Map<number, DrawnRow>()
  private slots: ReadonlyMap<number, number> = new Map()
  private grid: Grid | undefined
  private columns: readonly Column[] | undefined

  constructor(private readonly host: HTMLElement) {}

  draw(view: BodyView): void {
    if (view.grid !== this.grid || view.columns !== this.columns) this.clear()
    this.grid = view.grid
    this.columns = view.columns
    const indexes: number[] = []
    for (let i = view.rows.first; i <= view.rows.last; i++) indexes.push(i)
    // the active row is drawn even out of view: it holds the tab stop
    const { active } = view
    if (active.row >= 0 && active.row < view.order.length && !includes(view.rows, active.row))
      indexes.push(active.row)
    const slots = assignSlots(this.slots, indexes)
    const used = new Set(slots.values())
    for (const [slot, row] of this.drawn) {
      if (used.has(slot)) continue
      row.el.remove()
      this.drawn.delete(slot)
    }
    for (const [index, slot] of slots) {
      const tableRow = view.order[index] as number
      let row = this.drawn.get(slot)
      if (!row) {
        row = this.newRow()
        this.drawn.set(slot, row)
      }
      this.drawRow(row, index, tableRow, view)
    }
    this.slots = slots
  }

  /** Takes every row out of the document. */
  clear(): void {
    for (const row of this.drawn.values()) row.el.remove()
    this.drawn.clear()
    this.slots = new Map()
  }

  private newRow(): DrawnRow {
    const el = this.host.ownerDocument.createElement('div')
    el.setAttribute('role', 'row')
    this.host.append(el)
    return { el, index: -1, className: '', cells: new Map() }
  }

  private drawRow(row: DrawnRow, index: number, tableRow: number, view: BodyView): void {
    const { grid, columns, active } = view
    if (row.index !== index) {
      row.index = index
      row.el.setAttribute('aria-rowindex', String(index + 3))
      row.el.dataset.row = String(index)
      row.el.style.top = `${HEADER_HEIGHT + index * ROW_HEIGHT}px`
    }
    const status = ROW_STATUSES[grid.status(tableRow)] ?? 'entra-only'
    const className = `pp-row pp-row--${status}${index % 2 ? ' pp-row--odd' : ''}`
    if (row.className !== className) {
      row.className = className
      row.el.className = className
    }
    const activeCol = active.row === index ? active.col : -1
    for (const [c, cell] of row.cells) {
      if (c === 0 || view.shown.includes(c)) continue
      cell.el.remove()
      row.cells.delete(c)
    }
    let previous: HTMLDivElement | undefined
    for (let k = -1; k < view.shown.length; k++) {
      const c = k < 0 ? 0 : (view.shown[k] as number)
      let cell = row.cells.get(c)
      if (!cell) {
        cell = newCell(row.el.ownerDocument, columns[c] as Column, c)
        row.cells.set(c, cell)
      }
      const placed =
        cell.el.parentNode === row.el && cell.el.previousElementSibling === (previous ?? null)
      if (!placed) {
        if (previous) previous.after(cell.el)
        else row.el.prepend(cell.el)
      }
      previous = cell.el
      if (cell.tableRow !== tableRow) {
        cell.tableRow = tableRow
        showFace(cell, grid, columns[c] as Column, tableRow)
      }
      const isActive = activeCol === c
      if (cell.active !== isActive) {
        cell.active = isActive
        cell.el.tabIndex = isActive ? 0 : -1
      }
    }
  }
}

const includes = (span: Span, index: number) => index >= span.first && index <= span.last

function newCell(doc: Document, col: Column, c: number): DrawnCell {
  const el = doc.createElement('div')
  el.setAttribute('role', 'gridcell')
  el.setAttribute('aria-colindex', String(c + 1))
  el.dataset.col = String(c)
  el.tabIndex = -1
  el.style.width = `${col.width}px`
  if (c > 0) el.style.left = `${col.left}px`
  const text = doc.createTextNode('')
  el.append(text)
  return { el, text, tableRow: -1, active: false }
}

function showFace(cell: DrawnCell, grid: Grid, col: Column, tableRow: number): void {
  const face = cellFace(grid, col, tableRow)
  const { el } = cell
  cell.text.data = face.text ?? '—'
  if (el.className !== face.className) el.className = face.className
  setOrRemove(el, 'title', face.text)
  setOrRemove(el, 'aria-label', face.label)
  setOrRemove(el, 'data-flag', face.flag)
}

function setOrRemove(el: HTMLElement, name: string, value: string | undefined): void {
  if (value === undefined) el.removeAttribute(name)
  else el.setAttribute(name, value)
}
