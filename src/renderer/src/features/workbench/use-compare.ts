/**
 * One comparison of the current snapshot (groups, charts, integrations), computed in the
 * snapshot worker. `version` names what else the result depends on (the diagnosis, for
 * the integrations' findings): a new version computes it again.
 */
import { useEffect, useState } from 'react'
import type { WorkerResults } from '../../workers/diagnosis-protocol'
import { useWorkbench } from './workbench-context'

type Kind = 'groups' | 'charts' | 'integration'

export type CompareLoad<K extends Kind> =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; value: WorkerResults[K] }

export function useCompare<K extends Kind>(kind: K, version = ''): CompareLoad<K> {
  const { load, services } = useWorkbench()
  const snapshotId = load.status === 'ready' ? load.snapshot?.id : undefined
  const key = `${snapshotId ?? ''}|${version}`
  const [state, setState] = useState<{ key: string; load: CompareLoad<K> }>()
  useEffect(() => {
    if (!snapshotId) return
    let live = true
    services.compare(snapshotId, { kind } as { kind: 'groups' | 'charts' | 'integration' }).then(
      (value) =>
        live && setState({ key, load: { status: 'ready', value: value as WorkerResults[K] } }),
      (error: unknown) =>
        live &&
        setState({
          key,
          load: {
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          },
        }),
    )
    return () => {
      live = false
    }
  }, [services, snapshotId, kind, key])
  if (!snapshotId) return { status: 'none' }
  return state?.key === key ? state.load : { status: 'loading' }
}
