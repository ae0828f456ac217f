/**
 * connect → test → collect in browser mode against the emulator: the doctor explains a
 * wrong client secret next to its field, the right one passes, and a collection streams
 * every resource's progress to a complete snapshot.
 */
import type { ConsoleMessage } from '@playwright/test'
import { useEmulator } from './emulator-host'
import { expect, test } from './fixtures'
import { CollectPage } from './pages/collect-page'
import { ConnectPage } from './pages/connect-page'

const WRONG_SECRET = 'Xq8~notTheRealSecretValue.123'

test.describe('Connect and collect in browser mode', () => {
  // The emulator and a full collection need more than the default 30 s on two shared cores.
  test.describe.configure({ timeout: 120_000 })

  const emulators = useEmulator('healthy')

  test('wrong secret explained at its field, right secret passes, collection completes', async ({
    page,
    workspaces,
  }) => {
    const problems: string[] = []
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') problems.push(m.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))

    await workspaces.open()
    await workspaces.create('Contoso')
    const workspaceId = await workspaces.idOf('Contoso')

    const connect = new ConnectPage(page)
    await connect.open(workspaceId)
    await expect(page.getByText('Vault: unlocked')).toBeVisible()
    const emulator = emulators.current
    await connect.fillFromEmulator(emulator, WRONG_SECRET)
    await connect.testButton.click()

    const wrong = connect.problem('entra.clientSecret', 'aadsts-7000215')
    await expect(wrong).toBeVisible({ timeout: 30_000 })
    await expect(wrong).toContainText('Entra rejected the client secret')
    await expect(wrong).toContainText('Fix:')
    // write-only: the field is empty and names what is stored
    await expect(connect.input('entra.clientSecret')).toHaveValue('')
    await expect(connect.field('entra.clientSecret')).toContainText(
      `Stored: ${WRONG_SECRET.slice(0, 3)}…`,
    )
    await expect(page.getByText('Okta: connection works.')).toBeVisible()
    await test.info().attach('connect-doctor-problem', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    })

    await connect.input('entra.clientSecret').fill(emulator.scenario.credentials.entra.clientSecret)
    await connect.testButton.click()
    await expect(page.getByText('Entra ID: connection works.')).toBeVisible({ timeout: 30_000 })
    await expect(page.getByText('Connection test passed.')).toBeVisible()
    await expect(connect.field('entra.clientSecret').locator('.field__problem')).toHaveCount(0)

    const collect = new CollectPage(page)
    await collect.open(workspaceId)
    // Slow answers keep the run going long enough to see it mid-flight.
    emulator.setFaults('latency=700')
    await collect.startButton.click()
    await expect(collect.cancelButton).toBeVisible()
    await expect
      .poll(async () => Number(await collect.records('entra.users').textContent()), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0)
    await expect(collect.cancelButton).toBeVisible()
    await test.info().attach('collect-mid-run', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    })
    emulator.setFaults('none')
    await expect(collect.outcome).toContainText('Collection complete.', { timeout: 90_000 })
    // every resource of both sides streamed progress and finished
    const rows = collect.table.locator('tbody tr')
    await expect(rows).toHaveCount(23)
    // no resource is left waiting or failed: each one streamed progress to the end
    await expect(collect.table.locator('tbody tr', { hasNotText: 'Done' })).toHaveCount(0)
    await expect(collect.records('entra.users')).toHaveText(
      String(emulator.scenario.entra.users.length),
    )
    await expect(collect.records('okta.users')).toHaveText(
      String(emulator.scenario.okta.users.length),
    )
    await expect(collect.table).not.toContainText('Waiting')
    await expect(page.getByText(/Diagnosis found \d+ finding/)).toBeVisible({ timeout: 30_000 })
    await test.info().attach('collect-complete', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    })

    const html = await page.content()
    for (const secret of [
      WRONG_SECRET,
      emulator.scenario.credentials.entra.clientSecret,
      emulator.scenario.credentials.okta.apiToken,
    ]) {
      expect(html).not.toContain(secret)
    }
    expect(problems).toEqual([])
  })
})
