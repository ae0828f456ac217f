import { describe, expect, it } from 'vitest'
import { RULES, diagnose } from '../../../../src/shared/rules'
import { seamSnapshot } from '../../../fixtures/snapshots/seam-snapshot'

describe('the healthy seam fixture', () => {
  it('gives no findings from any rule', () => {
    const findings = diagnose(seamSnapshot())
    expect(findings.map((f) => `${f.rule}: ${f.title}`)).toEqual([])
  })

  it('is read by every rule without a missing-resource note', () => {
    const findings = diagnose(seamSnapshot(), { rules: RULES.map((r) => r.id) })
    expect(findings.filter((f) => f.rule === 'snapshot-resource-missing')).toEqual([])
  })
})
