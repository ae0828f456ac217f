/**
 * account-state-drift — the two sides disagree about whether a person can sign in: a
 * leaver disabled or deleted in Entra whose Okta account is still active (and assigned
 * to apps), or a person whose Okta account is deactivated (or suspended beyond the
 * leave threshold, 30 days by default) while the Entra account is enabled and licensed.
 * The most dangerous state of a hybrid identity: a leaver who can still sign in
 * somewhere, or a joiner who cannot. One finding per direction, listing the people with
 * since when each side changed (Okta `statusChanged`, Entra `deletedDateTime`, the
 * directory audit that disabled the account).
 * Harmless, never reported: both sides off; an Okta user STAGED or PROVISIONED (a new
 * hire not yet activated) while Entra is enabled; a suspension shorter than the
 * threshold; guests, service, sync, break-glass, room and shared-mailbox accounts.
 * Reads: entra.users, okta.users; when collected, entra.deletedUsers and
 * okta.deprovisionedUsers (leavers), okta.apps and okta.appUsers (assignments and the
 * Office 365 keys), entra.directoryAudits and okta.logs (since when, and sign-ins since)
 * and entra.domains (federated or not).
 * Leavers are found only among the accounts each side still lists: without the deleted
 * or deactivated lists, a leaver removed on one side has no other half to compare.
 */
import type { Comparison, Finding, Severity, Subject } from '../../model'
import { type Rec, domainOf, recs, str } from '../../util/access'
import { parseDate } from '../../util/dates'
import { LINKS } from '../links'
import { isRemovedAssignment } from '../../compare/app-users'
import { peopleJoin } from '../../compare/join'
import { entraClasses } from '../../compare/people'
import { classifyOktaUser } from '../../compare/population'
import { capSubjects, defineRule, makeFinding, type RuleContext } from '../rule'
import { entraUserSubject, oktaAppSubject, oktaUserSubject } from '../../compare/seam'
import { auditSubject, latestEntraAudit, latestOktaEvent, logEventSubject } from '../log-evidence'
import type { SnapshotIndex } from '../../compare/snapshot-index'

type Direction = 'entra-off' | 'okta-off'

interface Drift {
  entra: Rec
  okta: Rec
  entraDeleted: boolean
  entraState: string
  oktaState: string
  since: string | null
  severity: Severity
  /** log records that show the change, and activity after it */
  evidence: Subject[]
  /** the apps the Okta account is still assigned to */
  apps: Subject[]
}

const DAY_MS = 86_400_000
const PEOPLE = new Set(['person', 'leaver', 'deleted'])

const ENTRA_OFF = new Set(['disable account', 'update user', 'delete user'])
const OKTA_OFF = /^user\.lifecycle\.(deactivate|suspend)$/
const OKTA_SIGN_IN = /^user\.(authentication\.(sso|auth_via_idp|auth_via_mfa)|session\.start)$/i

/** The audit that disabled or deleted an Entra user ("Update user" only when it set AccountEnabled false). */
function entraOffAudit(index: SnapshotIndex, id: string | undefined): Rec | undefined {
  return latestEntraAudit(index, id, ENTRA_OFF, (a) => {
    if ((str(a, 'activityDisplayName') ?? '').toLowerCase() !== 'update user') return true
    return recs(a, 'targetResources').some((t) =>
      recs(t, 'modifiedProperties').some(
        (p) =>
          (str(p, 'displayName') ?? '').toLowerCase() === 'accountenabled' &&
          /false/i.test(str(p, 'newValue') ?? ''),
      ),
    )
  })
}

/**
 * The apps each of `ids` (Okta user ids) is assigned to, assignments not removed;
 * undefined when app assignments were not collected.
 */
function assignments(
  index: SnapshotIndex,
  ids: ReadonlySet<unknown>,
): Map<unknown, Subject[]> | undefined {
  const byApp = index.snapshot.okta?.appUsers
  if (!byApp) return undefined
  const out = new Map<unknown, Subject[]>()
  if (ids.size === 0) return out
  for (const [appId, list] of Object.entries(byApp)) {
    let subject: Subject | undefined
    for (const au of list) {
      if (!ids.has(au['id'])) continue
      if (isRemovedAssignment(au)) continue
      if (!subject) {
        const app = index.oktaAppsById.get(appId)
        subject = app ? oktaAppSubject(app) : { source: 'okta', type: 'app', id: appId }
      }
      const apps = out.get(au['id'])
      if (apps) apps.push(subject)
      else out.set(au['id'], [subject])
    }
  }
  return out
}

function oktaOffSince(okta: Rec, ctx: RuleContext): { off: boolean; since: string | null } {
  const status = (str(okta, 'status') ?? '').toUpperCase()
  const since = str(okta, 'statusChanged') ?? null
  if (status === 'DEPROVISIONED') return { off: true, since }
  if (status !== 'SUSPENDED') return { off: false, since }
  const at = parseDate(since)
  // an unknown start cannot prove a suspension longer than the leave threshold
  if (!at) return { off: false, since }
  return {
    off: ctx.now.getTime() - at.getTime() > ctx.thresholds.suspendedGraceDays * DAY_MS,
    since,
  }
}

export const accountStateDrift = defineRule({
  id: 'account-state-drift',
  title: 'Entra and Okta disagree on whether a person can sign in',
  category: 'provisioning',
  severity: 'high',
  reads: ['entra.users', 'okta.users'],
  optionalReads: [
    'entra.deletedUsers',
    'okta.deprovisionedUsers',
    'okta.appUsers',
    'okta.apps',
    'entra.directoryAudits',
    'entra.domains',
    'okta.logs',
  ],
  evaluate(_snapshot, ctx): Finding[] {
    const join = peopleJoin(ctx.index)
    const classes = entraClasses(ctx.index)
    // who is off in Entra and on in Okta: only their assignments are looked up
    const candidates = new Set<unknown>()
    for (let i = 0; i < join.entra.length; i++) {
      const j = join.oktaOf[i] as number
      if (j < 0) continue
      const entra = join.entra[i] as Rec
      const entraOn = i < join.entraDeletedFrom && entra['accountEnabled'] !== false
      if (!entraOn && classifyOktaUser(join.okta[j] as Rec) === 'person')
        candidates.add((join.okta[j] as Rec)['id'])
    }
    const assigned = assignments(ctx.index, candidates)
    const found: Record<Direction, Drift[]> = { 'entra-off': [], 'okta-off': [] }
    for (let i = 0; i < join.entra.length; i++) {
      const j = join.oktaOf[i] as number
      if (j < 0) continue
      const deleted = i >= join.entraDeletedFrom
      const cls = deleted ? 'deleted' : (classes[i] ?? 'person')
      if (!PEOPLE.has(cls)) continue
      const entra = join.entra[i] as Rec
      const okta = join.okta[j] as Rec
      const entraOn = !deleted && entra['accountEnabled'] !== false
      const oktaOn = classifyOktaUser(okta) === 'person'
      if (!entraOn && oktaOn) {
        const apps = assigned?.get(okta['id']) ?? []
        if (assigned && apps.length === 0) continue
        const audit = entraOffAudit(ctx.index, str(entra, 'id'))
        const since = deleted
          ? (str(entra, 'deletedDateTime') ?? str(audit, 'activityDateTime') ?? null)
          : (str(audit, 'activityDateTime') ?? null)
        const signedIn = latestOktaEvent(ctx.index, str(okta, 'id'), OKTA_SIGN_IN, {
          result: 'SUCCESS',
          ...(since ? { after: since } : {}),
        })
        found['entra-off'].push({
          entra,
          okta,
          entraDeleted: deleted,
          entraState: deleted ? 'deleted' : 'disabled',
          oktaState: str(okta, 'status') ?? 'ACTIVE',
          since,
          severity: 'high',
          evidence: [
            ...(audit ? [auditSubject(audit)] : []),
            ...(signedIn ? [logEventSubject(signedIn)] : []),
          ],
          apps,
        })
      } else if (entraOn && !oktaOn) {
        const { off, since } = oktaOffSince(okta, ctx)
        if (!off) continue
        const licences = entra['assignedLicenses']
        if (Array.isArray(licences) && licences.length === 0) continue
        // where Entra does not send the person to Okta, the enabled account still signs in
        const federated =
          ctx.index.domainAuthentication(domainOf(str(entra, 'userPrincipalName'))) === 'federated'
        const event = latestOktaEvent(ctx.index, str(okta, 'id'), OKTA_OFF)
        found['okta-off'].push({
          entra,
          okta,
          entraDeleted: false,
          entraState: 'enabled',
          oktaState: str(okta, 'status') ?? '',
          since: since ?? str(event, 'published') ?? null,
          severity: federated ? 'medium' : 'high',
          evidence: event ? [logEventSubject(event)] : [],
          apps: [],
        })
      }
    }
    const findings: Finding[] = []
    for (const direction of ['entra-off', 'okta-off'] as const) {
      const drifts = found[direction]
      if (drifts.length === 0) continue
      const entraOff = direction === 'entra-off'
      const subjects: Subject[] = []
      const apps = new Map<string, Subject>()
      for (const d of drifts) {
        const person = entraUserSubject(d.entra)
        subjects.push(
          d.entraDeleted ? { ...person, type: 'deletedUser' } : person,
          oktaUserSubject(d.okta),
          ...d.evidence,
        )
        for (const a of d.apps) apps.set(a.id, a)
      }
      subjects.push(...[...apps.values()].slice(0, 20))
      const comparisons: Comparison[] = drifts.slice(0, 20).map((d) => ({
        entra: {
          type: 'user',
          id: str(d.entra, 'id') ?? '',
          name: str(d.entra, 'userPrincipalName'),
        },
        okta: { type: 'user', id: str(d.okta, 'id') ?? '', name: str(d.okta, 'profile', 'login') },
        pairs: [
          {
            label: 'can sign in',
            entra: { attribute: 'accountEnabled', value: d.entraState },
            okta: { attribute: 'status', value: d.oktaState },
            verdict: 'different',
            ...(d.since ? { note: `since ${d.since}` } : {}),
          },
          ...(d.apps.length
            ? [
                {
                  label: 'app assignments',
                  okta: { attribute: 'assigned apps', value: d.apps.map((a) => a.name ?? a.id) },
                  verdict: 'different' as const,
                  note: 'still assigned in Okta',
                },
              ]
            : []),
        ],
      }))
      const n = drifts.length
      const severity: Severity = drifts.some((d) => d.severity === 'high') ? 'high' : 'medium'
      findings.push(
        makeFinding(accountStateDrift, {
          severity,
          cause: direction,
          title: entraOff
            ? `${n} ${n === 1 ? 'person' : 'people'} disabled or deleted in Entra can still sign in to Okta`
            : `${n} ${n === 1 ? 'person' : 'people'} deactivated in Okta still ${n === 1 ? 'has' : 'have'} an enabled Entra account`,
          detail: entraOff
            ? 'Entra no longer lets these people in, but their Okta accounts are active and assigned to apps: a leaver who can still sign in to everything Okta protects. Offboarding reached one side only.'
            : `Okta deactivated these people (or suspended them for more than ${ctx.thresholds.suspendedGraceDays} days) while their Entra accounts stay enabled and licensed. On a managed domain they still sign in to Microsoft 365; on a federated domain they cannot sign in, but their existing sessions and tokens stay valid.`,
          subjects: capSubjects(subjects, ctx.thresholds.maxSubjects),
          evidence: {
            total: n,
            comparisons,
            thresholds: { suspendedGraceDays: ctx.thresholds.suspendedGraceDays },
            assignmentsKnown: assigned !== undefined,
            signInsSince: drifts.filter((d) => d.evidence.some((e) => e.type === 'logEvent'))
              .length,
          },
          steps: entraOff
            ? [
                'Confirm each person has left (HR), then Okta Admin Console › Directory › People › person › More Actions › Deactivate (or Suspend while you confirm).',
                'If Okta imports these people from AD, check the AD agent import and its deactivation setting (Directory › Directory Integrations › Active Directory › Import › "When a user is disabled in AD").',
                'API: POST {orgUrl}/api/v1/users/{id}/lifecycle/deactivate (or /suspend).',
              ]
            : [
                'Confirm each person has left; then Entra admin center › Users › person › Edit properties › Account enabled: off (for synced people, disable them in AD and let Entra Connect sync), and revoke their sessions.',
                'If the person should be active, reactivate them in Okta (Directory › People › person › Activate).',
                'API: PATCH https://graph.microsoft.com/v1.0/users/{id} {"accountEnabled":false}, then POST /v1.0/users/{id}/revokeSignInSessions.',
              ],
          links: [LINKS.oktaUserLifecycle, LINKS.revokeSessions],
        }),
      )
    }
    return findings
  },
})
