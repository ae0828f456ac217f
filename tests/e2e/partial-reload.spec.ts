/**
 * A collection is the host's, not the page's: a reload during the run reattaches to it and
 * stores every record, and a partial collection's pending decision survives a reload and a
 * restart of the host, then is made on the Snapshots screen.
 */
import type { Page } from '@playwright/test'
import { BROKEN_WITHOUT_SYNC_CONSENT, SYNC_CONSENT_GAP, useEmulator } from './emulator-host'
import { expect, test } from './fixtures'
import { CollectPage } from './pages/collect-page'
import { ConnectPage } from './pages/connect-page'
import { OfflinePage } from './pages/offline-page'
import { WorkbenchPage } from './pages/workbench-page'
import { captureScreen } from './screens'

async function ready(page: Page): Promise<void> {
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
}

test.describe('Reloads and restarts around a collection', () => {
  test.describe.configure({ timeout: 240_000 })

  // without the reader's Synchronization.Read.All consent every collection ends partial
  const emulators = useEmulator(BROKEN_WITHOUT_SYNC_CONSENT)

  test('a reload during the run loses nothing; the partial decision survives a reload and a restart', async ({
    page,
    app,
    workspaces,
  }, testInfo) => {
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    const emulator = emulators.current
    await workspaces.open()
    const workspaceId = await workspaces.create('Northwind')
    await new ConnectPage(page).saveFromEmulator(workspaceId, emulator)

    const collect = new CollectPage(page)
    await collect.open(workspaceId)
    emulator.setFaults('latency=400')
    await collect.startButton.click()
    await expect
      .poll(async () => Number(await collect.records('entra.users').textContent()), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0)
    // The window goes away in the middle of the run; the host carries on.
    await page.reload()
    await ready(page)
    await expect(collect.heading).toBeVisible()
    await expect(collect.cancelButton).toBeVisible()
    expect(await collect.phase()).toBe('running')
    await captureScreen(page, testInfo, 'collect-reattached')
    emulator.setFaults('none')

    await expect(collect.prompt).toBeVisible({ timeout: 120_000 })
    await expect(collect.outcome).toContainText('Collection finished with gaps.')
    await expect(collect.outcome).toContainText(SYNC_CONSENT_GAP)
    // what the host read is what the cache holds: nothing was lost across the reload
    const entraUsers = (await collect.records('entra.users').textContent()) ?? ''
    const oktaUsers = (await collect.records('okta.users').textContent()) ?? ''
    expect(Number(entraUsers.replace(/,/g, ''))).toBeGreaterThan(0)
    await captureScreen(page, testInfo, 'collect-partial-prompt')

    // A reload while the decision is pending: it is still asked.
    await page.reload()
    await ready(page)
    await expect(collect.prompt).toBeVisible()
    await expect(
      collect.prompt.getByRole('button', { name: 'Use the partial snapshot' }),
    ).toBeVisible()
    // no previous snapshot: nothing to keep instead
    await expect(
      collect.prompt.getByRole('button', { name: 'Keep the previous snapshot' }),
    ).toHaveCount(0)

    // A restart of the host: still asked, and the Snapshots screen offers the same choice.
    await app.restart()
    // the restarted host prints a new address (same origin, new launch key)
    await page.goto('about:blank')
    await workspaces.open()
    await page.getByRole('link', { name: 'Northwind', exact: true }).click()
    const workbench = new WorkbenchPage(page)
    await workbench.go('Collect')
    await expect(collect.prompt).toBeVisible()
    await workbench.go('Snapshots')
    const offline = new OfflinePage(page)
    const pending = offline.snapshotTable
      .locator('tbody tr')
      .filter({ hasText: 'awaiting your decision' })
    await expect(pending).toHaveCount(1)
    const row = offline.snapshotRow((await pending.getAttribute('data-snapshot-id')) ?? '')
    await expect(row).toContainText('partial')
    await expect(row).toContainText(`${entraUsers} Entra · ${oktaUsers} Okta users`)
    await expect(row.getByRole('button', { name: /^Discard/ })).toBeVisible()
    await captureScreen(page, testInfo, 'snapshots-pending-decision')
    await row.getByRole('button', { name: /^Accept the partial snapshot/ }).click()
    await expect(row).toContainText('current')
    await expect(row).not.toContainText('awaiting your decision')
    await expect(workbench.banner).toContainText('· partial')
    await workbench.go('Collect')
    await expect(collect.prompt).toHaveCount(0)
    expect(problems).toEqual([])
  })
})
