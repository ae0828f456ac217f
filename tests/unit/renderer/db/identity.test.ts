/**
 * A snapshot has one identity wherever it is read: the cached copy (imported, then loaded
 * back from IndexedDB, which keeps no empty list under a parent id) hashes as the file the
 * CLI reads.
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { CrosswalkDb } from '../../../../src/renderer/src/db/schema'
import { importSnapshot, loadSnapshot } from '../../../../src/renderer/src/db/snapshots'
import { Snapshot } from '../../../../src/shared/model/snapshot'
import { canonicalJson, snapshotIdentity } from '../../../../src/shared/snapshot-file/identity'

let db: CrosswalkDb
let n = 0
beforeEach(async () => {
  db = new CrosswalkDb(`identity-${++n}`)
  await db.open()
})
afterEach(async () => {
  await db.delete()
})

it('the cached snapshot has the identity of its file', async () => {
  const snapshot = Snapshot.parse({
    format: 'crosswalk.snapshot',
    version: 1,
    collectedAt: '2026-11-20T12:00:00Z',
    tool: { name: 'crosswalk', version: '0.1.0' },
    okta: {
      orgUrl: 'https://contoso.okta.com',
      apps: [
        { id: '0oa1', name: 'office365' },
        { id: '0oa2', name: 'wiki' },
      ],
      appKeys: { '0oa1': [{ kid: 'k1', expiresAt: '2030-01-01T00:00:00Z' }], '0oa2': [] },
      users: [{ id: '00u1', profile: { login: 'a@contoso.com', b: 1, a: 2 } }],
    },
    collection: {
      startedAt: '2026-11-20T11:00:00Z',
      finishedAt: '2026-11-20T12:00:00Z',
      complete: true,
      errors: [],
      grantedPermissions: { entra: [], okta: ['okta.apps.read'] },
    },
  })
  const row = await importSnapshot(db, 'ws', snapshot, 'imported', '2026-12-01T00:00:00Z')
  const loaded = await loadSnapshot(db, row.id)
  expect(canonicalJson(loaded)).not.toBe(canonicalJson(snapshot))
  expect(snapshotIdentity(loaded)).toBe(snapshotIdentity(snapshot))
  const changed = structuredClone(snapshot)
  ;(changed.okta?.appKeys?.['0oa1']?.[0] as { kid: string }).kid = 'k2'
  expect(snapshotIdentity(changed)).not.toBe(snapshotIdentity(snapshot))
})
