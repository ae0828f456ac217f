/**
 * The version 2 upgrade: every snapshot's version 1 `records` rows (one per raw
 * record) become chunk and lookup rows, before the `records` table is dropped.
 * Records keep their arrival order: runs of consecutive records (by `seq`) of
 * one resource and parent become chunks of at most WRITE_CHUNK, numbered in
 * that order.
 */
import type { Transaction } from 'dexie'
import { chunkPair, WRITE_CHUNK, type ChunkPair } from './chunks'
import type { RecordRow } from './schema'

export async function migrateRecordsToChunks(tx: Transaction): Promise<void> {
  const snapshotIds = (await tx.table('snapshots').toCollection().primaryKeys()) as string[]
  for (const snapshotId of snapshotIds) {
    const rows = (await tx
      .table('records')
      .where('[snapshotId+source+resource+key]')
      .between([snapshotId], [snapshotId, []], true, false)
      .toArray()) as RecordRow[]
    if (rows.length === 0) continue
    rows.sort((a, b) => a.seq - b.seq)
    const pairs: ChunkPair[] = []
    let run: RecordRow[] = []
    const flush = () => {
      if (run.length === 0) return
      const { source, resource, parentId } = run[0]!
      pairs.push(
        chunkPair(
          { snapshotId, source, resource, parentId, seq: pairs.length },
          run.map((r) => r.raw),
          run,
        ),
      )
      run = []
    }
    for (const row of rows) {
      const head = run[0]
      if (
        head &&
        (head.source !== row.source ||
          head.resource !== row.resource ||
          head.parentId !== row.parentId ||
          run.length >= WRITE_CHUNK)
      )
        flush()
      run.push(row)
    }
    flush()
    await tx.table('chunks').bulkPut(pairs.map((p) => p.chunk))
    await tx.table('lookups').bulkPut(pairs.map((p) => p.lookup))
  }
}
