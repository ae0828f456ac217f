/**
 * People in the other states of their lifecycle, consistent on both sides: leavers closed in
 * Entra and Okta, deleted users in the recycle bin, new hires not yet active in Okta, and Okta
 * users suspended for a short leave, locked out, with an expired password or in recovery.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { OktaRecord } from './types'
import type { Draft } from './base'
import { addPerson } from './base'
import type { ClutterLog } from './clutter'
import { DOCS } from './clutter'
import { type Subject, subject } from './answer-key'
import {
  type PeopleFactory,
  type Person,
  entraHybridUser,
  exportAfter as exportAfterCycle,
  licencesOf,
  oktaDirectoryUser,
} from './people'
import { directoryAudit } from './activity'
import { type OktaActor, oktaEvent, oktaUserActor } from './okta-events'
import { MS } from './random'

/** Okta keeps System Log events 90 days, Entra directory audits 30 */
const OKTA_LOG_DAYS = 90
const AUDIT_DAYS = 30

export interface LifecycleContext {
  d: Draft
  factory: PeopleFactory
  /** Entra Connect's sync account, which initiates synced changes in the audit log */
  syncAccount: MG.User
  /** the Okta admin who acts in the console */
  admin: OktaRecord
}

/** The first Entra Connect cycle at or after `ms` (see people.ts). */
const exportAfter = (d: Draft, ms: number): number => exportAfterCycle(d.orgLastSyncMs, ms)

export function person(c: LifecycleContext, edit: (p: Person) => void = () => {}): Person {
  const p = c.factory.person({ domain: c.d.ctx.federatedDomain, orgLastSyncMs: c.d.orgLastSyncMs })
  edit(p)
  return p
}

/** A System Log event about an Okta user, kept only inside Okta's retention. */
function oktaUserEvent(
  c: LifecycleContext,
  u: OktaRecord,
  e: {
    type: string
    message: string
    atMs: number
    actor?: OktaActor
    result?: 'SUCCESS' | 'FAILURE'
    reason?: string
  },
): Subject[] {
  if (c.d.ctx.nowMs - e.atMs > OKTA_LOG_DAYS * MS.day) return []
  const event = oktaEvent(c.d, {
    eventType: e.type,
    displayMessage: e.message,
    atMs: e.atMs,
    result: e.result ?? 'SUCCESS',
    reason: e.reason ?? null,
    targets: [oktaUserActor(u)],
    ...(e.actor ? { actor: e.actor } : { transaction: 'JOB' as const }),
  })
  c.d.okta.logs.push(event)
  return [subject.oktaLog(event)]
}

/** A directory audit of a synced change, kept only inside Entra's retention. */
function syncAudit(c: LifecycleContext, u: MG.User, activity: string, atMs: number): Subject[] {
  if (c.d.ctx.nowMs - atMs > AUDIT_DAYS * MS.day) return []
  const audit = directoryAudit(c.d, {
    atMs,
    activity,
    category: 'UserManagement',
    operationType: activity.startsWith('Delete') ? 'Delete' : 'Update',
    target: {
      id: u.id ?? '',
      displayName: u.displayName ?? '',
      type: 'User',
      userPrincipalName: u.userPrincipalName ?? undefined,
    },
    initiator: c.syncAccount,
  })
  c.d.entra.directoryAudits.push(audit)
  return [subject.entraAudit(audit)]
}

function setStatus(c: LifecycleContext, u: OktaRecord, status: string, atMs: number): void {
  const at = c.d.dates.o(atMs)
  Object.assign(u, { status, statusChanged: at, lastUpdated: at })
}

export function addLeaverClutter(c: LifecycleContext, clutter: ClutterLog): void {
  const { d } = c
  const now = d.ctx.nowMs
  // AD disables the account; Entra Connect exports it at the next cycle, and within the hour
  // Okta deactivates (or, for some leavers, suspends) the Okta user
  const leave = (days: number, status: 'DEPROVISIONED' | 'SUSPENDED', keepLicence: boolean) => {
    const p = person(c)
    const leaveMs = now - days * MS.day - 6 * MS.hour
    const exported = exportAfter(d, leaveMs)
    p.lastSyncMs = exported
    const r = addPerson(d, p, { o365: status === 'SUSPENDED' })
    Object.assign(r.entraUser, {
      accountEnabled: false,
      employeeLeaveDateTime: d.dates.g(leaveMs),
      assignedLicenses: keepLicence ? licencesOf(p.department) : [],
    } satisfies MG.User)
    const imported = exported + 40 * MS.minute
    setStatus(c, r.oktaUser, status, imported)
    r.oktaUser['lastLogin'] = d.dates.o(leaveMs - 3 * MS.hour)
    return [
      subject.entraUser(r.entraUser),
      subject.oktaUser(r.oktaUser),
      ...syncAudit(c, r.entraUser, 'Disable account', exported),
      ...oktaUserEvent(c, r.oktaUser, {
        type: status === 'SUSPENDED' ? 'user.lifecycle.suspend' : 'user.lifecycle.deactivate',
        message: status === 'SUSPENDED' ? 'Suspend Okta user' : 'Deactivate Okta user',
        atMs: imported,
      }),
    ]
  }
  clutter.note(
    'leaver-okta-deprovisioned',
    'Leavers disabled in AD: accountEnabled false in Entra (one still holds its group-based licence until the licence group is cleaned up) and DEPROVISIONED in Okta, which removed their app assignments. Neither side lets them sign in.',
    DOCS.oktaLifecycle,
    [
      leave(12, 'DEPROVISIONED', false),
      leave(27, 'DEPROVISIONED', true),
      leave(64, 'DEPROVISIONED', false),
      leave(180, 'DEPROVISIONED', false),
    ],
  )
  clutter.note(
    'leaver-okta-suspended-long',
    'Leavers disabled in AD more than 30 days ago whose Okta users were suspended rather than deactivated (SUSPENDED, assignments kept). Entra is disabled too: nobody can sign in on either side.',
    DOCS.oktaLifecycle,
    [leave(45, 'SUSPENDED', false), leave(96, 'SUSPENDED', false)],
  )

  const deleted = [3, 11, 24].map((days) => {
    const p = person(c)
    const deletedMs = exportAfter(d, now - days * MS.day)
    const disabled = exportAfter(d, deletedMs - 7 * MS.day - 5 * MS.hour)
    p.lastSyncMs = disabled
    const user = entraHybridUser(d.ctx, p, d.dates)
    const gone: MG.User = {
      ...user,
      // Entra frees the UPN of a soft-deleted user by prefixing it with the object id
      userPrincipalName: `${p.entraId.replace(/-/g, '')}${p.upn}`,
      accountEnabled: false,
      assignedLicenses: [],
      deletedDateTime: d.dates.g(deletedMs),
    }
    d.entra.deletedUsers.push(gone)
    const okta = oktaDirectoryUser(d.ctx, p, d.dates)
    setStatus(c, okta, 'DEPROVISIONED', disabled + 40 * MS.minute)
    okta['lastLogin'] = d.dates.o(disabled - 20 * MS.hour)
    d.okta.users.push(okta)
    return [
      subject.entraDeletedUser(gone),
      subject.oktaUser(okta),
      ...syncAudit(c, user, 'Disable account', disabled),
      ...syncAudit(c, gone, 'Delete user', deletedMs),
      ...oktaUserEvent(c, okta, {
        type: 'user.lifecycle.deactivate',
        message: 'Deactivate Okta user',
        atMs: disabled + 40 * MS.minute,
      }),
    ]
  })
  clutter.note(
    'deleted-user-okta-deprovisioned',
    'Leavers deleted from AD a week after being disabled: soft-deleted in Entra (in the recycle bin for 30 days, UPN prefixed with the object id) and DEPROVISIONED in Okta.',
    DOCS.deletedItems,
    deleted,
  )
}

export function addJoinerAndStatusClutter(c: LifecycleContext, clutter: ClutterLog): void {
  const { d } = c
  const now = d.ctx.nowMs
  const day0 = now - (now % MS.day)
  const admin = oktaUserActor(c.admin)
  const joiner = (createdDaysAgo: number, hireInDays: number, status: 'STAGED' | 'PROVISIONED') => {
    const p = person(c)
    p.createdMs = day0 - createdDaysAgo * MS.day + 15 * MS.hour
    p.lastSyncMs = exportAfter(d, p.createdMs)
    const r = addPerson(d, p, { o365: status === 'PROVISIONED' })
    r.entraUser.employeeHireDate = d.dates.g(day0 + hireInDays * MS.day + 8 * MS.hour)
    const imported = p.createdMs + 45 * MS.minute
    const u = r.oktaUser
    Object.assign(u, {
      status,
      created: d.dates.o(imported),
      activated: null,
      statusChanged: null,
      lastLogin: null,
      lastUpdated: d.dates.o(imported),
      passwordChanged: null,
    })
    const events = oktaUserEvent(c, u, {
      type: 'user.lifecycle.create',
      message: 'Create Okta user',
      atMs: imported,
    })
    if (status === 'PROVISIONED') {
      const activatedMs = imported + 26 * MS.hour
      Object.assign(u, { activated: d.dates.o(activatedMs) })
      setStatus(c, u, 'PROVISIONED', activatedMs)
      events.push(
        ...oktaUserEvent(c, u, {
          type: 'user.lifecycle.activate',
          message: 'Activate Okta user',
          atMs: activatedMs,
          actor: admin,
        }),
      )
    }
    return [subject.entraUser(r.entraUser), subject.oktaUser(u), ...events]
  }
  clutter.note(
    'okta-staged-new-hire',
    'New hires imported from AD before their start date: STAGED in Okta (never activated), enabled and licensed in Entra by group-based licensing. They cannot sign in to Microsoft 365 until Okta activates them, which is the plan.',
    DOCS.oktaLifecycle,
    [joiner(2, 12, 'STAGED'), joiner(4, 9, 'STAGED'), joiner(6, 19, 'STAGED')],
  )
  clutter.note(
    'okta-provisioned-pending-activation',
    'New hires activated in Okta who have not yet set a password (PROVISIONED, activation email sent); the Office 365 assignment is in place for their first sign-in.',
    DOCS.oktaLifecycle,
    [joiner(5, -1, 'PROVISIONED'), joiner(8, 3, 'PROVISIONED'), joiner(13, -6, 'PROVISIONED')],
  )

  // active people whose Okta user is briefly in another state
  const state = (
    status: string,
    agoMs: number,
    event: { type: string; message: string; by: 'admin' | 'user' | 'system' },
  ) => {
    const p = person(c)
    const r = addPerson(d, p)
    const at = now - agoMs
    setStatus(c, r.oktaUser, status, at)
    const events =
      status === 'LOCKED_OUT'
        ? oktaUserEvent(c, r.oktaUser, {
            type: 'user.session.start',
            message: 'User login to Okta',
            atMs: at - 2 * MS.minute,
            actor: oktaUserActor(r.oktaUser),
            result: 'FAILURE',
            reason: 'INVALID_CREDENTIALS',
          })
        : []
    events.push(
      ...oktaUserEvent(c, r.oktaUser, {
        type: event.type,
        message: event.message,
        atMs: at,
        ...(event.by === 'admin' ? { actor: admin } : {}),
        ...(event.by === 'user' ? { actor: oktaUserActor(r.oktaUser) } : {}),
      }),
    )
    return [subject.entraUser(r.entraUser), subject.oktaUser(r.oktaUser), ...events]
  }
  const suspend = {
    type: 'user.lifecycle.suspend',
    message: 'Suspend Okta user',
    by: 'admin' as const,
  }
  clutter.note(
    'okta-suspended-short-leave',
    'People on a short leave, suspended in Okta by an admin days ago (well under 30): the Entra account stays enabled and licensed for their return.',
    DOCS.oktaLifecycle,
    [
      state('SUSPENDED', 3 * MS.day, suspend),
      state('SUSPENDED', 9 * MS.day, suspend),
      state('SUSPENDED', 20 * MS.day, suspend),
    ],
  )
  const lock = {
    type: 'user.account.lock',
    message: 'Max sign in attempts exceeded',
    by: 'user' as const,
  }
  clutter.note(
    'okta-locked-out',
    'People locked out of Okta hours ago after too many wrong passwords; the lockout clears itself or through the help desk.',
    DOCS.oktaUserStatus,
    [state('LOCKED_OUT', 2 * MS.hour, lock), state('LOCKED_OUT', 5 * MS.hour, lock)],
  )
  const expire = {
    type: 'user.account.expire_password',
    message: 'Expire password of Okta user',
    by: 'system' as const,
  }
  clutter.note(
    'okta-password-expired',
    'People whose AD password expired; Okta asks them for a new one at their next sign-in.',
    DOCS.oktaUserStatus,
    [state('PASSWORD_EXPIRED', 1 * MS.day, expire), state('PASSWORD_EXPIRED', 4 * MS.day, expire)],
  )
  const reset = {
    type: 'user.account.reset_password',
    message: 'Reset password for Okta user',
    by: 'admin' as const,
  }
  clutter.note(
    'okta-recovery',
    'People an admin started a password reset for (RECOVERY until they finish it).',
    DOCS.oktaUserStatus,
    [state('RECOVERY', 3 * MS.hour, reset), state('RECOVERY', 26 * MS.hour, reset)],
  )
}
