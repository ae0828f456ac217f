/**
 * The contract's collection-run shapes: a run is started per workspace, streams
 * `collect:event` (record batches and progress) and ends with exactly one
 * `collect:finished`. Batches carry raw API records; the renderer writes them to its cache.
 */
import { z } from 'zod'
import { CollectEvent } from '../model/collect-events'
import { CollectionInfo, Cloud } from '../model/snapshot'
import { WorkspaceId } from '../model/workspace'

export const RunId = z.uuid()

export const CollectStartOutput = z.object({
  runId: RunId,
  /** the snapshot's `tool` block */
  tool: z.object({ name: z.string(), version: z.string() }),
  /** what the run connects to, so the cache can label the snapshot before it finishes */
  entra: z.object({ tenantId: z.string(), cloud: Cloud }).optional(),
  okta: z.object({ orgUrl: z.string() }).optional(),
})
export type CollectStartOutput = z.infer<typeof CollectStartOutput>

/** Records per "<source>.<resource>", e.g. `{ "entra.users": 1200 }`. */
export const ResourceCounts = z.record(z.string().max(200), z.number().int().nonnegative())
export type ResourceCounts = z.infer<typeof ResourceCounts>

export const CollectStartInput = z
  .object({
    workspaceId: WorkspaceId,
    /** the previous snapshot's records per resource: the totals the ETA expects */
    expected: ResourceCounts.optional(),
  })
  .strict()
export type CollectStartInput = z.infer<typeof CollectStartInput>

/**
 * One event of a run. `seq` numbers a run's events from 0 without gaps, so a window that
 * missed some (it was reloaded, or the event stream reconnected) asks `collect:events` for them.
 */
export const CollectEventPayload = z.object({
  runId: RunId,
  workspaceId: WorkspaceId,
  seq: z.number().int().nonnegative(),
  event: CollectEvent,
})
export type CollectEventPayload = z.infer<typeof CollectEventPayload>

/**
 * How a run ended. `complete`: every resource collected. `partial`: some resources failed
 * (`collection.errors` says which and why). `failed`: nothing usable (authentication
 * failed, or the run broke; `collection` is present when the collector finished).
 * `cancelled`: stopped by the user; never yields a snapshot.
 */
export const CollectOutcome = z.enum(['complete', 'partial', 'failed', 'cancelled'])
export type CollectOutcome = z.infer<typeof CollectOutcome>

export const CollectFinished = z.object({
  runId: RunId,
  workspaceId: WorkspaceId,
  outcome: CollectOutcome,
  /** ISO-8601 */
  collectedAt: z.string().optional(),
  collection: CollectionInfo.optional(),
  /**
   * Records per "<source>.<resource>" in the collected snapshot, an empty resource as 0 (a
   * single-object resource such as the Okta user schema counts 1). A resource absent here was
   * not collected, whatever batches of it arrived before it failed.
   */
  resources: ResourceCounts.optional(),
  /** how many `collect:event`s the run sent before this one (their `seq` are 0 … events − 1) */
  events: z.number().int().nonnegative(),
  entra: z.object({ tenantId: z.string(), cloud: Cloud }).optional(),
  okta: z.object({ orgUrl: z.string() }).optional(),
  /** plain words, for failed and cancelled runs */
  message: z.string().optional(),
})
export type CollectFinished = z.infer<typeof CollectFinished>

/**
 * A run the host holds for a workspace: running, or finished and not yet released by the
 * window that stores it. A window that opens (or reloads) while a run is held attaches to it.
 */
export const HeldRun = CollectStartOutput.extend({
  workspaceId: WorkspaceId,
  /** ISO-8601 */
  startedAt: z.string(),
  /** how many events the run has sent so far */
  events: z.number().int().nonnegative(),
  /** the latest progress of each resource */
  progress: z.array(CollectEvent),
  /** present once the run has ended */
  finished: CollectFinished.optional(),
})
export type HeldRun = z.infer<typeof HeldRun>

export const CollectEventsInput = z
  .object({ runId: RunId, from: z.number().int().nonnegative() })
  .strict()

/**
 * A held run's events from `from` on, at most a bounded number of records per reply (ask
 * again from `from + events.length`); `finished` once every event has been handed out.
 */
export const CollectEventsOutput = z.object({
  events: z.array(CollectEventPayload),
  finished: CollectFinished.optional(),
})
export type CollectEventsOutput = z.infer<typeof CollectEventsOutput>
