/**
 * Events streamed by `collectSnapshot`: record batches as the APIs returned them and
 * per-resource progress. Plain JSON (no class instances, no functions), so they can cross
 * IPC and server-sent events unchanged; the schemas validate them at those doors.
 */
import { z } from 'zod'
import { RawRecord, Source } from '../../shared/model/snapshot'

/** Raw records of one page of one resource. `key` is the parent id of keyed resources (e.g. an SP id). */
export const BatchEvent = z.object({
  type: z.literal('batch'),
  source: Source,
  resource: z.string(),
  key: z.string().optional(),
  records: z.array(RawRecord),
})
export type BatchEvent = z.infer<typeof BatchEvent>

/** Cumulative counters of one resource; `etaMs` is null when the total is unknown. */
export const ProgressEvent = z.object({
  type: z.literal('progress'),
  source: Source,
  resource: z.string(),
  records: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  throttleWaits: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  etaMs: z.number().nonnegative().nullable(),
})
export type ProgressEvent = z.infer<typeof ProgressEvent>

export const CollectEvent = z.discriminatedUnion('type', [BatchEvent, ProgressEvent])
export type CollectEvent = z.infer<typeof CollectEvent>
