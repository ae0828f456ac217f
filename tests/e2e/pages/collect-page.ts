import { expect, type Locator, type Page } from '@playwright/test'
import type { Emulator } from '../../emulator/index'
import { connectedWorkspace } from './connect-page'
import type { WorkspacesPage } from './workspaces-page'

/** Locators and steps for a workspace's Collect screen. */
export class CollectPage {
  readonly heading: Locator
  readonly startButton: Locator
  readonly cancelButton: Locator
  readonly table: Locator
  readonly outcome: Locator
  readonly progressBar: Locator
  readonly doneRows: Locator
  readonly prompt: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Collect', level: 1 })
    this.startButton = page.getByRole('button', { name: /Start collection|Collect again/ })
    this.cancelButton = page.getByRole('button', { name: 'Cancel' })
    this.table = page.getByRole('table', { name: 'Progress per resource' })
    this.outcome = page.locator('.collect__outcome')
    this.progressBar = page.getByRole('progressbar', { name: 'Collection progress' })
    this.doneRows = this.table.locator('tbody tr[data-status="done"]')
    this.prompt = page.getByRole('alertdialog', { name: 'Use this partial snapshot?' })
  }

  async open(workspaceId: string): Promise<void> {
    await this.page.evaluate(
      `window.location.hash = ${JSON.stringify(`#/w/${workspaceId}/collect`)}`,
    )
    await expect(this.heading).toBeVisible()
  }

  row(resource: string): Locator {
    return this.table.locator(`tr[data-resource="${resource}"]`)
  }

  records(resource: string): Locator {
    return this.row(resource).locator('[data-column="records"]')
  }

  phase(): Promise<string | null> {
    return this.page.locator('section.collect').getAttribute('data-run-phase')
  }

  /** The id of the snapshot the workspace's screens show (the banner names it). */
  async currentSnapshotId(): Promise<string> {
    const banner = this.page.locator('.wb-banner')
    await expect(banner).toHaveAttribute('data-snapshot-id', /.+/)
    return (await banner.getAttribute('data-snapshot-id')) ?? ''
  }
}

/**
 * A new workspace named `name`, connected to the emulator (connect-page.ts) and collected
 * once to a complete, diagnosed snapshot; its id.
 */
export async function collectedWorkspace(
  workspaces: WorkspacesPage,
  emulator: Emulator,
  name: string,
): Promise<string> {
  const page = workspaces.page
  const workspaceId = await connectedWorkspace(workspaces, emulator, name)
  const collect = new CollectPage(page)
  await collect.open(workspaceId)
  await collect.startButton.click()
  await expect(collect.outcome).toContainText('Collection complete.', { timeout: 90_000 })
  await expect(page.getByText(/Diagnosis found \d+ finding/)).toBeVisible({ timeout: 30_000 })
  return workspaceId
}
