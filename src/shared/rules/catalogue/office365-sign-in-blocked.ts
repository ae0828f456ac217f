/**
 * office365-sign-in-blocked — people Entra sends to Okta who cannot get through: an
 * enabled, licensed Entra person on a domain federated to an active Okta Office 365 app
 * whose Okta account either is active but not assigned to any Office 365 app that serves
 * the domain (Okta refuses the WS-Fed token: "not assigned"), or was never activated
 * (STAGED for longer than the activation grace, 7 days by default, counted from the
 * later of its creation and the Entra `employeeHireDate`). A
 * joiner in this state cannot sign in to Microsoft 365 at all. High when the System Log
 * shows the person trying and being refused (app.generic.unauth_app_access_attempt),
 * medium otherwise. One finding per cause: per set of Office 365 apps for missing
 * assignments, one for accounts never activated.
 * Reads: entra.users, okta.users, okta.apps, okta.appUsers; entra.domains (federated or
 * not) and okta.logs (the refused attempts) when collected.
 * Population: enabled Entra people with at least one licence (`assignedLicenses`, when
 * collected) on a federated domain; Office 365 assignments made through a group are
 * listed among the app users like direct ones. Several active Office 365 apps claiming
 * one domain (a migration) count an assignment to any of them.
 * Harmless, never reported: staging ahead of a start date (a hire date still to come, or
 * within the grace); PROVISIONED accounts (Okta activated them and waits for the person
 * to set a password: the next step is theirs, not a configuration's); suspended
 * or deactivated Okta accounts (account-state-drift judges those); guests, service,
 * sync, break-glass, room and shared-mailbox accounts.
 * False positives: a licensed person who is not meant to use Microsoft 365.
 */
import type { Comparison, Finding, Subject } from '../../model'
import { type Rec, str } from '../../util/access'
import { parseDate } from '../../util/dates'
import { LINKS } from '../links'
import { entraClasses, oktaClasses } from '../../compare/people'
import { peopleJoin } from '../../compare/join'
import { appAssignments } from '../../compare/app-users'
import { PopulationCounter } from '../../compare/population'
import { type RuleContext, capSubjects, defineRule, makeFinding } from '../rule'
import {
  activeOffice365Apps,
  entraUserSubject,
  office365Domains,
  oktaAppSubject,
  oktaUserSubject,
} from '../../compare/seam'
import { latestOktaEvent, logEventSubject } from '../log-evidence'
import type { SnapshotIndex } from '../../compare/snapshot-index'

const REFUSED = /^app\.generic\.unauth_app_access_attempt$/
const DAY_MS = 86_400_000

/** The active Office 365 apps serving each federated domain. */
function appsByFederatedDomain(index: SnapshotIndex): Map<string, Rec[]> {
  const out = new Map<string, Rec[]>()
  for (const app of activeOffice365Apps(index)) {
    for (const d of office365Domains(app)) {
      if (index.domainAuthentication(d) !== 'federated') continue
      const list = out.get(d)
      if (list) list.push(app)
      else out.set(d, [app])
    }
  }
  return out
}

/** The domain whose `@domain` suffix ends `upn`, among a few. */
function domainWithSuffix(
  upn: string,
  suffixes: readonly { domain: string; suffix: string }[],
): string | undefined {
  for (const x of suffixes) if (upn.endsWith(x.suffix)) return x.domain
  return undefined
}

/**
 * Days a STAGED Okta account has waited for activation since it was due (created, or the
 * person's hire date when later; negative before the hire date), or undefined when unknown.
 */
function daysOverdue(entra: Rec, okta: Rec, ctx: RuleContext): number | undefined {
  const created = parseDate(str(okta, 'statusChanged') ?? str(okta, 'created'))
  if (!created) return undefined
  const hired = parseDate(str(entra, 'employeeHireDate'))
  const due = hired && hired > created ? hired : created
  return (ctx.now.getTime() - due.getTime()) / DAY_MS
}

interface Blocked {
  entra: Rec
  okta: Rec
  refused: Rec | undefined
  /** what Okta shows for the person */
  oktaValue: string
}

interface Group {
  apps: Rec[]
  domains: Set<string>
  people: Blocked[]
}

function comparison(b: Blocked, attribute: string): Comparison {
  return {
    entra: { type: 'user', id: str(b.entra, 'id') ?? '', name: str(b.entra, 'userPrincipalName') },
    okta: { type: 'user', id: str(b.okta, 'id') ?? '', name: str(b.okta, 'profile', 'login') },
    pairs: [
      {
        label: 'Microsoft 365 sign-in',
        entra: { attribute: 'enabled, licensed, domain federated to Okta', value: 'sent to Okta' },
        okta: { attribute, value: b.oktaValue },
        verdict: 'different',
        ...(b.refused ? { note: `refused at ${str(b.refused, 'published') ?? '?'}` } : {}),
      },
    ],
  }
}

function subjectsOf(people: Blocked[], max: number): Subject[] {
  const subjects: Subject[] = []
  for (const b of people) {
    if (subjects.length >= max) break
    subjects.push(
      entraUserSubject(b.entra),
      oktaUserSubject(b.okta),
      ...(b.refused ? [logEventSubject(b.refused)] : []),
    )
  }
  return capSubjects(subjects, max)
}

/** True when any of the apps' assignment flags holds Okta row `j`. */
function isAssigned(assigned: readonly Uint8Array[], j: number): boolean {
  for (const flags of assigned) if (flags[j] === 1) return true
  return false
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export const office365SignInBlocked = defineRule({
  id: 'office365-sign-in-blocked',
  title: 'People Entra sends to Okta cannot sign in to Microsoft 365',
  category: 'provisioning',
  severity: 'medium',
  reads: ['entra.users', 'okta.users', 'okta.apps', 'okta.appUsers'],
  optionalReads: ['entra.domains', 'okta.logs'],
  evaluate(_snapshot, ctx): Finding[] {
    const byDomain = appsByFederatedDomain(ctx.index)
    if (byDomain.size === 0) return []
    const join = peopleJoin(ctx.index)
    const entraClass = entraClasses(ctx.index)
    const oktaClass = oktaClasses(ctx.index)
    const counter = new PopulationCounter(
      'enabled, licensed people on domains federated to Okta, with an Okta account',
    )
    const groups = new Map<string, Group>()
    const notActivated: Blocked[] = []
    const users = ctx.index.entraUsers
    const upnKeys = ctx.index.entraUpnKeys
    // the few federated domains as UPN suffixes: no per-person string is built
    const suffixes = [...byDomain.keys()].map((d) => ({ domain: d, suffix: `@${d}` }))
    const assignedBy = new Map(
      [...byDomain].map(([d, apps]) => [
        d,
        apps.map((app) => appAssignments(ctx.index, str(app, 'id') ?? '').assigned),
      ]),
    )
    const appsKeyOf = new Map(
      [...byDomain].map(([d, apps]) => [d, apps.map((a) => str(a, 'id') ?? '').join('+')]),
    )
    for (let i = 0; i < users.length; i++) {
      const upn = upnKeys[i]
      if (upn === undefined) continue
      const domain = domainWithSuffix(upn, suffixes)
      if (domain === undefined) continue
      const apps = byDomain.get(domain) as Rec[]
      if (entraClass[i] !== 'person') continue
      const entra = users[i] as Rec
      const licences = entra['assignedLicenses']
      if (Array.isArray(licences) && licences.length === 0) continue
      const j = join.personOf[i] as number
      if (j < 0) continue
      const okta = join.okta[j] as Rec
      const cls = oktaClass[j]
      counter.judge()
      if (cls === 'not-yet-active') {
        if ((str(okta, 'status') ?? '').toUpperCase() !== 'STAGED') continue
        const days = daysOverdue(entra, okta, ctx)
        if (days === undefined || days <= ctx.thresholds.activationGraceDays) continue
        notActivated.push({
          entra,
          okta,
          refused: undefined,
          oktaValue: `STAGED, ${Math.floor(days)} days overdue`,
        })
        continue
      }
      if (cls !== 'person') continue
      if (isAssigned(assignedBy.get(domain) as Uint8Array[], j)) continue
      const key = appsKeyOf.get(domain) as string
      const group = groups.get(key) ?? { apps, domains: new Set<string>(), people: [] }
      groups.set(key, group)
      group.domains.add(domain)
      group.people.push({
        entra,
        okta,
        refused: latestOktaEvent(ctx.index, str(okta, 'id'), REFUSED),
        oktaValue: 'no',
      })
    }
    const population = counter.summary()
    const findings: Finding[] = []
    for (const [key, group] of groups) {
      const labels = group.apps.map((a) => `"${str(a, 'label') ?? 'Microsoft Office 365'}"`)
      const appsText = labels.join(' or ')
      const n = group.people.length
      const tried = group.people.filter((b) => b.refused).length
      findings.push(
        makeFinding(office365SignInBlocked, {
          severity: tried ? 'high' : 'medium',
          cause: `not-assigned:${key}`,
          title: `${plural(n, 'licensed person is', 'licensed people are')} not assigned Okta's ${appsText} and cannot sign in to Microsoft 365`,
          detail: `Entra sends people of ${[...group.domains].join(', ')} to Okta, which issues their Microsoft 365 token only to people assigned to ${appsText}. These people are enabled and licensed in Entra and active in Okta, but not assigned.${tried ? ` ${plural(tried, 'of them already tried and was', 'of them already tried and were')} refused.` : ''}`,
          subjects: [
            ...group.apps.map(oktaAppSubject),
            ...subjectsOf(group.people, ctx.thresholds.maxSubjects),
          ],
          evidence: {
            okta: { appIds: group.apps.map((a) => str(a, 'id')) },
            total: n,
            refused: tried,
            comparisons: group.people
              .slice(0, 20)
              .map((b) => comparison(b, `assigned to ${appsText}`)),
            population,
          },
          steps: [
            `Okta Admin Console › Applications › ${labels[0]} › Assignments › Assign: assign each person, or the group that should carry Office 365.`,
            `API: POST {orgUrl}/api/v1/apps/${str(group.apps[0], 'id') ?? '{appId}'}/users {"id":"{userId}","scope":"USER"}, or POST {orgUrl}/api/v1/apps/{appId}/groups/{groupId}.`,
          ],
          links: [LINKS.oktaOffice365, LINKS.oktaAppUsers],
        }),
      )
    }
    if (notActivated.length) {
      const n = notActivated.length
      findings.push(
        makeFinding(office365SignInBlocked, {
          severity: 'medium',
          cause: 'not-activated',
          title: `${plural(n, 'licensed person has', 'licensed people have')} an Okta account never activated and cannot sign in to Microsoft 365`,
          detail: `Entra sends these people to Okta to sign in, but their Okta accounts have stayed STAGED (never activated) for more than ${ctx.thresholds.activationGraceDays} days, so Okta cannot sign them in. Staging ahead of a start date is normal; weeks after it, the joiner is locked out of Microsoft 365.`,
          subjects: subjectsOf(notActivated, ctx.thresholds.maxSubjects),
          evidence: {
            total: n,
            comparisons: notActivated.slice(0, 20).map((b) => comparison(b, 'status')),
            thresholds: { activationGraceDays: ctx.thresholds.activationGraceDays },
            population,
          },
          steps: [
            'Okta Admin Console › Directory › People › person › Activate; for people imported from AD, check the import activates new users (Directory › Directory Integrations › Active Directory › Import).',
            'API: POST {orgUrl}/api/v1/users/{id}/lifecycle/activate?sendEmail=true',
          ],
          links: [LINKS.oktaUserLifecycle, LINKS.oktaOffice365],
        }),
      )
    }
    return findings
  },
})
