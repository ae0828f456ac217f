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
      | 'People'
      | 'Groups'
      | 'Integration'
      | 'Charts'
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

  /** "Showing N of M people" on the People screen, as [N, M]. */
  async shownPeople(): Promise<[number, number]> {
    const status = this.page.getByTestId('people-count')
    await expect(status).toHaveText(/^Showing [\d,]+ of [\d,]+ people$/)
    const [, shown, total] = /Showing ([\d,]+) of ([\d,]+)/.exec(await status.innerText()) ?? []
    return [Number(shown?.replace(/,/g, '')), Number(total?.replace(/,/g, ''))]
  }

  /** The People grid. */
  peopleGrid(): Locator {
    return this.page.getByRole('grid', { name: 'People' })
  }

  /** The person detail dialog of the People screen. */
  personDetail(): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByTestId('person-detail') })
  }

  decision(): Locator {
    return this.page.getByRole('form', { name: 'Decision on this finding' })
  }
}
