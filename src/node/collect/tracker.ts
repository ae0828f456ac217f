/**
 * Per-resource bookkeeping shared by both connectors: counts records, pages, throttle waits,
 * retries and errors, says when a resource is done or failed, estimates the time left, and
 * turns it all into `batch` and `progress` events.
 *
 * The estimate is the larger of two: the throughput so far applied to the records still
 * expected, and, where a rate limit paces the requests (Okta), the time the pacer's own
 * schedule needs for the requests still to come. Early in an Okta run the first is far too
 * hopeful (the first half of a bucket goes out at once, then the pacer waits for its reset);
 * the second knows that.
 */
import type { RawRecord, Source } from '../../shared/model/snapshot'
import type { RequestStats } from '../entra/graph-client'
import type { CollectEvent } from './events'

/** How a rate limit bounds a resource's remaining time. */
export interface PacePlan {
  /** records one request returns (the page size asked for) */
  perRequest: number
  /** milliseconds the rate limit needs before `requests` more requests have been sent */
  schedule: (requests: number) => number
}

/** One resource's live counters; `stats` is passed to the HTTP layer. */
export interface ResourceTracker {
  stats: RequestStats
  /** records a page: emits a batch event (when it has records) and a progress event */
  page: (records: RawRecord[], key?: string) => void
  /** records a page holding several parents' records: a batch event per parent, one progress */
  pageByKey: (records: ReadonlyMap<string, RawRecord[]>) => void
  /** the resource failed (its reason goes to `collection.errors`) */
  error: () => void
  /** expected total records, when the service tells (for the ETA) */
  expect: (total: number) => void
  /** the rate limit that paces this resource's requests (for the ETA) */
  pace: (plan: PacePlan) => void
  /** the resource was read completely */
  done: () => void
}

/** Hands out per-resource trackers: the same one for every call about one resource. */
export interface Tracker {
  track: (source: Source, resource: string) => ResourceTracker
}

/**
 * Creates a tracker that reports through `onEvent` (never throws if the listener does).
 * `expected` ("<source>.<resource>" → records, e.g. from the previous snapshot) feeds the ETA.
 */
export function createTracker(
  onEvent: ((event: CollectEvent) => void) | undefined,
  now: () => number = Date.now,
  expected: Readonly<Record<string, number>> = {},
): Tracker {
  const emit = (event: CollectEvent): void => {
    try {
      onEvent?.(event)
    } catch {
      // a failing listener must not break the collection
    }
  }
  const trackers = new Map<string, ResourceTracker>()
  const create = (source: Source, resource: string): ResourceTracker => {
    const started = now()
    const stats: RequestStats = { throttleWaits: 0, retries: 0 }
    let records = 0
    let pages = 0
    let errors = 0
    let state: 'running' | 'done' | 'failed' = 'running'
    let expectedTotal: number | undefined = expected[`${source}.${resource}`]
    let plan: PacePlan | undefined
    const eta = (): number | null => {
      if (state === 'done') return 0
      if (state === 'failed' || expectedTotal === undefined) return null
      const remaining = Math.max(0, expectedTotal - records)
      if (remaining === 0) return 0
      const byThroughput = records > 0 ? ((now() - started) / records) * remaining : undefined
      const bySchedule = plan
        ? plan.schedule(Math.ceil(remaining / Math.max(1, plan.perRequest)))
        : undefined
      if (byThroughput === undefined && bySchedule === undefined) return null
      return Math.round(Math.max(byThroughput ?? 0, bySchedule ?? 0))
    }
    const progress = (): void => {
      emit({
        type: 'progress',
        source,
        resource,
        records,
        pages,
        throttleWaits: stats.throttleWaits,
        retries: stats.retries,
        errors,
        etaMs: eta(),
        total: expectedTotal ?? null,
        state,
      })
    }
    return {
      stats,
      page: (batch, key) => {
        pages++
        records += batch.length
        if (batch.length > 0)
          emit({ type: 'batch', source, resource, ...(key ? { key } : {}), records: batch })
        progress()
      },
      pageByKey: (byKey) => {
        pages++
        for (const [key, batch] of byKey) {
          records += batch.length
          if (batch.length > 0) emit({ type: 'batch', source, resource, key, records: batch })
        }
        progress()
      },
      error: () => {
        errors++
        state = 'failed'
        progress()
      },
      expect: (total) => {
        expectedTotal = total
        progress()
      },
      pace: (next) => {
        plan = next
      },
      done: () => {
        if (state !== 'running') return
        state = 'done'
        progress()
      },
    }
  }
  const track = (source: Source, resource: string): ResourceTracker => {
    const key = `${source}.${resource}`
    let tracker = trackers.get(key)
    if (!tracker) {
      tracker = create(source, resource)
      trackers.set(key, tracker)
    }
    return tracker
  }
  return { track }
}
