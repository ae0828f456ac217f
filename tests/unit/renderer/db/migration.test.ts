import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import {
  CrosswalkDb,
  type RecordRow,
  type SnapshotRow,
} from '../../../../src/renderer/src/db/schema'
import { loadSnapshot, WRITE_CHUNK } from '../../../../src/renderer/src/db/snapshots'
import { findRecordsByIdentifier, findSubjectRecord } from '../../../../src/renderer/src/db/queries'
import { recordKeys } from '../../../../src/renderer/src/db/record-keys'
import type { RawRecord, Snapshot, Source } from '../../../../src/shared/model/snapshot'

/** The cache as version 1 shipped it: one `records` row per raw record. */
class CrosswalkDbV1 extends Dexie {
  constructor(name: string) {
    super(name)
    this.version(1).stores({
      workspaces: 'id',
      snapshots: 'id, workspaceId, [workspaceId+collectedAt], status',
      records:
        '[snapshotId+source+resource+key], [snapshotId+source+resource], [snapshotId+upn], [snapshotId+login], [snapshotId+email], [snapshotId+immutableId]',
      findings: '[snapshotId+id], snapshotId, [snapshotId+severity], [snapshotId+category]',
      findingStates: '[workspaceId+findingId], workspaceId',
    })
  }
}

const NAME = 'migration-test'
let opened: { close: () => void } | undefined

afterEach(async () => {
  opened?.close()
  await Dexie.delete(NAME)
})

const users = Array.from({ length: WRITE_CHUNK + 3 }, (_, i) => ({
  id: `u${i}`,
  userPrincipalName: `User${i}@Contoso.com`,
  onPremisesImmutableId: i === 1 ? 'AAA=' : null,
}))

function original(): Snapshot {
  return {
    format: 'crosswalk.snapshot',
    version: 1,
    collectedAt: '2026-05-01T10:05:00Z',
    tool: { name: 'crosswalk', version: '0.1.0' },
    entra: {
      tenantId: 't1',
      cloud: 'global',
      users,
      domains: [{ id: 'Contoso.com', authenticationType: 'Federated' }],
      federationConfigurations: {
        'contoso.com': [{ id: 'f1' }, { id: 'f2' }],
        'fabrikam.com': [{ id: 'f3' }],
      },
      synchronizationJobs: {},
    },
    okta: {
      orgUrl: 'https://acme.okta.com',
      users: [{ id: '00u1', profile: { login: 'Amy@Contoso.com', email: 'amy@contoso.com' } }],
      appUsers: { '0oa1': [{ id: '00u1', profile: { immutableId: 'AAA=' } }] },
      userSchema: { id: 'default', definitions: {} },
    },
    collection: {
      startedAt: '2026-05-01T10:00:00Z',
      finishedAt: '2026-05-01T10:05:00Z',
      complete: true,
      errors: [],
      grantedPermissions: { entra: ['User.Read.All'], okta: ['okta.users.read'] },
      cursors: {},
    },
  }
}

/** Writes the snapshot the way version 1's writer did, batches interleaved as a collection streams them. */
async function writeV1(db: CrosswalkDbV1, snapshotId: string, snapshot: Snapshot) {
  const batches: [Source, string, RawRecord[], string?][] = [
    ['entra', 'users', users.slice(0, 2)],
    ['entra', 'federationConfigurations', [], undefined],
    ['entra', 'federationConfigurations', [{ id: 'f1' }], 'contoso.com'],
    ['okta', 'users', snapshot.okta!.users!],
    ['entra', 'users', users.slice(2)],
    ['entra', 'federationConfigurations', [{ id: 'f3' }], 'fabrikam.com'],
    ['entra', 'federationConfigurations', [{ id: 'f2' }], 'contoso.com'],
    ['entra', 'synchronizationJobs', []],
    ['entra', 'domains', snapshot.entra!.domains!],
    ['okta', 'appUsers', [{ id: '00u1', profile: { immutableId: 'AAA=' } }], '0oa1'],
    ['okta', 'userSchema', [snapshot.okta!.userSchema!]],
  ]
  const rows: RecordRow[] = []
  const counts: Record<string, number> = {}
  for (const [source, resource, records, parentId] of batches) {
    counts[`${source}.${resource}`] = (counts[`${source}.${resource}`] ?? 0) + records.length
    for (const raw of records) {
      const seq = rows.length
      rows.push({
        snapshotId,
        source,
        resource,
        parentId,
        seq,
        raw,
        ...recordKeys(source, resource, raw, parentId, seq),
      })
    }
  }
  const row: SnapshotRow = {
    id: snapshotId,
    workspaceId: 'ws-1',
    status: 'complete',
    collectedAt: snapshot.collectedAt,
    createdAt: '2026-05-02T00:00:00Z',
    origin: 'collected',
    tool: snapshot.tool,
    entra: { tenantId: 't1', cloud: 'global' },
    okta: { orgUrl: 'https://acme.okta.com' },
    collection: snapshot.collection,
    counts,
  }
  await db.table('snapshots').put(row)
  await db.table('workspaces').put({ id: 'ws-1', currentSnapshotId: snapshotId })
  await db.table('records').bulkPut(rows)
}

describe('cache version 2 upgrade', () => {
  it('moves version 1 records into chunks and lookups, and drops the records table', async () => {
    const v1 = new CrosswalkDbV1(NAME)
    opened = v1
    await writeV1(v1, 's1', original())
    await writeV1(v1, 's2', original())
    expect(await v1.table('records').count()).toBe(2 * (WRITE_CHUNK + 3 + 7))
    v1.close()

    const db = new CrosswalkDb(NAME)
    opened = db
    await db.open()
    expect(db.verno).toBe(2)
    expect(db.tables.map((t) => t.name)).not.toContain('records')
    expect(await loadSnapshot(db, 's1')).toEqual(original())
    expect(await loadSnapshot(db, 's2')).toEqual(original())

    const chunks = await db.chunks.where(':id').between(['s1'], ['s1', []]).toArray()
    // users arrived in two runs (2, then WRITE_CHUNK + 1 split at WRITE_CHUNK): three chunks
    expect(
      chunks.filter((c) => c.resource === 'users' && c.source === 'entra').map((c) => c.count),
    ).toEqual([2, WRITE_CHUNK, 1])
    expect(await db.lookups.count()).toBe(await db.chunks.count())

    const last = users.at(-1)!
    expect(
      await findSubjectRecord(db, 's1', { source: 'entra', type: 'user', id: last.id }),
    ).toEqual(last)
    expect(
      await findSubjectRecord(db, 's2', { source: 'entra', type: 'domain', id: 'contoso.com' }),
    ).toEqual({ id: 'Contoso.com', authenticationType: 'Federated' })
    const found = await findRecordsByIdentifier(db, 's1', 'immutableId', 'AAA=')
    expect(found.map((f) => `${f.source}.${f.resource}:${f.record.id}`)).toEqual([
      'entra.users:u1',
      'okta.appUsers:00u1',
    ])
    const byUpn = await findRecordsByIdentifier(db, 's2', 'upn', `user${WRITE_CHUNK}@contoso.com`)
    expect(byUpn.map((f) => f.record.id)).toEqual([`u${WRITE_CHUNK}`])
  })
})
