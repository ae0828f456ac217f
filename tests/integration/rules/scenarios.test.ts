/**
 * The rule catalogue against the emulator's scenarios, as a full collection would
 * snapshot them, with precision beside recall:
 *
 * - `healthy` and `realistic` (the healthy pair plus the clutter real tenants have)
 *   yield nothing above info;
 * - on `broken`, `realistic-broken` and `large`, every planted problem is found (recall)
 *   and every finding above info is about a planted problem (precision).
 *
 * An answer-key entry counts as found when ONE finding of the same category lists every
 * subject of the entry on the side(s) that finding speaks about (a finding built from
 * Entra data only is held to the entry's Entra subjects; a finding that names objects
 * on both sides is held to all of them). A finding above info counts as a true positive
 * when it names at least one planted object and every object it names of a specific
 * kind (a person, a log event, a key…) is planted; the shared objects of the seam (an
 * IdP, an app, a domain) may be named by many problems.
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
/** Object kinds one problem owns; the seam's shared objects (IdP, app, domain…) are not among them. */
const SPECIFIC = new Set([
  'user',
  'signIn',
  'logEvent',
  'provisioningLog',
  'synchronizationJob',
  'appKey',
  'group',
])

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
  return {
    found: scenario.answerKey.length - missed.length,
    total: scenario.answerKey.length,
    missed,
  }
}

/**
 * Every object a planted problem names, and a planted person's account on the other side
 * (an AD value planted once reaches both sides: a bad UPN is also the Okta login), found
 * by UPN = login or mail = email.
 */
function plantedObjects(scenario: Scenario): Set<string> {
  const planted = new Set(scenario.answerKey.flatMap((e) => e.subjects.map(key)))
  const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined)
  const oktaByName = new Map<string, string[]>()
  for (const o of scenario.okta.users) {
    const profile = o['profile'] as Record<string, unknown>
    for (const name of new Set([lower(profile['login']), lower(profile['email'])])) {
      if (name)
        oktaByName.set(name, [...(oktaByName.get(name) ?? []), `okta:user:${String(o['id'])}`])
    }
  }
  for (const u of scenario.entra.users) {
    const names = [lower(u.userPrincipalName), lower(u.mail)].filter((n): n is string => !!n)
    const okta = names.flatMap((n) => oktaByName.get(n) ?? [])
    if (planted.has(`entra:user:${u.id}`)) okta.forEach((o) => planted.add(o))
    else if (okta.some((o) => planted.has(o))) planted.add(`entra:user:${u.id}`)
  }
  return planted
}

function precision(scenario: Scenario, findings: readonly Finding[]) {
  const planted = plantedObjects(scenario)
  const loud = findings.filter((f) => f.severity !== 'info')
  const wrong = loud.filter(
    (f) =>
      !f.subjects.some((s) => planted.has(key(s))) ||
      f.subjects.some((s) => SPECIFIC.has(s.type) && !planted.has(key(s))),
  )
  return { right: loud.length - wrong.length, total: loud.length, wrong }
}

const pct = (a: number, b: number) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1))
const describeFinding = (f: Finding) =>
  `${f.rule} (${f.severity}): ${f.title} [${f.subjects
    .filter((s) => SPECIFIC.has(s.type))
    .slice(0, 4)
    .map((s) => s.name ?? s.id)
    .join(', ')}]`

describe.each(['healthy', 'realistic'] as const)('%s scenario', (name) => {
  let findings: Finding[]
  beforeAll(async () => {
    findings = diagnose(
      scenarioSnapshot(await buildScenario(name, { seed: 1, origins: ORIGINS }), ORIGINS),
    )
  }, 60_000)

  it('has no finding above info', () => {
    const loud = findings.filter((f) => f.severity !== 'info')
    console.log(
      `${name}: ${loud.length} findings above info (${findings.length} in all, the rest notes)`,
    )
    expect(loud.map(describeFinding)).toEqual([])
  })
})

describe.each(['broken', 'realistic-broken'] as const)('%s scenario', (name) => {
  let scenario: Scenario
  let findings: Finding[]
  beforeAll(async () => {
    scenario = await buildScenario(name, { seed: 1, origins: ORIGINS })
    findings = diagnose(scenarioSnapshot(scenario, ORIGINS))
  }, 60_000)

  it('finds every answer-key entry (recall 100%)', () => {
    const r = recall(scenario, findings)
    console.log(`${name}: recall ${r.found}/${r.total} = ${pct(r.found, r.total)}%`)
    expect(r.missed.map((e) => `${e.category}/${e.problem}`)).toEqual([])
  })

  it('raises nothing above info that was not planted (precision 100%)', () => {
    const p = precision(scenario, findings)
    console.log(`${name}: precision ${p.right}/${p.total} = ${pct(p.right, p.total)}%`)
    expect(p.wrong.map(describeFinding)).toEqual([])
  })

  it('keeps both sides in the evidence and never the IdP secret', () => {
    const secrets = scenario.entra.secrets.map((s) => s.secretText).filter((s) => s.length > 3)
    const text = JSON.stringify(findings)
    for (const secret of secrets) expect(text).not.toContain(secret)
    for (const f of findings.filter((x) => x.category === 'credential-mismatch')) {
      expect(f.evidence).toHaveProperty('entra')
      expect(f.evidence).toHaveProperty('okta')
    }
  })
})

describe('broken scenario', () => {
  it('fires every rule in the catalogue', async () => {
    const scenario = await buildScenario('broken', { seed: 1, origins: ORIGINS })
    const fired = new Set(diagnose(scenarioSnapshot(scenario, ORIGINS)).map((f) => f.rule))
    const silent = RULES.map((r) => r.id).filter((id) => !fired.has(id))
    console.log(
      `broken: ${RULES.length - silent.length}/${RULES.length} rules fired; silent: ${silent.join(', ') || 'none'}`,
    )
    expect(silent).toEqual([])
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

  it('finds every planted problem, and nothing else above info', () => {
    expect(scenario.answerKey.length).toBe(largePlantCount(USERS))
    const r = recall(scenario, findings)
    const p = precision(scenario, findings)
    console.log(
      `large (${USERS} a side): recall ${r.found}/${r.total} = ${pct(r.found, r.total)}%; precision ${p.right}/${p.total} = ${pct(p.right, p.total)}%; ${findings.length} findings`,
    )
    expect(r.missed.map((e) => `${e.category}/${e.problem}`)).toEqual([])
    expect(p.wrong.map(describeFinding)).toEqual([])
  })

  it('stays a bounded report', () => {
    for (const f of findings) expect(f.subjects.length).toBeLessThanOrEqual(1000)
    expect(findings.length).toBeLessThan(USERS / 20)
  })
})
