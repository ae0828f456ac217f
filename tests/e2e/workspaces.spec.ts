import type { ConsoleMessage } from '@playwright/test'
import { expect, test } from './fixtures'

test.describe('Workspaces in browser mode', () => {
  test.beforeEach(({ page }) => {
    const problems: string[] = []
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    test
      .info()
      .annotations.push({ type: 'console', description: 'errors and CSP violations fail the test' })
    ;(page as unknown as { problems: string[] }).problems = problems
  })

  test.afterEach(({ page }) => {
    // Any CSP violation, React warning or uncaught error shows up here.
    expect((page as unknown as { problems: string[] }).problems).toEqual([])
  })

  test('creates a workspace that survives a reload, and keeps the token out of the address bar', async ({
    workspaces,
    page,
  }) => {
    await workspaces.open()
    await expect(page).toHaveURL(/#\/workspaces$/)
    expect(page.url()).not.toContain('token')
    await expect(page.getByText('No workspaces yet.')).toBeVisible()

    await workspaces.create('Contoso – Okta federation')
    // the new workspace is open, and its screens lead to Connect → Test → Collect
    await expect(page.getByRole('link', { name: 'Connect', exact: true }).first()).toBeVisible()
    await workspaces.backToList()
    await expect(workspaces.row('Contoso – Okta federation')).toBeVisible()

    await workspaces.reload()
    expect(await workspaces.rowNames()).toEqual(['Contoso – Okta federation'])
    await test.info().attach('workspaces-screen', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    })
  })

  test('shows validation and conflict messages in the create dialog', async ({ workspaces }) => {
    await workspaces.open()
    await workspaces.create('Fabrikam')
    await workspaces.backToList()
    await workspaces.newButton.click()
    await workspaces.dialog.getByRole('button', { name: 'Create' }).click()
    await expect(workspaces.dialog.getByText('Give the workspace a name.')).toBeVisible()
    await workspaces.nameField.fill('FABRIKAM')
    await workspaces.dialog.getByRole('button', { name: 'Create' }).click()
    await expect(
      workspaces.dialog.getByText('A workspace named "Fabrikam" already exists.'),
    ).toBeVisible()
    await workspaces.page.keyboard.press('Escape')
    await expect(workspaces.dialog).toBeHidden()
    expect(await workspaces.rowNames()).toEqual(['Fabrikam'])
  })

  test('renames a workspace', async ({ workspaces }) => {
    await workspaces.open()
    await workspaces.create('Adatum')
    await workspaces.backToList()
    await workspaces.rename('Adatum', 'Adatum EMEA')
    await expect(workspaces.row('Adatum EMEA')).toBeVisible()
    await workspaces.reload()
    expect(await workspaces.rowNames()).toEqual(['Adatum EMEA'])
  })

  test('removes a workspace only after confirming', async ({ workspaces, page }) => {
    await workspaces.open()
    await workspaces.create('Northwind')
    await workspaces.backToList()
    await workspaces.create('Tailspin')
    await workspaces.backToList()

    await page.getByRole('button', { name: 'Remove Northwind' }).click()
    const confirm = workspaces.removeDialog()
    await expect(confirm).toContainText('Remove Northwind?')
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(confirm).toBeHidden()
    expect(await workspaces.rowNames()).toEqual(['Northwind', 'Tailspin'])

    await page.getByRole('button', { name: 'Remove Northwind' }).click()
    await confirm.getByRole('button', { name: 'Remove' }).click()
    await expect(confirm).toBeHidden()
    expect(await workspaces.rowNames()).toEqual(['Tailspin'])
    await workspaces.reload()
    expect(await workspaces.rowNames()).toEqual(['Tailspin'])
  })

  test('creates a workspace with the keyboard only', async ({ workspaces, page }) => {
    await workspaces.open()
    // Tab from the top of the page until the New workspace button has focus.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      if (await workspaces.newButton.evaluate((el) => el.matches(':focus'))) break
    }
    await expect(workspaces.newButton).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(workspaces.nameField).toBeFocused()
    await page.keyboard.type('Keyboard Co')
    await page.keyboard.press('Enter')
    await expect(workspaces.dialog).toBeHidden()
    await workspaces.openedWorkspace()
    await workspaces.backToList()
    await expect(workspaces.row('Keyboard Co')).toBeVisible()
  })

  test('opens the shortcuts list with ? and remembers the dark theme', async ({
    workspaces,
    page,
  }) => {
    await workspaces.open()
    await page.keyboard.press('?')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: /Switch to dark theme/ }).click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await workspaces.reload()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await test
      .info()
      .attach('workspaces-dark', { body: await page.screenshot(), contentType: 'image/png' })
  })

  test('updates a second tab live through server-sent events', async ({
    workspaces,
    context,
    app,
  }) => {
    await workspaces.open()
    const other = await context.newPage()
    await other.goto(app.url)
    await expect(other.locator('[data-app-state="ready"]')).toBeVisible()
    await workspaces.create('Live Update Ltd')
    await expect(other.getByRole('rowheader', { name: 'Live Update Ltd' })).toBeVisible()
    await other.close()
  })
})

test('refuses API calls from a page without the launch token', async ({ page, app }) => {
  await page.goto(`${app.origin}/`)
  await expect(page.locator('[data-app-state="error"]')).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('launch key')
  const status = await page.evaluate(
    async () => (await fetch('/api/invoke/app:info', { method: 'POST' })).status,
  )
  expect(status).toBe(401)
})
