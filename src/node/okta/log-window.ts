/**
 * The System Log windows a collection reads: the activity window the rules judge (7 days by
 * default) and, on a refresh, the configuration events since the previous snapshot, so each
 * change between two snapshots can be attributed.
 * https://developer.okta.com/docs/reference/api/event-types/
 */
import type { RawRecord } from '../../shared/model/snapshot'
import type { OktaReader } from './okta-reader'
import type { ResourceTracker } from '../collect/tracker'
/** Okta keeps 90 days of System Log. */
const OKTA_LOG_RETENTION_MS = 90 * 86_400_000
/** Audit events can be published a little after the change: the window starts this much earlier. */
const LATE_EVENT_MARGIN_MS = 60 * 60_000

/**
 * Event types of configuration changes (the Event Types catalog's application, key, IdP,
 * mapping, policy and user-profile families); sign-in and push events stay in the activity
 * window the rules read.
 */
export const CONFIG_EVENT_PREFIXES = [
  'application.lifecycle.',
  'application.user_membership.',
  'app.keys.',
  'system.idp.lifecycle.',
  'directory.mapping.',
  'policy.rule.',
  'policy.lifecycle.',
  'user.account.update_profile',
  'group.application_assignment.',
] as const

/**
 * Where configuration events must be read from when the previous snapshot predates the
 * activity window: its time less a margin, never before the retention; `undefined` when the
 * activity window already covers it.
 */
export function configEventWindow(
  previous: string | undefined,
  activitySince: string,
  until: string,
): string | undefined {
  if (!previous) return undefined
  const start = Math.max(
    Date.parse(previous) - LATE_EVENT_MARGIN_MS,
    Date.parse(until) - OKTA_LOG_RETENTION_MS,
  )
  return Number.isFinite(start) && start < Date.parse(activitySince)
    ? new Date(start).toISOString()
    : undefined
}

/** The `filter` of the configuration events, URL-encoded. */
export function configEventFilter(): string {
  return encodeURIComponent(CONFIG_EVENT_PREFIXES.map((p) => `eventType sw "${p}"`).join(' or '))
}

class StopPaging extends Error {}

/** Reads the pages of each query, newest first, until `max` events are held. */
export async function readLogPages(
  reader: Pick<OktaReader, 'forEachPage'>,
  queries: readonly string[],
  max: number,
  t: Pick<ResourceTracker, 'page' | 'stats'>,
): Promise<RawRecord[]> {
  const out: RawRecord[] = []
  for (const query of queries) {
    if (out.length >= max) break
    try {
      await reader.forEachPage(
        query,
        (records) => {
          out.push(...records)
          t.page(records)
          if (out.length >= max) throw new StopPaging()
        },
        t.stats,
      )
    } catch (error) {
      if (!(error instanceof StopPaging)) throw error
    }
  }
  return out
}

/**
 * The activity window `[since, until]` the rules judge, then, when the previous snapshot
 * predates it, the configuration events back to that snapshot: at most `max` events.
 */
export async function readLogWindows(
  reader: Pick<OktaReader, 'forEachPage'>,
  t: Pick<ResourceTracker, 'page' | 'stats'>,
  w: { since: string; until: string; max: number; configEventsSince: string | undefined },
): Promise<RawRecord[]> {
  // `until` makes each query bounded: a polling query (no until) always has a next link
  const window = (from: string, to: string): string =>
    `/api/v1/logs?since=${encodeURIComponent(from)}&until=${encodeURIComponent(to)}&limit=1000&sortOrder=DESCENDING`
  const out = await readLogPages(reader, [window(w.since, w.until)], w.max, t)
  const older = configEventWindow(w.configEventsSince, w.since, w.until)
  if (older)
    out.push(
      ...(await readLogPages(
        reader,
        [`${window(older, w.since)}&filter=${configEventFilter()}`],
        w.max - out.length,
        t,
      )),
    )
  return out
}
