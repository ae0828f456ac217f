import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CrosswalkDb } from '../../../../src/renderer/src/db/schema'
import { importSnapshot } from '../../../../src/renderer/src/db/snapshots'
import { listFindings } from '../../../../src/renderer/src/db/findings'
import { needsDiagnosis, runDiagnosis } from '../../../../src/renderer/src/workers/run-diagnosis'
import { diagnose } from '../../../../src/shared/rules'
import type { Snapshot } from '../../../../src/shared/model/snapshot'

let db: CrosswalkDb
let n = 0
beforeEach(async () => {
  db = new CrosswalkDb(`diag-${++n}`)
  await db.open()
})
afterEach(() => db.delete())

const snapshot: Snapshot = {
  format: 'crosswalk.snapshot',
  version: 1,
  collectedAt: '2026-06-01T00:00:00Z',
  tool: { name: 'crosswalk', version: '0.1.0' },
  entra: {
    tenantId: '11111111-1111-4111-8111-111111111111',
    cloud: 'global',
    applications: [
      {
        id: 'app-obj',
        appId: '22222222-2222-4222-8222-222222222222',
        displayName: 'Payroll',
        passwordCredentials: [
          {
            keyId: '33333333-3333-4333-8333-333333333333',
            hint: 'abc',
            endDateTime: '2026-05-01T00:00:00Z',
          },
        ],
        keyCredentials: [],
      },
    ],
    users: [
      { id: 'u1', userPrincipalName: 'dup@contoso.com' },
      { id: 'u2', userPrincipalName: 'DUP@contoso.com' },
    ],
  },
  collection: {
    startedAt: '2026-06-01T00:00:00Z',
    finishedAt: '2026-06-01T00:00:00Z',
    complete: true,
    errors: [],
    grantedPermissions: { entra: [], okta: [] },
    cursors: {},
  },
}

describe('runDiagnosis', () => {
  it('diagnoses the cached snapshot and stores exactly what the rules find', async () => {
    const row = await importSnapshot(db, 'w', snapshot, 'imported', '2026-06-01T00:00:00Z')
    const summary = await runDiagnosis(db, row.id)
    const expected = diagnose(snapshot)
    expect(summary.findings).toBe(expected.length)
    expect(expected.some((f) => f.category === 'credential-expiry')).toBe(true)
    const stored = await listFindings(db, row.id)
    expect(stored.map((f) => f.id).sort()).toEqual(expected.map((f) => f.id).sort())
    const total = Object.values(summary.bySeverity).reduce((a, b) => a + b, 0)
    expect(total).toBe(expected.length)
    const after = await db.snapshots.get(row.id)
    expect(needsDiagnosis(row)).toBe(true)
    expect(needsDiagnosis(after!)).toBe(false)
    expect(
      needsDiagnosis({ diagnosis: { at: 'x', findings: 0, rules: 'an-older-catalogue' } }),
    ).toBe(true)
  })

  it('fails clearly for a snapshot that is not cached', async () => {
    await expect(runDiagnosis(db, 'missing')).rejects.toThrow(/not stored/)
  })
})
