/**
 * Documents, as a consultant uses it: open the demo's documentation, leave a section out,
 * save it as Markdown, JSON and CSV twice in a row (the same bytes), reload and save again,
 * at 1024 and 1440 px wide, from the cache only (the demo needs no tenant). The preview never
 * breaks the page's CSP, and nothing reaches the console as an error.
 */
import { expect, test } from './fixtures'
import { DocumentsPage } from './pages/documents-page'
import { WorkbenchPage } from './pages/workbench-page'
import { captureScreen, layoutProblems } from './screens'

for (const width of [1024, 1440]) {
  test(`documents of the demo at ${width} px: preview, sections, saves twice, after a reload`, async ({
    page,
    workspaces,
  }, testInfo) => {
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    await page.setViewportSize({ width, height: 900 })
    await workspaces.open()
    await page.getByRole('button', { name: 'Open demo workspace' }).click()
    await expect(page).toHaveURL(/overview$/)
    const workbench = new WorkbenchPage(page)
    await workbench.go('Documents')
    const docs = new DocumentsPage(page)
    await expect(
      docs.preview.getByRole('heading', { level: 2, name: 'Rebuild runbook' }),
    ).toBeVisible()
    await expect(docs.preview).toContainText('Step 4. Add Entra as an identity provider in Okta')
    await expect(docs.preview).toContainText(/Snapshot SHA-256/)
    expect(await layoutProblems(page, '.docs__controls, .doc-preview')).toEqual([])
    await captureScreen(page, testInfo, `documents-${width}`)

    // leave the findings out: the preview follows at once
    await docs.toggle('Findings and fixes')
    await expect(docs.section('Findings and fixes')).not.toBeChecked()
    await expect(
      docs.preview.getByRole('heading', { level: 2, name: 'Findings and fixes' }),
    ).toHaveCount(0)

    const [md] = await docs.save('Save Markdown')
    expect(md?.name).toMatch(/^crosswalk-docs-.+\.md$/)
    expect(md?.text).toContain('## Rebuild runbook')
    expect(md?.text).not.toContain('## Findings and fixes')
    const [again] = await docs.save('Save Markdown')
    expect(again?.text).toBe(md?.text)

    const [json] = await docs.save('Save JSON')
    const parsed = JSON.parse(json?.text ?? '{}') as {
      format: string
      version: number
      sections: string[]
    }
    expect(parsed.format).toBe('crosswalk.documentation')
    expect(parsed.sections).not.toContain('findings')
    const csv = await docs.save('Save CSV', 3)
    expect(csv.map((c) => c.name.replace(/^crosswalk-docs-.+?-(\w+\.csv)$/, '$1')).sort()).toEqual([
      'credentials.csv',
      'findings.csv',
      'mappings.csv',
    ])

    await page.reload()
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
    await expect(
      docs.preview.getByRole('heading', { level: 2, name: 'Rebuild runbook' }),
    ).toBeVisible()
    const [afterReload] = await docs.save('Save Markdown')
    // every section again after a reload (the choice is per visit), same snapshot identity
    expect(afterReload?.text).toContain('## Findings and fixes')
    const sha = (text: string | undefined) => /SHA-256 ([0-9a-f]{64})/.exec(text ?? '')?.[1]
    expect(sha(afterReload?.text)).toBe(sha(md?.text))
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeEnabled()
    await captureScreen(page, testInfo, `documents-${width}-after-reload`)
    expect(problems).toEqual([])
  })
}
