/**
 * Log records that look like failures and are not: Entra sign-in interrupts (MFA, "keep me
 * signed in", device and registration prompts) each followed by a success of the same sign-in,
 * a mistyped password followed by a success, and Okta's ordinary failed sign-ins and denied
 * pushes. Also notes Entra Connect's recent tenant sync.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { OktaRecord } from './types'
import type { Draft } from './base'
import type { ClutterLog } from './clutter'
import { DOCS } from './clutter'
import { type Subject, subject } from './answer-key'
import type { Person } from './people'
import { entraSignIn } from './activity'
import { oktaEvent, oktaUserActor } from './okta-events'
import { MS } from './random'

/** Sign-in interrupts: the flow asks the user for something and then continues. */
const INTERRUPTS: [number, 'home' | 'exchange' | 'teams', string][] = [
  [50058, 'home', 'Session information is not sufficient for single-sign-on.'],
  [
    50140,
    'home',
    "This error occurred due to 'Keep me signed in' interrupt when the user was signing in.",
  ],
  [50074, 'exchange', 'Strong Authentication is required.'],
  [
    50076,
    'teams',
    'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.',
  ],
  [50072, 'home', 'Users needs to enroll for second factor authentication (interactive).'],
  [
    50079,
    'home',
    'Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access the resource.',
  ],
  [
    50125,
    'home',
    'Sign-in was interrupted due to a password reset or password registration entry.',
  ],
  [50097, 'teams', 'Device authentication is required.'],
]

export interface ActivityPeople {
  /** federated people of the ordinary population */
  people: Person[]
  /** accounts that type their password into Entra (managed domain, cloud-only) */
  passwordUsers: MG.User[]
}

export function addActivityClutter(d: Draft, who: ActivityPeople, clutter: ClutterLog): void {
  const { ctx } = d
  const { rng, nowMs: now } = ctx
  const [exchange, teams, home] = d.firstParty
  if (!exchange || !teams || !home) throw new Error('first-party service principals missing')
  const sps = { home, exchange, teams }
  const entraOf = (p: Person | undefined): MG.User | undefined =>
    d.entra.users.find((u) => u.id === p?.entraId)

  /** a failed sign-in and, seconds later, the success of the same flow (same correlationId) */
  const thenSuccess = (
    user: MG.User,
    sp: MG.ServicePrincipal,
    code: number,
    reason: string,
  ): Subject[] => {
    const at = now - rng.int(20, 3000) * MS.minute
    const first = entraSignIn(d, { user, sp, atMs: at, errorCode: code, failureReason: reason })
    const second = entraSignIn(d, { user, sp, atMs: at + rng.int(15, 120) * 1000 })
    second.correlationId = first.correlationId
    second.ipAddress = first.ipAddress
    second.location = first.location
    d.entra.signIns.push(first, second)
    return [subject.entraSignIn(first), subject.entraSignIn(second), subject.entraUser(user)]
  }

  const instances: Subject[][] = []
  INTERRUPTS.forEach(([code, app, reason], i) => {
    for (const k of [0, 1]) {
      const user = entraOf(who.people[20 + i * 2 + k])
      if (user) instances.push(thenSuccess(user, sps[app], code, reason))
    }
  })
  clutter.note(
    'entra-signin-interrupt-then-success',
    'Sign-in interrupts (AADSTS50058, 50140, 50074, 50076, 50072, 50079, 50125, 50097): Entra logs the step that asked for a session, MFA, "stay signed in", registration or a device, then the success of the same sign-in (same correlationId) seconds later.',
    DOCS.signInErrorCodes,
    instances,
  )

  const typos = who.passwordUsers.map((user) =>
    thenSuccess(
      user,
      exchange,
      50126,
      'Error validating credentials due to invalid username or password.',
    ),
  )
  clutter.note(
    'entra-signin-wrong-password-then-success',
    'A mistyped password (AADSTS50126) by people who type their password into Entra (managed domain, cloud-only), followed by their successful sign-in.',
    DOCS.signInLogs,
    typos,
  )

  const oktaUserOf = (p: Person | undefined): OktaRecord | undefined =>
    d.okta.users.find((u) => u['id'] === p?.oktaId)
  const pair = (
    p: Person | undefined,
    failure: { type: string; message: string; reason: string },
    success: { type: string; message: string },
  ): Subject[] => {
    const u = oktaUserOf(p)
    if (!u) return []
    const actor = oktaUserActor(u)
    const at = now - rng.int(30, 4000) * MS.minute
    const failed = oktaEvent(d, {
      eventType: failure.type,
      displayMessage: failure.message,
      atMs: at,
      result: 'FAILURE',
      reason: failure.reason,
      actor,
      targets: [actor],
    })
    const ok = oktaEvent(d, {
      eventType: success.type,
      displayMessage: success.message,
      atMs: at + rng.int(20, 90) * 1000,
      result: 'SUCCESS',
      actor,
      targets: [actor],
    })
    d.okta.logs.push(failed, ok)
    return [subject.oktaLog(failed), subject.oktaLog(ok), subject.oktaUser(u)]
  }
  const login = { type: 'user.session.start', message: 'User login to Okta' }
  const wrongPassword = { ...login, reason: 'INVALID_CREDENTIALS' }
  const deniedPush = {
    type: 'user.mfa.okta_verify.deny_push',
    message: 'User rejected Okta push verify',
    reason: 'User rejected Okta push verify',
  }
  const mfa = {
    type: 'user.authentication.auth_via_mfa',
    message: 'Authentication of user via MFA',
  }
  const oktaInstances = [
    pair(who.people[40], wrongPassword, login),
    pair(who.people[41], wrongPassword, login),
    pair(who.people[42], wrongPassword, login),
    pair(who.people[43], deniedPush, mfa),
    pair(who.people[44], deniedPush, mfa),
  ].filter((x) => x.length > 0)
  clutter.note(
    'okta-benign-log-failure',
    "Okta System Log failures of everyday sign-ins: a wrong password at user.session.start and a denied Okta Verify push, each followed by the same user's success.",
    DOCS.oktaEvents,
    oktaInstances,
  )

  clutter.note(
    'connect-sync-recent',
    `Entra Connect's last cycle ran ${Math.round((now - d.orgLastSyncMs) / MS.minute)} minutes before collection, inside its 30-minute schedule.`,
    DOCS.syncScheduler,
    [[{ source: 'entra', type: 'organization', id: ctx.tenantId, name: ctx.company }]],
  )
}
