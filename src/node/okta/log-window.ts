/**
 * The System Log as a bounded query (`since` + `until`, newest first): a polling query
 * without `until` always has a next link and never ends. At most `max` events are kept.
 * https://developer.okta.com/docs/api/openapi/okta-management/management/tag/SystemLog/#tag/SystemLog/operation/listLogEvents
 */
import type { RawRecord } from '../../shared/model/snapshot'
import type { ResourceTracker } from '../collect/tracker'
import type { OktaReader } from './okta-reader'

class StopPaging extends Error {}

/** The events of `[since, until]` (ISO-8601), newest first, at most `max`. */
export async function readLogWindow(
  reader: OktaReader,
  t: ResourceTracker,
  window: { since: string; until: string; max: number },
): Promise<RawRecord[]> {
  const out: RawRecord[] = []
  const q = `since=${encodeURIComponent(window.since)}&until=${encodeURIComponent(window.until)}&limit=1000&sortOrder=DESCENDING`
  try {
    await reader.forEachPage(
      `/api/v1/logs?${q}`,
      (records) => {
        out.push(...records)
        t.page(records)
        if (out.length >= window.max) throw new StopPaging()
      },
      t.stats,
    )
  } catch (error) {
    if (!(error instanceof StopPaging)) throw error
  }
  return out
}
