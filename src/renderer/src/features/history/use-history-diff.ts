/**
 * Diffs two cached snapshots of the workspace: the older is loaded, diagnosed with today's
 * rules and kept only as an index; then the newer is loaded and diagnosed. Secrets are not
 * in the cache, so none can reach the diff.
 */
import { useCallback, useState } from 'react'
import {
  diffSnapshots,
  indexSnapshot,
  mappingAudit,
  type AuditedMapping,
  type SnapshotDiff,
} from '../../../../shared/diff'
import { diagnose } from '../../../../shared/rules'
import { loadSnapshot, type CrosswalkDb } from '../../db'

export type DiffState =
  | { status: 'idle' }
  | { status: 'running' }
  | {
      status: 'ready'
      diff: SnapshotDiff
      audit: AuditedMapping[]
      olderId: string
      newerId: string
    }
  | { status: 'failed'; message: string }

export function useHistoryDiff(openDb: () => Promise<CrosswalkDb>) {
  const [state, setState] = useState<DiffState>({ status: 'idle' })
  const run = useCallback(
    async (olderId: string, newerId: string) => {
      setState({ status: 'running' })
      try {
        const db = await openDb()
        const older = await loadSnapshot(db, olderId)
        const index = indexSnapshot(older, { findings: diagnose(older) })
        const newer = await loadSnapshot(db, newerId)
        const diff = diffSnapshots(index, newer, { findings: diagnose(newer) })
        setState({ status: 'ready', diff, audit: mappingAudit(newer, diff), olderId, newerId })
      } catch (error) {
        setState({
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        })
      }
    },
    [openDb],
  )
  return { state, run }
}
