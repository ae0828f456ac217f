/**
 * Typing in the Findings search with 10k findings, in Debian's Chromium: from
 * the input event to the first frame painted after the "Showing N of M" count
 * changes (a MutationObserver on the count, then requestAnimationFrame and a
 * task, which runs after that frame is painted). The workspace holds a diagnosed
 * snapshot of the emulator's `large` scenario (2,000 users a side) plus 10,000
 * generated findings shaped like real ones, written into the cache next to the
 * real diagnosis (no scenario yields 10k findings: the rules group repeated
 * problems). The floor is the same measurement on a bare text input the
 * benchmark adds to the same page, whose handler writes one number: what any
 * input-to-paint costs here.
 */
import type { Page } from '@playwright/test'
import { CATEGORIES, SEVERITIES, type Finding } from '../../src/shared/model/finding'
import { RULE_IDS } from '../../src/shared/rules'
import type { Benchmark, Figures } from './types'
import {
  diagnosisDone,
  importThroughScreen,
  largeSnapshotFile,
  openWorkbench,
  showScreen,
  startWorkbenchApp,
  waitInPage,
  type BrowserSession,
  type WorkbenchApp,
} from './browser/workbench-app'
import { FLOOR_INPUT, FLOOR_OUTPUT, addFloorInput, inputToPaint } from './browser/input-to-paint'

const GENERATED = 10_000
const SNAPSHOT_USERS = 2_000
const QUERIES = ['grace', 'contoso aadsts50', 'office 365', 'no-such-value', '']
const WORDS = ['alice', 'bob', 'carol', 'dan', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy']

let app: WorkbenchApp | undefined
let session: BrowserSession | undefined

function generate(count: number): Finding[] {
  const out: Finding[] = []
  for (let i = 0; i < count; i++) {
    const who = `${WORDS[i % WORDS.length]}.${i}@contoso.com`
    const rule = RULE_IDS[i % RULE_IDS.length]!
    out.push({
      id: `bench-${rule}:${i.toString(36).padStart(6, '0')}`,
      rule,
      category: CATEGORIES[i % CATEGORIES.length]!,
      severity: SEVERITIES[(i * 7) % SEVERITIES.length]!,
      title: `${rule.replace(/-/g, ' ')} for ${who}`,
      detail: `The value Okta holds for ${who} differs from the value in Entra; sign-in through the IdP fails with AADSTS${50000 + (i % 999)}.`,
      subjects: [
        { source: 'entra', type: 'user', id: `e-${i}`, name: who },
        { source: 'okta', type: 'user', id: `00u${i}`, name: who },
        ...(i % 3 === 0
          ? [{ source: 'okta' as const, type: 'app', id: '0oa1o365', name: 'Microsoft Office 365' }]
          : []),
      ],
      evidence: { entra: { value: `E${i}` }, okta: { value: `O${i}` } },
      remediation: { steps: ['Fix it in Okta.', 'Collect again.'], links: [] },
    })
  }
  return out
}

async function addFindings(page: Page, snapshotId: string, findings: Finding[]): Promise<void> {
  const rows = findings.map((finding) => ({
    snapshotId,
    id: finding.id,
    severity: finding.severity,
    category: finding.category,
    finding,
  }))
  await page.evaluate(`(async () => {
    const rows = ${JSON.stringify(rows)}
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('crosswalk')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    await new Promise((resolve, reject) => {
      const tx = db.transaction('findings', 'readwrite')
      for (const row of rows) tx.objectStore('findings').put(row)
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  })()`)
}

const STATUS = `[...document.querySelectorAll('[role="status"]')].find((e) => e.textContent.startsWith('Showing '))`

export const benchmark: Benchmark = {
  name: 'workbench-findings-filter-ui',
  description:
    'Chromium: Findings search with 10k findings, input event to painted count vs a bare input',
  runs: 5,
  setup: async () => {
    const file = await largeSnapshotFile(SNAPSHOT_USERS)
    app = await startWorkbenchApp('filter-ui')
    session = await openWorkbench(app, 'snapshots')
    const { page } = session
    await importThroughScreen(page, file)
    await diagnosisDone(page, 1)
    const snapshotId = await page.locator('.wb-banner').getAttribute('data-snapshot-id')
    if (!snapshotId) throw new Error('the banner names no snapshot')
    await addFindings(page, snapshotId, generate(GENERATED))
    await page.reload()
    await page.waitForSelector('[data-app-state="ready"]')
    await showScreen(page, app.workspaceId, 'findings')
    await waitInPage(
      page,
      `(${STATUS})?.textContent.match(/of (\\d+)/)?.[1] >= ${GENERATED}`,
      60_000,
    )
    await addFloorInput(page)
  },
  floor: async (): Promise<Figures> =>
    inputToPaint(
      session!.page,
      { input: FLOOR_INPUT, target: FLOOR_OUTPUT, queries: QUERIES },
      30_000,
    ),
  measure: async (): Promise<Figures> =>
    inputToPaint(
      session!.page,
      { input: 'form[role="search"] input[type="search"]', target: STATUS, queries: QUERIES },
      30_000,
    ),
  teardown: async () => {
    await session?.close()
    await app?.close()
  },
  targets: [
    { figure: 'ms', max: 100, label: 'a search over 10k findings is painted in under 100 ms' },
    { figure: 'worstMs', max: 100, label: 'the slowest search is painted in under 100 ms' },
  ],
}
