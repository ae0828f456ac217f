/**
 * Screenshots kept with the test results, and the layout checks the 1024 and 1440 px runs make.
 * The app scrolls inside its main area, never the window, so a screenshot of a screen is taken
 * with the viewport stretched to the main area's full height, then put back.
 */
import type { Page, TestInfo } from '@playwright/test'

/** Saves `name`.png in the test's output folder (kept with the results) and attaches it. */
export async function captureScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const viewport = page.viewportSize()
  const hidden = await page.evaluate<number>(
    `(() => { const m = document.querySelector('main'); return m ? m.scrollHeight - m.clientHeight : 0 })()`,
  )
  const file = testInfo.outputPath(`${name}.png`)
  if (viewport && hidden > 0) {
    await page.setViewportSize({
      width: viewport.width,
      height: Math.min(viewport.height + hidden, 12_000),
    })
  }
  try {
    await page.screenshot({ path: file })
  } finally {
    if (viewport && hidden > 0) await page.setViewportSize(viewport)
  }
  await testInfo.attach(name, { path: file, contentType: 'image/png' })
}

/**
 * What is wrong with the page's layout, in words (empty when nothing is): the window scrolling
 * at all (only the main area may), the main area scrolling past the end of its content (a
 * blank area), and elements sticking out of the cards matched by `cards`.
 */
export async function layoutProblems(
  page: Page,
  cards = '.wb-detail, .wb-seam__scroll, .wb-card, .collect__outcome, .collect__prompt, .wb-notice',
): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const problems = []
    const doc = document.scrollingElement
    if (doc.scrollHeight > innerHeight + 1) problems.push('the window scrolls ' + (doc.scrollHeight - innerHeight) + ' px below the app')
    if (doc.scrollWidth > innerWidth + 1) problems.push('the window scrolls ' + (doc.scrollWidth - innerWidth) + ' px sideways')
    const main = document.querySelector('main')
    if (main) {
      const top = main.getBoundingClientRect().top - main.scrollTop
      let bottom = 0
      for (const child of main.children) bottom = Math.max(bottom, child.getBoundingClientRect().bottom - top)
      const end = bottom + parseFloat(getComputedStyle(main).paddingBottom)
      if (main.scrollHeight > Math.max(end, main.clientHeight) + 2) problems.push('the main area scrolls ' + Math.round(main.scrollHeight - end) + ' px past its content')
      if (main.scrollWidth > main.clientWidth + 1) problems.push('the main area scrolls ' + (main.scrollWidth - main.clientWidth) + ' px sideways')
    }
    const clipped = (el, card) => {
      for (let a = el.parentElement; a && a !== card; a = a.parentElement) {
        const s = getComputedStyle(a)
        if (s.overflowX !== 'visible' || s.clipPath !== 'none') return true
      }
      return false
    }
    for (const card of document.querySelectorAll(${JSON.stringify(cards)})) {
      const box = card.getBoundingClientRect()
      for (const el of card.querySelectorAll('*')) {
        const r = el.getBoundingClientRect()
        if (r.width === 0 || r.height === 0 || clipped(el, card)) continue
        if (r.right > box.right + 1 || r.left < box.left - 1) {
          problems.push((card.className + ': ' + el.tagName.toLowerCase() + ' "' + (el.textContent || '').trim().slice(0, 40) + '" sticks out by ' + Math.round(Math.max(r.right - box.right, box.left - r.left)) + ' px'))
          break
        }
      }
    }
    return problems
  })()`)
}
