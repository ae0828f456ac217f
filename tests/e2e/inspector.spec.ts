/**
 * The Inspector as a consultant uses it, in browser mode against the demo workspace (offline,
 * from the cached snapshot): a SAML-tracer export pasted end to end, a broken message chosen
 * as a file, a second paste in a row, a reload (the pasted artefact is gone: memory only, and
 * never in IndexedDB or web storage), at 1024 and 1440 px. The artefacts are the emulator's,
 * issued for the demo's own tenant pair (the `broken` scenario with the demo's seed and hosts).
 */
import type { Page } from '@playwright/test'
import { DEMO_HOSTS, DEMO_NOW, DEMO_SEED } from '../../scripts/demo-constants'
import { issueArtefacts, type Artefact } from '../emulator/artefacts/index'
import { buildScenario } from '../emulator/scenarios/index'
import { expect, test } from './fixtures'
import { InspectorPage } from './pages/inspector-page'
import { WorkbenchPage } from './pages/workbench-page'
import { captureScreen, layoutProblems } from './screens'

let artefacts: Artefact[] = []

test.beforeAll(async () => {
  const scenario = await buildScenario('broken', {
    seed: DEMO_SEED,
    origins: DEMO_HOSTS,
    now: DEMO_NOW,
  })
  const key = scenario.entra.tokenSigningKey
  if (!key) throw new Error('the demo scenario has a token-signing key')
  artefacts = issueArtefacts(scenario, DEMO_HOSTS, key, Date.parse(DEMO_NOW))
})

const artefact = (file: string): string => {
  const a = artefacts.find((x) => x.file === file)
  if (!a) throw new Error(`no artefact ${file}`)
  return a.content
}

/** Every string the page keeps in IndexedDB, localStorage and sessionStorage. */
async function storedText(page: Page): Promise<string> {
  // a script string: the page has the DOM types this file's environment does not
  return page.evaluate<string>(`(async () => {
    const out = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })]
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(info.name)
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll()
          req.onsuccess = () => resolve(req.result)
          req.onerror = () => reject(req.error)
        })
        out.push(JSON.stringify(all))
      }
      db.close()
    }
    return out.join('\\n')
  })()`)
}

for (const width of [1024, 1440]) {
  test(`a pasted SAML-tracer export, end to end at ${width} px`, async ({
    page,
    workspaces,
  }, testInfo) => {
    test.setTimeout(90_000)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.setViewportSize({ width, height: 800 })
    await workspaces.open()
    await page.getByRole('button', { name: 'Open demo workspace' }).click()
    await expect(page).toHaveURL(/overview$/)
    const workbench = new WorkbenchPage(page)
    await workbench.go('Inspector')
    const inspector = new InspectorPage(page)
    await expect(page.getByText(/stays in this window’s memory/)).toBeVisible()
    expect(await layoutProblems(page)).toEqual([])
    await captureScreen(page, testInfo, `inspector-empty-${width}`)

    // 1. a clean WS-Federation sign-in, pasted as SAML-tracer exported it
    const tracer = artefact('wsfed-good.saml-tracer.json')
    await inspector.paste(tracer)
    await expect(
      inspector.results.getByText(/Dropped on reading: \d+ cookies and 1 Authorization header/),
    ).toBeVisible()
    await expect(inspector.messages.getByRole('option')).toHaveCount(2)
    await expect(inspector.message.getByRole('heading', { level: 2 })).toContainText('login.srf')
    await expect(inspector.verdict()).toContainText('No problem found')
    await expect(inspector.check('Signature')).toContainText(/Verified with .*signingCertificate/)
    await expect(inspector.message.getByText('Raw XML')).toBeVisible()
    await expect(inspector.message.locator('.ins-person')).toHaveCount(2)
    expect(await layoutProblems(page, '.wb-notice, .ins-person, .ins-fields')).toEqual([])
    await captureScreen(page, testInfo, `inspector-tracer-${width}`)
    // the other message is one keypress away
    await inspector.messages.getByRole('option').first().click()
    await expect(inspector.message.getByRole('heading', { level: 2 })).toContainText(
      'wsfed/passive',
    )
    await page.keyboard.press('ArrowDown')
    await expect(inspector.message.getByRole('heading', { level: 2 })).toContainText('login.srf')

    // 2. a second paste in a row: the expired capture, judged at its capture time
    await inspector.clearButton.click()
    await expect(inspector.text).toHaveValue('')
    await inspector.paste(artefact('wsfed-expired.saml-tracer.json'))
    await expect(inspector.verdict()).toContainText('Entra answers AADSTS500133')
    await expect(inspector.check('Validity window')).toContainText(/Expired 2 h/)
    await captureScreen(page, testInfo, `inspector-expired-${width}`)

    // 3. a broken message chosen as a file: the issuer, the object to fix, the rule
    await inspector.clearButton.click()
    await inspector.choose({
      name: 'wsfed-wrong-issuer.xml',
      mimeType: 'text/xml',
      buffer: Buffer.from(artefact('wsfed-wrong-issuer.xml')),
    })
    await expect(inspector.verdict()).toContainText('Entra answers AADSTS50107')
    const issuer = inspector.check('Issuer')
    await expect(issuer).toContainText('Fix Entra domain federation of northwindtraders.com')
    await expect(
      issuer.getByRole('link', { name: /Domain federation issuer does not match/ }),
    ).toBeVisible()
    expect(await layoutProblems(page, '.wb-notice, .ins-person, .ins-fields')).toEqual([])
    await captureScreen(page, testInfo, `inspector-issuer-${width}`)
    await issuer.getByRole('link', { name: /Domain federation issuer does not match/ }).click()
    await expect(page).toHaveURL(/findings\?q=federation-issuer-mismatch/)
    await page.goBack()
    await expect(inspector.verdict()).toContainText('Entra answers AADSTS50107')

    // 4. an ID token, pasted as a JWT, verified against the tenant's JWKS
    await inspector.clearButton.click()
    await inspector.paste(artefact('id-token-good.jwt'))
    await expect(inspector.verdict()).toContainText('No problem found')
    await expect(inspector.check('Signature')).toContainText('Entra token signing key')

    // 5. memory only: nothing of the artefacts is stored; a reload forgets them
    const stored = await storedText(page)
    for (const secret of [
      '102Ab7Zq9xSessionCookieValue',
      'Winter2026!Password',
      artefact('id-token-good.jwt').split('.')[2] ?? 'x',
    ])
      expect(stored).not.toContain(secret)
    expect(stored).not.toContain('RequestSecurityTokenResponse')
    await page.reload()
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
    await expect(inspector.text).toHaveValue('')
    await expect(inspector.results).toHaveCount(0)
    await captureScreen(page, testInfo, `inspector-after-reload-${width}`)
    expect(errors).toEqual([])
  })
}
