/**
 * An on-premises change that has reached Okta but not Entra: the Okta AD agent imported a new
 * value of an attribute Entra Connect also exports, and Entra Connect has run since without
 * exporting it. Per-user `onPremisesLastSyncDateTime` moves only when Entra Connect exports a
 * change, so an old time is normal; the evidence of a delay is this newer value on the Okta side,
 * stamped by the Okta user's `lastUpdated` and a System Log `user.account.update_profile` event.
 */
import type { Json, OktaRecord } from './types'
import type { ScenarioContext } from './context'
import { oktaEventFrom, oktaUserActor } from './okta-events'
import { oktaDate } from './random'
import { DEPARTMENTS } from './constants'

/** Okta profile attributes the AD import fills that Entra Connect exports too. */
export type SyncedAttribute = 'title' | 'department' | 'lastName' | 'displayName'

/** The Office 365 app user profile maps these from the Okta user (okta-config.ts). */
const MAPPED_TO_O365: ReadonlySet<SyncedAttribute> = new Set([
  'department',
  'lastName',
  'displayName',
])

export interface PendingChange {
  attribute: SyncedAttribute
  value: string
  /** when the Okta import wrote it (ms); after the Entra user's last export */
  atMs: number
}

/** A move to another title of the same department (a promotion when there is none). */
export function nextTitle(p: { department: string; jobTitle: string }): string {
  const titles = DEPARTMENTS.find(([name]) => name === p.department)?.[1] ?? []
  return titles.find((t) => t !== p.jobTitle) ?? `Senior ${p.jobTitle}`
}

/**
 * Writes the change into the Okta user (and the Office 365 app user's profile when the
 * attribute is mapped there) and returns the System Log event of the import.
 */
export function applyPendingChange(
  ctx: Pick<ScenarioContext, 'rng'>,
  oktaUser: OktaRecord,
  change: PendingChange,
  appUser?: OktaRecord,
): OktaRecord {
  const profile = oktaUser['profile'] as Record<string, Json>
  const from = profile[change.attribute] ?? null
  oktaUser['profile'] = { ...profile, [change.attribute]: change.value }
  oktaUser['lastUpdated'] = oktaDate(change.atMs)
  if (appUser && MAPPED_TO_O365.has(change.attribute)) {
    const appProfile = appUser['profile'] as Record<string, Json>
    appUser['profile'] = { ...appProfile, [change.attribute]: change.value }
    appUser['lastUpdated'] = oktaDate(change.atMs)
  }
  const event = oktaEventFrom(ctx.rng, {
    eventType: 'user.account.update_profile',
    displayMessage: 'Update user profile for Okta',
    atMs: change.atMs,
    result: 'SUCCESS',
    targets: [oktaUserActor(oktaUser)],
    transaction: 'JOB',
  })
  const [target] = event['target'] as OktaRecord[]
  if (target)
    target['changeDetails'] = {
      from: { [change.attribute]: from },
      to: { [change.attribute]: change.value },
    }
  return event
}
