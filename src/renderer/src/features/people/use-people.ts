/**
 * The People comparison of the current snapshot, computed in the snapshot worker and
 * kept for the session: a later visit to the screen shows it at once. Marks
 * `crosswalk:people-arrived` on the page's timeline when the rows reach the UI thread.
 */
import { useEffect, useState } from 'react'
import type { PeopleGrid } from '../../../../shared/compare/people-grid'
import { type PackedPeople, packedGrid } from '../../../../shared/compare/people-packed'
import type { PeopleTimings } from '../../workers/diagnosis-protocol'
import type { WorkbenchServices } from '../workbench/services'

export type PeopleLoad =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready'
      snapshotId: string
      packed: PackedPeople
      grid: PeopleGrid
      timings: PeopleTimings
      /** page-clock time the rows arrived */
      arrivedAt: number
    }

let kept: Extract<PeopleLoad, { status: 'ready' }> | undefined

/** The People comparison of `snapshotId` (undefined: no snapshot). */
export function usePeople(
  services: WorkbenchServices,
  snapshotId: string | undefined,
): PeopleLoad | undefined {
  const [state, setState] = useState<{ id: string; load: PeopleLoad }>()
  useEffect(() => {
    if (!snapshotId || kept?.snapshotId === snapshotId) return
    let live = true
    services.compare(snapshotId, { kind: 'people' }).then(
      ({ packed, timings }) => {
        const arrivedAt = performance.now()
        performance.mark('crosswalk:people-arrived', { detail: { rows: packed.count } })
        const ready = {
          status: 'ready' as const,
          snapshotId,
          packed,
          grid: packedGrid(packed),
          timings,
          arrivedAt,
        }
        kept = ready
        if (live) setState({ id: snapshotId, load: ready })
      },
      (error: unknown) =>
        live &&
        setState({
          id: snapshotId,
          load: {
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          },
        }),
    )
    return () => {
      live = false
    }
  }, [services, snapshotId])
  if (!snapshotId) return undefined
  if (kept?.snapshotId === snapshotId) return kept
  return state?.id === snapshotId ? state.load : { status: 'loading' }
}
