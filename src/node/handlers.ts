/**
 * The contract's implementation, independent of the host. Electron main and the
 * browser-mode host build it with their own host kind, data directory and event
 * sink, then route every invoke through `invokeChannel`.
 */
import type { EventChannel } from '../shared/ipc/channels'
import type { EventPayload, Handlers, HostKind } from '../shared/ipc/contract'
import type { Logger } from './log'
import { createWorkspaceStore, type WorkspaceStore } from './workspaces/store'

export type EmitEvent = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void

export interface HandlerDeps {
  host: HostKind
  version: string
  dataDir: string
  log: Logger
  emit: EmitEvent
  workspaces?: WorkspaceStore
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const workspaces =
    deps.workspaces ?? createWorkspaceStore({ dataDir: deps.dataDir, log: deps.log })

  const announce = async () => {
    deps.emit('workspaces:changed', { workspaces: await workspaces.list() })
  }

  return {
    'app:info': async () => ({
      name: 'Crosswalk',
      version: deps.version,
      host: deps.host,
      dataDir: deps.dataDir,
    }),
    'workspaces:list': () => workspaces.list(),
    'workspaces:create': async ({ name }) => {
      const created = await workspaces.create(name)
      deps.log.info('workspace.created', { id: created.id })
      await announce()
      return created
    },
    'workspaces:rename': async ({ id, name }) => {
      const renamed = await workspaces.rename(id, name)
      await announce()
      return renamed
    },
    'workspaces:remove': async ({ id }) => {
      const removed = await workspaces.remove(id)
      deps.log.info('workspace.removed', { id: removed.id })
      await announce()
      return { id: removed.id }
    },
  }
}
