import { expect, type Locator, type Page } from '@playwright/test'

/** Locators and steps for the Inspector screen. */
export class InspectorPage {
  readonly text: Locator
  readonly fileInput: Locator
  readonly inspectButton: Locator
  readonly clearButton: Locator
  readonly results: Locator
  readonly messages: Locator
  readonly message: Locator

  constructor(readonly page: Page) {
    this.text = page.getByRole('textbox', { name: 'Token, message, URL or capture' })
    this.fileInput = page.getByTestId('inspector-file-input')
    this.inspectButton = page.getByRole('button', { name: 'Inspect', exact: true })
    this.clearButton = page.getByRole('button', { name: 'Clear', exact: true })
    this.results = page.getByTestId('inspector-results')
    this.messages = page.getByRole('listbox', { name: /Sign-in messages in the capture/ })
    this.message = page.getByTestId('inspector-message')
  }

  /** Pastes `text` (as a consultant's paste: the whole value at once) and inspects it. */
  async paste(text: string): Promise<void> {
    await this.text.fill(text)
    await this.inspectButton.click()
    await expect(this.results).toBeVisible()
  }

  /** Chooses a file through the file picker and inspects it. */
  async choose(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.fileInput.setInputFiles(file)
    await expect(this.page.getByTestId('inspector-file')).toContainText(file.name)
    await this.inspectButton.click()
    await expect(this.results).toBeVisible()
  }

  /** The verdict of the message shown. */
  verdict(): Locator {
    return this.message.locator('.ins-verdict')
  }

  /** The check of the message shown, by its title. */
  check(title: string | RegExp): Locator {
    return this.message
      .locator('.ins-check')
      .filter({ has: this.page.locator('.ins-check__title', { hasText: title }) })
  }
}
