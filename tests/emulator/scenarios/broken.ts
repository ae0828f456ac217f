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
import { type PlantKit, plantKit } from './plant-kit'
import { subject } from './answer-key'
import { account } from './clutter-accounts'
import { oktaAppTarget, oktaEvent, oktaUserActor } from './okta-events'
import { HEALTHY_PEOPLE, populate, toScenario } from './healthy'
import { PeopleFactory } from './people'
import { MS } from './random'
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
  plantLeaverStillActive(d, kit)
  plantJoinersLockedOut(d, kit)
  plantEmergencyAccessFederated(d)
  d.entra.signIns.sort((a, b) => (b.createdDateTime ?? '').localeCompare(a.createdDateTime ?? ''))
  d.okta.logs.sort((a, b) => String(a['published']).localeCompare(String(b['published'])))
  return toScenario(d, 'broken')
}

/**
 * A leaver disabled in AD (so in Entra) whose Okta account stays ACTIVE and assigned to
 * Office 365: Okta's AD import did not deactivate them.
 */
function plantLeaverStillActive(d: Draft, kit: PlantKit): void {
  const leaver = kit.add()
  leaver.entraUser.accountEnabled = false
  d.answerKey.push({
    category: 'provisioning',
    problem: 'leaver-still-active-in-okta',
    planted: `${leaver.p.upn} is disabled in Entra, but the Okta user is ACTIVE and still assigned to Office 365.`,
    subjects: [...kit.both(leaver), subject.oktaApp(d.o365.app)],
  })
}

/**
 * Two joiners Entra sends to Okta who cannot sign in to Microsoft 365: one active in Okta
 * but never assigned the Office 365 app (Okta refused their attempt an hour ago), one
 * licensed three weeks ago whose Okta account is still STAGED.
 */
function plantJoinersLockedOut(d: Draft, kit: PlantKit): void {
  const unassigned = kit.add()
  const list = d.okta.appUsers[d.o365.appId] ?? []
  list.splice(list.indexOf(unassigned.appUser), 1)
  const refused = oktaEvent(d, {
    eventType: 'app.generic.unauth_app_access_attempt',
    displayMessage: 'User attempted unauthorized access to app',
    atMs: d.ctx.nowMs - MS.hour,
    result: 'FAILURE',
    actor: oktaUserActor(unassigned.oktaUser),
    targets: [oktaAppTarget(d.o365.app)],
  })
  d.okta.logs.push(refused)
  d.answerKey.push({
    category: 'provisioning',
    problem: 'office365-not-assigned',
    planted: `${unassigned.p.upn} is licensed and active in Okta but not assigned Office 365; Okta refused the sign-in.`,
    subjects: [...kit.both(unassigned), subject.oktaApp(d.o365.app), subject.oktaLog(refused)],
  })
  const staged = kit.add((p) => {
    p.createdMs = d.ctx.nowMs - 21 * MS.day
    p.lastSyncMs = Math.max(p.lastSyncMs, p.createdMs + 30 * MS.minute)
  })
  const stagedList = d.okta.appUsers[d.o365.appId] ?? []
  stagedList.splice(stagedList.indexOf(staged.appUser), 1)
  Object.assign(staged.oktaUser, { status: 'STAGED', activated: null, statusChanged: null })
  d.answerKey.push({
    category: 'provisioning',
    problem: 'okta-account-never-activated',
    planted: `${staged.p.upn} was licensed in Entra three weeks ago; the Okta account is still STAGED.`,
    subjects: kit.both(staged),
  })
}

/**
 * An emergency-access account someone moved from the onmicrosoft.com domain onto the
 * federated domain: its sign-in now depends on Okta.
 */
function plantEmergencyAccessFederated(d: Draft): void {
  const bg = account(d, {
    upn: `breakglass03@${d.ctx.federatedDomain}`,
    displayName: 'Emergency Access 03',
    createdDaysAgo: 700,
  })
  d.answerKey.push({
    category: 'domain-federation',
    problem: 'emergency-access-on-federated-domain',
    planted: `${bg.userPrincipalName} is a cloud-only emergency-access account on the federated domain.`,
    subjects: [subject.entraUser(bg)],
  })
}

/**
 * The Okta service app Crosswalk reads with was granted every read scope but
 * okta.groups.read: the collection cannot read Okta groups and must say so, naming the
 * service app. No diagnosis depends on Okta groups, so nothing else planted here is
 * hidden by the gap. (A Graph permission cannot be planted the same way: every Graph
 * permission the reader needs is also needed by a diagnosis.)
 */
function plantReaderPermissionGap(d: Draft): void {
  const app = d.credentials.okta.serviceApp
  if (!app) throw new Error('the broken scenario needs the Okta service app')
  app.grantedScopes = app.grantedScopes.filter((s) => s !== 'okta.groups.read')
  d.answerKey.push({
    category: 'permission',
    problem: 'reader-lacks-okta-groups-scope',
    planted:
      'The Okta service app has every read scope but okta.groups.read, so a collection cannot read Okta groups.',
    subjects: [
      { source: 'okta', type: 'serviceApp', id: app.clientId, name: `service app ${app.clientId}` },
    ],
  })
}
