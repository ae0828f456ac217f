/**
 * Per-resource bookkeeping shared by both connectors: counts records, pages, throttle waits,
 * retries and errors, and turns them into `batch` and `progress` events.
 */
import type { RawRecord, Source } from '../../shared/model/snapshot'
import type { RequestStats } from '../entra/graph-client'
import type { CollectEvent } from './events'

/** One resource's live counters; `stats` is passed to the HTTP layer. */
export interface ResourceTracker {
  stats: RequestStats
  /** records a page: emits a batch event (when it has records) and a progress event */
  page: (records: RawRecord[], key?: string) => void
  /** counts an error for the progress figures */
  error: () => void
  /** expected total records, when the service tells (for the ETA) */
  expect: (total: number) => void
}

/** Hands out per-resource trackers. */
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
  const track = (source: Source, resource: string): ResourceTracker => {
    const started = now()
    const stats: RequestStats = { throttleWaits: 0, retries: 0 }
    let records = 0
    let pages = 0
    let errors = 0
    let expectedTotal: number | undefined = expected[`${source}.${resource}`]
    const progress = (): void => {
      const elapsed = now() - started
      const etaMs =
        expectedTotal !== undefined && records > 0 && expectedTotal > records
          ? Math.round((elapsed / records) * (expectedTotal - records))
          : expectedTotal !== undefined && records >= expectedTotal
            ? 0
            : null
      emit({
        type: 'progress',
        source,
        resource,
        records,
        pages,
        throttleWaits: stats.throttleWaits,
        retries: stats.retries,
        errors,
        etaMs,
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
      error: () => {
        errors++
        progress()
      },
      expect: (total) => {
        expectedTotal = total
      },
    }
  }
  return { track }
}
