/**
 * What the People benchmarks share: the browser-mode host with the `large` snapshot
 * (`CROSSWALK_BENCH_USERS` a side, default 100k) imported through the Snapshots screen and
 * diagnosed, and the People screen open with its rows drawn. Also a main-thread tracer
 * for Chromium (DevTools protocol) that sums the main thread's tasks per frame.
 */
import type { CDPSession, Page } from '@playwright/test'
import { benchUsers } from '../large-snapshot'
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
} from './workbench-app'

export interface PeopleSession {
  app: WorkbenchApp
  session: BrowserSession
  users: number
  /** the People screen's rows, once drawn */
  rows: number
  close: () => Promise<void>
}

/** Shows People and waits for its `n`-th first paint on the page's timeline. */
export async function showPeople(page: Page, workspaceId: string, n: number): Promise<number> {
  await showScreen(page, workspaceId, 'people')
  await waitInPage(
    page,
    `performance.getEntriesByName('crosswalk:people-first-paint').length >= ${n}`,
    600_000,
  )
  return page.evaluate<number>(
    `performance.getEntriesByName('crosswalk:people-first-paint')[${n - 1}].duration`,
  )
}

/** The host with the large snapshot imported and diagnosed, People open and drawn. */
export async function openPeopleSession(prefix: string): Promise<PeopleSession> {
  const users = benchUsers()
  const file = await largeSnapshotFile(users)
  const app = await startWorkbenchApp(prefix)
  const session = await openWorkbench(app, 'snapshots')
  await importThroughScreen(session.page, file)
  await diagnosisDone(session.page, 1)
  await showPeople(session.page, app.workspaceId, 1)
  const rows = await session.page.evaluate<number>(
    `performance.getEntriesByName('crosswalk:people-arrived').at(-1).detail.rows`,
  )
  return {
    app,
    session,
    users,
    rows,
    close: async () => {
      await session.close()
      await app.close()
    },
  }
}

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { name?: string }
}

/** Traces the main thread while `work` runs; returns each frame's task time (ms). */
export async function mainThreadWorkPerFrame(
  page: Page,
  work: () => Promise<void>,
): Promise<number[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', (e) => {
    for (const value of e.value) events.push(value as unknown as TraceEvent)
  })
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline.frame',
    transferMode: 'ReportEvents',
  })
  try {
    await work()
  } finally {
    await cdp.send('Tracing.end')
    await done
    await cdp.detach()
  }
  // the page's main thread: CrRendererMain with the most frames
  const mains = events.filter((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain')
  let best: { pid: number; tid: number; frames: number[] } | undefined
  for (const m of mains) {
    const frames = events
      .filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'BeginMainThreadFrame')
      .map((e) => e.ts)
      .sort((a, b) => a - b)
    if (!best || frames.length > best.frames.length) best = { pid: m.pid, tid: m.tid, frames }
  }
  if (!best || best.frames.length < 2) throw new Error('the trace holds no frames of the page')
  const tasks = events
    .filter(
      (e) =>
        e.pid === best.pid &&
        e.tid === best.tid &&
        e.ph === 'X' &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
    )
    .sort((a, b) => a.ts - b.ts)
  if (process.env.CROSSWALK_BENCH_TRACE_NAMES) {
    const names = new Map<string, number>()
    for (const e of events)
      if (e.pid === best.pid && e.tid === best.tid && e.ph === 'X')
        names.set(e.name, (names.get(e.name) ?? 0) + (e.dur ?? 0) / 1000)
    console.log([...names].sort((a, b) => b[1] - a[1]).slice(0, 30))
  }
  const out: number[] = []
  let t = 0
  for (let f = 0; f + 1 < best.frames.length; f++) {
    const start = best.frames[f] as number
    const end = best.frames[f + 1] as number
    let busy = 0
    while (t < tasks.length && (tasks[t] as TraceEvent).ts < end) {
      const task = tasks[t] as TraceEvent
      if (task.ts >= start) busy += task.dur ?? 0
      t++
    }
    out.push(busy / 1000)
  }
  return out
}

/** The p-th percentile (0–100) of a list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}
