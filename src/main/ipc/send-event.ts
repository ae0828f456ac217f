/**
 * The one place main pushes events to the renderer. The payload is parsed with
 * the event contract first, so the renderer never receives a shape it was not
 * promised. Returns false (and sends nothing) for an invalid payload or a
 * destroyed window.
 */
import type { WebContents } from 'electron'
import type { EventChannel } from '../../shared/ipc/channels'
import { eventContract, type EventPayload } from '../../shared/ipc/contract'
import { describeIssues } from '../../shared/util/issues'
import type { Logger } from '../../node/log'

export function sendEvent<E extends EventChannel>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  channel: E,
  payload: EventPayload<E>,
  log?: Logger,
): boolean {
  const parsed = eventContract[channel].safeParse(payload)
  if (!parsed.success) {
    log?.error('ipc.event-invalid', { channel, issues: describeIssues(parsed.error) })
    return false
  }
  if (contents.isDestroyed()) return false
  contents.send(channel, parsed.data)
  return true
}
