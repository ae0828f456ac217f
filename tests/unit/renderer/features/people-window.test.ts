import { describe, expect, it } from 'vitest'
import {
  HEADER_HEIGHT,
  NO_SPAN,
  ROW_HEIGHT,
  assignSlots,
  columnsInView,
  revealOffset,
  rowsInView,
} from '../../../../src/renderer/src/features/people/grid-window'

describe('People grid window', () => {
  it('finds the rows in view below the header, with the overscan, within the rows there are', () => {
    // 600 px tall at the top: the header takes 64 px, so rows 0 to 16 show (the 17th in part)
    expect(rowsInView(0, 600, 100_000, 0)).toEqual({ first: 0, last: 16 })
    expect(rowsInView(0, 600, 100_000, 3)).toEqual({ first: 0, last: 19 })
    // scrolled by 10 rows and a half: row 10 is half hidden under the header
    const top = 10.5 * ROW_HEIGHT
    expect(rowsInView(top, 600, 100_000, 0)).toEqual({ first: 10, last: 27 })
    expect(rowsInView(top, 600, 100_000, 3)).toEqual({ first: 7, last: 30 })
    // the end of the list, and lists shorter than the view
    const bottom = HEADER_HEIGHT + 100_000 * ROW_HEIGHT - 600
    expect(rowsInView(bottom, 600, 100_000, 3).last).toBe(99_999)
    expect(rowsInView(0, 600, 3, 3)).toEqual({ first: 0, last: 2 })
    expect(rowsInView(0, 600, 0, 3)).toEqual(NO_SPAN)
    // a box not laid out yet, or no taller than the header, shows no row
    expect(rowsInView(0, 0, 100, 3)).toEqual(NO_SPAN)
    expect(rowsInView(0, HEADER_HEIGHT, 100, 3)).toEqual(NO_SPAN)
  })

  it('finds the columns in view after the name, with the overscan', () => {
    const columns = [0, 1, 2, 3, 4, 5, 6].map((i) => ({ left: i * 100, width: 100 }))
    // 250 px wide at the left edge: the name (0), always drawn, then columns 1 and 2
    expect(columnsInView(columns, 0, 250, 0)).toEqual({ first: 1, last: 2 })
    expect(columnsInView(columns, 0, 250, 1)).toEqual({ first: 1, last: 3 })
    // scrolled 320 px: the name covers 320 to 420, so columns 4 and 5 show (3 is under it)
    expect(columnsInView(columns, 320, 250, 0)).toEqual({ first: 4, last: 5 })
    expect(columnsInView(columns, 320, 250, 1)).toEqual({ first: 3, last: 6 })
    // a column ending where the view starts is out of it
    expect(columnsInView(columns, 300, 150, 0)).toEqual({ first: 4, last: 4 })
    // nothing beside the name: no more columns, no room, or all scrolled past
    expect(columnsInView(columns.slice(0, 1), 0, 250, 1)).toEqual(NO_SPAN)
    expect(columnsInView(columns, 0, 100, 1)).toEqual(NO_SPAN)
    expect(columnsInView(columns, 700, 250, 1)).toEqual(NO_SPAN)
  })

  it('scrolls only as far as it takes to show a cell past what is sticky', () => {
    // a row above the view lands just under the 64 px header
    expect(revealOffset(64 + 10 * 32, 32, 1000, 600, 64)).toBe(320)
    // a row below the view lands at its bottom
    expect(revealOffset(64 + 40 * 32, 32, 0, 600, 64)).toBe(64 + 41 * 32 - 600)
    // a row in view, and one under the header, which is not in view
    expect(revealOffset(64 + 5 * 32, 32, 0, 600, 64)).toBeUndefined()
    expect(revealOffset(64 + 5 * 32, 32, 200, 600, 64)).toBe(160)
    // never before the start
    expect(revealOffset(10, 32, 5, 600, 64)).toBe(0)
  })

  it('keeps a row in its element and gives a row scrolled in the element of one scrolled out', () => {
    const first = assignSlots(new Map(), [0, 1, 2, 3])
    expect([...first]).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ])
    // two rows down: 0 and 1 leave, 4 and 5 take their elements
    const next = assignSlots(first, [2, 3, 4, 5])
    expect([...next]).toEqual([
      [2, 2],
      [3, 3],
      [4, 0],
      [5, 1],
    ])
    // the active row far below keeps its element while the view moves on
    const apart = assignSlots(next, [3, 4, 5, 6, 90])
    const later = assignSlots(apart, [4, 5, 6, 7, 90])
    expect(later.get(90)).toBe(apart.get(90))
    expect(new Set(later.values()).size).toBe(5)
  })
})
