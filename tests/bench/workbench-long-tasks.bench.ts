/**
 * The UI thread while the worker diagnoses a cached 100k + 100k-user snapshot:
 * a 'longtask' PerformanceObserver in the page records every task over 50 ms;
 * the figure is the longest task between the `crosswalk:diagnosis-start` and
 * `crosswalk:diagnosis-done` marks (the request to the worker and its reply),
 * with the count of tasks over 50 ms. The task that posts the request is the
 * click on "Re-run diagnosis" and the screen's re-render it causes; it is in the
 * figure, and its length is also reported apart as `requestTaskMs`, as is the
 * longest task that starts after the request (`workerOnlyMaxMs`: what the worker
 * itself costs the UI thread). The tasks of the reload that follows (the new
 * findings rendered) are reported apart as `afterMaxMs`. The floor is the
 * longest task of the same page switching Findings → Overview → Findings with no
 * diagnosis running: the UI's own rendering cost, which no worker can remove.
 */
import type { Page } from '@playwright/test'
import { benchUsers } from './large-snapshot'
import type { Benchmark, Figures } from './types'
import {
  diagnosisDone,
  importThroughScreen,
  largeSnapshotFile,
  openWorkbench,
  showScreen,
  startWorkbenchApp,
  type BrowserSession,
  type WorkbenchApp,
} from './browser/workbench-app'

let app: WorkbenchApp | undefined
let session: BrowserSession | undefined
let diagnoses = 0
let users = 0

const OBSERVE = `(() => {
  window.__crosswalkLongTasks = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__crosswalkLongTasks.push({ start: entry.startTime, duration: entry.duration })
    }
  }).observe({ type: 'longtask' })
})()`

interface Window_ {
  max: number
  count: number
  /** the longest task that started at or after `from` */
  laterMax: number
  /** the task running at `from`, 0 when none was long */
  atStart: number
}

function tasksBetween(page: Page, from: number, to: number): Promise<Window_> {
  return page.evaluate<Window_>(`(() => {
    const tasks = window.__crosswalkLongTasks.filter(
      (t) => t.start + t.duration > ${from} && t.start < ${to},
    )
    const longest = (list) => Math.max(0, ...list.map((t) => t.duration))
    return {
      max: longest(tasks),
      count: tasks.length,
      laterMax: longest(tasks.filter((t) => t.start >= ${from})),
      atStart: longest(tasks.filter((t) => t.start < ${from})),
    }
  })()`)
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const now = (page: Page) => page.evaluate<number>('performance.now()')

export const benchmark: Benchmark = {
  name: 'workbench-long-tasks',
  description:
    'Chromium: longest UI-thread task while the worker diagnoses 100k+100k users vs switching screens',
  runs: 3,
  setup: async () => {
    users = benchUsers()
    const file = await largeSnapshotFile(users)
    app = await startWorkbenchApp('long-tasks')
    session = await openWorkbench(app, 'snapshots')
    await importThroughScreen(session.page, file)
    diagnoses = 1
    await diagnosisDone(session.page, diagnoses)
    await showScreen(session.page, app.workspaceId, 'findings')
    await session.page.evaluate(OBSERVE)
  },
  floor: async (): Promise<Figures> => {
    const { page } = session!
    const from = await now(page)
    await showScreen(page, app!.workspaceId, 'overview')
    await showScreen(page, app!.workspaceId, 'findings')
    await pause(500)
    const { max, count } = await tasksBetween(page, from, await now(page))
    return { ms: max, extra: { over50: count } }
  },
  measure: async (): Promise<Figures> => {
    const { page } = session!
    await page.getByRole('button', { name: 'Re-run diagnosis' }).click()
    diagnoses++
    const done = await diagnosisDone(page, diagnoses)
    await page.getByRole('button', { name: 'Re-run diagnosis' }).waitFor()
    await pause(1000)
    const during = await tasksBetween(page, done.startAt, done.doneAt)
    const after = await tasksBetween(page, done.doneAt, await now(page))
    return {
      ms: during.max,
      extra: {
        over50: during.count,
        requestTaskMs: during.atStart,
        workerOnlyMaxMs: during.laterMax,
        diagnosisMs: done.doneAt - done.startAt,
        loadMs: done.loadMs,
        afterMaxMs: after.max,
        afterOver50: after.count,
        usersPerSide: users,
      },
    }
  },
  teardown: async () => {
    await session?.close()
    await app?.close()
  },
  targets: [
    { figure: 'ms', max: 50, label: 'no UI-thread task reaches 50 ms while diagnosing 100k users' },
  ],
}
