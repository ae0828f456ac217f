/**
 * Browser-facing security: no page reports a Content Security Policy violation (zod runs
 * jitless, nothing inline), and a gzip bomb picked on the Snapshots screen is refused at
 * the reader's ceiling instead of taking the tab down. The bomb's time and the page's JS
 * heap are printed and attached, for SECURITY.md.
 */
import type { CDPSession, Page } from '@playwright/test'
import { gzipBomb } from '../fixtures/gzip-bomb'
import { expect, test } from './fixtures'
import { WorkbenchPage } from './pages/workbench-page'

/** Records every securitypolicyviolation the documents of this page report. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  // a string: this project compiles e2e tests without the DOM library
  await page.addInitScript(`(() => {
    const seen = []
    window.__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber),
    )
  })()`)
  const cdp = await page.context().newCDPSession(page)
  const issues: string[] = []
  cdp.on('Audits.issueAdded', (event: { issue: { code: string; details: unknown } }) => {
    if (event.issue.code === 'ContentSecurityPolicyIssue')
      issues.push(JSON.stringify(event.issue.details))
  })
  await cdp.send('Audits.enable')
  return async () => [...issues, ...(await page.evaluate<string[]>('window.__cspViolations ?? []'))]
}

test('no screen reports a Content Security Policy violation', async ({ page, workspaces }) => {
  const violations = await watchViolations(page)
  await workspaces.open()
  await page.getByRole('button', { name: 'Open demo workspace' }).click()
  await expect(page).toHaveURL(/#\/w\/[^/]+\/overview$/)
  await expect(page.getByText(/critical and \d+ high findings/)).toBeVisible()
  const base = page.url().replace(/\/overview$/, '')
  for (const [screen, heading] of [
    ['findings', 'Findings'],
    ['connect', 'Connect'],
    ['collect', 'Collect'],
    ['snapshots', 'Snapshots'],
  ] as const) {
    await page.evaluate(`location.hash = ${JSON.stringify(new URL(`${base}/${screen}`).hash)}`)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  }
  await page.evaluate(`location.hash = '#/about'`)
  await expect(page.getByRole('heading', { level: 1, name: /^About / })).toBeVisible()
  expect(await violations()).toEqual([])
})

async function heapUsed(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[]
  }
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0
}

test('a 3 MB gzip bomb on the Snapshots screen is refused at the ceiling, the tab alive', async ({
  page,
  workspaces,
}, testInfo) => {
  test.setTimeout(120_000)
  // one gzip member: browsers' DecompressionStream reads only the first
  const bomb = await gzipBomb('json', 3 * 1024 ** 3, { singleMember: true })
  await workspaces.open()
  await page.getByRole('button', { name: 'Open demo workspace' }).click()
  const workbench = new WorkbenchPage(page)
  await workbench.go('Snapshots')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  let peak = await heapUsed(cdp)
  const sampling = setInterval(() => {
    heapUsed(cdp).then(
      (v) => (peak = Math.max(peak, v)),
      () => undefined,
    )
  }, 100)
  const started = Date.now()
  try {
    await page.locator('input[type="file"]').setInputFiles({
      name: 'bomb.json.gz',
      mimeType: 'application/gzip',
      buffer: bomb,
    })
    const error = page.getByTestId('import-error')
    await expect(error).toContainText('expands beyond 384 MiB', { timeout: 90_000 })
  } finally {
    clearInterval(sampling)
  }
  const seconds = (Date.now() - started) / 1000
  // the tab still answers
  await workbench.go('Overview')
  const figure = `gzip bomb ${(bomb.length / 2 ** 20).toFixed(1)} MiB → 3 GiB: refused in ${seconds.toFixed(1)} s, page JS heap peak ${Math.round(peak / 2 ** 20)} MiB`
  console.log(figure)
  testInfo.annotations.push({ type: 'figure', description: figure })
})
