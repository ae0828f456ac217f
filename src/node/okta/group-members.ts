/**
 * Members of the Okta groups the seam uses (src/shared/compare/seam-groups.ts):
 * `GET /api/v1/groups/{id}/users?limit=1000`, each member kept as its id.
 *
 * Refresh: a group's `lastMembershipUpdated` moves when its members change (its
 * `lastUpdated` does not), so a refresh lists the groups changed since the stored mark
 * (`filter=lastMembershipUpdated ge "<mark>"`, the server's clock) and re-reads only
 * those, keeping the previous members of the rest. A seam group with no previous list is
 * read in full.
 * https://developer.okta.com/docs/api/openapi/okta-management/management/tag/Group/#tag/Group/operation/listGroupUsers
 * https://developer.okta.com/docs/api/openapi/okta-management/management/tag/Group/#tag/Group/operation/listGroups
 */
import type { OktaSnapshot, RawRecord } from '../../shared/model/snapshot'
import {
  type OktaGroupSources,
  office365AppIds,
  oktaMemberRecord,
  groupsToRead,
} from '../../shared/compare/seam-groups'
import { ApiError } from '../net/api-error'
import { mapWithConcurrency } from '../net/concurrency'
import type { OktaStep } from './okta-step'

/** The snapshot key's cursor: the newest `lastMembershipUpdated` the members are current at. */
export const GROUP_MEMBERS_CURSOR = 'okta.groupMembers'

/**
 * Reads every page of a list path into one array (the collector's paced, tracked reader);
 * `keep` is the form each record is kept and streamed in.
 */
export type ListPages = (
  path: string,
  key?: string,
  keep?: (record: RawRecord) => RawRecord,
) => Promise<RawRecord[]>

/** Inputs of {@link readGroupMembers}. */
export interface GroupMembersInputs {
  okta: OktaGroupSources
  list: ListPages
  concurrency: number
  /** the previous snapshot's members and the mark they were current at */
  since?: { members?: Record<string, RawRecord[]>; mark?: string }
}

/** The newest `lastMembershipUpdated` among groups (ISO-8601). */
function newestMembershipChange(groups: readonly RawRecord[], floor?: string): string | undefined {
  let best = floor
  for (const g of groups) {
    const v = g.lastMembershipUpdated
    if (typeof v === 'string' && (best === undefined || Date.parse(v) > Date.parse(best))) best = v
  }
  return best
}

/** The seam groups' members by group id, and the mark for the next refresh. */
export async function readGroupMembers(
  inputs: GroupMembersInputs,
): Promise<{ members: Record<string, RawRecord[]>; mark?: string }> {
  const ids = groupsToRead(inputs.okta)
  const previous = inputs.since?.members
  const mark = inputs.since?.mark
  let changed: Set<string> | undefined
  let next: string | undefined
  if (previous && mark) {
    const filter = encodeURIComponent(`lastMembershipUpdated ge "${mark}"`)
    const groups = await inputs.list(`/api/v1/groups?limit=1000&filter=${filter}`)
    changed = new Set(groups.map((g) => String(g.id)))
    next = newestMembershipChange(groups, mark)
  } else {
    next = newestMembershipChange((inputs.okta.groups ?? []) as RawRecord[])
  }
  const members: Record<string, RawRecord[]> = {}
  await mapWithConcurrency(ids, inputs.concurrency, async (id) => {
    const kept = previous?.[id]
    if (kept && changed && !changed.has(id)) {
      members[id] = kept
      return
    }
    members[id] = await inputs.list(
      `/api/v1/groups/${encodeURIComponent(id)}/users?limit=1000`,
      id,
      (user) => oktaMemberRecord(user) as RawRecord,
    )
  })
  // keep the order the seam lists the groups in, whatever order the reads finished in
  const ordered: Record<string, RawRecord[]> = {}
  for (const id of ids) if (members[id]) ordered[id] = members[id]
  return { members: ordered, ...(next ? { mark: next } : {}) }
}

/**
 * An Office 365 app list by app id: its group assignments (`/groups?limit=200`) or its group
 * push mappings (`/group-push/mappings?limit=1000`). An app without provisioning has no
 * push mappings: Okta answers 400 or 404 for it, which is an empty list, not an error.
 */
export async function readOfficeAppLists(
  resource: 'appGroups' | 'groupPushMappings',
  appIds: readonly string[],
  list: ListPages,
  concurrency: number,
): Promise<Record<string, RawRecord[]>> {
  const suffix = resource === 'appGroups' ? 'groups?limit=200' : 'group-push/mappings?limit=1000'
  const out: Record<string, RawRecord[]> = {}
  await mapWithConcurrency(appIds, concurrency, async (id) => {
    try {
      out[id] = await list(`/api/v1/apps/${encodeURIComponent(id)}/${suffix}`, id)
    } catch (error) {
      const none =
        resource === 'groupPushMappings' &&
        error instanceof ApiError &&
        (error.status === 400 || error.status === 404)
      if (!none) throw error
      out[id] = []
    }
  })
  return out
}

/** The Office 365 apps' group assignments and group push mappings, each its own resource. */
export async function readOfficeGroups(step: OktaStep, apps: readonly RawRecord[]): Promise<void> {
  const ids = office365AppIds(apps)
  await Promise.all(
    (['appGroups', 'groupPushMappings'] as const).map((resource) =>
      step.guard(resource, async () => {
        step.data[resource] = await readOfficeAppLists(
          resource,
          ids,
          (path, key) => step.list(resource, path, key),
          step.concurrency,
        )
      }),
    ),
  )
}

/**
 * Members of the seam's groups, once the groups, apps, assignments and IdPs are read
 * (`since`: the previous snapshot, to refresh from). Without the group list (its types) the
 * members fail with it, for the same reason.
 */
export async function readSeamGroupMembers(
  step: OktaStep,
  since?: { okta?: OktaSnapshot; cursors: Record<string, string> },
): Promise<void> {
  const { data, errors, cursors } = step
  if (!data.groups) {
    const cause = errors.find((e) => e.resource === 'groups')
    if (cause) errors.push({ ...cause, resource: 'groupMembers' })
    step.tracker.track('okta', 'groupMembers').error()
    return
  }
  await step.guard('groupMembers', async () => {
    const mark = since?.cursors[GROUP_MEMBERS_CURSOR]
    const previous = since?.okta?.groupMembers
    const result = await readGroupMembers({
      okta: data,
      list: (path, key, keep) => step.list('groupMembers', path, key, keep),
      concurrency: step.concurrency,
      ...(mark && previous ? { since: { members: previous, mark } } : {}),
    })
    data.groupMembers = result.members
    if (result.mark) cursors[GROUP_MEMBERS_CURSOR] = result.mark
  })
}
