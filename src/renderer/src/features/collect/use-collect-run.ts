import { useSyncExternalStore } from 'react'
import { invoke, onEvent } from '../../api'
import { DEFAULT_SERVICES, type WorkbenchServices } from '../workbench/services'
import { createCollectRun, type CollectRun, type RunState } from './collect-run'

// One run handle per workspace for the tab's lifetime: leaving the screen must not stop the writes.
const runs = new Map<string, CollectRun>()

/** The tab's run handle for a workspace, created on first use. */
export function collectRunFor(
  workspaceId: string,
  services: WorkbenchServices = DEFAULT_SERVICES,
): CollectRun {
  let run = runs.get(workspaceId)
  if (!run) {
    run = createCollectRun(workspaceId, {
      services,
      invoke: {
        start: (id) => invoke('collect:start', { workspaceId: id }),
        cancel: (runId) => invoke('collect:cancel', { runId }),
      },
      subscribe: (onBatch, onFinished) => {
        const a = onEvent('collect:event', onBatch)
        const b = onEvent('collect:finished', onFinished)
        return () => {
          a()
          b()
        }
      },
    })
    runs.set(workspaceId, run)
  }
  return run
}

/** Forgets every run handle (tests, and the workspace's removal). */
export function disposeCollectRuns(): void {
  for (const run of runs.values()) run.dispose()
  runs.clear()
}

export function useCollectRun(run: CollectRun): RunState {
  return useSyncExternalStore(run.subscribe, run.getState)
}
