/**
 * Okta app assignments resolved once per diagnosis: each app user's Okta user and join
 * row, and which Okta rows hold an assignment. Rules read these instead of looking every
 * app user up again (at 100k people, each lookup pass costs as much as an index).
 *
 * An app user whose status says the assignment is gone (DEPROVISIONED, REVOKED, or
 * UNASSIGNED: imported but never matched) does not count as assigned; INACTIVE and
 * SUSPENDED ones are assigned but not enabled in the app.
 *
 * @see https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ApplicationUsers/
 */
import { type Rec, str } from '../util/access'
import type { SnapshotIndex } from './snapshot-index'

const REMOVED = /^(DEPROVISIONED|UNASSIGNED|REVOKED)$/i
const DISABLED = /^(INACTIVE|SUSPENDED)$/i

/** True when an app user's status says the assignment is gone. */
export function isRemovedAssignment(appUser: Rec): boolean {
  const status = appUser['status']
  // nearly every app user is one of these two: no pattern needed for them
  if (status === 'PROVISIONED' || status === 'ACTIVE') return false
  return typeof status === 'string' && REMOVED.test(status)
}

/** True when an app user is assigned and enabled in the app (neither removed nor INACTIVE/SUSPENDED). */
export function isEnabledAssignment(appUser: Rec): boolean {
  const status = appUser['status']
  return typeof status !== 'string' || !(REMOVED.test(status) || DISABLED.test(status))
}

/** One app's assignments, aligned with the snapshot's list of its app users. */
export interface AppAssignments {
  readonly appId: string
  /** the app users as the snapshot lists them */
  readonly list: readonly Rec[]
  /** per app user: the live Okta user it belongs to, when collected */
  readonly okta: readonly (Rec | undefined)[]
  /** per app user: that Okta user's row in the join (`index.oktaRows`), or -1 */
  readonly row: Int32Array
  /** per Okta row: 1 when an app user of this app holds it and the assignment is not removed */
  readonly assigned: Uint8Array
}

/** The assignments of the app with id `appId` (built once per diagnosis). */
export function appAssignments(index: SnapshotIndex, appId: string): AppAssignments {
  return index.cached(`app-users:${appId}`, () => {
    const list = index.snapshot.okta?.appUsers?.[appId] ?? []
    const users = index.oktaUsers
    const rowById = index.oktaRowById
    const okta = new Array<Rec | undefined>(list.length)
    const row = new Int32Array(list.length).fill(-1)
    const assigned = new Uint8Array(index.oktaUsers.length + index.oktaDeprovisioned.length)
    for (let k = 0; k < list.length; k++) {
      const au = list[k] as Rec
      const id = str(au, 'id')
      const j = id === undefined ? -1 : (rowById.get(id) ?? -1)
      if (j < 0) continue
      okta[k] = users[j]
      row[k] = j
      if (!isRemovedAssignment(au)) assigned[j] = 1
    }
    return { appId, list, okta, row, assigned }
  })
}
