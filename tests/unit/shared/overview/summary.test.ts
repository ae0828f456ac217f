import { describe, expect, it } from 'vitest'
import {
  countsByCategory,
  healthSummary,
  type FindingDecision,
} from '../../../../src/shared/overview/summary'
import { finding } from './helpers'

const findings = [
  finding('a', 'critical', [], 'credential-mismatch'),
  finding('b', 'critical', [], 'credential-mismatch'),
  finding('c', 'high', [], 'domain-federation'),
  finding('d', 'medium', [], 'sync'),
  finding('e', 'info', [], 'configuration'),
]

describe('healthSummary', () => {
  it('counts open findings by severity and names the worst in the headline', () => {
    const summary = healthSummary(findings)
    expect(summary.total).toBe(5)
    expect(summary.openTotal).toBe(5)
    expect(summary.open).toEqual({ critical: 2, high: 1, medium: 1, low: 0, info: 1 })
    expect(summary.worst).toBe('critical')
    expect(summary.headline).toBe(
      '2 critical and 1 high findings likely break sign-in or provisioning.',
    )
  })

  it('counts accepted and ignored findings apart from open ones', () => {
    const decisions = new Map<string, FindingDecision>([
      [findings[0]!.id, 'accepted'],
      [findings[1]!.id, 'ignored'],
      [findings[2]!.id, 'open'],
    ])
    const summary = healthSummary(findings, (id) => decisions.get(id))
    expect(summary.open.critical).toBe(0)
    expect(summary.decided).toBe(2)
    expect(summary.worst).toBe('high')
    expect(summary.headline).toBe(
      '1 high finding likely breaks sign-in or provisioning (2 accepted or ignored).',
    )
  })

  it('says when nothing is wrong', () => {
    expect(healthSummary([]).headline).toMatch(/No findings/)
    expect(healthSummary([findings[3]!]).headline).toBe('1 open finding, none critical or high.')
  })
})

describe('countsByCategory', () => {
  it('stacks open findings per category in the contract order, skipping empty ones', () => {
    const rows = countsByCategory(findings)
    expect(rows.map((r) => r.category)).toEqual([
      'credential-mismatch',
      'sync',
      'domain-federation',
      'configuration',
    ])
    expect(rows[0]).toMatchObject({ label: 'Credential mismatch', critical: 2, total: 2 })
    expect(countsByCategory(findings, undefined, true)).toHaveLength(11)
  })

  it('leaves decided findings out', () => {
    const rows = countsByCategory(findings, (id) =>
      id === findings[3]!.id ? 'ignored' : undefined,
    )
    expect(rows.some((r) => r.category === 'sync')).toBe(false)
  })
})
