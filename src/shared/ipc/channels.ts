/**
 * Channel names only, so the preload can import them without zod.
 * Invoke channels are `domain:verb`; event channels are `domain:noun`.
 */
export const INVOKE_CHANNELS = [
  'app:info',
  'workspaces:list',
  'workspaces:create',
  'workspaces:rename',
  'workspaces:remove',
  'vault:status',
  'vault:unlock',
  'connections:get',
  'connections:save',
  'connections:test',
  'collect:start',
  'collect:cancel',
  'collect:runs',
  'collect:events',
  'collect:release',
  'demo:snapshot',
  'inspect:decode',
  'docs:pdf',
] as const
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number]

export const EVENT_CHANNELS = ['workspaces:changed', 'collect:event', 'collect:finished'] as const
export type EventChannel = (typeof EVENT_CHANNELS)[number]

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(name)
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && (EVENT_CHANNELS as readonly string[]).includes(name)
}
