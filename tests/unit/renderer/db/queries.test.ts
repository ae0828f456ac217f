import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CrosswalkDb } from '../../../../src/renderer/src/db/schema'
import { beginSnapshot, WRITE_CHUNK } from '../../../../src/renderer/src/db/snapshots'
import {
  findRecordsByIdentifier,
  findSubjectRecord,
  loadSnapshotParts,
} from '../../../../src/renderer/src/db/queries'

let db: CrosswalkDb
let n = 0

beforeEach(async () => {
  db = new CrosswalkDb(`queries-${++n}`)
  await db.open()
})
afterEach(async () => {
  await db.delete()
})

const users = Array.from({ length: WRITE_CHUNK * 2 + 1 }, (_, i) => ({
  id: `u${i}`,
  userPrincipalName: `U${i}@Contoso.com`,
  mail: i % 2 === 0 ? `shared@contoso.com` : null,
}))

async function collected() {
  const run = await beginSnapshot(db, {
    workspaceId: 'ws',
    origin: 'collected',
    tool: { name: 'crosswalk', version: '0' },
    entra: { tenantId: 't', cloud: 'global' },
    createdAt: '2026-05-03T00:00:00Z',
  })
  await run.writeBatch('entra', 'users', users.slice(0, 3))
  await run.writeBatch('entra', 'domains', [{ id: 'Contoso.com' }, { id: 'fabrikam.com' }])
  await run.writeBatch('entra', 'users', users.slice(3))
  await run.writeBatch('entra', 'federationConfigurations', [{ id: 'f1' }], 'contoso.com')
  await run.finish({
    collectedAt: '2026-05-03T00:01:00Z',
    collection: {
      startedAt: '2026-05-03T00:00:00Z',
      finishedAt: '2026-05-03T00:01:00Z',
      complete: true,
      errors: [],
      grantedPermissions: { entra: [], okta: [] },
      cursors: {},
    },
  })
  return run.id
}

describe('cache queries', () => {
  it('looks a subject record up through the key index, in whichever chunk holds it', async () => {
    const id = await collected()
    for (const i of [0, 2, 3, WRITE_CHUNK + 2, WRITE_CHUNK * 2]) {
      expect(
        await findSubjectRecord(db, id, { source: 'entra', type: 'user', id: `u${i}` }),
      ).toEqual(users[i])
    }
    expect(
      await findSubjectRecord(db, id, { source: 'entra', type: 'user', id: 'missing' }),
    ).toBeUndefined()
    expect(
      await findSubjectRecord(db, id, { source: 'okta', type: 'user', id: 'u1' }),
    ).toBeUndefined()
    expect(
      await findSubjectRecord(db, id, { source: 'entra', type: 'domain', id: 'contoso.com' }),
    ).toEqual({ id: 'Contoso.com' })
    expect(
      await findSubjectRecord(db, id, { source: 'entra', type: 'domain', id: 'CONTOSO.com' }),
    ).toEqual({ id: 'Contoso.com' })
    expect(
      await findSubjectRecord(db, 'other', { source: 'entra', type: 'user', id: 'u1' }),
    ).toBeUndefined()
  })

  it('finds every record sharing an identifier, in snapshot order, across chunks', async () => {
    const id = await collected()
    const shared = await findRecordsByIdentifier(db, id, 'email', 'Shared@Contoso.com')
    expect(shared.map((f) => f.record.id)).toEqual(
      users.filter((u) => u.mail !== null).map((u) => u.id),
    )
  })

  it('reassembles only the requested resources', async () => {
    const id = await collected()
    const parts = await loadSnapshotParts(db, id, [
      'entra.domains',
      'entra.federationConfigurations',
    ])
    expect(parts.entra).toEqual({
      tenantId: 't',
      cloud: 'global',
      domains: [{ id: 'Contoso.com' }, { id: 'fabrikam.com' }],
      federationConfigurations: { 'contoso.com': [{ id: 'f1' }] },
    })
  })
})
