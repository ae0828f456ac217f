/**
 * The rule catalogue against the emulator's scenarios, as a full collection would
 * snapshot them: `healthy` yields nothing above info, `broken` fires the catalogue
 * and finds every answer-key entry, `large` finds every planted problem.
 *
 * An answer-key entry counts as found when ONE finding of the same category lists
 * every subject of the entry on the side(s) that finding speaks about (a finding
 * built from Entra data only is held to the entry's Entra subjects; a finding that
 * names objects on both sides is held to all of them).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../../src/shared/model'
import { RULES, diagnose } from '../../../src/shared/rules'
import { buildScenario, largePlantCount } from '../../emulator/scenarios'
import type { AnswerKeyEntry, Scenario } from '../../emulator/scenarios/types'
import { scenarioSnapshot } from '../../fixtures/scenario-snapshot'

const ORIGINS = {
  authorityHost: 'https://localhost:41001',
  graphBaseUrl: 'https://localhost:41002',
  oktaOrgUrl: 'https://localhost:41003',
}

const key = (s: { source: string; type: string; id: string }) => `${s.source}:${s.type}:${s.id}`

function isFound(entry: AnswerKeyEntry, findings: readonly Finding[]): boolean {
  return findings.some((f) => {
    if (f.category !== entry.category) return false
    // a problem of the collection itself (e.g. a permission the reader lacks) has no object subjects
    if (entry.subjects.length === 0) return f.subjects.length === 0
    const sides = new Set(f.subjects.map((s) => s.source))
    const held = entry.subjects.filter((s) => sides.has(s.source))
    if (held.length === 0) return false
    const ids = new Set(f.subjects.map(key))
    return held.every((s) => ids.has(key(s)))
  })
}

function recall(scenario: Scenario, findings: readonly Finding[]) {
  const missed = scenario.answerKey.filter((e) => !isFound(e, findings))
  const found = scenario.answerKey.length - missed.length
  return { found, total: scenario.answerKey.length, missed }
}

describe('healthy scenario', () => {
  let findings: Finding[]
  beforeAll(async () => {
    findings = diagnose(
      scenarioSnapshot(await buildScenario('healthy', { seed: 1, origins: ORIGINS }), ORIGINS),
    )
  })

  it('has no finding above info', () => {
    const falsePositives = findings.filter((f) => f.severity !== 'info')
    console.log(
      `healthy: ${falsePositives.length} false positives above info (${findings.length} findings in all)`,
    )
    expect(falsePositives.map((f) => `${f.rule}: ${f.title}`)).toEqual([])
  })
})

describe('broken scenario', () => {
  let scenario: Scenario
  let findings: Finding[]
  beforeAll(async () => {
    scenario = await buildScenario('broken', { seed: 1, origins: ORIGINS })
    findings = diagnose(scenarioSnapshot(scenario, ORIGINS))
  })

  it('fires every rule in the catalogue', () => {
    const fired = new Set(findings.map((f) => f.rule))
    const silent = RULES.map((r) => r.id).filter((id) => !fired.has(id))
    console.log(
      `broken: ${RULES.length - silent.length}/${RULES.length} rules fired; silent: ${silent.join(', ') || 'none'}`,
    )
    expect(silent).toEqual([])
  })

  it('finds every answer-key entry (recall 100%)', () => {
    const r = recall(scenario, findings)
    console.log(`broken: recall ${r.found}/${r.total} = ${((100 * r.found) / r.total).toFixed(1)}%`)
    expect(r.missed.map((e) => `${e.category}/${e.problem}`)).toEqual([])
  })

  it('keeps both sides in the evidence and never the IdP secret', () => {
    const secrets = scenario.entra.secrets.map((s) => s.secretText).filter((s) => s.length > 3)
    const text = JSON.stringify(findings)
    for (const secret of secrets) expect(text).not.toContain(secret)
    const mismatch = findings.filter((f) => f.category === 'credential-mismatch')
    expect(mismatch.length).toBeGreaterThan(0)
    for (const f of mismatch) {
      expect(f.evidence).toHaveProperty('entra')
      expect(f.evidence).toHaveProperty('okta')
    }
  })
})

describe('large scenario', () => {
  const USERS = 20_000
  let scenario: Scenario
  let findings: Finding[]
  beforeAll(async () => {
    scenario = await buildScenario('large', { seed: 3, origins: ORIGINS, users: USERS })
    findings = diagnose(scenarioSnapshot(scenario, ORIGINS))
  }, 180_000)

  it('finds every planted problem', () => {
    expect(scenario.answerKey.length).toBe(largePlantCount(USERS))
    const r = recall(scenario, findings)
    console.log(
      `large (${USERS} a side): recall ${r.found}/${r.total}; ${findings.length} findings`,
    )
    expect(r.missed.map((e) => `${e.category}/${e.problem}`)).toEqual([])
  })

  it('stays a bounded report', () => {
    for (const f of findings) expect(f.subjects.length).toBeLessThanOrEqual(1000)
    expect(findings.length).toBeLessThan(USERS / 20)
  })
})
