/**
 * Dexie write of a 100k + 100k-user snapshot (every resource of the emulator's
 * `large` scenario, so slightly over 200k records) imported through the Snapshots
 * screen's file input in Debian's Chromium, timed by the renderer's
 * `crosswalk:snapshot-write` measure (the cache write only; reading, parsing and
 * validating the file are reported apart as `readMs`). Each round starts from a
 * fresh on-disk profile. The cache stores each batch of at most 5,000 records
 * as one JSON string (a `chunks` row) plus a `lookups` row of multi-entry index
 * values. The floor is the least any IndexedDB write of that layout costs in the
 * same browser: one raw `put` transaction of the same users as 5,000-record JSON
 * strings (no Dexie, no lookups, no indexes) into an empty store; the one
 * `JSON.parse` of the file and the `JSON.stringify` of the chunks that precede it
 * are reported apart (`floor.parseMs`, `floor.stringifyMs`).
 */
import type { Page } from '@playwright/test'
import { benchUsers } from './large-snapshot'
import type { Benchmark, Figures } from './types'
import {
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
  const t2 = performance.now()
  const rows = []
  let records = 0
  for (const source of ['entra', 'okta']) {
    const users = snapshot[source].users
    for (let i = 0; i < users.length; i += 5000) {
      const slice = users.slice(i, i + 5000)
      records += slice.length
      rows.push({ k: source + ':' + i, count: slice.length, json: JSON.stringify(slice) })
    }
  }
  const stringifyMs = performance.now() - t2
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
  return { parseMs, stringifyMs, putMs, records, rows: rows.length }
})()`

interface RawWrite {
  parseMs: number
  stringifyMs: number
  putMs: number
  records: number
  rows: number
}

async function rawWrite(page: Page): Promise<RawWrite> {
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
    'Chromium: cache write of an imported 100k+100k-user snapshot vs one raw IndexedDB put of the same users as 5,000-record JSON strings',
  runs: 3,
  setup: async () => {
    users = benchUsers()
    file = await largeSnapshotFile(users)
    app = await startWorkbenchApp('dexie-write')
  },
  floor: async (): Promise<Figures> => {
    const session = await openWorkbench(app!, 'snapshots')
    try {
      const { parseMs, stringifyMs, putMs, records, rows } = await rawWrite(session.page)
      if (records !== users * 2) {
        throw new Error(`the floor wrote ${records} records, not ${users * 2}`)
      }
      return { ms: putMs, extra: { parseMs, stringifyMs, rows } }
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
        // Each chunk row names how many records its JSON holds.
        const count = await new Promise((resolve, reject) => {
          let total = 0
          const request = db.transaction('chunks').objectStore('chunks').openCursor()
          request.onsuccess = () => {
            const cursor = request.result
            if (!cursor) return resolve(total)
            total += cursor.value.count
            cursor.continue()
          }
          request.onerror = () => reject(request.error)
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
