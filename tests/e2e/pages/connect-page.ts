import { expect, type Locator, type Page } from '@playwright/test'
import type { Emulator } from '../../emulator/index'
import type { WorkspacesPage } from './workspaces-page'

/** Locators and steps for a workspace's Connect screen. */
export class ConnectPage {
  readonly heading: Locator
  readonly testButton: Locator
  readonly saveButton: Locator
  readonly advanced: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Connect', level: 1 })
    this.testButton = page.getByRole('button', { name: 'Test connection' })
    this.saveButton = page.getByRole('button', { name: 'Save', exact: true })
    this.advanced = page.locator('details.connect__advanced')
  }

  /** Opens the screen through the hash router (the launch token stays in sessionStorage). */
  async open(workspaceId: string): Promise<void> {
    await this.page.evaluate(
      `window.location.hash = ${JSON.stringify(`#/w/${workspaceId}/connect`)}`,
    )
    await expect(this.heading).toBeVisible()
  }

  /** The text input of a field (radio labels such as "API token" repeat some field labels). */
  input(name: string): Locator {
    return this.field(name).locator('input:not([type="file"]), textarea').first()
  }

  /** The field wrapper of a form input, named as the doctor names fields (`entra.clientSecret`). */
  field(name: string): Locator {
    return this.page.locator(`[data-field="${name}"]`)
  }

  problem(field: string, code: string): Locator {
    return this.field(field).locator(`[data-problem-code="${code}"]`)
  }

  async fillEntra(values: {
    tenantId: string
    clientId: string
    clientSecret: string
  }): Promise<void> {
    await this.input('entra.tenantId').fill(values.tenantId)
    await this.input('entra.clientId').fill(values.clientId)
    await this.input('entra.clientSecret').fill(values.clientSecret)
  }

  async fillAdvanced(values: {
    authorityHost: string
    graphBaseUrl: string
    caPem: string
  }): Promise<void> {
    if (!(await this.advanced.getAttribute('open'))) await this.advanced.locator('summary').click()
    await this.input('entra.authorityHost').fill(values.authorityHost)
    await this.input('entra.graphBaseUrl').fill(values.graphBaseUrl)
    await this.input('caPem').fill(values.caPem)
  }

  async fillOkta(values: { orgUrl: string; token: string }): Promise<void> {
    await this.input('okta.orgUrl').fill(values.orgUrl)
    await this.input('okta.token').fill(values.token)
  }

  /** Opens Connect of a workspace, fills it from the emulator with its right secret, and saves. */
  async saveFromEmulator(workspaceId: string, emulator: Emulator): Promise<void> {
    await this.open(workspaceId)
    await expect(this.page.getByText('Vault: unlocked')).toBeVisible()
    await this.fillFromEmulator(emulator, emulator.scenario.credentials.entra.clientSecret)
    await this.saveButton.click()
    await expect(this.page.getByText(/^Saved\./)).toBeVisible()
  }

  /** Fills both sides and the custom endpoints with the emulator's, and the given Entra secret. */
  async fillFromEmulator(emulator: Emulator, clientSecret: string): Promise<void> {
    await this.fillEntra({
      tenantId: emulator.tenantId,
      clientId: emulator.scenario.credentials.entra.clientId,
      clientSecret,
    })
    await this.fillOkta({
      orgUrl: emulator.profile.okta.orgUrl,
      token: emulator.scenario.credentials.okta.apiToken,
    })
    await this.fillAdvanced({
      authorityHost: emulator.profile.entra.authorityHost,
      graphBaseUrl: emulator.profile.entra.graphBaseUrl,
      caPem: emulator.caPem,
    })
  }
}

/**
 * A new workspace named `name`, its connection to the emulator (its Entra secret, the Okta
 * API token, its endpoints and CA) saved in the vault; its id. The Connect screen is shown.
 */
export async function connectedWorkspace(
  workspaces: WorkspacesPage,
  emulator: Emulator,
  name: string,
): Promise<string> {
  const page = workspaces.page
  const workspaceId = await workspaces.create(name)
  const connect = new ConnectPage(page)
  await connect.open(workspaceId)
  await expect(page.getByText('Vault: unlocked')).toBeVisible()
  await connect.fillFromEmulator(emulator, emulator.scenario.credentials.entra.clientSecret)
  await connect.saveButton.click()
  await expect(page.getByText(/^Saved\./)).toBeVisible()
  return workspaceId
}
