import { expect, type Locator, type Page } from '@playwright/test'

/** Locators and steps for a workspace's History screen. */
export class HistoryPage {
  readonly heading: Locator
  readonly snapshots: Locator
  readonly compareButton: Locator
  readonly diff: Locator
  readonly changes: Locator
  readonly audit: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'History', level: 1 })
    this.snapshots = page.getByTestId('history-snapshot')
    this.compareButton = page.getByRole('button', { name: 'Compare' })
    this.diff = page.getByTestId('history-diff')
    this.changes = page.getByTestId('history-change')
    this.audit = page.getByTestId('mapping-audit')
  }

  /** Opens History with its keyboard shortcut, as the shortcuts dialog lists it. */
  async openWithKeys(): Promise<void> {
    await this.page.keyboard.press('g')
    await this.page.keyboard.press('h')
    await expect(this.heading).toBeVisible()
  }

  async open(workspaceId: string): Promise<void> {
    await this.page.evaluate(
      `window.location.hash = ${JSON.stringify(`#/w/${workspaceId}/history`)}`,
    )
    await expect(this.heading).toBeVisible()
  }

  /** Compares the two newest snapshots (the screen's default choice). */
  async compareNewest(): Promise<void> {
    await this.compareButton.click()
    await expect(this.diff).toBeVisible({ timeout: 30_000 })
  }
}
