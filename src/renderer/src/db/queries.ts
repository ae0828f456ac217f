/**
 * Read-side queries of the workbench screens: a workspace's snapshot list, a
 * snapshot reassembled with only the resources a screen needs (so the Overview
 * of a 100k-user tenant never loads its users), and raw records looked up by a
 * finding's subject or a user identifier: the `lookups` indexes name the one
 * chunk to read and parse.
 */
import type { Subject } from '../../../shared/model/finding'
import {
  ENTRA_RESOURCES,
  OKTA_RESOURCES,
  type RawRecord,
  type Snapshot,
  type Source,
} from '../../../shared/model/snapshot'
import type { CrosswalkDb, SnapshotRow } from './schema'
import {
  chunkRecords,
  IDENTIFIER_INDEX,
  identifierEntry,
  keyEntry,
  keyOfEntry,
  snapshotChunks,
  type Identifier,
} from './chunks'
import { recordKeys } from './record-keys'
import { assembleResource } from './snapshots'

/** A workspace's snapshots, newest first (by creation: a collection's start or an import). */
export async function listSnapshots(db: CrosswalkDb, workspaceId: string): Promise<SnapshotRow[]> {
  const rows = await db.snapshots.where('workspaceId').equals(workspaceId).toArray()
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
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
  return assembleResource(source, resource, await snapshotChunks(db, snapshotId, source, resource))
}

/** The snapshot resource that holds each subject type the rules emit. */
const SUBJECT_RESOURCES: Readonly<Record<Source, Readonly<Record<string, string>>>> = {
  entra: {
    user: 'users',
    group: 'groups',
    application: 'applications',
    servicePrincipal: 'servicePrincipals',
    domain: 'domains',
  },
  okta: { user: 'users', group: 'groups', app: 'apps', idp: 'idps' },
}

/** The snapshot resource a subject's record lives in, if Crosswalk keeps one. */
export function subjectResource(subject: Pick<Subject, 'source' | 'type'>): string | undefined {
  return SUBJECT_RESOURCES[subject.source][subject.type]
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
  const resource = subjectResource(subject)
  if (!resource || !subject.id) return undefined
  const entry = keyEntry(snapshotId, subject.source, resource, subject.id)
  const lookup = await db.lookups.where('keys').equals(entry).first()
  if (lookup) {
    const chunk = await db.chunks.get([snapshotId, subject.source, resource, lookup.seq])
    const at = lookup.keys.indexOf(entry)
    if (chunk && at >= 0) return chunkRecords(chunk)[at]
  }
  if (subject.type !== 'domain') return undefined
  // Few domains per tenant: scan their keys rather than index a lower-cased copy of every key.
  const wanted = subject.id.toLowerCase()
  const lookups = await db.lookups
    .where('[snapshotId+source+resource+seq]')
    .between([snapshotId, subject.source, resource], [snapshotId, subject.source, resource, []])
    .toArray()
  for (const lookup of lookups) {
    const at = lookup.keys.findIndex((k) => keyOfEntry(k).toLowerCase() === wanted)
    if (at < 0) continue
    const chunk = await db.chunks.get([snapshotId, subject.source, resource, lookup.seq])
    return chunk ? chunkRecords(chunk)[at] : undefined
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
 * indexes it (immutable IDs exactly), in snapshot order.
 */
export async function findRecordsByIdentifier(
  db: CrosswalkDb,
  snapshotId: string,
  identifier: Identifier,
  value: string,
): Promise<FoundRecord[]> {
  const wanted = identifierEntry(
    snapshotId,
    identifier === 'immutableId' ? value : value.toLowerCase(),
  )
  const index = IDENTIFIER_INDEX[identifier]
  const lookups = await db.lookups.where(index).equals(wanted).toArray()
  lookups.sort((a, b) => cmp(a.source, b.source) || cmp(a.resource, b.resource) || a.seq - b.seq)
  const found: FoundRecord[] = []
  for (const lookup of lookups) {
    const chunk = await db.chunks.get([snapshotId, lookup.source, lookup.resource, lookup.seq])
    if (!chunk) continue
    const records = chunkRecords(chunk)
    // The identifier arrays hold only records that have the identifier, so match on the records.
    const keys = records.map((raw) =>
      recordKeys(lookup.source, lookup.resource, raw, chunk.parentId, 0),
    )
    keys.forEach((k, i) => {
      const own = k[identifier]
      if (own === undefined || identifierEntry(snapshotId, own) !== wanted) return
      found.push({
        source: lookup.source,
        resource: lookup.resource,
        ...(chunk.parentId === undefined ? {} : { parentId: chunk.parentId }),
        record: records[i]!,
      })
    })
  }
  return found
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
