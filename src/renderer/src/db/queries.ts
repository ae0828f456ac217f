/**
 * Read-side queries of the workbench screens: a workspace's snapshot list, a
 * snapshot reassembled with only the resources a screen needs (so the Overview
 * of a 100k-user tenant never loads its users), and raw records looked up by a
 * finding's subject or a user identifier: the `lookups` lists name the one
 * chunk to read and parse.
 */
import { SEVERITIES, type Severity, type Subject } from '../../../shared/model/finding'
import {
  ENTRA_RESOURCES,
  OKTA_RESOURCES,
  type RawRecord,
  type Snapshot,
  type Source,
} from '../../../shared/model/snapshot'
import type { CrosswalkDb, LookupRow, SnapshotRow } from './schema'
import {
  chunkRecords,
  IDENTIFIER_LIST,
  listHas,
  listValues,
  parsedChunks,
  type Identifier,
} from './chunks'
import { recordKeys } from './record-keys'
import { assembleResource } from './snapshots'

/** A workspace's snapshots, newest first (by creation: a collection's start or an import). */
export async function listSnapshots(db: CrosswalkDb, workspaceId: string): Promise<SnapshotRow[]> {
  const rows = await db.snapshots.where('workspaceId').equals(workspaceId).toArray()
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
}

/** A workspace at a glance, for its row on the Workspaces screen. */
export interface WorkspaceGlance {
  /** the current snapshot, if any */
  snapshot?: SnapshotRow
  /** open findings (not accepted or ignored) by severity; undefined before a diagnosis */
  open?: Record<Severity, number>
  /** a partial collection waits for the consultant's decision */
  pending: boolean
}

/**
 * The current snapshot of a workspace and its open findings per severity, read through the
 * findings' severity index (ids only), so a list of many workspaces stays quick.
 */
export async function workspaceGlance(
  db: CrosswalkDb,
  workspaceId: string,
): Promise<WorkspaceGlance> {
  const rows = await db.snapshots.where('workspaceId').equals(workspaceId).toArray()
  const pointer = await db.workspaces.get(workspaceId)
  const snapshot = rows.find((r) => r.id === pointer?.currentSnapshotId)
  const pending = rows.some((r) => r.status === 'partial' && r.pendingDecision === true)
  if (!snapshot?.diagnosis) return { ...(snapshot ? { snapshot } : {}), pending }
  const decided = new Set(
    (await db.findingStates.where('workspaceId').equals(workspaceId).toArray())
      .filter((d) => d.state !== 'open')
      .map((d) => d.findingId),
  )
  const open = {} as Record<Severity, number>
  for (const severity of SEVERITIES) {
    const keys = await db.findings
      .where('[snapshotId+severity]')
      .equals([snapshot.id, severity])
      .primaryKeys()
    open[severity] = keys.filter(([, id]) => !decided.has(id)).length
  }
  return { snapshot, open, pending }
}

/** Whether a resource ("entra.users") was collected into a snapshot, even if empty. */
export function wasCollected(row: SnapshotRow, path: string): boolean {
  return row.counts[path] !== undefined
}

/** How many findings a snapshot has stored. */
export async function countFindings(db: CrosswalkDb, snapshotId: string): Promise<number> {
  return db.findings.where('snapshotId').equals(snapshotId).count()
}

/**
 * Reassembles a stored snapshot in the file contract's shape with only the
 * listed resources ("entra.domains", "okta.idps"); others are absent.
 */
export async function loadSnapshotParts(
  db: CrosswalkDb,
  snapshotId: string,
  paths: readonly string[],
): Promise<Snapshot> {
  const row = await db.snapshots.get(snapshotId)
  if (!row || !row.collection) throw new Error('That snapshot is not stored, or never finished.')
  const snapshot: Snapshot = {
    format: 'crosswalk.snapshot',
    version: 1,
    collectedAt: row.collectedAt,
    tool: row.tool,
    collection: row.collection,
  }
  if (row.entra) {
    snapshot.entra = {
      tenantId: row.entra.tenantId,
      cloud: row.entra.cloud as NonNullable<Snapshot['entra']>['cloud'],
    }
  }
  if (row.okta) snapshot.okta = { orgUrl: row.okta.orgUrl }
  const wanted = new Set(paths)
  for (const source of ['entra', 'okta'] as const) {
    const side = snapshot[source] as Record<string, unknown> | undefined
    if (!side) continue
    const resources = source === 'entra' ? ENTRA_RESOURCES : OKTA_RESOURCES
    for (const resource of resources) {
      if (!wanted.has(`${source}.${resource}`) || !wasCollected(row, `${source}.${resource}`))
        continue
      side[resource] = await readResource(db, snapshotId, source, resource)
    }
  }
  return snapshot
}

async function readResource(
  db: CrosswalkDb,
  snapshotId: string,
  source: Source,
  resource: string,
): Promise<unknown> {
  return assembleResource(source, resource, await parsedChunks(db, snapshotId, source, resource))
}

/** The snapshot resources that hold each subject type the rules emit, in lookup order. */
const SUBJECT_RESOURCES: Readonly<Record<Source, Readonly<Record<string, readonly string[]>>>> = {
  entra: {
    user: ['users'],
    deletedUser: ['deletedUsers'],
    group: ['groups'],
    application: ['applications'],
    servicePrincipal: ['servicePrincipals'],
    domain: ['domains'],
  },
  // a deactivated Okta user is a `user` subject too
  okta: { user: ['users', 'deprovisionedUsers'], group: ['groups'], app: ['apps'], idp: ['idps'] },
}

/** The snapshot resource a subject's record lives in, if Crosswalk keeps one. */
export function subjectResource(subject: Pick<Subject, 'source' | 'type'>): string | undefined {
  return SUBJECT_RESOURCES[subject.source][subject.type]?.[0]
}

/**
 * The raw record behind a finding's subject, as the API returned it; undefined
 * when the snapshot holds no such record. Domain ids compare case-insensitively
 * (rules lower-case them; Graph keeps the registered spelling).
 */
export async function findSubjectRecord(
  db: CrosswalkDb,
  snapshotId: string,
  subject: Pick<Subject, 'source' | 'type' | 'id'>,
): Promise<RawRecord | undefined> {
  if (!subject.id) return undefined
  const key = subject.id
  for (const resource of SUBJECT_RESOURCES[subject.source][subject.type] ?? []) {
    const prefix = [snapshotId, subject.source, resource]
    for (const lookup of await lookupsUnder(db, prefix, (l) => listHas(l.keys, key))) {
      const record = await recordAt(db, lookup, listValues(lookup.keys).indexOf(key))
      if (record) return record
    }
    if (subject.type !== 'domain') continue
    const wanted = key.toLowerCase()
    for (const lookup of await lookupsUnder(db, prefix, () => true)) {
      const at = listValues(lookup.keys).findIndex((k) => k.toLowerCase() === wanted)
      if (at >= 0) return recordAt(db, lookup, at)
    }
  }
  return undefined
}

/** A record found through `lookups`, with the resource it belongs to. */
export interface FoundRecord {
  source: Source
  resource: string
  parentId?: string
  record: RawRecord
}

/**
 * The records whose identifier (Entra UPN, mail, immutable ID; Okta login,
 * email, immutable ID) equals a value, compared lower-cased as the cache
 * indexes it (immutable IDs exactly), in snapshot order (by resource, then
 * arrival).
 */
export async function findRecordsByIdentifier(
  db: CrosswalkDb,
  snapshotId: string,
  identifier: Identifier,
  value: string,
): Promise<FoundRecord[]> {
  const wanted = identifier === 'immutableId' ? value : value.toLowerCase()
  const list = IDENTIFIER_LIST[identifier]
  const found: FoundRecord[] = []
  for (const lookup of await lookupsUnder(db, [snapshotId], (l) => listHas(l[list], wanted))) {
    const chunk = await db.chunks.get([snapshotId, lookup.source, lookup.resource, lookup.seq])
    if (!chunk) continue
    // An identifier list holds only the records that carry it, so match on the records.
    for (const record of chunkRecords(chunk)) {
      const keys = recordKeys(chunk.source, chunk.resource, record, chunk.parentId, 0)
      if (keys[identifier] !== wanted) continue
      const hit: FoundRecord = { source: chunk.source, resource: chunk.resource, record }
      if (chunk.parentId !== undefined) hit.parentId = chunk.parentId
      found.push(hit)
    }
  }
  return found
}

/** The `lookups` rows under a primary-key prefix that pass a test, in primary-key order. */
async function lookupsUnder(
  db: CrosswalkDb,
  prefix: string[],
  test: (lookup: LookupRow) => boolean,
): Promise<LookupRow[]> {
  const rows = await db.lookups
    .where('[snapshotId+source+resource+seq]')
    .between(prefix, [...prefix, []], true, false)
    .toArray()
  return rows.filter(test)
}

/** The record at a position of the chunk a `lookups` row describes. */
async function recordAt(
  db: CrosswalkDb,
  lookup: LookupRow,
  at: number,
): Promise<RawRecord | undefined> {
  if (at < 0) return undefined
  const chunk = await db.chunks.get([lookup.snapshotId, lookup.source, lookup.resource, lookup.seq])
  return chunk ? chunkRecords(chunk)[at] : undefined
}
