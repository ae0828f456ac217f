/**
 * The renderer's offline cache (IndexedDB through Dexie). Each snapshot is a row
 * in `snapshots` plus its raw records in `chunks`, one row per written batch of
 * a resource holding the batch as one JSON string (a 100k-user tenant is a few
 * dozen rows, cheap to clone in and out of IndexedDB), and one `lookups` row per
 * chunk listing its keys and identifiers, which leads a lookup to the one chunk
 * it needs (see chunks.ts). A workspace's current snapshot is a pointer in
 * `workspaces`, moved only when a collection completes (or a partial one is
 * accepted), in the same transaction that marks the snapshot complete.
 *
 * Versions: add a new `this.version(n)` block with its upgrade below the old
 * ones; never edit a published version.
 */
import type { SnapshotTrend } from '../../../shared/history/trend'
import Dexie, { type EntityTable } from 'dexie'
import type { CollectionInfo, RawRecord, Source } from '../../../shared/model/snapshot'
import type { Finding } from '../../../shared/model/finding'
import { migrateRecordsToChunks } from './migrate-v1'

export type SnapshotStatus =
  'collecting' | 'complete' | 'partial' | 'failed' | 'cancelled' | 'interrupted'

export interface WorkspaceRow {
  id: string
  /** the snapshot retention policy the History screen applies (on confirmation) */
  retention?: { keepLast: number; monthly: boolean; maxBytes?: number }
  /** the snapshot screens show; undefined until a first snapshot is complete or accepted */
  currentSnapshotId?: string
}

export interface SnapshotRow {
  id: string
  workspaceId: string
  status: SnapshotStatus
  /** ISO-8601; the snapshot's "now" */
  collectedAt: string
  /** ISO-8601, when the row was created (a collection's start, an import's time) */
  createdAt: string
  origin: 'collected' | 'imported' | 'demo'
  tool: { name: string; version: string }
  entra?: { tenantId: string; cloud: string }
  okta?: { orgUrl: string }
  collection?: CollectionInfo
  /** records per "source.resource" */
  counts: Record<string, number>
  /** why a run failed or was cancelled, in plain words */
  reason?: string
  /** the last diagnosis stored for this snapshot, and the rule set that produced it */
  diagnosis?: { at: string; findings: number; rules: string; trend?: SnapshotTrend }
  /** the snapshot's identity (SHA-256 of its canonical content), stored once it is complete in the cache */
  contentHash?: string
  /** the host's collection run that fills this snapshot (collected snapshots) */
  runId?: string
  /** the number of the run's last event stored here, so a reloaded window resumes after it */
  runSeq?: number
  /** the next free chunk number, so a resumed writer continues the arrival order */
  nextChunk?: number
  /** a partial collection waiting for the consultant: make it current, keep it aside, or discard it */
  pendingDecision?: boolean
  /** pinned by the consultant: the retention policy never proposes to remove it */
  pinned?: boolean
}

/** Version 1's row: one raw record; kept only so the version 2 upgrade can read it. */
export interface RecordRow {
  snapshotId: string
  source: Source
  resource: string
  /** the parent object's id for resources keyed by parent (appUsers, appKeys, federationConfigurations…) */
  parentId?: string
  /** arrival order within the snapshot, so a reassembled snapshot keeps the API's order */
  seq: number
  key: string
  upn?: string
  login?: string
  email?: string
  immutableId?: string
  raw: RawRecord
}

/** A batch of one resource's records (of one parent, for keyed resources), as JSON. */
export interface ChunkRow {
  snapshotId: string
  source: Source
  resource: string
  /** the parent object's id for resources keyed by parent (appUsers, appKeys, federationConfigurations…) */
  parentId?: string
  /** the chunk's number within the snapshot, so primary-key order is arrival order */
  seq: number
  count: number
  /** `JSON.stringify` of the batch's records */
  json: string
}

/**
 * What a chunk holds, for lookups without parsing it: newline-joined lists (a
 * newline either end; empty when none) of its record keys, one per record in
 * order, and of the identifiers its records carry, lower-cased as
 * `record-keys.ts` computes them.
 */
export interface LookupRow {
  snapshotId: string
  source: Source
  resource: string
  seq: number
  keys: string
  upns: string
  logins: string
  emails: string
  immutableIds: string
}

export interface FindingRow {
  snapshotId: string
  id: string
  severity: Finding['severity']
  category: Finding['category']
  finding: Finding
}

export type FindingStateValue = 'open' | 'accepted' | 'ignored'

export interface FindingStateRow {
  workspaceId: string
  findingId: string
  state: FindingStateValue
  note?: string
  updatedAt: string
}

export class CrosswalkDb extends Dexie {
  workspaces!: EntityTable<WorkspaceRow, 'id'>
  snapshots!: EntityTable<SnapshotRow, 'id'>
  chunks!: Dexie.Table<ChunkRow, [string, string, string, number]>
  lookups!: Dexie.Table<LookupRow, [string, string, string, number]>
  findings!: Dexie.Table<FindingRow, [string, string]>
  findingStates!: Dexie.Table<FindingStateRow, [string, string]>

  constructor(name = 'crosswalk') {
    super(name)
    this.version(1).stores({
      workspaces: 'id',
      snapshots: 'id, workspaceId, [workspaceId+collectedAt], status',
      records:
        '[snapshotId+source+resource+key], [snapshotId+source+resource], [snapshotId+upn], [snapshotId+login], [snapshotId+email], [snapshotId+immutableId]',
      findings: '[snapshotId+id], snapshotId, [snapshotId+severity], [snapshotId+category]',
      findingStates: '[workspaceId+findingId], workspaceId',
    })
    this.version(2)
      .stores({
        records: null,
        chunks: '[snapshotId+source+resource+seq]',
        lookups: '[snapshotId+source+resource+seq]',
      })
      .upgrade(migrateRecordsToChunks)
  }
}
