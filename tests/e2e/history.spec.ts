/**
 * History in browser mode against the emulator: the healthy pair collected, the scripted
 * changes made through the emulator's write layer, collected again; History compares the
 * two and names, for each change, the actor the emulator logged; twice in a row and after a
 * reload, at 1024 and 1440 px.
 */
import { useEmulator } from './emulator-host'
import { expect, test } from './fixtures'
import { CollectPage } from './pages/collect-page'
import { ConnectPage } from './pages/connect-page'
import { HistoryPage } from './pages/history-page'
import { captureScreen, layoutProblems } from './screens'
import { buildScenario } from '../emulator/scenarios/index'
import { applyScriptedMutations, grantGraphWrites } from '../emulator/testing/history-mutations'

test.describe('History: what changed, and who changed it', () => {
  test.describe.configure({ timeout: 240_000 })
  // the scenario's clock is today's, so the audit events fall between the two collections
  const emulators = useEmulator((options) =>
    buildScenario('healthy', { ...options, now: new Date().toISOString() }),
  )

  test('collect, change the tenant, collect again, compare: each change with its actor', async ({
    page,
    workspaces,
  }) => {
    const emulator = emulators.current
    grantGraphWrites(emulator)
    await workspaces.open()
    const workspaceId = await workspaces.create('Northwind history')
    await new ConnectPage(page).saveFromEmulator(workspaceId, emulator)
    const collect = new CollectPage(page)
    await collect.open(workspaceId)
    await collect.startButton.click()
    await expect(collect.outcome).toContainText('Collection complete.', { timeout: 90_000 })

    const first = await collect.currentSnapshotId()
    const script = await applyScriptedMutations(emulator)
    await collect.startButton.click()
    // the first run's outcome may still be on screen for a moment: wait for the new snapshot
    await expect.poll(() => collect.currentSnapshotId(), { timeout: 90_000 }).not.toBe(first)
    await expect(collect.outcome).toContainText('Collection complete.', { timeout: 90_000 })

    const history = new HistoryPage(page)
    await history.openWithKeys()
    await expect(history.snapshots).toHaveCount(2)
    for (const width of [1024, 1440]) {
      await page.setViewportSize({ width, height: 900 })
      for (let round = 0; round < 2; round++) {
        await history.compareNewest()
        const rows = history.changes
        // every row is a scripted change with its actor (the integration test counts them)
        await expect(rows).not.toHaveCount(0)
        await expect(
          rows.filter({ hasText: /not attributable|not in the|no Okta System Log/ }),
        ).toHaveCount(0)
        for (const s of script) await expect(history.diff).toContainText(s.actor)
        await expect(history.diff).toContainText('web.redirectUris')
        await expect(history.diff).toContainText(
          'Update application – Certificates and secrets management',
        )
        await expect(history.diff).toContainText('user.account.update_profile')
        await expect(history.diff).not.toContainText('not attributable')
        await expect(history.audit).toContainText('user.title')
      }
      expect(await layoutProblems(page)).toEqual([])
      await captureScreen(page, test.info(), `history-${width}`)
    }
    await page.reload()
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
    await expect(history.heading).toBeVisible()
    await history.compareNewest()
    await expect(history.changes).not.toHaveCount(0)
    for (const s of script) await expect(history.diff).toContainText(s.actor)
  })
})
