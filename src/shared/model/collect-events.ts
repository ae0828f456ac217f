/**
 * Events streamed by a collection run (`collectSnapshot` in src/node/collect): record
 * batches as the APIs returned them and per-resource progress. Plain JSON (no class
 * instances, no functions), so they cross IPC and server-sent events unchanged; the hosts
 * and the renderer validate them with these schemas.
 */
import { z } from 'zod'
import { RawRecord, Source } from './snapshot'

/**
 * Most records one batch may carry. Batches are one API page (Graph pages hold at most 999
 * records, Okta pages 200); keyed resources batch one parent's list. Anything larger is a
 * fault, not a page.
 */
export const MAX_BATCH_RECORDS = 10_000

/** Raw records of one page of one resource. `key` is the parent id of keyed resources (e.g. an SP id). */
export const BatchEvent = z.object({
  type: z.literal('batch'),
  source: Source,
  resource: z.string().min(1).max(100),
  key: z.string().max(500).optional(),
  records: z.array(RawRecord).max(MAX_BATCH_RECORDS),
})
export type BatchEvent = z.infer<typeof BatchEvent>

/**
 * Cumulative counters of one resource. `etaMs` (milliseconds) is an estimate, null when the
 * total is unknown; `total` the records expected (a count the service gave, or the previous
 * snapshot's), null when unknown; `state` says whether the resource is still being read, was
 * read completely, or failed (its reason is in the run's `collection.errors`).
 */
export const ProgressEvent = z.object({
  type: z.literal('progress'),
  source: Source,
  resource: z.string().min(1).max(100),
  records: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  throttleWaits: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  etaMs: z.number().nonnegative().nullable(),
  total: z.number().int().nonnegative().nullable().optional(),
  state: z.enum(['running', 'done', 'failed']).optional(),
})
export type ProgressEvent = z.infer<typeof ProgressEvent>

export const CollectEvent = z.discriminatedUnion('type', [BatchEvent, ProgressEvent])
export type CollectEvent = z.infer<typeof CollectEvent>
