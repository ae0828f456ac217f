/**
 * Browser-mode app ready time: from navigation start to `data-app-state="ready"`
 * (app:info and the first workspace list answered, screen rendered), in Debian's
 * Chromium against the browser-mode host with 50 workspaces. Each round uses a
 * fresh browser context, so nothing is cached. The floor is loading a blank static
 * HTML page from the same server in the same browser (navigation start → load
 * event): what any page costs here before the app does any work.
 */
import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { silentLogger } from '../../src/node/log'
import { startWebHost, type WebHost } from '../../src/web/host'
import type { Benchmark, Figures } from './types'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const WORKSPACES = 50
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

// Records the moment the root reports ready, on the page's own clock (ms since navigation start).
const READY_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-app-state="ready"]')) {
      window.__crosswalkReadyAt = performance.now()
      observer.disconnect()
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-app-state'] })
`

let dir = ''
let host: WebHost | undefined
let browser: Browser | undefined

function chromiumPath(): string | undefined {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined
  } catch {
    return undefined
  }
}

async function measureIn(run: (page: Page) => Promise<number>): Promise<number> {
  if (!browser) throw new Error('setup did not run')
  const context = await browser.newContext()
  try {
    return await run(await context.newPage())
  } finally {
    await context.close()
  }
}

export const benchmark: Benchmark = {
  name: 'app-ready',
  description:
    'browser mode: navigation start to data-app-state=ready (50 workspaces) vs a blank page',
  runs: 7,
  setup: async () => {
    execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "const m = await import('./scripts/web.mjs'); m.ensureBuilt()"],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
    dir = await mkdtemp(path.join(tmpdir(), 'cw-bench-ready-'))
    const rendererDir = path.join(dir, 'renderer')
    await cp(path.join(ROOT, 'out', 'renderer'), rendererDir, { recursive: true })
    await writeFile(
      path.join(rendererDir, 'blank.html'),
      '<!doctype html><html><head><title>blank</title></head><body></body></html>',
    )
    host = await startWebHost({
      rendererDir,
      dataDir: path.join(dir, 'data'),
      version: 'bench',
      log: silentLogger,
    })
    for (let i = 0; i < WORKSPACES; i++) {
      const reply = await fetch(`${host.origin}/api/invoke/workspaces:create`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `Customer ${String(i).padStart(3, '0')}` }),
      })
      const result = (await reply.json()) as { ok: boolean }
      if (!result.ok) throw new Error(`seeding workspaces failed: ${JSON.stringify(result)}`)
    }
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      headless: true,
    })
  },
  floor: async (): Promise<Figures> => {
    const origin = host?.origin ?? ''
    const ms = await measureIn(async (page) => {
      await page.goto(`${origin}/blank.html`, { waitUntil: 'load' })
      return page.evaluate<number>(
        "performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? performance.now()",
      )
    })
    return { ms }
  },
  measure: async (): Promise<Figures> => {
    const url = host?.url ?? ''
    let domContentLoaded = 0
    const ms = await measureIn(async (page) => {
      await page.addInitScript(READY_PROBE)
      await page.goto(url)
      await page.waitForSelector('[data-app-state="ready"]')
      const rows = await page.locator('tbody tr').count()
      if (rows !== WORKSPACES) throw new Error(`expected ${WORKSPACES} rows, saw ${rows}`)
      // Page code as a string: this file is type-checked without DOM types.
      const timings = await page.evaluate<{ ready: number; dcl: number }>(`({
        ready: window.__crosswalkReadyAt ?? Number.NaN,
        dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? Number.NaN,
      })`)
      domContentLoaded = timings.dcl
      return timings.ready
    })
    return { ms, extra: { domContentLoadedMs: domContentLoaded } }
  },
  teardown: async () => {
    await browser?.close()
    await host?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  },
  targets: [
    { figure: 'ms', max: 1000, label: 'the app is ready under 1 s after navigation starts' },
  ],
}
