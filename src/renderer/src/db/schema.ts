/**
 * The renderer's offline cache (IndexedDB through Dexie). Each snapshot is a row
 * in `snapshots` plus its raw records in `records`, one row per API object, so
 * a 100k-user tenant loads in chunks and screens query by index instead of
 * reading the whole snapshot. A workspace's current snapshot is a pointer in
 * `workspaces`, moved only when a collection completes (or a partial one is
 * accepted), in the same transaction that marks the snapshot complete.
 *
 * Versions: add a new `this.version(n)` block with its upgrade below the old
 * ones; never edit a published version.
 */
import Dexie, { type EntityTable } from 'dexie'
import type { CollectionInfo, RawRecord, Source } from '../../../shared/model/snapshot'
import type { Finding } from '../../../shared/model/finding'

export type SnapshotStatus =
  'collecting' | 'complete' | 'partial' | 'failed' | 'cancelled' | 'interrupted'

export interface WorkspaceRow {
  id: string
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
  diagnosis?: { at: string; findings: number; rules: string }
}

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
  records!: Dexie.Table<RecordRow, [string, string, string, string]>
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
  }
}
