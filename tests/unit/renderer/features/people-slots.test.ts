import { describe, expect, it } from 'vitest'
import { assignSlots } from '../../../../src/renderer/src/features/people/people-grid'

describe('People grid row elements', () => {
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
