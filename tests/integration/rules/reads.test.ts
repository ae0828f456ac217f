/**
 * The rule contract, proved on the scenarios with planted problems: take away each
 * registered resource in turn and run each rule alone. A resource the rule declares in
 * `reads` stops it and is reported as not collected, naming it; one in `optionalReads`
 * may change its findings, and the gap note names it; any other resource must leave its
 * findings exactly as they were. So a rule cannot read something it does not declare and
 * quietly report less when it is missing.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type Finding,
  RESOURCE_PATHS,
  type ResourcePath,
  type Snapshot,
} from '../../../src/shared/model'
import { MISSING_RESOURCE_RULE, RULES, runRules } from '../../../src/shared/rules'
import { buildScenario } from '../../emulator/scenarios'
import { scenarioSnapshot } from '../../fixtures/scenario-snapshot'

const ORIGINS = {
  authorityHost: 'https://localhost:41001',
  graphBaseUrl: 'https://localhost:41002',
  oktaOrgUrl: 'https://localhost:41003',
}

function without(snapshot: Snapshot, path: ResourcePath): Snapshot {
  const [source, key] = path.split('.') as ['entra' | 'okta', string]
  const copy = structuredClone(snapshot)
  const side = copy[source] as Record<string, unknown> | undefined
  if (side) delete side[key]
  return copy
}

const ruleFindings = (findings: Finding[], id: string) => findings.filter((f) => f.rule === id)

describe.each(['broken', 'realistic-broken'] as const)('the %s scenario', (name) => {
  let snapshot: Snapshot
  beforeAll(async () => {
    snapshot = scenarioSnapshot(await buildScenario(name, { seed: 1, origins: ORIGINS }), ORIGINS)
  }, 60_000)

  it('declares every resource each rule reads', () => {
    const problems: string[] = []
    let checked = 0
    for (const rule of RULES) {
      const base = ruleFindings(runRules(snapshot, RULES, { rules: [rule.id] }), rule.id)
      const reads = new Set<string>(rule.reads)
      const optional = new Set<string>(rule.optionalReads ?? [])
      for (const path of RESOURCE_PATHS) {
        const present = (
          snapshot[path.split('.')[0] as 'entra' | 'okta'] as Record<string, unknown> | undefined
        )?.[path.split('.')[1] ?? '']
        if (present === undefined) continue
        checked++
        const all = runRules(without(snapshot, path), RULES, { rules: [rule.id] })
        const mine = ruleFindings(all, rule.id)
        const gap = all.find((f) => f.evidence['resource'] === path)
        const named = (kind: 'skipped' | 'weakened') =>
          ((gap?.evidence['rules'] as Record<string, string[]> | undefined)?.[kind] ?? []).includes(
            rule.id,
          )
        if (reads.has(path)) {
          if (mine.length > 0) problems.push(`${rule.id} ran without ${path}`)
          if (
            !named('skipped') &&
            !all.some(
              (f) =>
                f.rule !== MISSING_RESOURCE_RULE &&
                (f.evidence['rules'] as { skipped?: string[] } | undefined)?.skipped?.includes(
                  rule.id,
                ),
            )
          )
            problems.push(`${rule.id}: no note says it could not run without ${path}`)
        } else if (optional.has(path)) {
          if (JSON.stringify(mine) !== JSON.stringify(base) && !named('weakened'))
            problems.push(`${rule.id}: changed without ${path} and no note says so`)
        } else if (JSON.stringify(mine) !== JSON.stringify(base)) {
          problems.push(`${rule.id} reads ${path} without declaring it`)
        }
      }
    }
    console.log(`${name}: ${checked} rule × resource removals checked`)
    expect(problems).toEqual([])
  }, 120_000)
})
