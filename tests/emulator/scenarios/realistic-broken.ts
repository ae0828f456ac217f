/**
 * The realistic-broken pair: `realistic` (the same objects, byte for byte) plus planted
 * problems that hide among its look-alike clutter, each recorded in the answer key. Plants add
 * their own people, IdPs, apps and domains, so the clutter stays benign; every problem of the
 * scenario is in the answer key.
 */
import type { Scenario, ScenarioOptions } from './types'
import { buildRealisticDraft, finishRealistic } from './realistic'
import { plantKit } from './plant-kit'
import { plantAccountDrift } from './realistic-plants-drift'
import { plantPeopleProblems } from './realistic-plants-people'
import { plantConfigProblems } from './realistic-plants-config'

export function buildRealisticBroken(options: ScenarioOptions): Scenario {
  const r = buildRealisticDraft(options)
  const kit = plantKit(r.d, r.factory)
  plantAccountDrift(r.d, kit, { syncAccount: r.syncAccount, admin: r.admin })
  plantPeopleProblems(r.d, kit, r.factory)
  plantConfigProblems(r.d)
  return finishRealistic(r, 'realistic-broken')
}
