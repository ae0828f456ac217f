/**
 * Incremental refresh of Okta app users. `/api/v1/apps/{id}/users` has no change filter,
 * so a refresh keeps an app's previous list and re-reads what has evidence of change:
 *
 * - the System Log since the stored mark (`okta.appUsers`): assignment, username,
 *   provisioning, import and app lifecycle events name the app instance and the user;
 * - Okta users changed since the users mark: their app profiles and usernames derive
 *   from their Okta profile and status, so each of their app users is re-read;
 * - an app whose own record or profile mappings changed is re-read in full.
 *
 * An evidenced app user is read by id (404: no longer assigned) unless that costs more
 * requests than re-reading the app's pages. Without a usable mark (no `okta.logs.read`,
 * more events than the cap, a mark older than the log keeps), every app is re-read.
 * https://developer.okta.com/docs/api/openapi/okta-management/management/tag/SystemLog/
 */
import { z } from 'zod'
import type { RawRecord } from '../../shared/model/snapshot'
import type { RequestStats } from '../entra/graph-client'
import { ApiError } from '../net/api-error'
import { singleRecord } from '../net/paging'
import type { OktaReader } from './okta-reader'

/** The refresh cursor: the System Log time app users are known to be current at. */
export const APP_USERS_CURSOR = 'okta.appUsers'
/** Where the change feed continues: the polling query's last `next` link. */
export const APP_USERS_FEED_CURSOR = 'okta.appUsers.feed'
/** Page size of `/api/v1/apps/{id}/users` (the API's maximum). */
export const APP_USER_PAGE_SIZE = 500
/** Events are read from this long before the mark: the System Log may index late. */
export const FEED_OVERLAP_MS = 5 * 60_000
/** The System Log keeps 90 days; an older mark cannot prove anything unchanged. */
export const FEED_RETENTION_MS = 80 * 86_400_000
/** A mark this far ahead of our clock is not a time the org has reached. */
export const FEED_MAX_CLOCK_SKEW_MS = 86_400_000
/** More change events than this: re-reading every app is the cheaper, surer path. */
export const FEED_MAX_EVENTS = 10_000

const FEED_PREFIXES = [
  'application.user_membership.',
  'application.provision.user.',
  // the provisioning engine's own event family (imports, pushes)
  'app.user_management.',
  'application.lifecycle.',
  // a group assigned to or removed from an app, or its assignment profile changed
  'group.application_assignment.',
] as const

/** The SCIM filter of the change feed. */
export const APP_USER_FEED_FILTER = FEED_PREFIXES.map((p) => `eventType sw "${p}"`).join(' or ')

const feedEvent = z.object({
  eventType: z.string(),
  published: z.string(),
  target: z
    .array(z.object({ id: z.string(), type: z.string() }).passthrough())
    .nullish()
    .transform((t) => t ?? []),
})
type FeedEvent = z.infer<typeof feedEvent>

/** The change feed: its events, the newest `published` among them, where it continues. */
export interface ChangeFeed {
  events: FeedEvent[]
  newest: string | undefined
  next?: string
}

/** Where a feed read starts: a time, or the link an earlier read stopped at. */
export type FeedStart = { since: string } | { link: string }

class FeedFull extends Error {}

/**
 * Reads change events from `start` (a polling query: it ends on an empty page, whose
 * `next` link is where the next read continues, so no event is read twice or missed).
 * Resolves `undefined` when there are more than `max` or one is not a LogEvent.
 */
export async function readChangeFeed(
  reader: OktaReader,
  start: FeedStart,
  stats?: RequestStats,
  max = FEED_MAX_EVENTS,
): Promise<ChangeFeed | undefined> {
  const events: FeedEvent[] = []
  let newest: string | undefined
  let next: string | undefined
  const url =
    'link' in start
      ? start.link
      : `/api/v1/logs?since=${encodeURIComponent(start.since)}&filter=${encodeURIComponent(APP_USER_FEED_FILTER)}&limit=1000&sortOrder=ASCENDING`
  try {
    await reader.forEachPage(
      url,
      (records, link) => {
        next = link
        if (records.length === 0) throw new FeedFull('end of feed')
        for (const r of records) {
          const e = feedEvent.safeParse(r)
          if (!e.success) throw new FeedFull('not a LogEvent')
          events.push(e.data)
          if (newest === undefined || Date.parse(e.data.published) > Date.parse(newest))
            newest = e.data.published
        }
        if (events.length > max) throw new FeedFull('too many events')
      },
      stats,
    )
  } catch (error) {
    if (!(error instanceof FeedFull)) throw error
    if (error.message !== 'end of feed') return undefined
  }
  return { events, newest, ...(next ? { next } : {}) }
}

/**
 * A stored feed link, when it is exactly what `readChangeFeed` follows: a polling System
 * Log query on this org with the change-feed filter, ascending, continuing from `after`
 * (a snapshot file is not trusted to name anything else, e.g. a bounded `until` query).
 */
export function feedLinkFor(orgUrl: string, link: string | undefined): string | undefined {
  if (!link) return undefined
  try {
    const url = new URL(link)
    const q = url.searchParams
    const allowed = new Set(['since', 'filter', 'limit', 'sortOrder', 'after'])
    const ok =
      url.origin === new URL(orgUrl).origin &&
      url.pathname === '/api/v1/logs' &&
      [...q.keys()].every((k) => allowed.has(k)) &&
      q.getAll('filter').length === 1 &&
      q.get('filter') === APP_USER_FEED_FILTER &&
      (q.get('sortOrder') ?? 'ASCENDING') === 'ASCENDING' &&
      !!q.get('after')
    return ok ? url.href : undefined
  } catch {
    return undefined
  }
}

/** A stored mark, when it is a time the log still keeps and not in the future. */
export function usableMark(mark: string | undefined, nowMs: number): string | undefined {
  if (!mark || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(mark)) return undefined
  const t = Date.parse(mark)
  return nowMs - t < FEED_RETENTION_MS && t - nowMs < FEED_MAX_CLOCK_SKEW_MS ? mark : undefined
}

/**
 * The change feed of a refresh: from the stored link when there is a sound one (a link
 * the org no longer honours, 400, falls back), else from the mark less `FEED_OVERLAP_MS`.
 */
export async function resumeChangeFeed(
  reader: OktaReader,
  from: { orgUrl: string; mark: string; link: string | undefined },
  stats?: RequestStats,
): Promise<ChangeFeed | undefined> {
  const since = new Date(Date.parse(from.mark) - FEED_OVERLAP_MS).toISOString()
  const link = feedLinkFor(from.orgUrl, from.link)
  if (!link) return readChangeFeed(reader, { since }, stats)
  try {
    return await readChangeFeed(reader, { link }, stats)
  } catch (error) {
    if (error instanceof ApiError && error.status === 400)
      return readChangeFeed(reader, { since }, stats)
    throw error
  }
}

/** The newest System Log event's time: app users read after it are current as of then. */
export async function readLogHead(
  reader: OktaReader,
  stats?: RequestStats,
): Promise<string | undefined> {
  const page = await reader.getJson('/api/v1/logs?limit=1&sortOrder=DESCENDING', stats)
  const first = Array.isArray(page) ? (page[0] as unknown) : undefined
  const parsed = z.object({ published: z.string() }).safeParse(first)
  return parsed.success ? parsed.data.published : undefined
}

/** What a refresh does with one app's users. */
export type AppUserPlan =
  { kind: 'keep' } | { kind: 'full'; reason: string } | { kind: 'byId'; userIds: string[] }

export interface PlanInput {
  apps: readonly RawRecord[]
  mappings: readonly RawRecord[] | undefined
  previous: {
    apps: readonly RawRecord[]
    appUsers: Readonly<Record<string, readonly RawRecord[]>>
    mappings: readonly RawRecord[] | undefined
  }
  /** Okta users changed since app users were last current (`usersChangedSince`); undefined: not known */
  changedUserIds: ReadonlySet<string> | undefined
  /** the change feed; undefined: not readable */
  feed: ChangeFeed | undefined
  pageSize?: number
}

/** Decides, app by app, whether to keep, re-read by id, or re-read in full. */
export function planAppUserRefresh(input: PlanInput): Map<string, AppUserPlan> {
  const changedUsers = input.changedUserIds
  if (!input.feed || !changedUsers) {
    const reason = !input.feed
      ? 'the System Log change feed could not be read'
      : 'changed Okta users are not known'
    return new Map(input.apps.map((a) => [String(a.id), { kind: 'full', reason }]))
  }
  const plans = new Map<string, AppUserPlan>()
  const pageSize = input.pageSize ?? APP_USER_PAGE_SIZE
  const previousApps = new Map(input.previous.apps.map((a) => [String(a.id), a]))
  const evidence = feedEvidence(input.feed)
  for (const app of input.apps) {
    const id = String(app.id)
    const before = input.previous.appUsers[id]
    const reason =
      !before || !previousApps.has(id)
        ? 'no previous app users'
        : previousApps.get(id)?.lastUpdated !== app.lastUpdated
          ? 'the app changed'
          : mappingsDiffer(id, input.previous.mappings, input.mappings)
            ? 'its profile mappings changed'
            : evidence.whole.has(id)
              ? 'an event about the whole app'
              : undefined
    if (reason !== undefined || !before) {
      plans.set(id, { kind: 'full', reason: reason ?? 'no previous app users' })
      continue
    }
    const userIds = new Set(evidence.users.get(id))
    for (const r of before) {
      const userId = String(r.id)
      if (changedUsers.has(userId)) userIds.add(userId)
    }
    const pages = Math.max(1, Math.ceil(before.length / pageSize))
    if (userIds.size === 0) plans.set(id, { kind: 'keep' })
    else if (userIds.size >= pages)
      plans.set(id, { kind: 'full', reason: `${userIds.size} changed, ${pages} pages` })
    else plans.set(id, { kind: 'byId', userIds: [...userIds].sort() })
  }
  return plans
}

/**
 * What the feed says, per app instance: the users it names (a `User` or `AppUser` target;
 * an app user's id is its Okta user's), and the apps an event touches as a whole (a
 * lifecycle or group assignment event, or any event that names the app but no user).
 */
function feedEvidence(feed: ChangeFeed | undefined): {
  users: Map<string, Set<string>>
  whole: Set<string>
} {
  const users = new Map<string, Set<string>>()
  const whole = new Set<string>()
  for (const e of feed?.events ?? []) {
    const appIds = e.target.filter((t) => t.type === 'AppInstance').map((t) => t.id)
    const userIds = e.target
      .filter((t) => t.type === 'User' || t.type === 'AppUser')
      .map((t) => t.id)
    const wholeApp =
      e.eventType.startsWith('application.lifecycle.') ||
      e.eventType.startsWith('group.application_assignment.') ||
      userIds.length === 0
    for (const a of appIds) {
      if (wholeApp) whole.add(a)
      const set = users.get(a) ?? new Set<string>()
      for (const u of userIds) set.add(u)
      users.set(a, set)
    }
  }
  return { users, whole }
}

function mappingsDiffer(
  appId: string,
  before: readonly RawRecord[] | undefined,
  after: readonly RawRecord[] | undefined,
): boolean {
  if (!before || !after) return true
  const ofApp = (list: readonly RawRecord[]): string[] =>
    list
      .filter((m) => endpointId(m.source) === appId || endpointId(m.target) === appId)
      .map((m) => JSON.stringify(m))
      .sort()
  const a = ofApp(before)
  const b = ofApp(after)
  return a.length !== b.length || a.some((x, i) => x !== b[i])
}

function endpointId(side: unknown): string | undefined {
  const id = (side as { id?: unknown } | null | undefined)?.id
  return typeof id === 'string' ? id : undefined
}

/**
 * Okta users whose app users may have changed since `mark`: updated after it, updated at
 * it and different from the previous record, or gone from the list (deactivated, deleted).
 */
export function usersChangedSince(
  mark: string,
  users: readonly RawRecord[],
  previous: readonly RawRecord[],
): Set<string> {
  const at = Date.parse(mark)
  const before = new Map(previous.map((u) => [String(u.id), u]))
  const changed = new Set<string>()
  for (const u of users) {
    const id = String(u.id)
    const t = typeof u.lastUpdated === 'string' ? Date.parse(u.lastUpdated) : Number.NaN
    if (!(t <= at)) changed.add(id)
    else if (t === at && JSON.stringify(u) !== JSON.stringify(before.get(id))) changed.add(id)
    before.delete(id)
  }
  for (const id of before.keys()) changed.add(id)
  return changed
}

/** Reads one app user; `null` when the user is no longer assigned (404). */
export async function readAppUser(
  reader: OktaReader,
  appId: string,
  userId: string,
  stats?: RequestStats,
): Promise<RawRecord | null> {
  try {
    const record = await reader.getJson(
      `/api/v1/apps/${encodeURIComponent(appId)}/users/${encodeURIComponent(userId)}`,
      stats,
    )
    return singleRecord('okta', record)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}

/** The previous list with re-read app users replaced, added (at the end) or removed. */
export function mergeAppUsers(
  previous: readonly RawRecord[],
  reread: ReadonlyMap<string, RawRecord | null>,
): RawRecord[] {
  const out: RawRecord[] = []
  for (const r of previous) {
    const id = String(r.id)
    const next = reread.has(id) ? reread.get(id) : r
    if (next) out.push(next)
  }
  const known = new Set(previous.map((r) => String(r.id)))
  for (const [id, r] of reread) if (r && !known.has(id)) out.push(r)
  return out
}

/**
 * The next mark: the newest user update the refresh read. The users are read before the
 * feed and the app users, so every later change to a user shows after it; events are
 * followed by the feed link, not by the mark.
 */
export function nextMark(previous: string, newestUserUpdate: string | undefined): string {
  return newestUserUpdate && Date.parse(newestUserUpdate) > Date.parse(previous)
    ? newestUserUpdate
    : previous
}
