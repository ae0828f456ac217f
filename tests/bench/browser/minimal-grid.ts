/**
 * A plain grid drawn from the DOM, scrolled like the People grid: a box of the grid's size
 * and place, as tall as its rows, whose scroll listener recycles row elements and writes the
 * text of the rows that enter, with the same row height, the same columns in view and the
 * same rows beyond each edge. Its rows and cells are positioned boxes that clip their text:
 * no roles, no sticky names, no header, no verdicts. The People grid's work per frame beside
 * this one's shows what its own features add to what any such grid costs the browser.
 */
import type { Page } from '@playwright/test'

/** The element id of the box, for the bench's scroll target. */
export const MINIMAL_GRID_ID = 'bench-minimal-grid'

/**
 * Adds the box over the People grid (hidden until `showMinimalGrid`); `rows` is the grid's
 * row count, `overscan` its rows drawn beyond each edge, `rowHeight` and `headerHeight` its
 * own.
 */
export async function addMinimalGrid(
  page: Page,
  {
    rows,
    overscan,
    rowHeight,
    headerHeight,
  }: { rows: number; overscan: number; rowHeight: number; headerHeight: number },
): Promise<void> {
  await page.evaluate(`(() => {
    const grid = document.querySelector('.pp-scroll')
    const place = grid.getBoundingClientRect()
    // the columns in view: the header draws only those
    const cols = [...grid.querySelectorAll('.pp-head__cols [data-col]')]
      .map((h) => ({ left: h.offsetLeft, width: h.offsetWidth }))
      .sort((a, b) => a.left - b.left)
    const box = document.createElement('div')
    box.id = '${MINIMAL_GRID_ID}'
    box.style.cssText = 'display:none;position:fixed;left:' + place.left + 'px;top:' + place.top +
      'px;width:' + place.width + 'px;height:' + place.height + 'px;overflow:auto;z-index:9998;background:#fff'
    const canvas = document.createElement('div')
    canvas.style.cssText = 'position:relative;height:' + (${headerHeight} + ${rows} * ${rowHeight}) +
      'px;width:' + grid.scrollWidth + 'px'
    box.append(canvas)
    document.body.append(box)
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(
      '#${MINIMAL_GRID_ID} .r{position:absolute;left:0;right:0;height:${rowHeight}px;background:#fff}' +
      '#${MINIMAL_GRID_ID} .r.o{background:#f4f6f8}' +
      '#${MINIMAL_GRID_ID} .c{position:absolute;top:0;height:${rowHeight}px;line-height:${rowHeight}px;padding:0 8px;' +
      'box-sizing:border-box;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;border-right:1px solid #ddd}')
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    const drawn = new Map()
    const draw = () => {
      const top = box.scrollTop
      const first = Math.max(0, Math.floor(top / ${rowHeight}) - ${overscan})
      const last = Math.min(${rows} - 1,
        Math.ceil((top + box.clientHeight - ${headerHeight}) / ${rowHeight}) - 1 + ${overscan})
      const free = []
      for (const [i, row] of drawn) if (i < first || i > last) { free.push(row); drawn.delete(i) }
      for (let i = first; i <= last; i++) {
        if (drawn.has(i)) continue
        let row = free.pop()
        if (!row) {
          row = document.createElement('div')
          row.cells = cols.map((c) => {
            const cell = document.createElement('div')
            cell.className = 'c'
            cell.style.left = c.left + 'px'
            cell.style.width = c.width + 'px'
            cell.append(document.createTextNode(''))
            row.append(cell)
            return cell
          })
          canvas.append(row)
        }
        row.style.top = (${headerHeight} + i * ${rowHeight}) + 'px'
        row.className = i % 2 ? 'r o' : 'r'
        row.cells.forEach((cell, k) => {
          cell.firstChild.data = k === 0 ? 'Person ' + i : 'person.' + i + '.' + k + '@contoso.example'
        })
        drawn.set(i, row)
      }
      for (const row of free) row.remove()
    }
    box.addEventListener('scroll', draw, { passive: true })
    draw()
  })()`)
}

/** Shows the box (over the People grid) or hides it again. */
export async function showMinimalGrid(page: Page, shown: boolean): Promise<void> {
  await page.evaluate(`(() => {
    const box = document.getElementById('${MINIMAL_GRID_ID}')
    box.style.display = '${shown ? 'block' : 'none'}'
    box.dispatchEvent(new Event('scroll'))
  })()`)
}
