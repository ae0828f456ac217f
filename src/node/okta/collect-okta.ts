/**
 * Collects the Okta half of a snapshot: users, groups (and the members of those the seam
 * uses), apps (with app users and signing keys per app, and the Office 365 apps' group
 * assignments and push mappings), identity providers and the IdP discovery (routing) policy
 * with its rules, profile mappings (listed, then fetched by id because
 * the list omits `properties`), the user schema and a bounded System Log window.
 * Refresh: users and groups are re-read with `filter=lastUpdated ge "<mark>"` (groups also
 * by `lastMembershipUpdated`) and merged by id; app users follow the System Log change feed
 * (`app-user-refresh.ts`); group members are re-read for the groups whose members changed
 * (`group-members.ts`); everything else is re-read in full.
 * https://developer.okta.com/docs/api/openapi/okta-management/management/
 */
import { readLogWindows } from './log-window'
import type { CollectionError, OktaSnapshot, RawRecord } from '../../shared/model/snapshot'
import { toCollectionError } from '../net/api-error'
import { mapWithConcurrency } from '../net/concurrency'
import { singleRecord } from '../net/paging'
import { isAbortError } from '../net/retry'
import type { Tracker } from '../collect/tracker'
import { type OktaReader, latestLastUpdated, pageSize } from './okta-reader'

import type { OktaStep } from './okta-step'
import { readOfficeGroups, readSeamGroupMembers } from './group-members'
import { readIdpRouting } from './idp-routing'
import {
  APP_USERS_CURSOR,
  APP_USERS_FEED_CURSOR,
  type ChangeFeed,
  usableMark,
  mergeAppUsers,
  nextMark,
  planAppUserRefresh,
  readAppUser,
  resumeChangeFeed,
  readLogHead,
  usersChangedSince,
} from './app-user-refresh'

/** The OAuth scope each snapshot resource needs: the resource registry's. */
export { OKTA_SCOPE_OF as OKTA_SCOPES } from '../../shared/model'

/** Inputs of `collectOkta`. */
export interface OktaCollectOptions {
  reader: OktaReader
  orgUrl: string
  tracker: Tracker
  signal?: AbortSignal
  since?: { okta?: OktaSnapshot; cursors: Record<string, string> }
  /** System Log window (ISO-8601); `until` defaults to now, `since` to 7 days before `until` */
  logsSince?: string
  logsUntil?: string
  /** newest log events kept; default 50 000 */
  maxLogRecords?: number
  /**
   * the previous snapshot's collection time: configuration events older than the activity
   * window but since then (bounded by Okta's 90-day retention) are read too, so every change
   * between the two snapshots can be attributed
   */
  configEventsSince?: string
  /** parallel per-app requests; default 4 */
  concurrency?: number
  now?: () => number
  /** the pacer's schedule: ms before `requests` more requests to `path`'s bucket have gone out */
  pace?: (path: string, requests: number) => number
  /**
   * settles when the Entra credential key IDs are known (the IdPs' secrets are redacted
   * against them at the door); the IdPs are read after it
   */
  keyIdsKnown?: () => Promise<void>
}

/** The Okta half, its errors, its refresh cursors (`okta.users`, `okta.groups`, `okta.appUsers`, `okta.appUsers.feed`) and the readable resources. */
export interface OktaCollectResult {
  data: OktaSnapshot
  errors: CollectionError[]
  cursors: Record<string, string>
  /** resources read successfully (their scopes are proven granted) */
  succeeded: string[]
}

/** Collects every Okta resource; failures become `errors` entries, an abort rejects. */
export async function collectOkta(options: OktaCollectOptions): Promise<OktaCollectResult> {
  const { reader, tracker, signal } = options
  const data: OktaSnapshot = { orgUrl: options.orgUrl }
  const errors: CollectionError[] = []
  const cursors: Record<string, string> = {}
  const succeeded: string[] = []
  const concurrency = options.concurrency ?? 4
  const now = options.now ?? Date.now

  const guard = async (resource: string, run: () => Promise<void>): Promise<void> => {
    try {
      await run()
      succeeded.push(resource)
      tracker.track('okta', resource).done()
    } catch (error) {
      if (isAbortError(error) || signal?.aborted) throw error
      errors.push(toCollectionError('okta', resource, error))
      tracker.track('okta', resource).error()
    }
  }

  /** Every page of `path`, tracked; `keep` is the form a record is kept and streamed in. */
  const list = async (
    resource: string,
    path: string,
    key?: string,
    keep?: (record: RawRecord) => RawRecord,
  ): Promise<RawRecord[]> => {
    const t = tracker.track('okta', resource)
    const pace = options.pace
    if (pace) t.pace({ perRequest: pageSize(path), schedule: (n) => pace(path, n) })
    const out: RawRecord[] = []
    await reader.forEachPage(
      path,
      (page) => {
        const records = keep ? page.map(keep) : page
        out.push(...records)
        t.page(records, key)
      },
      t.stats,
    )
    return out
  }

  /** What the steps in their own modules share of this run. */
  const step: OktaStep = { data, errors, cursors, tracker, concurrency, guard, list }

  /** The users a refresh re-read (every status), for the deactivated users' refresh. */
  let changedUsers: RawRecord[] | undefined

  /** users/groups: full list, or changes since the stored mark merged into the previous records. */
  const incremental = async (resource: 'users' | 'groups', path: string): Promise<void> => {
    const key = `okta.${resource}`
    const mark = options.since?.cursors[key]
    const previous = options.since?.okta?.[resource]
    if (mark && previous) {
      // a group's members move its lastMembershipUpdated, not its lastUpdated
      const filter = encodeURIComponent(
        resource === 'groups'
          ? `lastUpdated ge "${mark}" or lastMembershipUpdated ge "${mark}"`
          : `lastUpdated ge "${mark}"`,
      )
      const changed = await list(resource, `${path}&filter=${filter}`)
      if (resource === 'users') changedUsers = changed
      const byId = new Map<string, RawRecord>()
      for (const r of previous) byId.set(String(r.id), r)
      for (const r of changed) {
        // filtered lists include DEPROVISIONED users; the plain list (what a full run reads) omits them
        if (resource === 'users' && r.status === 'DEPROVISIONED') byId.delete(String(r.id))
        else byId.set(String(r.id), r)
      }
      data[resource] = [...byId.values()]
      const next = latestLastUpdated(changed, mark)
      if (next) cursors[key] = next
      return
    }
    data[resource] = await list(resource, path)
    const next = latestLastUpdated(data[resource] ?? [])
    if (next) cursors[key] = next
  }

  /**
   * Deactivated (DEPROVISIONED) users, which the plain list omits: listed with a status
   * filter on a full run; on a refresh, the previous list updated from the users the
   * refresh re-read (a filtered list returns every status).
   */
  const deprovisionedUsers = async (): Promise<void> => {
    await usersDone
    await guard('deprovisionedUsers', async () => {
      const previous = options.since?.okta?.deprovisionedUsers
      if (changedUsers && previous) {
        const byId = new Map<string, RawRecord>()
        for (const r of previous) byId.set(String(r.id), r)
        for (const r of changedUsers) {
          if (r.status === 'DEPROVISIONED') byId.set(String(r.id), r)
          else byId.delete(String(r.id))
        }
        data.deprovisionedUsers = [...byId.values()]
        tracker.track('okta', 'deprovisionedUsers').page([])
        return
      }
      const filter = encodeURIComponent('status eq "DEPROVISIONED"')
      data.deprovisionedUsers = await list(
        'deprovisionedUsers',
        `/api/v1/users?limit=200&filter=${filter}`,
      )
    })
  }

  const previousOkta = options.since?.okta
  const storedMark = usableMark(options.since?.cursors[APP_USERS_CURSOR], now())
  const appUsersMark = previousOkta?.appUsers ? storedMark : undefined
  const storedFeedLink = options.since?.cursors[APP_USERS_FEED_CURSOR]
  const usersDone = guard('users', () => incremental('users', '/api/v1/users?limit=200'))
  /**
   * First in the logs bucket: on a refresh, the app-user change feed since the mark (read
   * once the users are in, so the users' newest update can move the mark); on a full read,
   * the log's newest event, which becomes the mark.
   */
  const changeFeed: Promise<AppUserChanges> = (async () => {
    const stats = tracker.track('okta', 'appUsers').stats
    try {
      if (appUsersMark) {
        await usersDone
        const from = { orgUrl: options.orgUrl, mark: appUsersMark, link: storedFeedLink }
        return {
          kind: 'feed',
          mark: appUsersMark,
          feed: await resumeChangeFeed(reader, from, stats),
        }
      }
      return { kind: 'head', head: await readLogHead(reader, stats) }
    } catch (error) {
      if (isAbortError(error) || signal?.aborted) throw error
      // without okta.logs.read there is no feed: app users are re-read in full, with no mark
      return appUsersMark
        ? { kind: 'feed', mark: appUsersMark, feed: undefined }
        : { kind: 'head', head: undefined }
    }
  })()

  /** Every page of a per-app list (`users?limit=500`, `credentials/keys`) into `out`, by app id. */
  const readPerApp = async (
    resource: 'appUsers' | 'appKeys',
    suffix: string,
    apps: readonly RawRecord[],
    out: Record<string, RawRecord[]>,
  ): Promise<void> => {
    await mapWithConcurrency(apps, concurrency, async (app) => {
      const id = String(app.id)
      out[id] = await list(resource, `/api/v1/apps/${encodeURIComponent(id)}/${suffix}`, id)
    })
  }
  const readAllAppUsers = (apps: readonly RawRecord[], out: Record<string, RawRecord[]>) =>
    readPerApp('appUsers', 'users?limit=500', apps, out)

  /**
   * App users are read after the profile mappings: a mapping that changes later then shows
   * as a difference on the next refresh, which re-reads that app.
   */
  const appUsers = async (apps: RawRecord[], read: ReadsBefore): Promise<void> => {
    await guard('appUsers', async () => {
      const changes = await changeFeed
      await read.mappings()
      const out: Record<string, RawRecord[]> = {}
      if (changes.kind === 'head' || !previousOkta?.appUsers) {
        await readAllAppUsers(apps, out)
        data.appUsers = out
        if (changes.kind === 'head' && changes.head) cursors[APP_USERS_CURSOR] = changes.head
        return
      }
      await read.users()
      const users = data.users
      const plans = planAppUserRefresh({
        apps,
        mappings: data.mappings,
        previous: {
          apps: previousOkta.apps ?? [],
          appUsers: previousOkta.appUsers,
          mappings: previousOkta.mappings,
        },
        changedUserIds: users
          ? usersChangedSince(changes.mark, users, previousOkta.users ?? [])
          : undefined,
        feed: changes.feed,
      })
      const full = apps.filter((a) => plans.get(String(a.id))?.kind === 'full')
      const pairs = [...plans].flatMap(([appId, plan]) =>
        plan.kind === 'byId' ? plan.userIds.map((userId) => ({ appId, userId })) : [],
      )
      const t = tracker.track('okta', 'appUsers')
      const [, reread] = await Promise.all([
        readAllAppUsers(full, out),
        mapWithConcurrency(pairs, concurrency, async ({ appId, userId }) => {
          const record = await readAppUser(reader, appId, userId, t.stats)
          t.page(record ? [record] : [], appId)
          return { appId, userId, record }
        }),
      ])
      for (const app of apps) {
        const id = String(app.id)
        if (out[id]) continue
        const forApp = new Map(
          reread.filter((r) => r.appId === id).map((r) => [r.userId, r.record] as const),
        )
        out[id] = mergeAppUsers(previousOkta.appUsers[id] ?? [], forApp)
      }
      data.appUsers = out
      if (changes.feed && users) {
        cursors[APP_USERS_CURSOR] = nextMark(changes.mark, latestLastUpdated(users))
        if (changes.feed.next) cursors[APP_USERS_FEED_CURSOR] = changes.feed.next
      }
    })
  }

  const appsAndChildren = async (read: ReadsBefore): Promise<void> => {
    await guard('apps', async () => {
      data.apps = await list('apps', '/api/v1/apps?limit=200')
    })
    if (!data.apps) return
    const apps = data.apps
    await Promise.all([
      appUsers(apps, read),
      guard('appKeys', async () => {
        const out: Record<string, RawRecord[]> = {}
        await readPerApp('appKeys', 'credentials/keys', apps, out)
        data.appKeys = out
      }),
      readOfficeGroups(step, apps).then(resolveOfficeGroups),
    ])
  }

  const mappings = async (): Promise<void> => {
    await guard('mappings', async () => {
      const t = tracker.track('okta', 'mappings')
      const listed: RawRecord[] = []
      await reader.forEachPage(
        '/api/v1/mappings?limit=200',
        (records) => void listed.push(...records),
        t.stats,
      )
      const full = await mapWithConcurrency(listed, concurrency, async (m) => {
        const record = singleRecord(
          'okta',
          await reader.getJson(`/api/v1/mappings/${encodeURIComponent(String(m.id))}`, t.stats),
        )
        t.page([record])
        return record
      })
      data.mappings = full
    })
  }

  const logs = async (): Promise<void> => {
    await changeFeed
    await guard('logs', async () => {
      const until = options.logsUntil ?? new Date(now()).toISOString()
      const since = options.logsSince ?? new Date(Date.parse(until) - 7 * 86_400_000).toISOString()
      data.logs = await readLogWindows(reader, tracker.track('okta', 'logs'), {
        since,
        until,
        max: options.maxLogRecords ?? 50_000,
        configEventsSince: options.configEventsSince,
      })
    })
  }

  const mappingsDone = mappings()
  const groupsDone = guard('groups', () => incremental('groups', '/api/v1/groups?limit=1000'))
  const idpsDone = guard('idps', async () => {
    await options.keyIdsKnown?.()
    data.idps = await list('idps', '/api/v1/idps?limit=200')
  })
  let resolveOfficeGroups: () => void = () => undefined
  // settles once the Office 365 apps' assignments and push mappings are read (or the apps failed)
  const officeGroupsDone = new Promise<void>((resolve) => (resolveOfficeGroups = resolve))
  await Promise.all([
    usersDone,
    deprovisionedUsers(),
    groupsDone,
    appsAndChildren({ users: () => usersDone, mappings: () => mappingsDone }).finally(() =>
      resolveOfficeGroups(),
    ),
    idpsDone,
    Promise.all([groupsDone, idpsDone, officeGroupsDone]).then(() =>
      readSeamGroupMembers(step, options.since),
    ),
    mappingsDone,
    readIdpRouting(step),
    guard('userSchema', async () => {
      const t = tracker.track('okta', 'userSchema')
      const schema = singleRecord(
        'okta',
        await reader.getJson('/api/v1/meta/schemas/user/default', t.stats),
      )
      t.page([schema])
      data.userSchema = schema
    }),
    logs(),
  ])
  return { data, errors, cursors, succeeded }
}

/** Reads app users wait for (each settles, never rejects, unless the run is aborted). */
interface ReadsBefore {
  users: () => Promise<void>
  mappings: () => Promise<void>
}

/** The first step of the app-user read: a change feed to refresh from, or a new mark. */
type AppUserChanges =
  | { kind: 'feed'; mark: string; feed: ChangeFeed | undefined }
  | { kind: 'head'; head: string | undefined }
