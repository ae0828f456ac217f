/** The table-test harness shared by the per-category rule tests. */
import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../../src/shared/model'
import { RULES, diagnose } from '../../../../src/shared/rules'
import { type FixtureSnapshot, seamSnapshot } from '../../../fixtures/snapshots/seam-snapshot'

export interface RuleCase {
  /** what is broken, in words */
  name: string
  rule: string
  mutate: (s: FixtureSnapshot) => void
  /** further checks on the rule's findings (there is at least one) */
  expect?: (findings: Finding[]) => void
}

/** Subject ids of a finding as `source:type:id`. */
export const ids = (f: Finding | undefined) =>
  (f?.subjects ?? []).map((s) => `${s.source}:${s.type}:${s.id}`)

/** Runs each case: the rule is silent on the healthy fixture and fires on the broken one. */
export function ruleTable(title: string, cases: RuleCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      if (!RULES.some((r) => r.id === c.rule)) throw new Error(`unknown rule ${c.rule}`)
      it(`${c.rule} is silent on the healthy fixture`, () => {
        expect(diagnose(seamSnapshot(), { rules: [c.rule] })).toEqual([])
      })
      it(`${c.rule} fires: ${c.name}`, () => {
        const findings = diagnose(seamSnapshot(c.mutate), { rules: [c.rule] }).filter(
          (f) => f.rule === c.rule,
        )
        expect(findings.length).toBeGreaterThan(0)
        const rule = RULES.find((r) => r.id === c.rule)
        for (const f of findings) {
          expect(f.category).toBe(rule?.category)
          expect(f.remediation.steps.length).toBeGreaterThan(0)
          expect(f.remediation.links.length).toBeGreaterThan(0)
          expect(f.id.startsWith(`${c.rule}:`)).toBe(true)
        }
        c.expect?.(findings)
      })
    }
  })
}
