/**
 * Which Okta groups the seam uses, decided from the Okta side alone (so the collector can
 * read their members before Entra is in): groups assigned to an Office 365 app, the source
 * and target groups of its group push mappings, and groups an identity provider assigns
 * to the people it creates (`policy.provisioning.groups.assignments`). Okta's BUILT_IN
 * Everyone group holds every user, so its members are never read.
 *
 * @see https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ApplicationGroups/
 * @see https://developer.okta.com/docs/api/openapi/okta-management/management/tag/GroupPushMapping/
 * @see https://developer.okta.com/docs/api/openapi/okta-management/management/tag/IdentityProvider/
 */
import { type Rec, isRec, str, strs } from '../util/access'
import { isOffice365App } from './seam'

/** The Okta records the choice reads. */
export interface OktaGroupSources {
  groups?: readonly Rec[]
  apps?: readonly Rec[]
  appGroups?: Readonly<Record<string, readonly Rec[]>>
  groupPushMappings?: Readonly<Record<string, readonly Rec[]>>
  idps?: readonly Rec[]
}

/** Why a group is at the seam. */
export type SeamGroupReason = 'office365-assignment' | 'pushed' | 'push-target' | 'idp-assignment'

/** The Office 365 apps (not deleted) whose assignments and push mappings matter. */
export function office365AppIds(apps: readonly Rec[] | undefined): string[] {
  return (apps ?? [])
    .filter((a) => isOffice365App(a) && str(a, 'status')?.toUpperCase() !== 'DELETED')
    .map((a) => str(a, 'id') ?? '')
    .filter(Boolean)
}

/** The seam's Okta groups by id, each with its reasons. */
export function seamOktaGroups(okta: OktaGroupSources): Map<string, SeamGroupReason[]> {
  const out = new Map<string, SeamGroupReason[]>()
  const add = (id: string | undefined, reason: SeamGroupReason) => {
    if (!id) return
    const list = out.get(id)
    if (!list) out.set(id, [reason])
    else if (!list.includes(reason)) list.push(reason)
  }
  for (const appId of office365AppIds(okta.apps)) {
    for (const a of okta.appGroups?.[appId] ?? []) add(str(a, 'id'), 'office365-assignment')
    for (const m of okta.groupPushMappings?.[appId] ?? []) {
      add(str(m, 'sourceGroupId'), 'pushed')
      add(str(m, 'targetGroupId'), 'push-target')
    }
  }
  for (const idp of okta.idps ?? []) {
    const groups = idp['policy']
    const provisioning = isRec(groups) ? groups['provisioning'] : undefined
    for (const id of strs(provisioning, 'groups', 'assignments')) add(id, 'idp-assignment')
  }
  return out
}

/**
 * The seam groups whose members a collection reads: those in the group list, except
 * BUILT_IN ones (Everyone holds every user).
 */
export function groupsToRead(okta: OktaGroupSources): string[] {
  const builtIn = new Set<string>()
  const known = new Set<string>()
  for (const g of okta.groups ?? []) {
    const id = str(g, 'id')
    if (!id) continue
    known.add(id)
    if (str(g, 'type') === 'BUILT_IN') builtIn.add(id)
  }
  return [...seamOktaGroups(okta).keys()].filter((id) => known.has(id) && !builtIn.has(id))
}

/**
 * What the snapshot keeps of each member `GET /api/v1/groups/{id}/users` returns: its id.
 * The user itself is under `okta.users` (a 100k-member group of full users would double a
 * snapshot), and an id cannot go stale when the user changes but the group does not.
 */
export function oktaMemberRecord(user: Rec): Rec {
  return { id: user['id'] }
}
