/**
 * What part of the People grid is in view, from the scroll box's offset and size alone: rows
 * are all one height and columns have fixed widths, so the window is arithmetic, not
 * measurement. Also which element draws each row, and how far to scroll to bring a cell into
 * view past the sticky header and name.
 */

export const ROW_HEIGHT = 32
/** The two header rows above the first person. */
export const HEADER_HEIGHT = 2 * ROW_HEIGHT

/** Rows drawn beyond each edge of the view, and columns. */
export const ROW_OVERSCAN = 3
export const COLUMN_OVERSCAN = 1

/** Indexes `first` to `last`, both included; empty when `last < first`. */
export interface Span {
  first: number
  last: number
}

export const NO_SPAN: Span = { first: 0, last: -1 }

export const sameSpan = (a: Span, b: Span): boolean => a.first === b.first && a.last === b.last

/**
 * The rows a box `height` px tall, scrolled `scrollTop` px down, shows below its sticky
 * header, with `overscan` rows more on each side.
 */
export function rowsInView(
  scrollTop: number,
  height: number,
  count: number,
  overscan: number,
): Span {
  if (count <= 0 || height <= HEADER_HEIGHT) return NO_SPAN
  // rows start below the header, and the header covers the top of the view: both HEADER_HEIGHT
  const first = Math.floor(Math.max(0, scrollTop) / ROW_HEIGHT)
  const last = Math.ceil((scrollTop + height - HEADER_HEIGHT) / ROW_HEIGHT) - 1
  return {
    first: Math.min(count - 1, Math.max(0, first - overscan)),
    last: Math.min(count - 1, Math.max(0, last + overscan)),
  }
}

/**
 * The columns after the first that a box `width` px wide, scrolled `scrollLeft` px sideways,
 * shows beside the first (which stays in view, sticky), with `overscan` columns more on each
 * side.
 */
export function columnsInView(
  columns: readonly { left: number; width: number }[],
  scrollLeft: number,
  width: number,
  overscan: number,
): Span {
  const start = scrollLeft + (columns[0]?.width ?? 0)
  const end = scrollLeft + width
  let first = -1
  let last = -1
  for (let c = 1; c < columns.length; c++) {
    const col = columns[c] as { left: number; width: number }
    if (col.left + col.width <= start || col.left >= end) continue
    if (first < 0) first = c
    last = c
  }
  if (first < 0) return NO_SPAN
  return {
    first: Math.max(1, first - overscan),
    last: Math.min(columns.length - 1, last + overscan),
  }
}

/**
 * The scroll offset that brings `[start, start + size)` into a view `view` px long, now at
 * `offset`, whose first `covered` px are hidden under something sticky; undefined when it
 * is in view already.
 */
export function revealOffset(
  start: number,
  size: number,
  offset: number,
  view: number,
  covered: number,
): number | undefined {
  if (start - covered < offset) return Math.max(0, start - covered)
  if (start + size > offset + view) return start + size - view
  return undefined
}

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
