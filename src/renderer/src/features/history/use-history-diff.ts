/** Diffs two cached snapshots of the workspace through the workbench's worker. */
import { useCallback, useState } from 'react'
import type { AuditedMapping, SnapshotDiff } from '../../../../shared/diff'
import type { WorkbenchServices } from '../workbench/services'

export type DiffState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'ready'; diff: SnapshotDiff; audit: AuditedMapping[] }
  | { status: 'failed'; message: string }

export function useHistoryDiff(services: WorkbenchServices) {
  const [state, setState] = useState<DiffState>({ status: 'idle' })
  const run = useCallback(
    async (olderId: string, newerId: string) => {
      setState({ status: 'running' })
      try {
        const { diff, audit } = await services.diff(olderId, newerId)
        setState({ status: 'ready', diff, audit })
      } catch (error) {
        setState({
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        })
      }
    },
    [services],
  )
  return { state, run }
}
