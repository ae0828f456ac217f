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
import { plantPeopleProblems } from './broken-people'
import { plantKit } from './plant-kit'
import { HEALTHY_PEOPLE, populate, toScenario } from './healthy'
import { PeopleFactory } from './people'
import { MS } from './random'
import { GRAPH_APP_ROLES } from './constants'
import type { Draft } from './base'

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
  plantReaderPermissionGap(d)
  d.entra.signIns.sort((a, b) => (b.createdDateTime ?? '').localeCompare(a.createdDateTime ?? ''))
  d.okta.logs.sort((a, b) => String(a['published']).localeCompare(String(b['published'])))
  return toScenario(d, 'broken')
}

/**
 * Admin consent for the reader app was granted without Group.Read.All and
 * Directory.Read.All (still requested in its manifest): the collection cannot
 * read groups and must say so. No diagnosis depends on groups, so nothing else
 * planted here is hidden by the gap.
 */
function plantReaderPermissionGap(d: Draft): void {
  const revoked = new Set(
    GRAPH_APP_ROLES.filter(
      (r) => r.value === 'Group.Read.All' || r.value === 'Directory.Read.All',
    ).map((r) => r.id),
  )
  const spId = d.reader.servicePrincipal.id ?? ''
  d.entra.appRoleAssignments[spId] = (d.entra.appRoleAssignments[spId] ?? []).filter(
    (a) => !revoked.has(a.appRoleId ?? ''),
  )
  d.answerKey.push({
    category: 'permission',
    problem: 'reader-lacks-group-read',
    planted:
      'The reader app has no admin consent for Group.Read.All or Directory.Read.All, so a collection cannot read groups.',
    // a property of the collection itself, not of any directory object
    subjects: [],
  })
}
