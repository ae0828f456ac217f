/**
 * Who an account is, so seam rules judge the people the seam serves and leave out the
 * rest with a reason: break-glass administrators, the Entra Connect sync account,
 * service accounts, B2B guests, shared and room mailboxes, leavers, and Okta users not
 * yet activated or suspended. The classes follow how the services create these accounts
 * (Entra Connect names its account `Sync_<server>_<hex>`, Exchange creates shared and
 * room mailboxes as disabled users without names, B2B guests carry `#EXT#` and userType
 * Guest, Okta's lifecycle puts new hires in STAGED or PROVISIONED); the name patterns
 * for break-glass and service accounts are conventions, so they only explain why an
 * account was left out, never make a finding on their own.
 *
 * @see https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-accounts-permissions
 * @see https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access
 * @see https://developer.okta.com/docs/api/openapi/okta-management/management/tag/User/#tag/User/operation/listUsers
 */
import type { Rec } from '../util/access'
import { keepShape } from '../util/shapes'

/** The class of an Entra account. */
export type EntraClass =
  | 'person'
  | 'guest'
  | 'sync-account'
  | 'break-glass'
  | 'service'
  | 'shared-mailbox'
  | 'room'
  | 'leaver'
  | 'deleted'

/** The class of an Okta user. */
export type OktaClass = 'person' | 'not-yet-active' | 'suspended' | 'leaver'

/** Why an account was left out of a judged population, in words for the evidence. */
export const CLASS_REASONS: Readonly<Record<EntraClass | OktaClass, string>> = {
  person: 'people',
  guest: 'B2B guests (they sign in at their home tenant)',
  'sync-account': 'directory sync service accounts',
  'break-glass': 'emergency-access (break-glass) administrators',
  service: 'cloud-only service or administrator accounts without a mailbox',
  'shared-mailbox': 'shared mailboxes (disabled accounts without a name)',
  room: 'room and equipment mailboxes',
  leaver: 'disabled or deactivated accounts',
  deleted: 'deleted accounts',
  'not-yet-active': 'Okta users not activated yet (STAGED or PROVISIONED)',
  suspended: 'suspended Okta users',
}

const SYNC_ACCOUNT = /^(?:sync_[^@]*|adtoaadsyncserviceaccount[^@]*)@/i
const SYNC_DISPLAY_NAME = /^on-premises directory synchronization service account$/i
const ROOM = /\b(?:room|conf(?:erence)?|meeting|boardroom|equipment|projector|vehicle|pool car)\b/i
const BREAK_GLASS = /break.?glass|emergency|\bbg[-_.]?admin|^bga?\d*@|^ea[-_.]?admin/i
const SERVICE = /^(?:svc|service|srv|sa|app|api|noreply|no-reply|scanner|scan|printer|mfp)[-_.\d]/i

function lowerType(user: Rec): string {
  const t = user['userType']
  return typeof t === 'string' ? t.toLowerCase() : ''
}

function upnOf(user: Rec): string {
  const upn = user['userPrincipalName']
  return typeof upn === 'string' ? upn : ''
}

function has(user: Rec, key: string): boolean {
  const v = user[key]
  return typeof v === 'string' && v.trim().length > 0
}

/** True for an Entra B2B guest (userType Guest, or an `#EXT#` UPN of an external member). */
export function isGuest(user: Rec): boolean {
  return lowerType(user) === 'guest' || upnOf(user).includes('#EXT#')
}

/**
 * The class of an Entra user (see the file header). `deleted` is decided by the caller,
 * who knows which list the record came from.
 */
export function classifyEntraUser(user: Rec): EntraClass {
  const upn = upnOf(user)
  if (isGuest(user)) return 'guest'
  const displayName = typeof user['displayName'] === 'string' ? user['displayName'] : ''
  if (SYNC_ACCOUNT.test(upn) || SYNC_DISPLAY_NAME.test(displayName.trim())) return 'sync-account'
  const named = has(user, 'givenName') || has(user, 'surname')
  if (!named && (ROOM.test(displayName) || ROOM.test(upn.split('@')[0] ?? ''))) return 'room'
  if (user['accountEnabled'] === false)
    return !named && has(user, 'mail') ? 'shared-mailbox' : 'leaver'
  if (user['onPremisesSyncEnabled'] !== true && !has(user, 'mail')) {
    if (BREAK_GLASS.test(upn) || BREAK_GLASS.test(displayName)) return 'break-glass'
    if (/\.onmicrosoft\.(?:com|us|de)$|\.partner\.onmschina\.cn$/i.test(upn)) return 'service'
  }
  if (!named && (SERVICE.test(upn) || /service account/i.test(displayName))) return 'service'
  return 'person'
}

/** The class of an Okta user, from its lifecycle status. */
export function classifyOktaUser(user: Rec): OktaClass {
  const status = typeof user['status'] === 'string' ? user['status'].toUpperCase() : ''
  if (status === 'DEPROVISIONED') return 'leaver'
  if (status === 'STAGED' || status === 'PROVISIONED') return 'not-yet-active'
  if (status === 'SUSPENDED') return 'suspended'
  return 'person'
}

/** True when an Entra account can sign in (enabled, not deleted). */
export function entraCanSignIn(user: Rec, deleted = false): boolean {
  return !deleted && user['accountEnabled'] !== false
}

/**
 * True when an Okta user can sign in: ACTIVE, and the states of an active user that a
 * password reset or an unlock ends (PASSWORD_EXPIRED, LOCKED_OUT, RECOVERY). A status
 * the API does not document is taken as able to sign in.
 */
export function oktaCanSignIn(user: Rec): boolean {
  return classifyOktaUser(user) === 'person'
}

/** A judged population, for a finding's evidence: how many were judged and who was left out. */
export interface PopulationSummary {
  /** what was judged, in words ("people with an account on both sides") */
  judged: string
  count: number
  excluded: { reason: string; count: number }[]
}

/** Counts accounts by the reason they were left out; `add(undefined)` counts one judged. */
export class PopulationCounter {
  private judgedCount = 0
  private readonly left = new Map<string, number>()

  constructor(private readonly description: string) {}

  judge(): void {
    this.judgedCount++
  }

  leaveOut(reason: string): void {
    this.left.set(reason, (this.left.get(reason) ?? 0) + 1)
  }

  get judged(): number {
    return this.judgedCount
  }

  summary(): PopulationSummary {
    return {
      judged: this.description,
      count: this.judgedCount,
      excluded: [...this.left].map(([reason, count]) => ({ reason, count })),
    }
  }
}

keepShape(new PopulationCounter(''))
