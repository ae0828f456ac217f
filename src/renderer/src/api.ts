/**
 * The renderer's only reader of `window.api` (exposed by the preload in
 * Electron, or by the browser bridge in browser mode). Replies are parsed again
 * here: the privileged side is trusted, but a malformed reply must become a
 * visible error, not a crash deep in a component.
 */
import type { EventChannel, InvokeChannel } from '../../shared/ipc/channels'
import {
  IpcResultSchema,
  eventContract,
  invokeContract,
  type CrosswalkApi,
  type EventPayload,
  type Input,
  type IpcResult,
  type Output,
} from '../../shared/ipc/contract'
import { installBrowserBridge } from './bridge/browser-bridge'

declare global {
  interface Window {
    api?: CrosswalkApi
  }
}

/**
 * Installs the browser bridge when no preload exposed `window.api` (browser mode).
 * The bridge is 2 kB and inert under Electron; importing it statically saves a
 * round trip before the first call.
 */
export function ensureApi(win: Window & typeof globalThis = window): void {
  if (!win.api) installBrowserBridge(win)
}

function api(): CrosswalkApi {
  if (!window.api) throw new Error('The Crosswalk host is not connected (window.api is missing).')
  return window.api
}

export async function invoke<C extends InvokeChannel>(
  channel: C,
  input: Input<C>,
): Promise<IpcResult<Output<C>>> {
  let raw: unknown
  try {
    raw = await api().invoke(channel, input)
  } catch (error) {
    return { ok: false, error: { code: 'unavailable', message: messageOf(error) } }
  }
  const reply = IpcResultSchema.safeParse(raw)
  if (!reply.success) {
    return {
      ok: false,
      error: { code: 'internal', message: `${channel} returned a malformed reply.` },
    }
  }
  if (!reply.data.ok) return reply.data
  const value = invokeContract[channel].output.safeParse(reply.data.value)
  if (!value.success) {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `${channel} returned a reply that does not match its contract.`,
      },
    }
  }
  return { ok: true, value: value.data as Output<C> }
}

/** Subscribes to a host event; payloads that fail the contract are dropped. Returns the unsubscribe. */
export function onEvent<E extends EventChannel>(
  channel: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return api().on(channel, (payload) => {
    const parsed = eventContract[channel].safeParse(payload)
    if (parsed.success) listener(parsed.data as EventPayload<E>)
  })
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
