import { useSyncExternalStore } from 'react'
import { invoke, onEvent } from '../../api'
import { DEFAULT_SERVICES, type WorkbenchServices } from '../workbench/services'
import { createCollectRun, type CollectRun, type RunState } from './collect-run'

// One run handle per workspace for the window's lifetime: leaving the screen must not stop the writes.
const runs = new Map<string, CollectRun>()

/** The window's run handle for a workspace, created (and attached to the host's run) on first use. */
export function collectRunFor(
  workspaceId: string,
  services: WorkbenchServices = DEFAULT_SERVICES,
): CollectRun {
  let run = runs.get(workspaceId)
  if (!run) {
    run = createCollectRun(workspaceId, {
      services,
      invoke: {
        start: (id, expected) =>
          invoke('collect:start', { workspaceId: id, ...(expected ? { expected } : {}) }),
        cancel: (runId) => invoke('collect:cancel', { runId }),
        runs: () => invoke('collect:runs', undefined),
        events: (runId, from) => invoke('collect:events', { runId, from }),
        release: (runId) => invoke('collect:release', { runId }),
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
    void run.attach()
  }
  return run
}

/**
 * Attaches this window to every run the host holds, so a reload during a collection goes on
 * storing it without the Collect screen being open.
 */
export async function attachHeldRuns(): Promise<void> {
  const held = await invoke('collect:runs', undefined)
  if (!held.ok) return
  for (const run of held.value) collectRunFor(run.workspaceId)
}

/** Forgets every run handle (tests, and the workspace's removal). */
export function disposeCollectRuns(): void {
  for (const run of runs.values()) run.dispose()
  runs.clear()
}

export function useCollectRun(run: CollectRun): RunState {
  return useSyncExternalStore(run.subscribe, run.getState)
}
