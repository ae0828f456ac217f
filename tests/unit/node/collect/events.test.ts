import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CollectEvent } from '../../../../src/node/collect/events'
import { createTracker } from '../../../../src/node/collect/tracker'
import { readSnapshotFile, writeSnapshotFile } from '../../../../src/node/snapshot-file'
import type { Snapshot } from '../../../../src/shared/model/snapshot'

describe('collection events', () => {
  it('the tracker emits schema-valid batch and progress events with an ETA once the total is known', () => {
    const events: CollectEvent[] = []
    let t = 0
    const tracker = createTracker(
      (e) => events.push(e),
      () => t,
    )
    const users = tracker.track('okta', 'users')
    users.expect(400)
    t = 1000
    users.page([{ id: 'a' }, { id: 'b' }])
    users.stats.throttleWaits++
    t = 2000
    users.page([])
    tracker.track('entra', 'signIns').error()
    for (const e of events) expect(CollectEvent.parse(JSON.parse(JSON.stringify(e)))).toEqual(e)
    expect(events.filter((e) => e.type === 'batch')).toHaveLength(1)
    const last = events.filter((e) => e.type === 'progress' && e.resource === 'users').at(-1)
    expect(last).toMatchObject({ records: 2, pages: 2, throttleWaits: 1, etaMs: 398_000 })
    expect(events.at(-1)).toMatchObject({
      resource: 'signIns',
      errors: 1,
      etaMs: null,
      state: 'failed',
    })
  })

  it('one tracker per resource: counts add up across calls, and done is said once with no time left', () => {
    const events: CollectEvent[] = []
    const tracker = createTracker(
      (e) => events.push(e),
      () => 0,
      { 'okta.appUsers': 10 },
    )
    tracker.track('okta', 'appUsers').page([{ id: 'a' }], 'app1')
    tracker.track('okta', 'appUsers').page([{ id: 'b' }], 'app2')
    expect(events.at(-1)).toMatchObject({ records: 2, pages: 2, total: 10, state: 'running' })
    tracker.track('okta', 'appUsers').done()
    tracker.track('okta', 'appUsers').done()
    const done = events.filter((e) => e.type === 'progress' && e.state === 'done')
    expect(done).toEqual([expect.objectContaining({ records: 2, etaMs: 0, total: 10 })])
  })

  it('a paced resource is estimated by the pacer’s schedule while the throughput is still too hopeful', () => {
    const events: CollectEvent[] = []
    let t = 0
    const tracker = createTracker(
      (e) => events.push(e),
      () => t,
      { 'okta.users': 1000 },
    )
    const users = tracker.track('okta', 'users')
    const asked: number[] = []
    users.pace({
      perRequest: 200,
      schedule: (requests) => {
        asked.push(requests)
        return 60_000
      },
    })
    t = 100
    users.page(Array.from({ length: 200 }, (_, i) => ({ id: `u${i}` })))
    // throughput alone says 400 ms; the bucket resets in a minute
    expect(asked).toEqual([4])
    expect(events.at(-1)).toMatchObject({ records: 200, etaMs: 60_000 })
  })

  it('takes expected totals (the previous snapshot’s counts) for the ETA', () => {
    const events: CollectEvent[] = []
    let t = 0
    const tracker = createTracker(
      (e) => events.push(e),
      () => t,
      { 'entra.users': 10 },
    )
    const users = tracker.track('entra', 'users')
    t = 500
    users.page([{ id: '1' }, { id: '2' }, { id: '3' }, { id: '4' }, { id: '5' }])
    expect(events.at(-1)).toMatchObject({ records: 5, etaMs: 500 })
  })

  it('a throwing listener does not break the collection', () => {
    const tracker = createTracker(() => {
      throw new Error('listener bug')
    })
    expect(() => tracker.track('entra', 'users').page([{ id: '1' }])).not.toThrow()
  })

  it('rejects malformed events', () => {
    expect(
      CollectEvent.safeParse({ type: 'progress', source: 'entra', resource: 'users', records: -1 })
        .success,
    ).toBe(false)
    expect(
      CollectEvent.safeParse({ type: 'batch', source: 'ldap', resource: 'users', records: [] })
        .success,
    ).toBe(false)
  })
})

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosswalk-snapfile-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const snapshot: Snapshot = {
  format: 'crosswalk.snapshot',
  version: 1,
  collectedAt: '2026-11-20T12:00:00.000Z',
  tool: { name: 'crosswalk', version: '0.1.0' },
  okta: { orgUrl: 'https://acme.okta.com', users: [{ id: '00u1' }] },
  collection: {
    startedAt: '2026-11-20T11:59:00.000Z',
    finishedAt: '2026-11-20T12:00:00.000Z',
    complete: true,
    errors: [],
    grantedPermissions: { entra: [], okta: ['okta.users.read'] },
    cursors: { 'okta.users': '2026-11-20T11:00:00.000Z' },
  },
}

describe('snapshot files', () => {
  it('round-trips .json and .json.gz atomically', async () => {
    for (const name of ['s.json', 's.json.gz']) {
      await writeSnapshotFile(join(dir, name), snapshot)
      expect(await readSnapshotFile(join(dir, name))).toEqual(snapshot)
    }
    const gz = await readFile(join(dir, 's.json.gz'))
    expect(gz[0]).toBe(0x1f)
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('rejects files that are not snapshots with the path of the problem', async () => {
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...snapshot, version: 2 }))
    await expect(readSnapshotFile(join(dir, 'bad.json'))).rejects.toThrow(/version/)
    await writeFile(join(dir, 'junk.json'), 'not json')
    await expect(readSnapshotFile(join(dir, 'junk.json'))).rejects.toThrow(/not valid JSON/)
    await expect(
      writeSnapshotFile(join(dir, 'x.json'), {
        ...snapshot,
        format: 'other',
      } as unknown as Snapshot),
    ).rejects.toThrow(/invalid/)
  })
})
