/**
 * Every screen at 1024 and 1440 px: the window never scrolls (only the main area does, and not
 * past its content), nothing sticks out of its card (a finding's evidence above all, checked
 * for every finding of the demo), opening a finding keeps the list where it was, and each
 * screen looks the same after a reload. Screenshots of every screen are kept with the results.
 */
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './fixtures'
import { WorkbenchPage } from './pages/workbench-page'
import { captureScreen, layoutProblems } from './screens'

async function look(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  expect(await layoutProblems(page), name).toEqual([])
  await captureScreen(page, testInfo, name)
}

for (const width of [1024, 1440]) {
  test(`every screen at ${width} px: no blank scrolling, nothing out of its card`, async ({
    page,
    workspaces,
  }, testInfo) => {
    test.setTimeout(120_000)
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    await page.setViewportSize({ width, height: 800 })
    await workspaces.open()
    await look(page, testInfo, `workspaces-empty-${width}`)
    await page.getByRole('button', { name: 'Open demo workspace' }).click()
    await expect(page).toHaveURL(/overview$/)
    const workbench = new WorkbenchPage(page)
    await expect(page.getByText(/critical and \d+ high findings/)).toBeVisible()
    await expect(page.getByRole('region', { name: 'Seam map' })).toBeVisible()
    await look(page, testInfo, `overview-${width}`)
    // the chart's tooltip lists severities worst first, as every legend does
    await page.locator('.recharts-bar-rectangle').first().hover()
    const names = page.locator('.recharts-tooltip-item-name')
    await expect(names.first()).toBeVisible()
    const order = ['Critical', 'High', 'Medium', 'Low', 'Info']
    const listed = await names.allTextContents()
    expect(listed).toEqual(order.filter((name) => listed.includes(name)))
    expect(listed.length).toBeGreaterThan(1)

    await workbench.go('Findings')
    await workbench.shownFindings()
    await look(page, testInfo, `findings-${width}`)

    // Every finding's detail fits its card (j opens the next one).
    const [, total] = await workbench.shownFindings()
    const detail = page.locator('article.wb-detail')
    for (let i = 0; i < total; i++) {
      await page.keyboard.press('j')
      await expect(detail).toHaveAttribute('data-finding-id', /.+/)
      const id = await detail.getAttribute('data-finding-id')
      expect(await layoutProblems(page, '.wb-detail'), `finding ${id}`).toEqual([])
    }
    const first = page.locator('.wb-findings__list .wb-list__item').first()
    await first.click()
    await expect(page.locator('article.wb-detail #finding-title')).toBeFocused()
    await look(page, testInfo, `finding-${width}`)

    // Opening a finding far down the list keeps the list where it was.
    const main = page.locator('main')
    const deep = page.locator('.wb-findings__list .wb-list__item').nth(30)
    await deep.scrollIntoViewIfNeeded()
    const before = await main.evaluate((m) => m.scrollTop)
    expect(before).toBeGreaterThan(0)
    const rows = await page.locator('.wb-findings__list .wb-list__item').count()
    await deep.click()
    await expect(deep).toHaveAttribute('data-current', 'true')
    expect(Math.abs((await main.evaluate((m) => m.scrollTop)) - before)).toBeLessThanOrEqual(2)
    expect(await page.locator('.wb-findings__list .wb-list__item').count()).toBe(rows)
    await page.keyboard.press('Escape')
    await expect(deep).toBeFocused()

    await workbench.go('Connect')
    const unlock = page.getByRole('dialog')
    if (await unlock.isVisible()) {
      await captureScreen(page, testInfo, `connect-unlock-${width}`)
      await page.keyboard.press('Escape')
    }
    await look(page, testInfo, `connect-${width}`)
    await workbench.go('Collect')
    await look(page, testInfo, `collect-${width}`)
    await workbench.go('Snapshots')
    await look(page, testInfo, `snapshots-${width}`)
    await workbench.go('History')
    await look(page, testInfo, `history-${width}`)
    await workbench.nav.getByRole('link', { name: 'About' }).click()
    await look(page, testInfo, `about-${width}`)
    await page.keyboard.press('?')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await captureScreen(page, testInfo, `shortcuts-${width}`)
    await page.keyboard.press('Escape')
    await workbench.nav.getByRole('link', { name: 'Workspaces' }).click()
    await look(page, testInfo, `workspaces-${width}`)

    // The same screens after a reload, and a second visit: still nothing out of place.
    await page.reload()
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
    await page.getByRole('link', { name: /^Demo: Northwind Traders/ }).click()
    await expect(page.getByRole('region', { name: 'Seam map' })).toBeVisible()
    await look(page, testInfo, `overview-reloaded-${width}`)
    await workbench.go('Findings')
    await page.keyboard.press('j')
    await expect(detail).toBeVisible()
    await look(page, testInfo, `finding-reloaded-${width}`)
    await workbench.go('Overview')
    await expect(page.getByRole('region', { name: 'Seam map' })).toBeVisible()
    expect(await layoutProblems(page)).toEqual([])
    expect(problems).toEqual([])
  })
}
