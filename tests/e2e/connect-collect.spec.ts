/**
 * connect → test → collect in browser mode against the emulator: a connection is saved, a
 * wrong secret typed afterwards is explained next to its field by Test connection and
 * replaces nothing (the stored secret still works after a reload), and collections stream
 * every resource's progress to complete snapshots, three in a row from one screen.
 */
import type { ConsoleMessage, Page } from '@playwright/test'
import { useEmulator } from './emulator-host'
import { expect, test } from './fixtures'
import { CollectPage } from './pages/collect-page'
import { ConnectPage, connectedWorkspace } from './pages/connect-page'
import type { WorkspacesPage } from './pages/workspaces-page'
import { captureScreen } from './screens'
import { RESOURCE_PATHS, isCollected } from '../../src/shared/model'

/** Every resource a collection reads, from the registry. */
const COLLECTED_RESOURCES = RESOURCE_PATHS.filter(isCollected).length

const WRONG_SECRET = 'Xq8~notTheRealSecretValue.123'

function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.push(m.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return problems
}

test.describe('Connect and collect in browser mode', () => {
  // The emulator and full collections need more than the default 30 s on two shared cores.
  test.describe.configure({ timeout: 180_000 })

  const emulators = useEmulator('healthy')

  async function savedWorkspace(workspaces: WorkspacesPage, name: string): Promise<string> {
    await workspaces.open()
    return connectedWorkspace(workspaces, emulators.current, name)
  }

  test('a failed test connection explains the wrong secret and leaves the stored one working', async ({
    page,
    workspaces,
  }) => {
    const problems = watchProblems(page)
    const workspaceId = await savedWorkspace(workspaces, 'Contoso')
    const emulator = emulators.current
    const right = emulator.scenario.credentials.entra.clientSecret
    const connect = new ConnectPage(page)
    await expect(connect.field('entra.clientSecret')).toContainText(`Stored: ${right.slice(0, 3)}…`)

    await connect.input('entra.clientSecret').fill(WRONG_SECRET)
    await connect.testButton.click()
    const wrong = connect.problem('entra.clientSecret', 'aadsts-7000215')
    await expect(wrong).toBeVisible({ timeout: 30_000 })
    await expect(wrong).toContainText('Entra rejected the client secret')
    await expect(wrong).toContainText('Fix:')
    // what is stored is still the right secret, and what was typed stays typed
    await expect(connect.field('entra.clientSecret')).toContainText(`Stored: ${right.slice(0, 3)}…`)
    await expect(connect.input('entra.clientSecret')).toHaveValue(WRONG_SECRET)
    await expect(page.getByText(/Nothing was saved\./)).toBeVisible()
    await expect(page.getByText('Okta: connection works.')).toBeVisible()
    await captureScreen(page, test.info(), 'connect-doctor-problem')

    // after a reload the form holds what is stored, and the stored secret works
    await page.reload()
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
    await expect(connect.heading).toBeVisible()
    await expect(connect.input('entra.clientSecret')).toHaveValue('')
    await connect.testButton.click()
    await expect(page.getByText('Entra ID: connection works.')).toBeVisible({ timeout: 30_000 })
    await expect(page.getByText('Connection test passed.')).toBeVisible()
    await expect(connect.field('entra.clientSecret').locator('.field__problem')).toHaveCount(0)
    // and a collection with it completes, with live progress on the way
    const collect = new CollectPage(page)
    await collect.open(workspaceId)
    // Slow answers keep the run going long enough to see it mid-flight.
    emulator.setFaults('latency=1500')
    await collect.startButton.click()
    await expect(collect.cancelButton).toBeVisible()
    await expect
      .poll(async () => Number(await collect.records('entra.users').textContent()), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0)
    await expect(collect.progressBar).toBeVisible()
    await expect(collect.doneRows).not.toHaveCount(0, { timeout: 30_000 })
    await captureScreen(page, test.info(), 'collect-mid-run')
    emulator.setFaults('none')
    await expect(collect.outcome).toContainText('Collection complete.', { timeout: 90_000 })
    await expect(collect.table.locator('tbody tr', { hasNotText: 'Done' })).toHaveCount(0)

    const html = await page.content()
    for (const secret of [right, emulator.scenario.credentials.okta.apiToken]) {
      expect(html).not.toContain(secret)
    }
    expect(problems).toEqual([])
  })

  test('three collections in a row from one screen, each stored complete', async ({
    page,
    workspaces,
  }) => {
    const problems = watchProblems(page)
    const workspaceId = await savedWorkspace(workspaces, 'Fabrikam')
    const emulator = emulators.current
    const collect = new CollectPage(page)
    await collect.open(workspaceId)
    const snapshots = new Set<string>()

    for (let round = 1; round <= 3; round++) {
      await expect(collect.startButton).toHaveText(
        round === 1 ? 'Start collection' : 'Collect again',
      )
      await collect.startButton.click()
      await expect(collect.outcome).toContainText('Collection complete.', { timeout: 90_000 })
      await expect(page.getByText(/Diagnosis found \d+ finding/)).toBeVisible({ timeout: 30_000 })
      expect(await collect.phase()).toBe('done')
      // every resource of both sides streamed progress and finished
      await expect(collect.table.locator('tbody tr')).toHaveCount(COLLECTED_RESOURCES)
      await expect(collect.table.locator('tbody tr', { hasNotText: 'Done' })).toHaveCount(0)
      await expect(collect.records('entra.users')).toHaveText(
        emulator.scenario.entra.users.length.toLocaleString('en-US'),
      )
      await expect(collect.records('okta.users')).toHaveText(
        emulator.scenario.okta.users.length.toLocaleString('en-US'),
      )
      await expect(page.getByText('no saved connection')).toHaveCount(0)
      snapshots.add(await collect.currentSnapshotId())
    }
    expect(snapshots.size).toBe(3)
    await captureScreen(page, test.info(), 'collect-complete')
    expect(problems).toEqual([])
  })
})
