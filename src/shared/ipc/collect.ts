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

export const CollectEventPayload = z.object({
  runId: RunId,
  workspaceId: WorkspaceId,
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
  entra: z.object({ tenantId: z.string(), cloud: Cloud }).optional(),
  okta: z.object({ orgUrl: z.string() }).optional(),
  /** plain words, for failed and cancelled runs */
  message: z.string().optional(),
})
export type CollectFinished = z.infer<typeof CollectFinished>
