import { expect, type Download, type Locator, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'

/** Locators and steps for the Documents screen. */
export class DocumentsPage {
  readonly preview: Locator
  readonly status: Locator

  constructor(readonly page: Page) {
    this.preview = page.locator('.doc-preview')
    this.status = page.locator('.docs__controls [role="status"]')
  }

  section(title: string): Locator {
    return this.page.getByRole('checkbox', { name: title })
  }

  /** Toggles a section the way a person does: by its label. */
  async toggle(title: string): Promise<void> {
    await this.page.locator('.docs__checkbox', { hasText: title }).click()
  }

  /** Presses a save button and returns the text of each file it downloads. */
  async save(button: string, files = 1): Promise<{ name: string; text: string }[]> {
    const downloads: Download[] = []
    const collect = (d: Download) => void downloads.push(d)
    this.page.on('download', collect)
    try {
      await this.page.getByRole('button', { name: button }).click()
      await expect.poll(() => downloads.length).toBe(files)
      await expect(this.status).toContainText('Saved')
    } finally {
      this.page.off('download', collect)
    }
    return Promise.all(
      downloads.map(async (d) => ({
        name: d.suggestedFilename(),
        text: await readFile((await d.path()) ?? '', 'utf8'),
      })),
    )
  }
}
