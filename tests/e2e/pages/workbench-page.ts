import { expect, type Locator, type Page } from '@playwright/test'

/** Locators and steps for a workspace's screens (Overview, Findings, Snapshots). */
export class WorkbenchPage {
  readonly banner: Locator
  readonly nav: Locator

  constructor(readonly page: Page) {
    this.banner = page.getByText(/^Snapshot of \d{4}-\d\d-\d\d \d\d:\d\d · /)
    this.nav = page.getByRole('navigation', { name: 'Main' })
  }

  async go(
    screen:
      | 'Overview'
      | 'Findings'
      | 'Inspector'
      | 'Connect'
      | 'Collect'
      | 'Snapshots'
      | 'History'
      | 'Documents',
  ): Promise<void> {
    await this.nav.getByRole('link', { name: screen, exact: true }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: screen })).toBeVisible()
  }

  /** The count on the Overview's health card of a severity. */
  async healthCount(severity: 'Critical' | 'High' | 'Medium' | 'Low' | 'Info'): Promise<number> {
    const card = this.page
      .getByRole('link')
      .filter({ hasText: new RegExp(`^\\d+\\s*${severity}$`) })
    return Number((await card.first().innerText()).match(/\d+/)?.[0] ?? Number.NaN)
  }

  /** "Showing N of M findings" on the Findings screen, as [N, M]. */
  async shownFindings(): Promise<[number, number]> {
    const status = this.page.getByText(/^Showing \d+ of \d+ findings?$/)
    await expect(status).toBeVisible()
    const [, shown, total] = /Showing (\d+) of (\d+)/.exec(await status.innerText()) ?? []
    return [Number(shown), Number(total)]
  }

  severityFilter(severity: string): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${severity} \\(\\d+\\)$`) })
  }

  decision(): Locator {
    return this.page.getByRole('form', { name: 'Decision on this finding' })
  }
}
