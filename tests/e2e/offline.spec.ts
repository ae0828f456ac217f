/**
 * Offline: after a collection from the emulator, the emulator stops and every workspace
 * screen still works from the browser's cache after a reload, the banner says which
 * snapshot is shown and when it was collected, the documentation is saved from the cache, and
 * a collection tried while the tenant cannot be reached fails plainly without replacing that
 * snapshot.
 */
import type { TestInfo } from '@playwright/test'
import { BROKEN_WITHOUT_SYNC_CONSENT, SYNC_CONSENT_GAP, useEmulator } from './emulator-host'
import { expect, test } from './fixtures'
import { CollectPage } from './pages/collect-page'
import { DocumentsPage } from './pages/documents-page'
import { ConnectPage } from './pages/connect-page'
import { OfflinePage } from './pages/offline-page'
import { WorkbenchPage } from './pages/workbench-page'

const attacher = (testInfo: TestInfo) => (name: string, body: Buffer) =>
  testInfo.attach(name, { body, contentType: 'image/png' })

test.describe('Offline from the cache', () => {
  // A full collection and a second, failing one on two shared cores.
  test.describe.configure({ timeout: 180_000 })

  // `broken` so the offline Findings screen has findings to list and open; without the
  // reader's Synchronization.Read.All consent the run finishes with that one gap, which we accept
  const emulators = useEmulator(BROKEN_WITHOUT_SYNC_CONSENT)

  test('every screen works with the emulator stopped, and a failed collection keeps the snapshot', async ({
    page,
    workspaces,
  }, testInfo) => {
    const live = emulators.current
    const attach = attacher(testInfo)
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))

    await workspaces.open()
    const workspaceId = await workspaces.create('Fabrikam')

    await new ConnectPage(page).saveFromEmulator(workspaceId, live)

    const collect = new CollectPage(page)
    await collect.open(workspaceId)
    await collect.startButton.click()
    await expect(collect.outcome).toContainText('Collection finished with gaps.', {
      timeout: 120_000,
    })
    await expect(collect.outcome).toContainText(SYNC_CONSENT_GAP)
    const prompt = page.getByRole('alertdialog', { name: 'Use this partial snapshot?' })
    await prompt.getByRole('button', { name: /Use the partial/ }).click()
    await expect(page.getByText(/Diagnosis found \d+ finding/)).toBeVisible({ timeout: 60_000 })

    const workbench = new WorkbenchPage(page)
    const offline = new OfflinePage(page)
    await workbench.go('Overview')
    await expect(workbench.banner).toBeVisible()
    const snapshotId = await offline.shownSnapshotId()
    const bannerOnline = (await workbench.banner.innerText()).trim()
    await expect(offline.seamPairs.first()).toBeVisible()
    const pairsOnline = await offline.seamPairs.count()
    await workbench.go('Findings')
    const [, totalOnline] = await workbench.shownFindings()
    expect(totalOnline).toBeGreaterThan(0)

    // The tenant is gone from here on: nothing below may reach it.
    await emulators.stop()
    await page.reload()
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible()

    await workbench.go('Overview')
    // The banner names the same snapshot, with its collection time (local, to the minute).
    await expect(workbench.banner).toHaveText(bannerOnline)
    expect(await offline.shownSnapshotId()).toBe(snapshotId)
    await expect(offline.health).toBeVisible()
    expect(await workbench.healthCount('Critical')).toBeGreaterThanOrEqual(0)
    await expect(page.getByText(/critical and \d+ high findings/)).toBeVisible()
    await expect(offline.seamPairs).toHaveCount(pairsOnline)
    await offline.attach('offline-overview.png', attach)

    await workbench.go('Findings')
    const [shown, total] = await workbench.shownFindings()
    expect(total).toBe(totalOnline)
    expect(shown).toBe(total)
    const first = page
      .getByRole('row')
      .filter({ hasText: /Critical|High|Medium|Low|Info/ })
      .first()
    await first.click()
    await expect(page).toHaveURL(/\/findings\/[^/?]+/)
    await expect(page.getByRole('heading', { level: 3, name: 'How to fix' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 3, name: 'Evidence' })).toBeVisible()
    await offline.attach('offline-finding.png', attach)

    await workbench.go('Snapshots')
    const row = offline.snapshotRow(snapshotId)
    await expect(row).toContainText('current')
    await expect(row).toContainText(/complete|partial/)
    await offline.attach('offline-snapshots.png', attach)

    // the documentation is built from the cache: the tenant is unreachable, the export works
    await workbench.go('Documents')
    const docs = new DocumentsPage(page)
    await expect(
      docs.preview.getByRole('heading', { level: 2, name: 'Rebuild runbook' }),
    ).toBeVisible()
    const [markdown] = await docs.save('Save Markdown')
    expect(markdown?.text).toContain(live.tenantId)
    expect(markdown?.text).toContain('### Step 5. Test and validate sync, SSO and logs')
    await offline.attach('offline-documents.png', attach)

    // A collection while the tenant cannot be reached fails plainly and changes nothing.
    await workbench.go('Collect')
    await collect.startButton.click()
    const failure = collect.page.locator('.collect__outcome--failed')
    await expect(failure).toBeVisible({ timeout: 90_000 })
    await expect(failure).toContainText('Collection failed.')
    await expect(failure).toContainText('could not be reached')
    await expect(failure).toContainText('refused the connection')
    const failureText = await failure.innerText()
    expect(failureText).not.toMatch(/undefined|\[object/)
    await offline.attach('offline-collect-failed.png', attach)
    testInfo.annotations.push({ type: 'collect failure', description: failureText })
    await expect(workbench.banner).toHaveText(bannerOnline)
    expect(await offline.shownSnapshotId()).toBe(snapshotId)

    await page.reload()
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
    await workbench.go('Snapshots')
    await expect(workbench.banner).toHaveText(bannerOnline)
    await expect(offline.snapshotRow(snapshotId)).toContainText('current')
    expect(problems).toEqual([])
  })
})
