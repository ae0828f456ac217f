// The renderer's only door to the main process: the contract's channels, nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../shared/ipc/channels'

const INVOKE = new Set<string>(INVOKE_CHANNELS)
const EVENTS = new Set<string>(EVENT_CHANNELS)

contextBridge.exposeInMainWorld('api', {
  invoke: (channel: string, input?: unknown): Promise<unknown> =>
    INVOKE.has(channel)
      ? ipcRenderer.invoke(channel, input)
      : Promise.reject(new Error(`unknown channel ${channel}`)),
  on: (channel: string, listener: (payload: unknown) => void): (() => void) => {
    if (!EVENTS.has(channel)) throw new Error(`unknown event channel ${channel}`)
    // The event carries `sender` (the ipcRenderer itself): the page gets the payload only.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
})
