/**
 * Browser mode only: installs `window.api` over HTTP when no preload did, with
 * exactly the preload's `{ invoke, on }` surface, so the rest of the renderer
 * cannot tell the hosts apart. The launch token arrives in the URL fragment
 * (`#token=…`, never sent to a server or a Referer), is kept in sessionStorage
 * so reloads keep working, and is sent as a bearer header. Events arrive as
 * server-sent events opened with a single-use ticket, because EventSource cannot
 * send headers and the token must not appear in a URL.
 */
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../shared/ipc/channels'
import type { CrosswalkApi } from '../../../shared/ipc/contract'

export const TOKEN_STORAGE_KEY = 'crosswalk.token'
const MAX_RECONNECT_MS = 10_000

export interface BridgeEnv {
  fetch: typeof fetch
  createEventSource: (url: string) => EventSource
  /** the launch token, or undefined when the page was opened without one */
  token: string | undefined
  setTimeout: (fn: () => void, ms: number) => unknown
}

/**
 * Reads the token from `#token=…` (or `?token=…`), stores it, and removes it
 * from the address bar so it is not bookmarked or shared by accident.
 */
export function takeLaunchToken(
  win: Pick<Window, 'location' | 'history' | 'sessionStorage'>,
): string | undefined {
  const { location, history, sessionStorage } = win
  const fromHash = /^#token=([A-Za-z0-9_-]+)$/.exec(location.hash)?.[1]
  const fromQuery = new URLSearchParams(location.search).get('token') ?? undefined
  const found = fromHash ?? fromQuery
  if (found) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, found)
    history.replaceState(null, '', `${location.pathname}#/`)
    return found
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? undefined
}

/**
 * A launch address opened in a tab that already shows the app (a restarted host prints a new
 * key, on the same origin): only the fragment changes, so the page would not load again.
 * Takes the new key and loads the app again with it.
 */
export function watchLaunchToken(
  win: Pick<Window, 'location' | 'history' | 'sessionStorage' | 'addEventListener'>,
  reload: () => void,
): void {
  win.addEventListener('hashchange', () => {
    if (!/^#token=/.test(win.location.hash)) return
    takeLaunchToken(win)
    reload()
  })
}

export function createBrowserBridge(env: BridgeEnv): CrosswalkApi {
  const invokeAllowed = new Set<string>(INVOKE_CHANNELS)
  const eventAllowed = new Set<string>(EVENT_CHANNELS)
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let source: EventSource | undefined
  let connecting = false
  let retryMs = 500

  const missingToken = () =>
    new Error(
      'This page was opened without its launch key. Open the full address printed by `npm run web`.',
    )

  const authorized = (): Record<string, string> => ({ Authorization: `Bearer ${env.token ?? ''}` })

  const post = async (path: string, body: string): Promise<unknown> => {
    const response = await env.fetch(path, {
      method: 'POST',
      headers: { ...authorized(), 'Content-Type': 'application/json' },
      body,
      cache: 'no-store',
      credentials: 'omit',
    })
    const reply: unknown = await response.json().catch(() => undefined)
    if (!response.ok) {
      const message =
        typeof reply === 'object' &&
        reply !== null &&
        'error' in reply &&
        typeof reply.error === 'string'
          ? reply.error
          : `The Crosswalk host answered ${response.status}.`
      throw new Error(message)
    }
    return reply
  }

  const deliver = (channel: string, data: string) => {
    let payload: unknown
    try {
      payload = JSON.parse(data)
    } catch {
      return
    }
    for (const listener of listeners.get(channel) ?? []) listener(payload)
  }

  const connect = async () => {
    if (source || connecting || !env.token) return
    connecting = true
    try {
      const reply = await post('/api/events/ticket', '')
      const ticket =
        typeof reply === 'object' && reply !== null && 'ticket' in reply ? String(reply.ticket) : ''
      const opened = env.createEventSource(`/api/events?ticket=${encodeURIComponent(ticket)}`)
      for (const channel of EVENT_CHANNELS) {
        opened.addEventListener(channel, (event) =>
          deliver(channel, (event as MessageEvent<string>).data),
        )
      }
      opened.addEventListener('open', () => {
        retryMs = 500
      })
      // A ticket is single-use, so EventSource's own reconnect would be refused: reconnect with a new one.
      opened.addEventListener('error', () => {
        opened.close()
        if (source === opened) source = undefined
        scheduleReconnect()
      })
      source = opened
    } catch {
      scheduleReconnect()
    } finally {
      connecting = false
    }
  }

  const scheduleReconnect = () => {
    if (listeners.size === 0) return
    const wait = retryMs
    retryMs = Math.min(retryMs * 2, MAX_RECONNECT_MS)
    env.setTimeout(() => void connect(), wait)
  }

  return {
    invoke: (channel, input) => {
      if (!invokeAllowed.has(channel))
        return Promise.reject(new Error(`unknown channel ${channel}`))
      if (!env.token) return Promise.reject(missingToken())
      return post(
        `/api/invoke/${encodeURIComponent(channel)}`,
        input === undefined ? '' : JSON.stringify(input),
      )
    },
    on: (channel, listener) => {
      if (!eventAllowed.has(channel)) throw new Error(`unknown event channel ${channel}`)
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      void connect()
      return () => {
        set.delete(listener)
        if (set.size === 0) listeners.delete(channel)
      }
    },
  }
}

/** Installs the bridge as `window.api` unless a preload already exposed one. */
export function installBrowserBridge(win: Window & typeof globalThis): void {
  if ((win as { api?: unknown }).api) return
  const api = createBrowserBridge({
    fetch: win.fetch.bind(win),
    createEventSource: (url) => new win.EventSource(url),
    token: takeLaunchToken(win),
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
  })
  Object.defineProperty(win, 'api', {
    value: Object.freeze(api),
    writable: false,
    configurable: false,
  })
  watchLaunchToken(win, () => win.location.reload())
}
