/**
 * Scenario data for the tenant emulator: `healthy` (consistent, nothing to
 * find), `broken` (every known problem planted, with an answer key), `large`
 * (a generated population for scale tests), `realistic` (healthy plus the
 * benign clutter of real tenants, nothing to find) and `realistic-broken`
 * (realistic plus problems hidden among that clutter, with an answer key) and `fresh`
 * (healthy's people before the integration is built: none of the seam's objects).
 */
import type { Scenario, ScenarioOptions } from './types'
import { buildBroken } from './broken'
import { buildFresh } from './fresh'
import { buildHealthy } from './healthy'
import { buildLarge } from './large'
import { buildRealistic } from './realistic'
import { buildRealisticBroken } from './realistic-broken'

export const SCENARIO_NAMES = [
  'healthy',
  'broken',
  'large',
  'realistic',
  'realistic-broken',
  'fresh',
] as const
export type ScenarioName = (typeof SCENARIO_NAMES)[number]

export async function buildScenario(
  name: ScenarioName,
  options: ScenarioOptions,
): Promise<Scenario> {
  switch (name) {
    case 'healthy':
      return buildHealthy(options)
    case 'broken':
      return buildBroken(options)
    case 'large':
      return buildLarge(options)
    case 'realistic':
      return buildRealistic(options)
    case 'realistic-broken':
      return buildRealisticBroken(options)
    case 'fresh':
      return buildFresh(options)
  }
  // callers that load this module dynamically pass plain strings
  throw new Error(`unknown scenario "${String(name)}"; known: ${SCENARIO_NAMES.join(', ')}`)
}

export type * from './types'
export { CATEGORIES, subjectExists } from './answer-key'
export { LARGE_DEFAULT_USERS, LARGE_PROBLEMS, largePlantCount } from './large'
