/**
 * Read-side queries of the workbench screens: a workspace's snapshot list, a
 * snapshot reassembled with only the resources a screen needs (so the Overview
 * of a 100k-user tenant never loads its users), and one raw record looked up
 * by a finding's subject.
 */
import type { Subject } from '../../../shared/model/finding'
import {
  ENTRA_RESOURCES,
  KEYED_RESOURCES,
  OKTA_RESOURCES,
  SINGLE_RESOURCES,
  type RawRecord,
  type Snapshot,
  type Source,
} from '../../../shared/model/snapshot'
import type { CrosswalkDb, SnapshotRow } from './schema'

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
  const rows = await db.records
    .where('[snapshotId+source+resource]')
    .equals([snapshotId, source, resource])
    .toArray()
  rows.sort((a, b) => a.seq - b.seq)
  if (KEYED_RESOURCES[source].includes(resource)) {
    const byParent: Record<string, RawRecord[]> = {}
    for (const r of rows) (byParent[r.parentId ?? ''] ??= []).push(r.raw)
    return byParent
  }
  if (SINGLE_RESOURCES[source].includes(resource)) return rows[0]?.raw
  return rows.map((r) => r.raw)
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
  const row = await db.records.get([snapshotId, subject.source, resource, subject.id])
  if (row) return row.raw
  if (subject.type !== 'domain') return undefined
  const wanted = subject.id.toLowerCase()
  const domains = await db.records
    .where('[snapshotId+source+resource]')
    .equals([snapshotId, subject.source, resource])
    .toArray()
  return domains.find((d) => d.key.toLowerCase() === wanted)?.raw
}
