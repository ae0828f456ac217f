/**
 * Entra group memberships through one delta query, `GET /groups/delta?$select=members`:
 * the first round lists every group with its direct members in `members@delta` (a group
 * may come back on several pages, each with more of its members); a round from the stored
 * delta link lists only the groups whose members changed, with the members added and the
 * ones removed (`"@removed": {"reason": "deleted"}`), and groups deleted since
 * (`@removed` on the group). The snapshot keeps each member as Graph names it: its
 * `@odata.type` and `id`.
 * https://learn.microsoft.com/en-us/graph/api/group-delta
 * https://learn.microsoft.com/en-us/graph/delta-query-groups
 */
import type { RawRecord } from '../../shared/model/snapshot'
import type { Tracker } from '../collect/tracker'
import { ApiError } from '../net/api-error'
import type { GraphClient } from './graph-client'

/** The snapshot key's cursor: the delta link of the membership query. */
export const GROUP_MEMBERS_CURSOR = 'entra.groupMembers'

const QUERY = 'groups/delta?$select=members'

/** Errors that mean a stored delta link can no longer be used (a new full round follows). */
function isExpired(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 410 ||
      ['syncStateNotFound', 'resyncRequired', 'syncStateInvalid'].includes(error.code))
  )
}

function memberOf(value: unknown): RawRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const m = value as RawRecord
  return typeof m.id === 'string' ? m : undefined
}

/** Inputs of {@link collectGroupMembers}. */
export interface GroupMembersOptions {
  graph: GraphClient
  tracker: Tracker
  signal?: AbortSignal
  /** the previous snapshot's memberships and their delta link */
  since?: { members?: Record<string, RawRecord[]>; link?: string }
}

/** Every group's members (by group id) and the delta link to refresh from. */
export async function collectGroupMembers(
  options: GroupMembersOptions,
): Promise<{ members: Record<string, RawRecord[]>; cursor?: string }> {
  const { graph, since } = options
  if (since?.link && since.members && graph.isOwnUrl(since.link)) {
    try {
      return await round(options, since.link, since.members)
    } catch (error) {
      if (!isExpired(error)) throw error
    }
  }
  return round(options, QUERY, undefined)
}

async function round(
  options: GroupMembersOptions,
  start: string,
  previous: Record<string, RawRecord[]> | undefined,
): Promise<{ members: Record<string, RawRecord[]>; cursor?: string }> {
  const t = options.tracker.track('entra', 'groupMembers')
  // per group, members by id: a later page or round adds to or removes from them
  const groups = new Map<string, Map<string, RawRecord>>()
  for (const [id, list] of Object.entries(previous ?? {}))
    groups.set(id, new Map(list.map((m) => [String(m.id), m])))
  const result = await options.graph.forEachPage(
    start,
    (page) => {
      // batches are keyed by group, as the snapshot keeps them: a page's members per group
      const added = new Map<string, RawRecord[]>()
      for (const entry of page.value) {
        const id = String(entry.id)
        if (entry['@removed'] !== undefined) {
          groups.delete(id)
          continue
        }
        let members = groups.get(id)
        if (!members) groups.set(id, (members = new Map()))
        const delta = entry['members@delta']
        for (const raw of Array.isArray(delta) ? delta : []) {
          const m = memberOf(raw)
          if (!m) continue
          if (m['@removed'] !== undefined) members.delete(String(m.id))
          else {
            members.set(String(m.id), m)
            const list = added.get(id)
            if (list) list.push(m)
            else added.set(id, [m])
          }
        }
      }
      t.pageByKey(added)
    },
    {
      ...(options.signal ? { signal: options.signal } : {}),
      stats: t.stats,
      headers: { prefer: 'odata.maxpagesize=999' },
    },
  )
  const members: Record<string, RawRecord[]> = {}
  for (const [id, m] of groups) members[id] = [...m.values()]
  return { members, ...(result.deltaLink ? { cursor: result.deltaLink } : {}) }
}
