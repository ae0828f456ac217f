/**
 * The People grid's first paint in Debian's Chromium, from the moment the rows reach the
 * UI thread (the worker's reply: 100k + 100k people, every pair compared) to the first
 * frame painted with the grid: `crosswalk:people-first-paint` on the page's timeline. Each
 * round reloads the page, so the worker computes and sends the rows again. The floor is
 * the same measurement of an empty update on the same page: a mark, the next frame, a
 * task — what any paint costs here. Extra figures: the worker's own timings.
 */
import type { Benchmark, Figures } from './types'
import { openPeopleSession, showPeople, type PeopleSession } from './browser/people-session'

let s: PeopleSession | undefined
let paints = 1

export const benchmark: Benchmark = {
  name: 'workbench-people-paint',
  description: 'Chromium: People grid first paint after 100k+100k rows reach the UI thread',
  runs: 3,
  setup: async () => {
    s = await openPeopleSession('people-paint')
  },
  floor: async (): Promise<Figures> => {
    const ms = await s!.session.page.evaluate<number>(`new Promise((resolve) => {
      const t0 = performance.now()
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)))
    })`)
    return { ms }
  },
  measure: async (): Promise<Figures> => {
    const { page } = s!.session
    await page.reload()
    await page.waitForSelector('[data-app-state="ready"]')
    // a reload starts the timeline afresh
    paints = 1
    const ms = await showPeople(page, s!.app.workspaceId, paints)
    const timings = await page.evaluate<{ loadMs: number; joinMs: number; rowsMs: number }>(
      `performance.getEntriesByName('crosswalk:people-rows').at(-1).detail`,
    )
    return {
      ms,
      extra: {
        rows: s!.rows,
        workerLoadMs: timings.loadMs,
        workerJoinMs: timings.joinMs,
        workerRowsMs: timings.rowsMs,
        usersPerSide: s!.users,
      },
    }
  },
  teardown: async () => {
    await s?.close()
  },
  targets: [
    { figure: 'ms', max: 500, label: 'the grid is painted within 500 ms of the rows arriving' },
    {
      figure: 'workerRowsMs',
      max: 1000,
      label: 'in the worker, rows with attribute comparison take under 1 s beyond the join',
    },
  ],
}
