/**
 * The current snapshot's documentation, built in the renderer from the cache alone (no
 * network, no host): the snapshot from Dexie, the stored findings, and the snapshot's
 * identity (stored with it; taken and stored now when an older row lacks it).
 */
import { useEffect, useMemo, useState } from 'react'
import { buildDocument, type ConfigDocument, type SectionId } from '../../../../shared/docs'
import type { Finding } from '../../../../shared/model/finding'
import type { Snapshot } from '../../../../shared/model/snapshot'
import { snapshotIdentity } from '../../../../shared/snapshot-file/identity'
import type { CrosswalkDb, SnapshotRow } from '../../db'
import { loadSnapshot } from '../../db/snapshots'

export type DocumentSource =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; snapshot: Snapshot; sha256: string }

/** Loads the snapshot of `row` and its identity. */
export function useSnapshotSource(
  db: CrosswalkDb | undefined,
  row: SnapshotRow | undefined,
): DocumentSource {
  const [source, setSource] = useState<{ id: string; value: DocumentSource }>()
  const rowId = row?.id
  const stored = row?.contentHash
  useEffect(() => {
    if (!db || !rowId) return
    let live = true
    loadSnapshot(db, rowId).then(
      async (snapshot) => {
        const sha256 = stored ?? snapshotIdentity(snapshot)
        if (!stored) await db.snapshots.update(rowId, { contentHash: sha256 })
        if (live) setSource({ id: rowId, value: { status: 'ready', snapshot, sha256 } })
      },
      (error: unknown) => {
        if (live)
          setSource({
            id: rowId,
            value: {
              status: 'error',
              message: error instanceof Error ? error.message : String(error),
            },
          })
      },
    )
    return () => {
      live = false
    }
  }, [db, rowId, stored])
  if (!rowId) return { status: 'idle' }
  return source && source.id === rowId ? source.value : { status: 'loading' }
}

/** The document of the loaded snapshot with the chosen sections. */
export function useConfigDocument(
  source: DocumentSource,
  findings: readonly Finding[],
  sections: readonly SectionId[],
): ConfigDocument | undefined {
  return useMemo(
    () =>
      source.status === 'ready'
        ? buildDocument({
            snapshot: source.snapshot,
            findings,
            snapshotSha256: source.sha256,
            sections,
          })
        : undefined,
    [source, findings, sections],
  )
}
