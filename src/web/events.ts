/**
 * Server-sent events for the browser-mode host. `EventSource` cannot send an
 * `Authorization` header, so the page first trades its bearer token for a
 * ticket (POST, token-checked) and opens the stream with `?ticket=…`. A ticket
 * is random, single-use and expires after `TICKET_TTL_MS`, so a URL that leaks
 * into history or a log is worthless; the long-lived token never appears in a URL.
 */
import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { eventContract, type EventPayload } from '../shared/ipc/contract'
import type { EventChannel } from '../shared/ipc/channels'
import type { Logger } from '../node/log'

export const TICKET_TTL_MS = 30_000
const HEARTBEAT_MS = 25_000

export interface EventHub {
  issueTicket: () => string
  /** consumes the ticket; true if it was valid and unexpired */
  redeemTicket: (ticket: string | null) => boolean
  /** takes over the response as an SSE stream until the client or `close` ends it */
  attach: (response: ServerResponse) => void
  emit: <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void
  close: () => void
  /** open streams, for tests and diagnostics */
  readonly size: number
}

export function createEventHub(log: Logger, now: () => number = Date.now): EventHub {
  const tickets = new Map<string, number>()
  const streams = new Set<ServerResponse>()
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n')
  }, HEARTBEAT_MS)
  heartbeat.unref()

  const prune = () => {
    const t = now()
    for (const [ticket, expires] of tickets) if (expires <= t) tickets.delete(ticket)
  }

  return {
    issueTicket: () => {
      prune()
      const ticket = randomBytes(24).toString('base64url')
      tickets.set(ticket, now() + TICKET_TTL_MS)
      return ticket
    },
    redeemTicket: (ticket) => {
      if (!ticket) return false
      const expires = tickets.get(ticket)
      tickets.delete(ticket)
      return expires !== undefined && expires > now()
    },
    attach: (response) => {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      })
      // Tells EventSource to wait before reconnecting; the bridge reconnects with a fresh ticket.
      response.write('retry: 1000\n\n')
      streams.add(response)
      response.on('close', () => streams.delete(response))
    },
    emit: (channel, payload) => {
      const checked = eventContract[channel].safeParse(payload)
      if (!checked.success) {
        log.error('web.event-invalid', { channel })
        return
      }
      const frame = `event: ${channel}\ndata: ${JSON.stringify(checked.data)}\n\n`
      for (const stream of streams) stream.write(frame)
    },
    close: () => {
      clearInterval(heartbeat)
      for (const stream of streams) stream.end()
      streams.clear()
      tickets.clear()
    },
    get size() {
      return streams.size
    },
  }
}
