/**
 * What the workbench benchmarks share: the built browser-mode host with one
 * workspace, Debian's Chromium on a disk-backed profile (IndexedDB in a private
 * context lives in memory, which would flatter every cache figure), and a large
 * snapshot file generated once from the emulator's `large` scenario and kept in
 * the temp folder for later runs. `CROSSWALK_BENCH_USERS` (default 100000) sets
 * the users per side for a quicker run.
 */
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { silentLogger } from '../../../src/node/log'
import { startWebHost, type WebHost } from '../../../src/web/host'
import { buildScenario } from '../../emulator/scenarios/index'
import { scenarioSnapshot } from '../../fixtures/scenario-snapshot'

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

const ORIGINS = {
  authorityHost: 'https://127.0.0.1:41001',
  graphBaseUrl: 'https://127.0.0.1:41002',
  oktaOrgUrl: 'https://127.0.0.1:41003',
}

function chromiumPath(): string {
  if (process.env.CROSSWALK_CHROMIUM) return process.env.CROSSWALK_CHROMIUM
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || '/usr/bin/chromium'
  } catch {
    return '/usr/bin/chromium'
  }
}

/** Builds out/ when it is missing or older than the sources, as `npm run web` does. */
function ensureBuilt(): void {
  execFileSync(
    process.execPath,
    ['--input-type=module', '-e', "const m = await import('./scripts/web.mjs'); m.ensureBuilt()"],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  )
}

// The cached file is keyed by the code that generates it, so a changed scenario regenerates.
async function generatorHash(): Promise<string> {
  const hash = createHash('sha256')
  const scenarios = path.join(ROOT, 'tests', 'emulator', 'scenarios')
  for (const name of (await readdir(scenarios)).filter((n) => n.endsWith('.ts')).sort()) {
    hash.update(await readFile(path.join(scenarios, name)))
  }
  hash.update(await readFile(path.join(ROOT, 'tests', 'fixtures', 'scenario-snapshot.ts')))
  return hash.digest('hex').slice(0, 12)
}

/** A snapshot file of the `large` scenario with `users` a side; generated once, then reused. */
export async function largeSnapshotFile(users: number): Promise<string> {
  const dir = path.join(tmpdir(), 'crosswalk-bench')
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, `large-${users}-${await generatorHash()}.json`)
  if (
    await stat(file).then(
      (s) => s.size > 0,
      () => false,
    )
  )
    return file
  const scenario = await buildScenario('large', { seed: 1, origins: ORIGINS, users })
  const partial = `${file}.${process.pid}.tmp`
  await writeFile(partial, JSON.stringify(scenarioSnapshot(scenario, ORIGINS)))
  await rename(partial, file)
  return file
}

export interface WorkbenchApp {
  host: WebHost
  workspaceId: string
  dir: string
  close: () => Promise<void>
}

/** The browser-mode host over the built renderer, with one empty workspace. */
export async function startWorkbenchApp(prefix: string): Promise<WorkbenchApp> {
  ensureBuilt()
  const dir = await mkdtemp(path.join(tmpdir(), `cw-bench-${prefix}-`))
  const host = await startWebHost({
    rendererDir: path.join(ROOT, 'out', 'renderer'),
    dataDir: path.join(dir, 'data'),
    version: 'bench',
    log: silentLogger,
  })
  const reply = await fetch(`${host.origin}/api/invoke/workspaces:create`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Bench' }),
  })
  const result = (await reply.json()) as { ok: boolean; value?: { id: string } }
  if (!result.ok || !result.value)
    throw new Error(`creating a workspace failed: ${JSON.stringify(result)}`)
  return {
    host,
    workspaceId: result.value.id,
    dir,
    close: async () => {
      await host.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

export interface BrowserSession {
  context: BrowserContext
  page: Page
  close: () => Promise<void>
}

/** Chromium on a fresh on-disk profile, showing `screen` of the bench workspace. */
export async function openWorkbench(
  app: WorkbenchApp,
  screen: 'snapshots' | 'findings' | 'overview',
): Promise<BrowserSession> {
  const profile = await mkdtemp(path.join(app.dir, 'profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1200, height: 760 },
  })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(app.host.url)
  await page.waitForSelector('[data-app-state="ready"]')
  await showScreen(page, app.workspaceId, screen)
  return {
    context,
    page,
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

export async function showScreen(page: Page, workspaceId: string, screen: string): Promise<void> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(`#/w/${workspaceId}/${screen}`)}`)
  await page.waitForSelector(`h1:text-is("${screen[0]!.toUpperCase()}${screen.slice(1)}")`)
}

/**
 * Polls a page expression until it is truthy. `waitForFunction` compiles its
 * predicate in the page, which the app's CSP (no 'unsafe-eval') forbids.
 */
export async function waitInPage(page: Page, expression: string, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await page.evaluate<boolean>(`!!(${expression})`))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Duration (ms) of the newest page-timeline entry of that name, waiting for it to appear. */
export async function lastMeasure(page: Page, name: string, count = 1): Promise<number> {
  await waitInPage(page, `performance.getEntriesByName(${JSON.stringify(name)}).length >= ${count}`)
  return page.evaluate<number>(
    `performance.getEntriesByName(${JSON.stringify(name)}).at(-1).duration`,
  )
}

export interface DiagnosisDone {
  findings: number
  loadMs: number
  diagnoseMs: number
  saveMs: number
  /** page-clock times of the request and the reply */
  startAt: number
  doneAt: number
}

/** Waits for the `count`-th diagnosis reply on the page's timeline and returns its figures. */
export async function diagnosisDone(page: Page, count: number): Promise<DiagnosisDone> {
  await waitInPage(
    page,
    `performance.getEntriesByName('crosswalk:diagnosis-done').length >= ${count}`,
  )
  const done = await page.evaluate<DiagnosisDone & { failed?: string }>(`(() => {
    const start = performance.getEntriesByName('crosswalk:diagnosis-start')[${count - 1}]
    const done = performance.getEntriesByName('crosswalk:diagnosis-done')[${count - 1}]
    return { ...done.detail, startAt: start.startTime, doneAt: done.startTime }
  })()`)
  if (done.failed) throw new Error(`the diagnosis failed: ${done.failed}`)
  return done
}

/** Imports a snapshot file through the Snapshots screen's file input; resolves when stored. */
export async function importThroughScreen(page: Page, file: string, nth = 1): Promise<number> {
  await page.locator('input[type="file"]').setInputFiles(file)
  await waitInPage(
    page,
    `performance.getEntriesByName('crosswalk:snapshot-write').length >= ${nth} ||
      !!document.querySelector('[data-testid="import-error"]')`,
  )
  const error = page.locator('[data-testid="import-error"]')
  if (await error.count()) throw new Error(`the import was refused: ${await error.innerText()}`)
  return lastMeasure(page, 'crosswalk:snapshot-write', nth)
}
