/**
 * The snapshot the scale benchmarks read: the emulator's `large` scenario with
 * `CROSSWALK_BENCH_USERS` people a side (100k by default), built in memory. The scenario
 * modules load on first use, so listing the benchmarks stays quick.
 */
import type { Snapshot } from '../../src/shared/model'

/** Users per side in the large snapshot. */
export function benchUsers(): number {
  const raw = process.env.CROSSWALK_BENCH_USERS ?? '100000'
  const users = Number(raw)
  if (!Number.isInteger(users) || users < 2) {
    throw new Error(`CROSSWALK_BENCH_USERS must be a whole number of at least 2, not "${raw}".`)
  }
  return users
}

/** The origins the snapshot's URLs name (no service listens there). */
export const LARGE_ORIGINS = {
  authorityHost: 'https://localhost:41001',
  graphBaseUrl: 'https://localhost:41002',
  oktaOrgUrl: 'https://localhost:41003',
}

/** The `large` scenario's snapshot with `users` a side. */
export async function largeSnapshot(users = benchUsers()): Promise<Snapshot> {
  const { buildScenario } = await import('../emulator/scenarios/index')
  const { scenarioSnapshot } = await import('../fixtures/scenario-snapshot')
  const scenario = await buildScenario('large', { seed: 1, origins: LARGE_ORIGINS, users })
  return scenarioSnapshot(scenario, LARGE_ORIGINS)
}
