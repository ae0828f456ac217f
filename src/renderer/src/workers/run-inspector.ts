/**
 * The inspector's checks over a cached snapshot: the snapshot's signing certificates and keys
 * (what `inspect:decode` tries), and the report on each decoded message. Runs in the
 * inspector worker, so a 100k-user snapshot is loaded and indexed off the UI thread, once per
 * snapshot; kept free of worker globals so tests run it in-thread. The messages are
 * credentials: they are judged in memory and stored nowhere.
 */
import type { InspectReport, InspectedMessage, SigningCandidate } from '../../../shared/inspect'
import { inspectMessage, signingCandidates } from '../../../shared/inspect'
import type { Snapshot } from '../../../shared/model/snapshot'
import { SnapshotIndex } from '../../../shared/rules'
import type { CrosswalkDb } from '../db/schema'
import { loadSnapshot } from '../db/snapshots'

/** The checks over one database, keeping the last snapshot it loaded. */
export interface InspectorEngine {
  candidates: (snapshotId: string) => Promise<SigningCandidate[]>
  check: (snapshotId: string, messages: readonly InspectedMessage[]) => Promise<InspectReport[]>
}

export function createInspectorEngine(db: CrosswalkDb): InspectorEngine {
  let loaded: { id: string; snapshot: Snapshot; index: SnapshotIndex } | undefined
  let loading:
    { id: string; promise: Promise<{ snapshot: Snapshot; index: SnapshotIndex }> } | undefined
  const load = async (snapshotId: string) => {
    if (loaded?.id === snapshotId) return loaded
    if (loading?.id !== snapshotId) {
      const promise = loadSnapshot(db, snapshotId).then((snapshot) => ({
        snapshot,
        index: new SnapshotIndex(snapshot),
      }))
      loading = { id: snapshotId, promise }
    }
    const { snapshot, index } = await loading.promise
    loaded = { id: snapshotId, snapshot, index }
    return loaded
  }
  return {
    candidates: async (snapshotId) => signingCandidates((await load(snapshotId)).snapshot),
    check: async (snapshotId, messages) => {
      const { snapshot, index } = await load(snapshotId)
      return messages.map((m) => inspectMessage(m, snapshot, index))
    },
  }
}
