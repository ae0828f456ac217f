/**
 * The browser-mode host: the built renderer and the IPC contract served on
 * loopback. `POST /api/invoke/:channel` carries one invoke (JSON in, `IpcResult`
 * out, through the same `invokeChannel` door as Electron main);
 * `POST /api/events/ticket` + `GET /api/events?ticket=…` carry events as
 * server-sent events. Everything under `/api` needs the per-launch token.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Handlers } from '../shared/ipc/contract'
import { createHandlers } from '../node/handlers'
import { invokeChannel } from '../node/ipc/invoke'
import type { Logger } from '../node/log'
import { ensureDataDir } from '../node/data-dir'
import { BodyTooLargeError, bodyLimit, readBody } from './body'
import { createEventHub, type EventHub } from './events'
import {
  SECURITY_HEADERS,
  allowedHostHeaders,
  bearerToken,
  checkHostAndOrigin,
  createToken,
  isLoopbackHost,
  secretsEqual,
} from './security'
import { resolveStaticFile } from '../node/static-files'
import { sendFile } from './static-files'

export interface WebHostOptions {
  /** the built renderer, normally `out/renderer` */
  rendererDir: string
  dataDir: string
  version: string
  log: Logger
  /** 0 (the default) picks a free port */
  port?: number
  /** loopback only: 127.0.0.1 (default), localhost or ::1 */
  host?: string
  /** a fixed token, for tests; otherwise a fresh one per launch */
  token?: string
  /** replaces the node handlers (tests); receives the host's event sink */
  createHandlers?: (emit: EventHub['emit']) => Handlers
  /** validate handler replies against the contract (development and tests) */
  checkOutput?: boolean
  /** the folder holding bundled resources (the demo snapshot) */
  resourcesDir?: string
  /** unlocks the passphrase vault at start (CROSSWALK_VAULT_PASSPHRASE) */
  vaultPassphrase?: string
  /** honour custom endpoints and CA certificates (--allow-endpoint-overrides) */
  endpointOverrides?: boolean
}

export interface WebHost {
  /** the address to open: origin plus `#token=…` */
  url: string
  origin: string
  port: number
  address: AddressInfo
  token: string
  events: EventHub
  close: () => Promise<void>
}

const INVOKE_PREFIX = '/api/invoke/'

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const bindHost = options.host === 'localhost' ? '127.0.0.1' : (options.host ?? '127.0.0.1')
  if (!isLoopbackHost(bindHost)) {
    throw new Error(`Refusing to listen on ${bindHost}: browser mode serves loopback only.`)
  }
  await ensureDataDir(options.dataDir)
  const token = options.token ?? createToken()
  options.log.addSecret(token)
  if (options.vaultPassphrase) options.log.addSecret(options.vaultPassphrase)
  const events = createEventHub(options.log)
  const handlers =
    options.createHandlers?.(events.emit) ??
    createHandlers({
      host: 'browser',
      version: options.version,
      dataDir: options.dataDir,
      log: options.log,
      emit: events.emit,
      vault: {
        kind: 'passphrase',
        ...(options.vaultPassphrase ? { passphrase: options.vaultPassphrase } : {}),
      },
      endpointOverrides: options.endpointOverrides ?? false,
      ...(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}),
    })

  let allowedHosts = new Set<string>()
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value)
    route(request, response).catch((error: unknown) => {
      options.log.error('web.request-failed', { path: pathOf(request), error })
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal error.' })
      else response.destroy()
    })
  })

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const verdict = checkHostAndOrigin(request, allowedHosts)
    if (!verdict.ok) {
      options.log.warn('web.request-refused', { reason: verdict.reason, path: pathOf(request) })
      return sendJson(response, verdict.status, { error: verdict.reason })
    }
    const url = new URL(request.url ?? '/', 'http://placeholder')
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      response.setHeader('Cache-Control', 'no-store')
      return routeApi(request, response, url)
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return sendJson(response, 405, { error: 'Method not allowed.' })
    }
    const lookup = await resolveStaticFile(options.rendererDir, url.pathname)
    if (!lookup.ok) return sendJson(response, lookup.status, { error: 'Not found.' })
    sendFile(response, lookup, request.method === 'HEAD')
  }

  const routeApi = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (url.pathname === '/api/events' && request.method === 'GET') {
      if (!events.redeemTicket(url.searchParams.get('ticket'))) {
        return sendJson(response, 401, { error: 'Missing, used or expired event ticket.' })
      }
      return events.attach(response)
    }
    if (!secretsEqual(token, bearerToken(request))) {
      return sendJson(response, 401, { error: 'Missing or wrong token.' })
    }
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST')
      return sendJson(response, 405, { error: 'Method not allowed.' })
    }
    if (url.pathname === '/api/events/ticket') {
      return sendJson(response, 200, { ticket: events.issueTicket() })
    }
    if (!url.pathname.startsWith(INVOKE_PREFIX))
      return sendJson(response, 404, { error: 'Not found.' })
    const channel = safeDecode(url.pathname.slice(INVOKE_PREFIX.length))
    let raw: unknown
    try {
      raw = parseJsonBody(await readBody(request, bodyLimit(channel)))
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return sendJson(response, 413, { error: error.message })
      return sendJson(response, 200, {
        ok: false,
        error: { code: 'invalid-input', message: 'The request body is not valid JSON.' },
      })
    }
    const result = await invokeChannel(handlers, channel, raw, options.log, {
      checkOutput: options.checkOutput ?? false,
    })
    sendJson(response, 200, result)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  allowedHosts = allowedHostHeaders(bindHost, address.port)
  const origin = `http://${bindHost === '::1' ? '[::1]' : bindHost}:${address.port}`

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port: address.port,
    address,
    token,
    events,
    close: () => closeServer(server, events),
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    // Malformed escapes name no channel; invokeChannel answers unknown-channel.
    return segment
  }
}

function parseJsonBody(text: string): unknown {
  // Channels without input (app:info, workspaces:list) are called with an empty body.
  if (text.trim() === '') return undefined
  return JSON.parse(text) as unknown
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  })
  response.end(text)
}

function pathOf(request: IncomingMessage): string {
  // The query may hold an event ticket; it never goes to the log.
  return (request.url ?? '/').split('?')[0] ?? '/'
}

function closeServer(server: Server, events: EventHub): Promise<void> {
  events.close()
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
