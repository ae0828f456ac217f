/**
 * Version 2's storage of raw records: one `chunks` row per written batch of a
 * resource (at most WRITE_CHUNK records, stored as one JSON string, because
 * IndexedDB clones one long string at memcpy speed where it clones hundreds of
 * thousands of small objects slowly), and one slim `lookups` row per chunk
 * whose multi-entry arrays let the screens find the chunk that holds a record.
 *
 * IndexedDB cannot combine a compound key path with multiEntry, so every lookup
 * value carries its snapshot id (and a record key its resource) as a prefix.
 */
import type { RawRecord, Source } from '../../../shared/model/snapshot'
import type { ChunkRow, CrosswalkDb, LookupRow } from './schema'
import { recordKeys, type RecordKeys } from './record-keys'

/** Records per chunk row; IndexedDB stays responsive well below 10k records per put. */
export const WRITE_CHUNK = 5_000

/** The identifiers the screens search users by, each a multi-entry index of `lookups`. */
export type Identifier = 'upn' | 'login' | 'email' | 'immutableId'

const SEP = '\u0000'

export const IDENTIFIER_INDEX: Readonly<
  Record<Identifier, 'upns' | 'logins' | 'emails' | 'immutableIds'>
> = { upn: 'upns', login: 'logins', email: 'emails', immutableId: 'immutableIds' }

/** The `lookups.keys` entry of one record. */
export function keyEntry(
  snapshotId: string,
  source: Source,
  resource: string,
  key: string,
): string {
  return `${snapshotId}${SEP}${source}.${resource}${SEP}${key}`
}

/** The `lookups` entry of one identifier value (already lower-cased where the index lower-cases). */
export function identifierEntry(snapshotId: string, value: string): string {
  return `${snapshotId}${SEP}${value}`
}

/** The record key a `lookups.keys` entry names. */
export function keyOfEntry(entry: string): string {
  return entry.slice(entry.indexOf(SEP, entry.indexOf(SEP) + 1) + 1)
}

export interface ChunkPair {
  chunk: ChunkRow
  lookup: LookupRow
}

/**
 * Builds the chunk and lookup rows of consecutive records of one resource (and
 * parent), given each record's keys. `seq` is the chunk's number within the
 * snapshot, so primary-key order is arrival order.
 */
export function chunkPair(
  head: Pick<ChunkRow, 'snapshotId' | 'source' | 'resource' | 'parentId' | 'seq'>,
  records: readonly RawRecord[],
  keys: readonly RecordKeys[],
): ChunkPair {
  const { snapshotId, source, resource, seq } = head
  const lookup: LookupRow = {
    snapshotId,
    source,
    resource,
    seq,
    keys: keys.map((k) => keyEntry(snapshotId, source, resource, k.key)),
    upns: [],
    logins: [],
    emails: [],
    immutableIds: [],
  }
  for (const k of keys) {
    if (k.upn !== undefined) lookup.upns.push(identifierEntry(snapshotId, k.upn))
    if (k.login !== undefined) lookup.logins.push(identifierEntry(snapshotId, k.login))
    if (k.email !== undefined) lookup.emails.push(identifierEntry(snapshotId, k.email))
    if (k.immutableId !== undefined)
      lookup.immutableIds.push(identifierEntry(snapshotId, k.immutableId))
  }
  const chunk: ChunkRow = { ...head, count: records.length, json: JSON.stringify(records) }
  if (chunk.parentId === undefined) delete chunk.parentId
  return { chunk, lookup }
}

/**
 * Splits one written batch into chunk pairs of at most WRITE_CHUNK records.
 * `position` is the snapshot-wide index of the batch's first record (the key of
 * a record without an id); `seq` the next free chunk number.
 */
export function batchChunks(
  snapshotId: string,
  source: Source,
  resource: string,
  records: readonly RawRecord[],
  parentId: string | undefined,
  position: number,
  seq: number,
): ChunkPair[] {
  const pairs: ChunkPair[] = []
  for (let i = 0; i < records.length; i += WRITE_CHUNK) {
    const slice = records.slice(i, i + WRITE_CHUNK)
    const keys = slice.map((raw, j) =>
      recordKeys(source, resource, raw, parentId, position + i + j),
    )
    pairs.push(
      chunkPair({ snapshotId, source, resource, parentId, seq: seq + pairs.length }, slice, keys),
    )
  }
  return pairs
}

/** Every chunk of a snapshot (or of one of its resources), in primary-key (arrival) order. */
export function snapshotChunks(
  db: CrosswalkDb,
  snapshotId: string,
  source?: Source,
  resource?: string,
): Promise<ChunkRow[]> {
  const prefix: string[] = source === undefined ? [snapshotId] : [snapshotId, source, resource!]
  // IndexedDB orders arrays after strings and numbers, so [p…] … [p…, []] spans every key under p.
  return db.chunks
    .where('[snapshotId+source+resource+seq]')
    .between(prefix, [...prefix, []], true, false)
    .toArray()
}

/** Deletes a snapshot's chunks and lookups; call inside a transaction over both tables. */
export async function deleteChunks(db: CrosswalkDb, snapshotId: string): Promise<void> {
  await db.chunks
    .where('[snapshotId+source+resource+seq]')
    .between([snapshotId], [snapshotId, []], true, false)
    .delete()
  await db.lookups
    .where('[snapshotId+source+resource+seq]')
    .between([snapshotId], [snapshotId, []], true, false)
    .delete()
}

/** The records of one chunk, in arrival order. */
export function chunkRecords(chunk: Pick<ChunkRow, 'json'>): RawRecord[] {
  return JSON.parse(chunk.json) as RawRecord[]
}
