import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectSnapshot } from '../../../src/node/collect/collect-snapshot'
import { counts, logWindow, plantedSecrets, startHarness, type Harness } from './helpers'
import { expectedCounts } from './truth'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ scenario: 'broken' })
})
afterAll(async () => {
  await h?.emulator.close()
})

describe('the broken scenario', () => {
  it('collects every planted record the reader may read, and every answer-key subject is in the snapshot', async () => {
    const snap = await collectSnapshot({
      profile: h.profile,
      credentials: h.credentials,
      ca: h.ca,
      ...logWindow(h.emulator),
    })
    // the reader lacks consent for groups (planted): that resource alone is absent, with Graph's 403
    expect(snap.collection.errors).toEqual([
      expect.objectContaining({
        source: 'entra',
        resource: 'groups',
        status: 403,
        code: 'Authorization_RequestDenied',
      }),
    ])
    expect(snap.collection.complete).toBe(false)
    const { 'entra.groups': _groups, ...expected } = expectedCounts(
      h.emulator.scenario,
      logWindow(h.emulator),
    )
    expect(counts(snap)).toEqual(expected)
    const sides = { entra: JSON.stringify(snap.entra), okta: JSON.stringify(snap.okta) }
    const missing = h.emulator.scenario.answerKey.flatMap((entry) =>
      entry.subjects
        .filter((s) => !sides[s.source].includes(s.id))
        .map((s) => `${entry.problem}: ${s.source} ${s.type} ${s.id}`),
    )
    expect(missing).toEqual([])
    const text = JSON.stringify(snap)
    for (const secret of plantedSecrets(h)) expect(text).not.toContain(secret)
  })
})
