/**
 * A snapshot has one identity wherever it is read: the cached copy (imported, then loaded
 * back from IndexedDB) hashes as the file the CLI reads.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import path from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { CrosswalkDb } from '../../../../src/renderer/src/db/schema'
import { importSnapshot, loadSnapshot } from '../../../../src/renderer/src/db/snapshots'
import { Snapshot } from '../../../../src/shared/model/snapshot'
import { canonicalJson, snapshotIdentity } from '../../../../src/shared/snapshot-file/identity'

let db: CrosswalkDb
beforeEach(async () => {
  db = new CrosswalkDb(`identity-${Date.now()}`)
  await db.open()
})
afterEach(async () => {
  await db.delete()
})

it('the cached demo snapshot has the identity of its file', async () => {
  const file = path.resolve(__dirname, '../../../../resources/demo/demo.snapshot.json.gz')
  const snapshot = Snapshot.parse(JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')))
  const row = await importSnapshot(db, 'ws', snapshot, 'demo', '2026-12-01T00:00:00Z')
  const loaded = await loadSnapshot(db, row.id)
  // the cache keeps no empty list under a parent id: the identity says the same of both
  expect(canonicalJson(loaded)).not.toBe(canonicalJson(snapshot))
  expect(snapshotIdentity(loaded)).toBe(snapshotIdentity(snapshot))
})
