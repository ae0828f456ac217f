import { afterEach, describe, expect, it } from 'vitest'
import { peopleTable } from '../../../../src/shared/compare/people-rows'
import { tableGrid, type PeopleGrid } from '../../../../src/shared/compare/people-grid'
import { SnapshotIndex } from '../../../../src/shared/compare/snapshot-index'
import { type BodyView, GridBody } from '../../../../src/renderer/src/features/people/grid-body'
import { gridColumns } from '../../../../src/renderer/src/features/people/people-columns'
import type { Snapshot } from '../../../../src/shared/model'
import { obj, seamSnapshot } from '../../../fixtures/snapshots/seam-snapshot'

// bob's Okta email differs from his mail
function grid(): PeopleGrid {
  const snapshot = seamSnapshot((s) => {
    obj(s.okta?.users?.[1], 'profile')['email'] = 'robert@contoso.com'
  })
  return tableGrid(peopleTable(new SnapshotIndex(snapshot as Snapshot)))
}

const hosts: HTMLElement[] = []
afterEach(() => {
  for (const host of hosts.splice(0)) host.remove()
})

function setUp(g = grid()) {
  const host = document.createElement('div')
  document.body.append(host)
  hosts.push(host)
  const { columns } = gridColumns(g)
  // 200 positions over the three people, so the view can scroll
  const order = Int32Array.from({ length: 200 }, (_, i) => i % g.count)
  const all = columns.map((_, c) => c).slice(1)
  const view = (first: number, last: number, more: Partial<BodyView> = {}): BodyView => ({
    grid: g,
    columns,
    order,
    rows: { first, last },
    shown: all,
    active: { row: 0, col: 0 },
    ...more,
  })
  return { host, g, columns, order, view, body: new GridBody(host) }
}

const rowsOf = (host: HTMLElement) => [...host.querySelectorAll<HTMLElement>('[role="row"]')]
const byIndex = (host: HTMLElement, index: number) =>
  host.querySelector<HTMLElement>(`[data-row="${index}"]`)

/** The writes to the rows' elements while `act` runs. */
async function writesDuring(host: HTMLElement, act: () => void): Promise<MutationRecord[]> {
  const seen: MutationRecord[] = []
  const observer = new MutationObserver((records) => seen.push(...records))
  observer.observe(host, { subtree: true, childList: true, attributes: true, characterData: true })
  act()
  seen.push(...observer.takeRecords())
  observer.disconnect()
  return seen
}

describe('People grid body', () => {
  it('draws each row in view as an ARIA row of cells in column order, the pair verdicts marked', () => {
    const { host, body, view, columns, g } = setUp()
    body.draw(view(0, 5))
    const rows = rowsOf(host)
    expect(rows.map((r) => r.dataset.row)).toEqual(['0', '1', '2', '3', '4', '5'])
    const second = byIndex(host, 1)!
    expect(second.getAttribute('aria-rowindex')).toBe('4')
    expect(second.style.top).toBe('96px')
    expect(second.className).toContain('pp-row--odd')
    const cells = [...second.querySelectorAll<HTMLElement>('[role="gridcell"]')]
    expect(cells.map((c) => Number(c.getAttribute('aria-colindex')))).toEqual(
      columns.map((_, c) => c + 1),
    )
    expect(cells[0]?.classList.contains('pp-cell--sticky')).toBe(true)
    // the table row of position 1 is the second person; find bob's differing email
    const bob = rowsOf(host).find((r) => r.textContent?.includes('Bob Brown'))!
    const flagged = bob.querySelector<HTMLElement>('[data-flag]')
    expect(flagged?.getAttribute('data-flag')).toBe('ne')
    expect(flagged?.getAttribute('aria-label')).toBe('robert@contoso.com, different')
    expect(flagged?.textContent).toBe('robert@contoso.com')
    expect(g.count).toBe(3)
    // one tab stop: the active cell
    expect(host.querySelectorAll('[tabindex="0"]')).toHaveLength(1)
    expect(byIndex(host, 0)?.querySelector('[data-col="0"]')?.getAttribute('tabindex')).toBe('0')
  })

  it('writes nothing when the view is the same, and only the rows that entered when it scrolls', async () => {
    const { host, body, view: anyView } = setUp()
    // the active cell in a row that stays in view
    const view = (first: number, last: number) =>
      anyView(first, last, { active: { row: 5, col: 2 } })
    body.draw(view(0, 9))
    const before = new Map(rowsOf(host).map((r) => [r.dataset.row, r]))
    expect(await writesDuring(host, () => body.draw(view(0, 9)))).toHaveLength(0)

    // two rows down: 0 and 1 leave, 10 and 11 are drawn in their elements
    const writes = await writesDuring(host, () => body.draw(view(2, 11)))
    const after = rowsOf(host)
    expect(after).toHaveLength(10)
    expect(byIndex(host, 5)).toBe(before.get('5'))
    expect(new Set([byIndex(host, 10), byIndex(host, 11)])).toEqual(
      new Set([before.get('0'), before.get('1')]),
    )
    const written = new Set(
      writes.map((w) => (w.target instanceof Text ? w.target.parentElement : w.target) as Element),
    )
    for (const el of written) {
      const row = el.closest<HTMLElement>('[role="row"]')
      expect(['10', '11']).toContain(row?.dataset.row)
    }
    expect(host.querySelectorAll('[tabindex="0"]')).toHaveLength(1)
  })

  it('keeps the active row drawn out of view, and follows the columns in view', () => {
    const { host, body, view } = setUp()
    body.draw(view(0, 4, { active: { row: 150, col: 3 } }))
    expect(rowsOf(host).map((r) => r.dataset.row)).toContain('150')
    expect(byIndex(host, 150)?.querySelector('[data-col="3"]')?.getAttribute('tabindex')).toBe('0')

    // scrolled sideways: columns 5 and 6 only, beside the name, in order
    body.draw(view(0, 4, { active: { row: 150, col: 3 }, shown: [3, 5, 6] }))
    const cols = (index: number) =>
      [...byIndex(host, index)!.querySelectorAll<HTMLElement>('[data-col]')].map((c) =>
        Number(c.dataset.col),
      )
    expect(cols(0)).toEqual([0, 3, 5, 6])
    body.draw(view(0, 4, { active: { row: 150, col: 3 }, shown: [1, 2, 3] }))
    expect(cols(150)).toEqual([0, 1, 2, 3])
    expect(rowsOf(host).every((r) => r.querySelectorAll('[data-col="5"]').length === 0)).toBe(true)
  })

  it('draws afresh for another grid, and takes every row out when cleared', () => {
    const { host, body, view } = setUp()
    body.draw(view(0, 2))
    const first = byIndex(host, 0)
    const other = setUp(grid())
    body.draw({ ...other.view(0, 2) })
    expect(byIndex(host, 0)).not.toBe(first)
    expect(rowsOf(host)).toHaveLength(3)
    body.clear()
    expect(rowsOf(host)).toHaveLength(0)
  })
})
