import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  LARGE_PROBLEMS,
  SCENARIO_NAMES,
  buildScenario,
  largePlantCount,
  subjectExists,
} from '../../emulator/scenarios'
import type { Scenario, ScenarioOptions } from '../../emulator/scenarios/types'
import { SCENARIO_NAMES as EMULATOR_SCENARIO_NAMES } from '../../emulator/index'
import { expectPendingChanges } from './scenario-checks'

const origins = {
  authorityHost: 'https://localhost:41001',
  graphBaseUrl: 'https://localhost:41002',
  oktaOrgUrl: 'https://localhost:41003',
}
const hashOf = (s: Scenario): string => createHash('sha256').update(JSON.stringify(s)).digest('hex')

describe('scenario index', { timeout: 60_000 }, () => {
  it('builds every named scenario on the given origins', async () => {
    expect([...SCENARIO_NAMES]).toEqual([
      'healthy',
      'broken',
      'large',
      'realistic',
      'realistic-broken',
      'fresh',
    ])
    // the emulator names them without loading the library
    expect([...EMULATOR_SCENARIO_NAMES]).toEqual([...SCENARIO_NAMES])
    for (const name of SCENARIO_NAMES.filter((n) => n !== 'fresh')) {
      const s = await buildScenario(name, { seed: 1, origins, users: 500 })
      expect(s.name).toBe(name)
      expect(JSON.stringify(s.okta.idps)).toContain(origins.authorityHost)
      expect(JSON.stringify(s.entra.federationConfigurations)).toContain(origins.oktaOrgUrl)
      expect(s.now).toBe('2026-11-20T12:00:00.000Z')
    }
  })

  it("fresh holds healthy's people and none of the seam's objects", async () => {
    const healthy = await buildScenario('healthy', { seed: 1, origins })
    const fresh = await buildScenario('fresh', { seed: 1, origins })
    expect(fresh.name).toBe('fresh')
    expect(fresh.entra.users.map((u) => u.id)).toEqual(healthy.entra.users.map((u) => u.id))
    expect(fresh.okta.users.map((u) => u['id'])).toEqual(healthy.okta.users.map((u) => u['id']))
    expect(fresh.okta.idps).toEqual([])
    expect(fresh.okta.apps.some((a) => a['name'] === 'office365')).toBe(false)
    expect(fresh.entra.federationConfigurations).toEqual({})
    expect(fresh.entra.domains.every((d) => d.authenticationType === 'Managed')).toBe(true)
    const idpClient = String(
      (healthy.okta.idps[0]?.['protocol'] as { credentials: { client: { client_id: string } } })
        .credentials.client.client_id,
    )
    expect(fresh.entra.applications.some((a) => a.appId === idpClient)).toBe(false)
    expect(JSON.stringify(fresh)).not.toContain(idpClient)
    const rules = Object.values(fresh.okta.idpDiscoveryRules).flat()
    expect(rules.map((r) => r['name'])).toEqual(['Default Rule'])
  })

  it('refuses an unknown scenario name', async () => {
    await expect(buildScenario('tiny' as 'healthy', { seed: 1, origins })).rejects.toThrow(
      /unknown scenario "tiny"/,
    )
  })

  it('plants dates around options.now', async () => {
    const s = await buildScenario('healthy', { seed: 1, origins, now: '2030-01-01T00:00:00Z' })
    const lastSync = Date.parse(s.entra.organization[0]?.onPremisesLastSyncDateTime ?? '')
    expect(Date.parse('2030-01-01T00:00:00Z') - lastSync).toBeLessThan(60 * 60_000)
    expect(lastSync).toBeLessThan(Date.parse('2030-01-01T00:00:00Z'))
  })
})

describe('large scenario', { timeout: 60_000 }, () => {
  it('is deterministic: the same seed gives the same JSON, another seed another', async () => {
    const options: ScenarioOptions = { seed: 42, origins, users: 3000 }
    const first = hashOf(await buildScenario('large', options))
    expect(hashOf(await buildScenario('large', options))).toBe(first)
    expect(hashOf(await buildScenario('large', { ...options, seed: 43 }))).not.toBe(first)
  })

  it('builds N users a side with about 1% planted problems, all in the answer key', async () => {
    const users = 20_000
    const s = await buildScenario('large', { seed: 5, origins, users })
    expect(s.entra.users).toHaveLength(users)
    expect(s.okta.users).toHaveLength(users)
    expect(s.answerKey).toHaveLength(largePlantCount(users))
    expect(s.answerKey.length).toBeGreaterThanOrEqual(users / 200)
    expect(new Set(s.answerKey.map((e) => e.problem))).toEqual(new Set(LARGE_PROBLEMS))
    const touched = new Set(
      s.answerKey.flatMap((e) => e.subjects.filter((x) => x.type === 'user').map((x) => x.id)),
    )
    expect(touched.size / (2 * users)).toBeGreaterThan(0.005)
    expect(touched.size / (2 * users)).toBeLessThan(0.02)
    // subjectExists scans lists; check a spread sample of entries
    for (const e of s.answerKey.filter((_, i) => i % 10 === 0)) {
      for (const sub of e.subjects)
        expect(subjectExists(s, sub), `${e.problem} ${sub.id}`).toBe(true)
    }
  })

  it('spreads people over several UPN suffixes, departments and sync times', async () => {
    const s = await buildScenario('large', { seed: 9, origins, users: 10_000 })
    const suffixes = new Map<string, number>()
    for (const u of s.entra.users) {
      const suffix = (u.userPrincipalName ?? '').split('@')[1] ?? ''
      suffixes.set(suffix, (suffixes.get(suffix) ?? 0) + 1)
    }
    expect(suffixes.size).toBeGreaterThanOrEqual(4)
    expect((suffixes.get('northwindtraders.com') ?? 0) / s.entra.users.length).toBeGreaterThan(0.6)
    expect(new Set(s.entra.users.map((u) => u.department)).size).toBeGreaterThanOrEqual(8)
    expect(new Set(s.entra.users.map((u) => u.jobTitle)).size).toBeGreaterThanOrEqual(20)
    // Entra Connect exports a user only when it changed: most were last exported months ago
    const now = Date.parse(s.now)
    const ages = s.entra.users
      .filter((u) => u.onPremisesSyncEnabled)
      .map((u) => now - Date.parse(u.onPremisesLastSyncDateTime ?? ''))
    const share = (test: (age: number) => boolean) => ages.filter(test).length / ages.length
    expect(share((a) => a < 86_400_000)).toBeGreaterThan(0.02)
    expect(share((a) => a < 86_400_000)).toBeLessThan(0.15)
    expect(share((a) => a > 30 * 86_400_000)).toBeGreaterThan(0.6)
  })

  it('proves each planted user sync lag with a newer Okta import and a later tenant sync', async () => {
    const s = await buildScenario('large', { seed: 3, origins, users: 6000 })
    const lags = s.answerKey.filter((e) => e.problem === 'user-sync-lag')
    expect(lags.length).toBeGreaterThan(0)
    for (const e of lags) expectPendingChanges(s, e)
  })
})
