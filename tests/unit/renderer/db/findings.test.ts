import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CrosswalkDb } from '../../../../src/renderer/src/db/schema'
import {
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
