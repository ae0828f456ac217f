/**
 * Version 2's storage of raw records: one `chunks` row per written batch of a
 * resource (at most WRITE_CHUNK records, stored as one JSON string, because
 * IndexedDB clones one long string at memcpy speed where it clones hundreds of
 * thousands of small objects slowly), and one slim `lookups` row per chunk that
 * lists the chunk's record keys and user identifiers, so a screen's lookup
 * reads a few dozen short rows, then parses only the one chunk that matches.
 *
 * The lists are newline-joined strings rather than multi-entry IndexedDB
 * indexes: a multi-entry index writes one index entry per value, and at 100k
 * users a side (some 800k values) Chromium took 30 s to write the snapshot with
 * them and 2.5 s without, while scanning the lists costs milliseconds.
 */
import type { RawRecord, Source } from '../../../shared/model/snapshot'
import type { ChunkRow, CrosswalkDb, LookupRow } from './schema'
import { recordKeys, type RecordKeys } from './record-keys'

/** Records per chunk row; IndexedDB stays responsive well below 10k records per put. */
export const WRITE_CHUNK = 5_000

/** The identifiers the screens search users by, each a list of `lookups`. */
export type Identifier = 'upn' | 'login' | 'email' | 'immutableId'

export const IDENTIFIER_LIST: Readonly<
  Record<Identifier, 'upns' | 'logins' | 'emails' | 'immutableIds'>
> = { upn: 'upns', login: 'logins', email: 'emails', immutableId: 'immutableIds' }

const SEP = '\n'

/** A newline-joined list with a newline either end, so a search for a whole value can include both. */
function joined(values: readonly string[]): string {
  return values.length === 0 ? '' : `${SEP}${values.join(SEP)}${SEP}`
}

/** Whether a `lookups` list holds the value (compared exactly). */
export function listHas(list: string, value: string): boolean {
  return list.includes(`${SEP}${value}${SEP}`)
}

/** The values of a `lookups` list, in the chunk's record order. */
export function listValues(list: string): string[] {
  return list === '' ? [] : list.slice(1, -1).split(SEP)
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
  const lists = {
    upns: [] as string[],
    logins: [] as string[],
    emails: [] as string[],
    immutableIds: [] as string[],
  }
  for (const k of keys) {
    if (k.upn !== undefined) lists.upns.push(k.upn)
    if (k.login !== undefined) lists.logins.push(k.login)
    if (k.email !== undefined) lists.emails.push(k.email)
    if (k.immutableId !== undefined) lists.immutableIds.push(k.immutableId)
  }
  const lookup: LookupRow = {
    snapshotId,
    source,
    resource,
    seq,
    keys: joined(keys.map((k) => k.key)),
    upns: joined(lists.upns),
    logins: joined(lists.logins),
    emails: joined(lists.emails),
    immutableIds: joined(lists.immutableIds),
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

/** A chunk's head and its parsed records. */
export interface ParsedChunk {
  source: Source
  resource: string
  parentId?: string
  records: RawRecord[]
}

/**
 * Every chunk of a snapshot (or of one of its resources), in primary-key
 * (arrival) order, parsed. All reads are requested at once and each chunk is
 * parsed as it arrives, so parsing overlaps IndexedDB reading the next ones.
 */
export function parsedChunks(
  db: CrosswalkDb,
  snapshotId: string,
  source?: Source,
  resource?: string,
): Promise<ParsedChunk[]> {
  const prefix: string[] = source === undefined ? [snapshotId] : [snapshotId, source, resource!]
  return db.transaction('r', db.chunks, async () => {
    // IndexedDB orders arrays after strings and numbers, so [p…] … [p…, []] spans every key under p.
    const keys = await db.chunks
      .where('[snapshotId+source+resource+seq]')
      .between(prefix, [...prefix, []], true, false)
      .primaryKeys()
    const reads = keys.map((key) => db.chunks.get(key))
    const parsed: ParsedChunk[] = []
    for (const read of reads) {
      const chunk = await read
      if (!chunk) continue
      const head: ParsedChunk = {
        source: chunk.source,
        resource: chunk.resource,
        records: chunkRecords(chunk),
      }
      if (chunk.parentId !== undefined) head.parentId = chunk.parentId
      parsed.push(head)
    }
    return parsed
  })
}

/**
 * Deletes a snapshot's chunks and lookups, or only those of one resource; call inside a
 * transaction over both tables.
 */
export async function deleteChunks(
  db: CrosswalkDb,
  snapshotId: string,
  only?: { source: Source; resource: string },
): Promise<void> {
  const prefix = only ? [snapshotId, only.source, only.resource] : [snapshotId]
  await db.chunks
    .where('[snapshotId+source+resource+seq]')
    .between(prefix, [...prefix, []], true, false)
    .delete()
  await db.lookups
    .where('[snapshotId+source+resource+seq]')
    .between(prefix, [...prefix, []], true, false)
    .delete()
}

/** The records of one chunk, in arrival order. */
export function chunkRecords(chunk: Pick<ChunkRow, 'json'>): RawRecord[] {
  return JSON.parse(chunk.json) as RawRecord[]
}
