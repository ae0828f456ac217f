import { expect, test } from './fixtures'
import { WorkbenchPage } from './pages/workbench-page'

test('a newcomer opens the demo and works through its findings, and decisions persist', async ({
  page,
  workspaces,
}, testInfo) => {
  await workspaces.open()
  await page.getByRole('button', { name: 'Open demo workspace' }).click()
  await expect(page).toHaveURL(/#\/w\/[^/]+\/overview$/)
  const workbench = new WorkbenchPage(page)
  await expect(workbench.banner).toContainText('demo')
  await expect(page.getByText(/critical and \d+ high findings/)).toBeVisible()
  expect(await workbench.healthCount('Critical')).toBeGreaterThan(0)
  await testInfo.attach('overview.png', { body: await page.screenshot(), contentType: 'image/png' })

  await workbench.go('Findings')
  const [, total] = await workbench.shownFindings()
  expect(total).toBeGreaterThan(10)
  await workbench.severityFilter('Critical').check()
  const [critical] = await workbench.shownFindings()
  expect(critical).toBeGreaterThan(0)
  expect(critical).toBeLessThan(total)

  const first = page.getByRole('row').filter({ hasText: 'Critical' }).first()
  const title = (await first.innerText()).split('\n').find((line) => line && line !== 'Critical')
  await first.click()
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(title ?? '(no title)')
  await expect(page.getByRole('heading', { level: 3, name: 'How to fix' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: 'Evidence' })).toBeVisible()
  await testInfo.attach('finding.png', { body: await page.screenshot(), contentType: 'image/png' })

  const decision = workbench.decision()
  await decision.getByRole('radio', { name: /^Accepted/ }).check()
  await decision.getByRole('textbox', { name: 'Note' }).fill('Known: staging IdP is being retired')
  await decision.getByRole('button', { name: 'Save decision' }).click()
  await expect(decision.getByRole('button', { name: 'Save decision' })).toBeDisabled()

  await page.reload()
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(workbench.decision().getByRole('radio', { name: /^Accepted/ })).toBeChecked()
  await expect(workbench.decision().getByRole('textbox', { name: 'Note' })).toHaveValue(
    'Known: staging IdP is being retired',
  )

  // Opening the demo again reopens the same workspace rather than importing a second copy.
  const toWorkspaces = () => workbench.nav.getByRole('link', { name: 'Workspaces' }).click()
  await toWorkspaces()
  await page.getByRole('button', { name: 'Open demo workspace' }).click()
  await expect(page).toHaveURL(/overview$/)
  await toWorkspaces()
  expect(await workspaces.rowNames()).toEqual(['Demo: Northwind Traders'])
})
