/**
 * An in-memory `window.api` with the contract's behaviour for workspaces: the
 * renderer under test talks to it exactly as to the preload or the browser bridge.
 */
import type { CrosswalkApi, IpcResult } from '../../../../src/shared/ipc/contract'
import type { Workspace } from '../../../../src/shared/model/workspace'
import { WorkspaceName } from '../../../../src/shared/model/workspace'

export interface FakeApi extends CrosswalkApi {
  workspaces: Workspace[]
  calls: { channel: string; input: unknown }[]
  /** pushes an event to subscribers, as the host would */
  emit: (channel: string, payload: unknown) => void
  /** makes the next invoke of `channel` answer with this result */
  failNext: (channel: string, result: IpcResult<unknown>) => void
  listenerCount: () => number
}

let counter = 0
const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`

export function createFakeApi(initial: Workspace[] = []): FakeApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const failures = new Map<string, IpcResult<unknown>>()
  const api: FakeApi = {
    workspaces: [...initial],
    calls: [],
    emit: (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener(payload)
    },
    failNext: (channel, result) => failures.set(channel, result),
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return () => set.delete(listener)
    },
    invoke: async (channel, input) => {
      api.calls.push({ channel, input })
      const failure = failures.get(channel)
      if (failure) {
        failures.delete(channel)
        return failure
      }
      const args = (input ?? {}) as { id?: string; name?: string }
      const stamp = '2026-03-04T05:06:07.000Z'
      switch (channel) {
        case 'app:info':
          return {
            ok: true,
            value: { name: 'Crosswalk', version: '0.1.0', host: 'browser', dataDir: '/data' },
          }
        case 'workspaces:list':
          return { ok: true, value: api.workspaces }
        case 'workspaces:create': {
          const name = WorkspaceName.parse(args.name)
          const clash = api.workspaces.find((w) => w.name.toLowerCase() === name.toLowerCase())
          if (clash) {
            return {
              ok: false,
              error: {
                code: 'conflict',
                message: `A workspace named "${clash.name}" already exists.`,
              },
            }
          }
          const created = { id: uuid(), name, createdAt: stamp, updatedAt: stamp }
          api.workspaces = [...api.workspaces, created]
          return { ok: true, value: created }
        }
        case 'workspaces:rename': {
          const name = WorkspaceName.parse(args.name)
          api.workspaces = api.workspaces.map((w) =>
            w.id === args.id ? { ...w, name, updatedAt: stamp } : w,
          )
          return { ok: true, value: api.workspaces.find((w) => w.id === args.id) }
        }
        case 'workspaces:remove':
          api.workspaces = api.workspaces.filter((w) => w.id !== args.id)
          return { ok: true, value: { id: args.id } }
        default:
          return { ok: false, error: { code: 'unknown-channel', message: channel } }
      }
    },
  }
  return api
}

export function workspace(name: string, id = uuid()): Workspace {
  return { id, name, createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-02T03:04:05.000Z' }
}

/** Installs the fake as window.api (configurable, so each test can replace it). */
export function installFakeApi(api: CrosswalkApi | undefined): void {
  Object.defineProperty(window, 'api', { value: api, configurable: true, writable: true })
}
