import { describe, expect, it } from 'vitest'
import type { ResourceProgress } from '../../../../../src/renderer/src/features/collect/collect-run'
import {
  summarizeProgress,
  type ProgressRow,
} from '../../../../../src/renderer/src/features/collect/progress-summary'

const p = (records: number, extra: Partial<ResourceProgress> = {}): ResourceProgress => ({
  source: 'entra',
  resource: 'x',
  records,
  pages: 1,
  throttleWaits: 0,
  retries: 0,
  errors: 0,
  etaMs: null,
  ...extra,
})
const row = (key: string, progress?: ResourceProgress): ProgressRow => ({
  key,
  source: key.startsWith('okta') ? 'okta' : 'entra',
  progress,
})

describe('summarizeProgress', () => {
  it('counts by resources while an unfinished one has no total', () => {
    const summary = summarizeProgress(
      [
        row('entra.organization', p(1, { state: 'done' })),
        row('entra.users', p(250, { total: 1000, etaMs: 30_000 })),
        row('entra.groups'),
      ],
      10_000,
    )
    // one done, a quarter of another, nothing known of the third
    expect(summary.fraction).toBeCloseTo(1.25 / 3)
  })

  it('weighs each resource by its expected records when every unfinished one has a total', () => {
    const summary = summarizeProgress(
      [
        row('entra.organization', p(1, { state: 'done' })),
        row('entra.users', p(250, { total: 1000, etaMs: 30_000 })),
        row('entra.groups'),
      ],
      10_000,
      { 'entra.groups': 1 },
    )
    expect(summary.done).toBe(1)
    expect(summary.records).toBe(251)
    // (1 + 250 + 0) of (1 + 1000 + 1)
    expect(summary.fraction).toBeCloseTo(251 / 1002)
    expect(summary.unestimated).toEqual([])
    // the pace so far (10 s for a quarter) says 30 s more, as does the resource's own estimate
    expect(summary.etaMs).toBeGreaterThanOrEqual(29_000)
  })

  it('names a side it cannot estimate, and leaves it out of the time left', () => {
    const summary = summarizeProgress(
      [row('entra.users', p(500, { total: 1000, etaMs: 5_000 })), row('okta.users', p(400))],
      60_000,
    )
    expect(summary.unestimated).toEqual(['okta'])
    expect(summary.etaMs).toBe(5_000)
  })

  it('takes the previous snapshot’s counts as totals for resources that have not started', () => {
    const summary = summarizeProgress(
      [row('okta.users', p(0, { etaMs: null })), row('okta.apps', p(10, { state: 'done' }))],
      1_000,
      { 'okta.users': 990 },
    )
    expect(summary.fraction).toBeCloseTo(10 / 1000)
  })

  it('no time left once every resource has ended', () => {
    const summary = summarizeProgress(
      [row('entra.users', p(3, { state: 'done' })), { ...row('entra.signIns'), failed: true }],
      1_000,
    )
    expect(summary).toMatchObject({ done: 1, failed: 1, fraction: 1, etaMs: 0 })
  })
})
