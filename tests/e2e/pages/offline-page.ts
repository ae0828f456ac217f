import { expect, type Locator, type Page } from '@playwright/test'

/** Locators for what the offline checks read: the banner's snapshot, the seam map, the snapshot list. */
export class OfflinePage {
  readonly bannerBox: Locator
  readonly health: Locator
  readonly seamMap: Locator
  readonly seamPairs: Locator
  readonly snapshotTable: Locator
  readonly findingRows: Locator

  constructor(readonly page: Page) {
    this.bannerBox = page.locator('.wb-banner')
    this.health = page.getByRole('region', { name: 'Health' })
    this.seamMap = page.getByRole('region', { name: 'Seam map' })
    this.seamPairs = this.seamMap.locator('tr[data-pair]')
    this.snapshotTable = page.getByRole('table', { name: 'Snapshots in this workspace' })
    this.findingRows = page.locator('.wb-findings__list').getByRole('row')
  }

  /** The id of the snapshot the screens show, once the banner names one. */
  async shownSnapshotId(): Promise<string> {
    await expect(this.bannerBox).toHaveAttribute('data-snapshot-id', /.+/)
    return (await this.bannerBox.getAttribute('data-snapshot-id')) ?? ''
  }

  snapshotRow(id: string): Locator {
    return this.snapshotTable.locator(`tr[data-snapshot-id="${id}"]`)
  }

  /** Full-page screenshot as a test attachment. */
  async attach(name: string, attach: (name: string, body: Buffer) => Promise<void>): Promise<void> {
    await attach(name, await this.page.screenshot({ fullPage: true }))
  }
}
