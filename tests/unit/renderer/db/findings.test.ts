import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CrosswalkDb } from '../../../../src/renderer/src/db/schema'
import {
  carryDecisions,
  findingStates,
  listFindings,
  saveFindings,
  setFindingState,
} from '../../../../src/renderer/src/db/findings'
import type { Finding } from '../../../../src/shared/model/finding'

let db: CrosswalkDb
let n = 0
beforeEach(async () => {
  db = new CrosswalkDb(`findings-${++n}`)
  await db.open()
})
afterEach(() => db.delete())

const finding = (id: string, severity: Finding['severity']): Finding => ({
  id,
  rule: 'entra-secret-expired',
  category: 'credential-expiry',
  severity,
  title: `t ${id}`,
  detail: 'd',
  subjects: [],
  evidence: {},
  remediation: { steps: [], links: [] },
})

describe('findings cache', () => {
  it('replaces a snapshot’s findings with the newest diagnosis only', async () => {
    await saveFindings(db, 's1', [finding('a', 'high'), finding('b', 'low')])
    await saveFindings(db, 's2', [finding('a', 'high')])
    await saveFindings(db, 's1', [finding('c', 'critical')])
    expect((await listFindings(db, 's1')).map((f) => f.id)).toEqual(['c'])
    expect((await listFindings(db, 's2')).map((f) => f.id)).toEqual(['a'])
    expect(
      await db.findings.where('[snapshotId+severity]').equals(['s1', 'critical']).count(),
    ).toBe(1)
  })

  it('keeps decisions per workspace by finding id, and reopening clears them', async () => {
    await setFindingState(db, 'w1', 'a', 'ignored', '2026-01-01T00:00:00Z', 'known test tenant')
    await setFindingState(db, 'w1', 'b', 'accepted', '2026-01-01T00:00:00Z')
    await setFindingState(db, 'w2', 'a', 'accepted', '2026-01-01T00:00:00Z')
    const w1 = await findingStates(db, 'w1')
    expect(w1.get('a')).toMatchObject({ state: 'ignored', note: 'known test tenant' })
    expect(w1.get('b')?.state).toBe('accepted')
    await setFindingState(db, 'w1', 'b', 'open', '2026-01-02T00:00:00Z')
    expect((await findingStates(db, 'w1')).has('b')).toBe(false)
    expect((await findingStates(db, 'w2')).get('a')?.state).toBe('accepted')
  })
})

describe('decisions across a catalogue that groups causes differently', () => {
  it('carries a decision from a finding that is gone to the finding that absorbed its cause', async () => {
    const row = (id: string) => ({
      id,
      workspaceId: 'w1',
      status: 'complete' as const,
      collectedAt: '2026-06-01T00:00:00Z',
      createdAt: '2026-06-01T00:00:00Z',
      origin: 'collected' as const,
      tool: { name: 'crosswalk', version: 'test' },
      counts: {},
    })
    await db.snapshots.bulkPut([row('s1'), row('s2')])
    const user = { source: 'entra' as const, type: 'user', id: 'u1' }
    const old = { ...finding('per-idp', 'high'), rule: 'idp-username-unmatched', subjects: [user] }
    await saveFindings(db, 's1', [old])
    await setFindingState(db, 'w1', 'per-idp', 'accepted', '2026-06-01T00:00:00Z', 'known rename')
    const grouped = {
      ...finding('per-cause', 'high'),
      rule: 'idp-username-unmatched',
      subjects: [{ source: 'okta' as const, type: 'idp', id: 'A' }, user],
    }
    expect(await carryDecisions(db, 'w1', [grouped])).toBe(1)
    const states = await findingStates(db, 'w1')
    expect(states.get('per-cause')).toMatchObject({ state: 'accepted', note: 'known rename' })
    // the old decision stays, and carrying again changes nothing
    expect(states.get('per-idp')?.state).toBe('accepted')
    expect(await carryDecisions(db, 'w1', [grouped])).toBe(0)
  })
})
