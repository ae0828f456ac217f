/**
 * `app`: a fresh browser-mode host per test (port 0, its own temp data dir),
 * started from the built `out/web/server.js`; the URL it prints (with the launch
 * token) is what tests open. Stopped with SIGTERM after the test; its stderr log
 * is attached when the test fails.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { test as base, expect } from '@playwright/test'
import { PROJECT_ROOT } from './electron-binary'
import { WorkspacesPage } from './pages/workspaces-page'

export interface BrowserModeApp {
  /** origin plus `#token=…`, exactly as printed */
  url: string
  origin: string
  dataDir: string
  /**
   * Stops the host and starts a new one on the same port and data directory (the same origin,
   * so the browser keeps its cache), as a restart of the app would; `url` is then the new one.
   */
  restart: () => Promise<void>
}

const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+$/

export async function startBrowserMode(
  dataDir: string,
  port = 0,
): Promise<{ app: Omit<BrowserModeApp, 'restart'>; child: ChildProcess; log: string[] }> {
  const child = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, 'out/web/server.js'), '--port', String(port), '--data-dir', dataDir],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const log: string[] = []
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line))
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (URL_LINE.test(line)) resolve(line)
    })
    child.once('exit', (code) =>
      reject(new Error(`web server exited (${code}) before printing its URL:\n${log.join('\n')}`)),
    )
    child.once('error', reject)
  })
  return { app: { url, origin: new URL(url).origin, dataDir }, child, log }
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

export const test = base.extend<{ app: BrowserModeApp; workspaces: WorkspacesPage }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use, testInfo) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'cw-e2e-'))
    const started = await startBrowserMode(dataDir)
    let child = started.child
    const log = started.log
    const app: BrowserModeApp = {
      ...started.app,
      restart: async () => {
        await stop(child)
        const again = await startBrowserMode(dataDir, Number(new URL(app.origin).port))
        child = again.child
        log.push('--- restarted ---', ...again.log)
        app.url = again.app.url
      },
    }
    try {
      await use(app)
    } finally {
      await stop(child)
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('web-server.log', { body: log.join('\n'), contentType: 'text/plain' })
      }
      await rm(dataDir, { recursive: true, force: true })
    }
  },
  workspaces: async ({ page, app }, use) => {
    await use(new WorkspacesPage(page, () => app.url))
  },
})

export { expect }
