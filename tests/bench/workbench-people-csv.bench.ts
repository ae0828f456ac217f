/**
 * The People CSV in Debian's Chromium: every row of the 100k + 100k comparison (no
 * filter) written through the formula-safe CSV writer, from the Export button's handler:
 * `crosswalk:people-csv` on the page's timeline. The floor is joining the same number of
 * cells of the same average length into one string in the same page, with no quoting or
 * neutralising: what producing that much text costs at all.
 */
import { readFileSync, statSync } from 'node:fs'
import type { Benchmark, Figures } from './types'
import { waitInPage } from './browser/workbench-app'
import { openPeopleSession, type PeopleSession } from './browser/people-session'

let s: PeopleSession | undefined
let exports = 0
let shape = { rows: 0, cells: 0, bytes: 0 }

/** Clicks Export CSV and reads the writer's time, the rows and the file's shape. */
async function exportOnce(): Promise<{ ms: number; rows: number; bytes: number }> {
  const { page } = s!.session
  const download = page.waitForEvent('download')
  await page.getByTestId('people-export').click()
  exports++
  await waitInPage(
    page,
    `performance.getEntriesByName('crosswalk:people-csv').length >= ${exports}`,
  )
  const entry = await page.evaluate<{ duration: number; rows: number }>(`(() => {
    const e = performance.getEntriesByName('crosswalk:people-csv').at(-1)
    return { duration: e.duration, rows: e.detail.rows }
  })()`)
  const file = await download
  const path = await file.path()
  const bytes = path ? statSync(path).size : 0
  const header = path ? (readFileSync(path, 'utf8').slice(0, 4000).split('\r\n')[0] ?? '') : ''
  shape = { rows: entry.rows, cells: header.split(',').length, bytes }
  await file.delete()
  return { ms: entry.duration, rows: entry.rows, bytes }
}

export const benchmark: Benchmark = {
  name: 'workbench-people-csv',
  description: 'Chromium: CSV of the 100k-row People view through the formula-safe writer',
  runs: 3,
  setup: async () => {
    s = await openPeopleSession('people-csv')
    // one export first, so every round's floor has the shape of the real file
    await exportOnce()
  },
  floor: async (): Promise<Figures> => {
    const { rows, cells, bytes } = shape
    const ms = await s!.session.page.evaluate<number>(`(() => {
      const cell = 'x'.repeat(Math.max(1, Math.round(${bytes} / (${rows} * ${cells}))))
      const t0 = performance.now()
      const parts = []
      for (let r = 0; r < ${rows}; r++) {
        const record = new Array(${cells})
        for (let c = 0; c < ${cells}; c++) record[c] = cell
        parts.push(record.join(',') + '\\r\\n')
      }
      const text = parts.join('')
      return text.length > 0 ? performance.now() - t0 : -1
    })()`)
    return { ms }
  },
  measure: async (): Promise<Figures> => {
    const { ms, rows, bytes } = await exportOnce()
    return { ms, extra: { rows, csvMiB: bytes / 2 ** 20 } }
  },
  teardown: async () => {
    await s?.close()
  },
  targets: [{ figure: 'ms', max: 2000, label: 'the CSV of 100k rows is written in under 2 s' }],
}
