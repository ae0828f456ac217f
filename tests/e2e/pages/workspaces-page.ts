import { expect, type Locator, type Page } from '@playwright/test'

/** Locators and steps for the Workspaces screen; specs never reach into the DOM themselves. */
export class WorkspacesPage {
  readonly newButton: Locator
  readonly table: Locator
  readonly dialog: Locator
  readonly nameField: Locator
  readonly ready: Locator

  constructor(
    readonly page: Page,
    /** the host's address with its launch token (a restarted host has a new one) */
    private readonly url: () => string,
  ) {
    this.ready = page.locator('[data-app-state="ready"]')
    this.newButton = page.getByRole('button', { name: 'New workspace' })
    this.table = page.getByRole('table', { name: 'Workspaces' })
    this.dialog = page.getByRole('dialog')
    this.nameField = this.dialog.getByRole('textbox', { name: 'Name' })
  }

  async open(): Promise<void> {
    await this.page.goto(this.url())
    await expect(this.ready).toBeVisible()
  }

  async reload(): Promise<void> {
    await this.page.reload()
    await expect(this.ready).toBeVisible()
  }

  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) })
  }

  /** The id of a listed workspace, as its row carries it. */
  async idOf(name: string): Promise<string> {
    const id = await this.row(name).getAttribute('data-workspace-id')
    if (!id) throw new Error(`No workspace named ${name} is listed.`)
    return id
  }

  rowNames(): Promise<string[]> {
    return this.table.getByRole('rowheader').allTextContents()
  }

  /** Creates a workspace; the app opens it. Returns its id. */
  async create(name: string): Promise<string> {
    await this.newButton.click()
    await this.nameField.fill(name)
    await this.dialog.getByRole('button', { name: 'Create' }).click()
    await expect(this.dialog).toBeHidden()
    return this.openedWorkspace()
  }

  /** The id of the workspace the app opened (its Overview is shown). */
  async openedWorkspace(): Promise<string> {
    await expect(this.page).toHaveURL(/#\/w\/[^/]+\/overview$/)
    return decodeURIComponent(/#\/w\/([^/]+)\//.exec(this.page.url())?.[1] ?? '')
  }

  /** Back to the list through the sidebar. */
  async backToList(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Workspaces' })
      .click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Workspaces' })).toBeVisible()
  }

  async rename(from: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rename ${from}` }).click()
    await this.nameField.fill(to)
    await this.dialog.getByRole('button', { name: 'Rename' }).click()
    await expect(this.dialog).toBeHidden()
  }

  removeDialog(): Locator {
    return this.page.getByRole('alertdialog')
  }
}
