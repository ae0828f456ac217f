/**
 * The History screen with 50 snapshots, in Chromium: from the hash change to the screen
 * ready (its timeline of 50 rows, the trend charts, and the findings' "since when", which
 * reads every snapshot's finding keys). The cache holds the rows a workspace with 50
 * diagnosed 100k + 100k snapshots stores (counts, trends, 300 findings each: 15,000 finding
 * rows); their record chunks are left out, as History reads none (a diff reads two). The
 * floor is the Snapshots screen listing the same 50 rows, in the same page.
 */
import { RULE_IDS } from '../../src/shared/rules'
import type { Benchmark, Figures } from './types'
import {
  openWorkbench,
  startWorkbenchApp,
  type BrowserSession,
  type WorkbenchApp,
} from './browser/workbench-app'

const SNAPSHOTS = 50
const FINDINGS = 300
let app: WorkbenchApp | undefined
let session: BrowserSession | undefined

/** Seeds the cache through IndexedDB itself, as the app's stores hold them. */
function seedScript(workspaceId: string): string {
  return `(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('crosswalk')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const ws = ${JSON.stringify(workspaceId)}
    const rules = ${JSON.stringify(RULE_IDS.join(','))}
    const tx = db.transaction(['snapshots', 'findings', 'workspaces'], 'readwrite')
    const severities = ['critical', 'high', 'medium', 'low', 'info']
    let current = ''
    for (let i = 0; i < ${SNAPSHOTS}; i++) {
      const id = 'bench-' + String(i).padStart(3, '0')
      const at = new Date(Date.UTC(2026, 0, 1) + i * 7 * 86400000).toISOString()
      const counts = { 'entra.users': 100000 + i * 50, 'okta.users': 100000 + i * 40, 'okta.appUsers': 100000 }
      const bySeverity = { critical: 3 + (i % 4), high: 20, medium: 80, low: 120, info: 77 - (i % 4) }
      tx.objectStore('snapshots').put({
        id, workspaceId: ws, status: 'complete', collectedAt: at, createdAt: at, origin: 'collected',
        tool: { name: 'crosswalk', version: 'bench' },
        entra: { tenantId: 'bench-tenant', cloud: 'global' }, okta: { orgUrl: 'https://bench.okta.com' },
        collection: { startedAt: at, finishedAt: at, complete: true, errors: [], grantedPermissions: { entra: [], okta: [] }, cursors: {} },
        counts,
        diagnosis: { at, findings: ${FINDINGS}, rules, trend: { bySeverity, people: { entra: counts['entra.users'], okta: counts['okta.users'] }, syncLagMinutes: { entraConnect: 20 + (i % 9), provisioning: 35 } } },
      })
      for (let f = 0; f < ${FINDINGS}; f++) {
        const fid = 'finding-' + ((f + i * 3) % 450)
        const severity = severities[f % 5]
        tx.objectStore('findings').put({ snapshotId: id, id: fid, severity, category: 'configuration',
          finding: { id: fid, rule: 'bench-rule', category: 'configuration', severity, title: 'Finding ' + fid, detail: '', subjects: [], evidence: {}, remediation: { steps: [], links: [] } } })
      }
      current = id
    }
    tx.objectStore('workspaces').put({ id: ws, currentSnapshotId: current })
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error) })
    db.close()
  })()`
}

/** ms from the hash change to `ready` matching, on the page's clock. */
function timeScreen(workspaceId: string, screen: string, ready: string): string {
  return `new Promise((resolve) => {
    const start = performance.now()
    const done = () => document.querySelector(${JSON.stringify(ready)})
    const observer = new MutationObserver(() => {
      if (done()) { observer.disconnect(); resolve(performance.now() - start) }
    })
    observer.observe(document, { subtree: true, childList: true, attributes: true })
    window.location.hash = ${JSON.stringify(`#/w/${workspaceId}/`)} + ${JSON.stringify(screen)}
  })`
}

const HISTORY_READY = `[data-testid="history-screen"][data-snapshots="${SNAPSHOTS}"] [data-testid="history-since"] li`
const SNAPSHOTS_READY = `tr[data-snapshot-id="bench-000"]`

export const benchmark: Benchmark = {
  name: 'workbench-history',
  description: `Chromium: the History screen ready with ${SNAPSHOTS} snapshots vs the Snapshots screen listing them`,
  runs: 7,
  setup: async () => {
    app = await startWorkbenchApp('history')
    session = await openWorkbench(app, 'snapshots')
    await session.page.evaluate(seedScript(app.workspaceId))
    await session.page.reload()
    await session.page.waitForSelector('[data-app-state="ready"]')
  },
  floor: async (): Promise<Figures> => {
    const { page } = session!
    await page.evaluate(
      `window.location.hash = ${JSON.stringify(`#/w/${app!.workspaceId}/overview`)}`,
    )
    await page.waitForSelector('h1:text-is("Overview")')
    return {
      ms: await page.evaluate<number>(timeScreen(app!.workspaceId, 'snapshots', SNAPSHOTS_READY)),
    }
  },
  measure: async (): Promise<Figures> => {
    const { page } = session!
    await page.evaluate(
      `window.location.hash = ${JSON.stringify(`#/w/${app!.workspaceId}/overview`)}`,
    )
    await page.waitForSelector('h1:text-is("Overview")')
    const ms = await page.evaluate<number>(timeScreen(app!.workspaceId, 'history', HISTORY_READY))
    const rows = await page.locator('[data-testid="history-snapshot"]').count()
    if (rows !== SNAPSHOTS) throw new Error(`expected ${SNAPSHOTS} snapshots, saw ${rows}`)
    return { ms }
  },
  teardown: async () => {
    await session?.close()
    await app?.close()
  },
  targets: [{ figure: 'ms', max: 500, label: 'History with 50 snapshots ready under 500 ms' }],
}
