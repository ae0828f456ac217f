import { beforeEach, describe, expect, it, vi } from 'vitest'
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../src/shared/ipc/channels'
import type { CrosswalkApi } from '../../../src/shared/ipc/contract'

type Listener = (event: unknown, payload: unknown) => void

const exposed = new Map<string, unknown>()
const ipcListeners = new Map<string, Set<Listener>>()
const invoked: { channel: string; input: unknown }[] = []

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      invoked.push({ channel, input })
      return Promise.resolve({ ok: true, value: channel })
    },
    on: (channel: string, listener: Listener) => {
      const set = ipcListeners.get(channel) ?? new Set()
      set.add(listener)
      ipcListeners.set(channel, set)
    },
    removeListener: (channel: string, listener: Listener) =>
      ipcListeners.get(channel)?.delete(listener),
  },
}))

let api: CrosswalkApi
beforeEach(async () => {
  exposed.clear()
  ipcListeners.clear()
  invoked.length = 0
  vi.resetModules()
  await import('../../../src/preload/index')
  api = exposed.get('api') as CrosswalkApi
})

describe('preload', () => {
  it('exposes exactly { invoke, on } as window.api', () => {
    expect([...exposed.keys()]).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
  })

  it('forwards allow-listed invoke channels and rejects anything else', async () => {
    for (const channel of INVOKE_CHANNELS) await api.invoke(channel, { probe: channel })
    expect(invoked.map((c) => c.channel)).toEqual([...INVOKE_CHANNELS])
    await expect(api.invoke('vault:read', {})).rejects.toThrow('unknown channel vault:read')
    await expect(api.invoke('workspaces:changed')).rejects.toThrow(/unknown channel/)
    expect(invoked).toHaveLength(INVOKE_CHANNELS.length)
  })

  it('hands listeners the payload only, never the event, and unsubscribes', () => {
    const seen: unknown[][] = []
    const channel = EVENT_CHANNELS[0]
    const unsubscribe = api.on(channel, (...args: unknown[]) => seen.push(args))
    const sender = { sender: 'ipcRenderer with send()' }
    for (const listener of ipcListeners.get(channel) ?? []) listener(sender, { workspaces: [] })
    expect(seen).toEqual([[{ workspaces: [] }]])
    unsubscribe()
    expect(ipcListeners.get(channel)?.size).toBe(0)
  })

  it('refuses to subscribe to channels outside the allow-list', () => {
    expect(() => api.on('app:info', () => undefined)).toThrow(/unknown event channel/)
    expect(ipcListeners.size).toBe(0)
  })
})
