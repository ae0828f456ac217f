/**
 * Dexie write of a 100k + 100k-user snapshot (every resource of the emulator's
 * `large` scenario, so slightly over 200k records) imported through the Snapshots
 * screen's file input in Debian's Chromium, timed by the renderer's
 * `crosswalk:snapshot-write` measure (the cache write only; reading, parsing and
 * validating the file are reported apart as `readMs`). Each round starts from a
 * fresh on-disk profile. The floor is the least any IndexedDB write of these rows
 * costs in the same browser: one raw `put` transaction of the same user records
 * (no Dexie, no secondary indexes, no record keys) into an empty store, after one
 * `JSON.parse` of the same bytes (reported as `floor.parseMs`).
 */
import type { Page } from '@playwright/test'
import type { Benchmark, Figures } from './types'
import {
  benchUsers,
  importThroughScreen,
  largeSnapshotFile,
  openWorkbench,
  startWorkbenchApp,
  type WorkbenchApp,
} from './browser/workbench-app'

let app: WorkbenchApp | undefined
let file = ''
let users = 0

// Page code as a string: this file is type-checked without DOM types.
const RAW_WRITE = `(async () => {
  const input = document.getElementById('bench-floor-file')
  const text = await input.files[0].text()
  const t0 = performance.now()
  const snapshot = JSON.parse(text)
  const parseMs = performance.now() - t0
  const rows = []
  snapshot.entra.users.forEach((raw, i) => rows.push({ k: 'entra:' + i, raw }))
  snapshot.okta.users.forEach((raw, i) => rows.push({ k: 'okta:' + i, raw }))
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('bench-floor', 1)
    open.onupgradeneeded = () => open.result.createObjectStore('rows', { keyPath: 'k' })
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  const t1 = performance.now()
  await new Promise((resolve, reject) => {
    const tx = db.transaction('rows', 'readwrite')
    const store = tx.objectStore('rows')
    for (const row of rows) store.put(row)
    tx.oncomplete = resolve
    tx.onerror = () => reject(tx.error)
  })
  const putMs = performance.now() - t1
  db.close()
  return { parseMs, putMs, rows: rows.length }
})()`

async function rawWrite(page: Page): Promise<{ parseMs: number; putMs: number; rows: number }> {
  await page.evaluate(`(() => {
    const input = document.createElement('input')
    input.type = 'file'
    input.id = 'bench-floor-file'
    input.hidden = true
    document.body.append(input)
  })()`)
  await page.locator('#bench-floor-file').setInputFiles(file)
  return page.evaluate(RAW_WRITE)
}

export const benchmark: Benchmark = {
  name: 'workbench-dexie-write',
  description:
    'Chromium: cache write of an imported 100k+100k-user snapshot vs one raw IndexedDB put of the same users',
  runs: 3,
  setup: async () => {
    users = benchUsers()
    file = await largeSnapshotFile(users)
    app = await startWorkbenchApp('dexie-write')
  },
  floor: async (): Promise<Figures> => {
    const session = await openWorkbench(app!, 'snapshots')
    try {
      const { parseMs, putMs, rows } = await rawWrite(session.page)
      if (rows !== users * 2) throw new Error(`the floor wrote ${rows} rows, not ${users * 2}`)
      return { ms: putMs, extra: { parseMs } }
    } finally {
      await session.close()
    }
  },
  measure: async (): Promise<Figures> => {
    const session = await openWorkbench(app!, 'snapshots')
    try {
      const ms = await importThroughScreen(session.page, file)
      const readMs = await session.page.evaluate<number>(
        "performance.getEntriesByName('crosswalk:snapshot-read').at(-1).duration",
      )
      const records = await session.page.evaluate<number>(`(async () => {
        const db = await new Promise((resolve, reject) => {
          const open = indexedDB.open('crosswalk')
          open.onsuccess = () => resolve(open.result)
          open.onerror = () => reject(open.error)
        })
        const count = await new Promise((resolve) => {
          const request = db.transaction('records').objectStore('records').count()
          request.onsuccess = () => resolve(request.result)
        })
        db.close()
        return count
      })()`)
      if (records < users * 2) throw new Error(`only ${records} records were stored`)
      return { ms, extra: { readMs, records, usersPerSide: users } }
    } finally {
      await session.close()
    }
  },
  teardown: async () => {
    await app?.close()
  },
  targets: [{ figure: 'ms', max: 8000, label: 'the cache writes 200k records in under 8 s' }],
}
