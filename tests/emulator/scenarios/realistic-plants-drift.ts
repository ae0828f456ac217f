/**
 * Planted account-state drift for `realistic-broken`, next to the leavers, joiners and short
 * suspensions of the clutter: a leaver disabled (and one deleted) in Entra whose Okta user is
 * still ACTIVE and assigned, people whose Okta user was deactivated or suspended more than 30
 * days ago while their Entra account is enabled and licensed, and one ImmutableID shared by
 * several Okta users' Office 365 app users.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { OktaRecord } from './types'
import type { Draft } from './base'
import type { PlantKit } from './plant-kit'
import { plant, subject } from './answer-key'
import { directoryAudit } from './activity'
import { o365AppUser, samlAppUser } from './app-users'
import { oktaAppTarget, oktaEvent, oktaUserActor } from './okta-events'
import { exportAfter } from './people'
import { MS } from './random'

export interface DriftActors {
  syncAccount: MG.User
  admin: OktaRecord
}

export function plantAccountDrift(d: Draft, kit: PlantKit, actors: DriftActors): void {
  const { ctx, answerKey: key } = d
  const now = ctx.nowMs
  const [expenses] = d.samlApps
  if (!expenses) throw new Error('no Expenses app')
  const audit = (u: MG.User, activity: string, atMs: number) => {
    const a = directoryAudit(d, {
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
      initiator: actors.syncAccount,
    })
    d.entra.directoryAudits.push(a)
    return a
  }
  // a leaver keeps using Okta-only apps: Okta's import no longer covers their AD account
  const stillSigningIn = (u: OktaRecord, agoMs: number) => {
    d.okta.appUsers[expenses.appId]?.push(
      samlAppUser(
        ctx,
        expenses.appId,
        {
          id: String(u['id']),
          userName: String((u['profile'] as Record<string, unknown>)['email']),
          createdMs: now - 400 * MS.day,
        },
        d.dates,
      ),
    )
    u['lastLogin'] = d.dates.o(now - agoMs)
    const sso = oktaEvent(d, {
      eventType: 'user.authentication.sso',
      displayMessage: 'User single sign on to app',
      atMs: now - agoMs + 20_000,
      result: 'SUCCESS',
      actor: oktaUserActor(u),
      targets: [oktaAppTarget(expenses.app)],
    })
    d.okta.logs.push(sso)
    return sso
  }

  const leaveMs = now - 9 * MS.day - 4 * MS.hour
  const disabledAt = exportAfter(d.orgLastSyncMs, leaveMs)
  const leaver = kit.add(() => {}, { lastSyncMs: disabledAt })
  Object.assign(leaver.entraUser, {
    accountEnabled: false,
    employeeLeaveDateTime: d.dates.g(leaveMs),
    assignedLicenses: [],
  } satisfies MG.User)
  const disabledAudit = audit(leaver.entraUser, 'Disable account', disabledAt)
  const leaverSso = stillSigningIn(leaver.oktaUser, 20 * MS.hour)
  plant(
    key,
    'provisioning',
    'leaver-okta-active',
    `${leaver.p.upn} left 9 days ago: AD disabled the account and Entra is disabled, but the Okta user is still ACTIVE, assigned to Office 365 and Expenses, and signed in to Expenses 20 hours ago.`,
    [
      ...kit.both(leaver),
      subject.oktaApp(d.o365.app),
      subject.entraAudit(disabledAudit),
      subject.oktaLog(leaverSso),
    ],
  )

  const gone = kit.add()
  const deletedMs = exportAfter(d.orgLastSyncMs, now - 6 * MS.day)
  d.entra.users.splice(d.entra.users.indexOf(gone.entraUser), 1)
  const deleted: MG.User = {
    ...gone.entraUser,
    userPrincipalName: `${gone.p.entraId.replace(/-/g, '')}${gone.p.upn}`,
    accountEnabled: false,
    deletedDateTime: d.dates.g(deletedMs),
  }
  d.entra.deletedUsers.push(deleted)
  const deleteAudit = audit(deleted, 'Delete user', deletedMs)
  const goneSso = stillSigningIn(gone.oktaUser, 2 * MS.day)
  plant(
    key,
    'provisioning',
    'deleted-user-okta-active',
    `${gone.p.upn} was deleted from AD 6 days ago and sits in the Entra recycle bin, but the Okta user is still ACTIVE with its Office 365 assignment (externalId pointing at the deleted object) and signed in to Expenses 2 days ago.`,
    [
      subject.entraDeletedUser(deleted),
      subject.oktaUser(gone.oktaUser),
      subject.oktaApp(d.o365.app),
      subject.entraAudit(deleteAudit),
      subject.oktaLog(goneSso),
    ],
  )

  const admin = oktaUserActor(actors.admin)
  const closed = (status: 'DEPROVISIONED' | 'SUSPENDED', days: number) => {
    const r = kit.add()
    const at = d.dates.o(now - days * MS.day)
    Object.assign(r.oktaUser, { status, statusChanged: at, lastUpdated: at })
    r.oktaUser['lastLogin'] = d.dates.o(now - (days + 1) * MS.day)
    if (status === 'DEPROVISIONED') {
      // deactivation removes the app assignments
      const list = d.okta.appUsers[d.o365.appId] ?? []
      list.splice(list.indexOf(r.appUser), 1)
    }
    const event = oktaEvent(d, {
      eventType: status === 'SUSPENDED' ? 'user.lifecycle.suspend' : 'user.lifecycle.deactivate',
      displayMessage: status === 'SUSPENDED' ? 'Suspend Okta user' : 'Deactivate Okta user',
      atMs: now - days * MS.day,
      result: 'SUCCESS',
      actor: admin,
      targets: [oktaUserActor(r.oktaUser)],
    })
    d.okta.logs.push(event)
    return { r, event }
  }
  const deactivated = closed('DEPROVISIONED', 41)
  plant(
    key,
    'provisioning',
    'okta-deprovisioned-entra-enabled',
    `An admin deactivated the Okta user of ${deactivated.r.p.upn} 41 days ago (DEPROVISIONED), but the AD account was never disabled: the Entra account is enabled and holds an Office 365 licence.`,
    [...kit.both(deactivated.r), subject.oktaLog(deactivated.event)],
  )
  const suspended = closed('SUSPENDED', 52)
  plant(
    key,
    'provisioning',
    'okta-suspended-long-entra-enabled',
    `The Okta user of ${suspended.r.p.upn} has been SUSPENDED for 52 days while the Entra account stays enabled and licensed.`,
    [...kit.both(suspended.r), subject.oktaLog(suspended.event)],
  )

  // the person's old contractor account and a test account were given their ImmutableID
  const owner = kit.add()
  const twins = [
    { login: `${owner.p.mailNickname}@partners.nwtraders.net`, days: 300 },
    { login: `${owner.p.mailNickname}.test@partners.nwtraders.net`, days: 45 },
  ].map((t) => {
    const u = kit.oktaOnly(t.login, t.login, owner.p.given, owner.p.surname)
    const appUser = o365AppUser(
      ctx,
      d.o365.appId,
      {
        ...owner.p,
        oktaId: String(u['id']),
        upn: t.login,
        mail: t.login,
        createdMs: now - t.days * MS.day,
      },
      d.dates,
    )
    d.okta.appUsers[d.o365.appId]?.push(appUser)
    return u
  })
  plant(
    key,
    'duplicate',
    'o365-immutableid-shared',
    `Three Okta users (${owner.p.upn} and two Okta-only accounts) have Office 365 app users carrying the same immutableId ${owner.p.immutableId}, so all three sign in to Entra as ${owner.p.upn}.`,
    [...kit.both(owner), ...twins.map((u) => subject.oktaUser(u)), subject.oktaApp(d.o365.app)],
  )
}
