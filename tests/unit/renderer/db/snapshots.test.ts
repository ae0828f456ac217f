import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CrosswalkDb } from '../../../../src/renderer/src/db/schema'
import {
  acceptPartialSnapshot,
  beginSnapshot,
  currentSnapshot,
  importSnapshot,
  loadSnapshot,
  recoverInterruptedRuns,
  removeWorkspaceData,
  WRITE_CHUNK,
} from '../../../../src/renderer/src/db/snapshots'
import { findRecordsByIdentifier } from '../../../../src/renderer/src/db/queries'
import type { CollectionInfo, Snapshot } from '../../../../src/shared/model/snapshot'

const WS = 'ws-1'
let db: CrosswalkDb
let n = 0

beforeEach(async () => {
  db = new CrosswalkDb(`test-${++n}`)
  await db.open()
})
afterEach(async () => {
  await db.delete()
})

const collection = (complete: boolean): CollectionInfo => ({
  startedAt: '2026-05-01T10:00:00Z',
  finishedAt: '2026-05-01T10:05:00Z',
  complete,
  errors: complete
    ? []
    : [
        {
          source: 'entra',
          resource: 'signIns',
          status: 403,
          code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
          message: 'no P1',
        },
      ],
  grantedPermissions: { entra: ['User.Read.All'], okta: ['okta.users.read'] },
  cursors: { 'entra.users': 'https://graph/users/delta?$deltatoken=abc' },
})

function sample(): Snapshot {
  return {
    format: 'crosswalk.snapshot',
    version: 1,
    collectedAt: '2026-05-01T10:05:00Z',
    tool: { name: 'crosswalk', version: '0.1.0' },
    entra: {
      tenantId: 't1',
      cloud: 'global',
      users: [
        {
          id: 'u2',
          userPrincipalName: 'Zed@Contoso.com',
          mail: 'zed@contoso.com',
          onPremisesImmutableId: 'AAA=',
        },
        { id: 'u1', userPrincipalName: 'amy@contoso.com', mail: null },
      ],
      federationConfigurations: {
        'contoso.com': [{ id: 'f1', issuerUri: 'http://www.okta.com/exk1' }],
      },
      synchronizationJobs: {},
    },
    okta: {
      orgUrl: 'https://acme.okta.com',
      users: [{ id: '00u1', profile: { login: 'Amy@Contoso.com', email: 'amy@contoso.com' } }],
      appUsers: { '0oa1': [{ id: '00u1', profile: { immutableId: 'BBB=' } }] },
      userSchema: { id: 'default', definitions: {} },
    },
    collection: collection(true),
  }
}

async function chunksOf(snapshotId: string) {
  const range = [[snapshotId], [snapshotId, []]] as const
  return {
    chunks: await db.chunks.where(':id').between(range[0], range[1]).count(),
    lookups: await db.lookups.where(':id').between(range[0], range[1]).count(),
  }
}

describe('snapshot cache', () => {
  it('round-trips an imported snapshot, keeping order, keyed resources and empty ones', async () => {
    const original = sample()
    const row = await importSnapshot(db, WS, original, 'imported', '2026-05-02T00:00:00Z')
    expect(row.status).toBe('complete')
    expect((await currentSnapshot(db, WS))?.id).toBe(row.id)
    expect(await loadSnapshot(db, row.id)).toEqual(original)
  })

  it('finds users by lower-cased UPN, login, email and immutable ID through the lookups', async () => {
    const row = await importSnapshot(db, WS, sample(), 'imported', '2026-05-02T00:00:00Z')
    const byUpn = await findRecordsByIdentifier(db, row.id, 'upn', 'ZED@contoso.com')
    expect(byUpn.map((f) => [f.source, f.resource, f.record.id])).toEqual([
      ['entra', 'users', 'u2'],
    ])
    const byLogin = await findRecordsByIdentifier(db, row.id, 'login', 'amy@contoso.com')
    expect(byLogin.map((f) => f.record.id)).toEqual(['00u1'])
    const byEmail = await findRecordsByIdentifier(db, row.id, 'email', 'amy@contoso.com')
    expect(byEmail.map((f) => `${f.source}.${f.resource}:${f.record.id}`)).toEqual([
      'okta.users:00u1',
    ])
    const byImmutable = await findRecordsByIdentifier(db, row.id, 'immutableId', 'BBB=')
    expect(byImmutable).toEqual([
      {
        source: 'okta',
        resource: 'appUsers',
        parentId: '0oa1',
        record: { id: '00u1', profile: { immutableId: 'BBB=' } },
      },
    ])
    expect(await findRecordsByIdentifier(db, row.id, 'immutableId', 'bbb=')).toEqual([])
    expect(await findRecordsByIdentifier(db, 'another-snapshot', 'upn', 'zed@contoso.com')).toEqual(
      [],
    )
  })

  it('keeps the last good snapshot current when a later run fails or is cancelled', async () => {
    const good = await importSnapshot(db, WS, sample(), 'imported', '2026-05-02T00:00:00Z')
    for (const status of ['failed', 'cancelled'] as const) {
      const run = await beginSnapshot(db, {
        workspaceId: WS,
        origin: 'collected',
        tool: good.tool,
        createdAt: '2026-05-03T00:00:00Z',
      })
      await run.writeBatch('entra', 'users', [{ id: 'x' }])
      await run.abort(status, 'network down')
      expect((await currentSnapshot(db, WS))?.id).toBe(good.id)
      expect(await chunksOf(run.id)).toEqual({ chunks: 0, lookups: 0 })
      expect((await db.snapshots.get(run.id))?.status).toBe(status)
    }
  })

  it('does not make a partial run current unless it is accepted', async () => {
    const good = await importSnapshot(db, WS, sample(), 'imported', '2026-05-02T00:00:00Z')
    const run = await beginSnapshot(db, {
      workspaceId: WS,
      origin: 'collected',
      tool: good.tool,
      createdAt: '2026-05-03T00:00:00Z',
    })
    await run.writeBatch('entra', 'users', [{ id: 'x' }])
    const partial = await run.finish({
      collectedAt: '2026-05-03T00:01:00Z',
      collection: collection(false),
    })
    expect(partial.status).toBe('partial')
    expect((await currentSnapshot(db, WS))?.id).toBe(good.id)
    await acceptPartialSnapshot(db, run.id)
    expect((await currentSnapshot(db, WS))?.id).toBe(run.id)
    await expect(acceptPartialSnapshot(db, good.id)).rejects.toThrow(/partial/)
  })

  it('marks runs cut off by a crash as interrupted and frees their records', async () => {
    const run = await beginSnapshot(db, {
      workspaceId: WS,
      origin: 'collected',
      tool: { name: 'crosswalk', version: '0' },
      createdAt: '2026-05-03T00:00:00Z',
    })
    await run.writeBatch('okta', 'users', [{ id: 'a' }, { id: 'b' }])
    expect(await recoverInterruptedRuns(db)).toEqual([run.id])
    expect((await db.snapshots.get(run.id))?.status).toBe('interrupted')
    expect(await db.chunks.count()).toBe(0)
    expect(await db.lookups.count()).toBe(0)
    await expect(
      run.finish({ collectedAt: '2026-05-03T00:01:00Z', collection: collection(true) }),
    ).rejects.toThrow(/no longer running/)
    expect(await currentSnapshot(db, WS)).toBeUndefined()
  })

  it('leaves a run that another window is still writing alone', async () => {
    const held = new Set<string>()
    const locks = {
      request: async (
        name: string,
        options: object | (() => Promise<void>),
        callback?: () => Promise<void>,
      ) => {
        const run = typeof options === 'function' ? options : callback!
        held.add(name)
        try {
          await run()
        } finally {
          held.delete(name)
        }
      },
      query: async () => ({ held: [...held].map((name) => ({ name })), pending: [] }),
    }
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true })
    try {
      const run = await beginSnapshot(db, {
        workspaceId: WS,
        origin: 'collected',
        tool: { name: 'crosswalk', version: '0' },
        createdAt: '2026-05-03T00:00:00Z',
      })
      await run.writeBatch('okta', 'users', [{ id: 'a' }])
      expect(await recoverInterruptedRuns(db)).toEqual([])
      const row = await run.finish({
        collectedAt: '2026-05-03T00:01:00Z',
        collection: collection(true),
      })
      expect(row.status).toBe('complete')
      await Promise.resolve()
      expect(held.size).toBe(0)
    } finally {
      Reflect.deleteProperty(navigator, 'locks')
    }
  })

  it('writes a batch larger than one chunk in full', async () => {
    const run = await beginSnapshot(db, {
      workspaceId: WS,
      origin: 'collected',
      tool: { name: 'crosswalk', version: '0' },
      createdAt: '2026-05-03T00:00:00Z',
    })
    const users = Array.from({ length: WRITE_CHUNK * 2 + 7 }, (_, i) => ({
      id: `u${i}`,
      userPrincipalName: `u${i}@x.com`,
    }))
    await run.writeBatch('entra', 'users', users)
    const row = await run.finish({
      collectedAt: '2026-05-03T00:01:00Z',
      collection: collection(true),
    })
    expect(row.counts['entra.users']).toBe(users.length)
    const loaded = await loadSnapshot(db, run.id)
    expect(loaded.entra).toBeUndefined()
    const chunks = await db.chunks.toArray()
    expect(chunks.map((c) => [c.seq, c.count])).toEqual([
      [0, WRITE_CHUNK],
      [1, WRITE_CHUNK],
      [2, 7],
    ])
    expect(chunks.flatMap((c) => JSON.parse(c.json) as unknown[])).toEqual(users)
    expect((await db.lookups.toArray()).map((l) => l.upns.split('\n').length - 2)).toEqual([
      WRITE_CHUNK,
      WRITE_CHUNK,
      7,
    ])
  })

  it('removes every trace of a workspace and nothing of another', async () => {
    await importSnapshot(db, WS, sample(), 'imported', '2026-05-02T00:00:00Z')
    const other = await importSnapshot(db, 'ws-2', sample(), 'imported', '2026-05-02T00:00:00Z')
    await db.findingStates.put({
      workspaceId: WS,
      findingId: 'f',
      state: 'ignored',
      updatedAt: '2026-05-02T00:00:00Z',
    })
    await removeWorkspaceData(db, WS)
    expect(await db.snapshots.where('workspaceId').equals(WS).count()).toBe(0)
    expect(await db.findingStates.count()).toBe(0)
    expect(await chunksOf(other.id)).toEqual({ chunks: 5, lookups: 5 })
    expect(await db.chunks.count()).toBe(5)
    expect((await currentSnapshot(db, 'ws-2'))?.id).toBe(other.id)
  })
})
