/**
 * The broken pair: the healthy population plus at least one planted instance
 * of every known problem class, each recorded in the answer key.
 */
import type { Scenario, ScenarioOptions } from './types'
import { createBase } from './base'
import { addBaselineActivity } from './activity'
import { plantConfigProblems } from './broken-config'
import { plantSeamMismatches } from './broken-seam'
import { plantOperationalProblems } from './broken-activity'
import { plantKit, plantPeopleProblems } from './broken-people'
import { HEALTHY_PEOPLE, populate, toScenario } from './healthy'
import { PeopleFactory } from './people'
import { MS } from './random'

export function buildBroken(options: ScenarioOptions): Scenario {
  // Entra Connect last ran 2 hours ago against a 30-minute schedule
  const d = createBase(options, 'broken', 2 * MS.hour + 7 * MS.minute)
  const factory = new PeopleFactory(d.ctx)
  const people = populate(d, HEALTHY_PEOPLE, factory)
  addBaselineActivity(d, 60)
  const seam = { ...plantSeamMismatches(d), ...plantConfigProblems(d) }
  const kit = plantKit(d, factory)
  const earlier = plantPeopleProblems(d, kit, people, seam)
  plantOperationalProblems(d, kit, people, seam, earlier)
  d.entra.signIns.sort((a, b) => (b.createdDateTime ?? '').localeCompare(a.createdDateTime ?? ''))
  d.okta.logs.sort((a, b) => String(a['published']).localeCompare(String(b['published'])))
  return toScenario(d, 'broken')
}
