/**
 * Loading a cached 100k + 100k-user snapshot (the emulator's `large` scenario,
 * imported once into a disk-backed Chromium profile) into the diagnosis worker:
 * the worker's own `loadMs` (one Dexie read of the snapshot's chunk rows, each a
 * batch of records as one JSON string, parsed and reassembled in the file
 * contract's shape), read from the `crosswalk:diagnosis-done` mark after the
 * Findings screen's "Re-run diagnosis". The floor is one raw IndexedDB `getAll`
 * of the same chunks store in the same page (no Dexie, no parse, no
 * reassembly): what reading those rows costs at all; the `JSON.parse` of every
 * chunk afterwards is reported apart (`floor.parseMs`).
 */
import type { Benchmark, Figures } from './types'
import { benchUsers } from './large-snapshot'
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

const RAW_READ = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('crosswalk')
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  const t0 = performance.now()
  const rows = await new Promise((resolve, reject) => {
    const request = db.transaction('chunks').objectStore('chunks').getAll()
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  const ms = performance.now() - t0
  db.close()
  const t1 = performance.now()
  let records = 0
  for (const row of rows) records += JSON.parse(row.json).length
  const parseMs = performance.now() - t1
  return { ms, parseMs, records, rows: rows.length }
})()`

export const benchmark: Benchmark = {
  name: 'workbench-worker-load',
  description:
    'Chromium: the diagnosis worker loads a cached 100k+100k-user snapshot from Dexie vs one raw getAll of its chunk rows',
  runs: 3,
  setup: async () => {
    users = benchUsers()
    const file = await largeSnapshotFile(users)
    app = await startWorkbenchApp('worker-load')
    session = await openWorkbench(app, 'snapshots')
    await importThroughScreen(session.page, file)
    // The import starts the first diagnosis; the rounds re-run it on the cached snapshot.
    diagnoses = 1
    await diagnosisDone(session.page, diagnoses)
    await showScreen(session.page, app.workspaceId, 'findings')
  },
  floor: async (): Promise<Figures> => {
    const { ms, parseMs, records, rows } = await session!.page.evaluate<{
      ms: number
      parseMs: number
      records: number
      rows: number
    }>(RAW_READ)
    if (records < users * 2) throw new Error(`the floor read ${records} records`)
    return { ms, extra: { parseMs, records, rows } }
  },
  measure: async (): Promise<Figures> => {
    const { page } = session!
    await page.getByRole('button', { name: 'Re-run diagnosis' }).click()
    diagnoses++
    const done = await diagnosisDone(page, diagnoses)
    return {
      ms: done.loadMs,
      extra: {
        diagnoseMs: done.diagnoseMs,
        saveMs: done.saveMs,
        findings: done.findings,
        usersPerSide: users,
      },
    }
  },
  teardown: async () => {
    await session?.close()
    await app?.close()
  },
  targets: [
    {
      figure: 'ms',
      max: 2000,
      label: 'a cached 100k+100k snapshot loads into the worker in under 2 s',
    },
  ],
}
