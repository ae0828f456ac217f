/**
 * The HTTPS plumbing shared by the three listeners: request parsing, the request log,
 * fault application (latency, 429, 5xx, resets, malformed and slow bodies) and writing.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { FaultDecision, FaultEngine, Service } from './faults'

export interface EmuRequest {
  method: string
  /** absolute URL on the listener's own origin */
  url: URL
  /** decoded path, without query */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
  /** a fresh GUID for this response (request-id, x-ms-request-id, X-Okta-Request-Id) */
  requestId: string
  /** the caller's client-request-id header, when sent */
  clientRequestId: string | undefined
  origin: string
}

export interface EmuResponse {
  status: number
  headers?: Record<string, string | string[]>
  /** response text (JSON unless contentType says otherwise) */
  body?: string
  contentType?: string
}

export interface Route {
  /** stable route name for stats and fault seeding, e.g. "GET /v1.0/users" */
  key: string
  /** discovery, JWKS and token routes: reliable unless the `auth` fault is on */
  auth?: boolean
  handle: () => EmuResponse | Promise<EmuResponse>
}

export interface ServiceDefinition {
  service: Service
  resolve(req: EmuRequest): Route
  /** the service's throttling answer for an injected 429 */
  throttled(req: EmuRequest, decision: FaultDecision): EmuResponse
  /** the service's answer for an injected 5xx */
  serverError(req: EmuRequest): EmuResponse
  /** headers every response of the service carries */
  commonHeaders(req: EmuRequest, res: EmuResponse): Record<string, string | string[]>
}

export interface LogEntry {
  at: number
  service: Service
  method: string
  /** path and query as requested */
  url: string
  route: string
  status: number
  /** what the fault engine did, when anything */
  fault?: 'throttle' | 'serverError' | 'reset' | 'malformed'
}

/** Requests seen, for tests and benchmarks: the last `capacity` entries and per-route counts. */
export class RequestLog {
  readonly entries: LogEntry[] = []
  private readonly counts = new Map<string, number>()

  constructor(private readonly capacity = 20_000) {}

  add(entry: LogEntry): void {
    this.counts.set(entry.route, (this.counts.get(entry.route) ?? 0) + 1)
    this.entries.push(entry)
    if (this.entries.length > this.capacity)
      this.entries.splice(0, this.entries.length - this.capacity)
  }

  /** requests per route name, e.g. { "GET /v1.0/users": 12 } */
  stats(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)))
  }

  clear(): void {
    this.entries.length = 0
    this.counts.clear()
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export interface Listener {
  server: Server
  origin: string
  port: number
  close(): Promise<void>
}

export interface ListenOptions {
  key: string
  cert: string
  port: number
  /** resolved lazily: the origin is only known after listen */
  definition: () => ServiceDefinition
  faults: FaultEngine
  log: RequestLog
}

/** Starts one HTTPS listener on 127.0.0.1 (port 0 = any free port). */
export async function listen(options: ListenOptions): Promise<Listener> {
  let origin = ''
  const server = createServer({ key: options.key, cert: options.cert }, (req, res) => {
    void serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(`emulator error: ${error instanceof Error ? error.message : String(error)}`)
      } else res.destroy()
    })
  })
  server.keepAliveTimeout = 30_000

  async function serve(raw: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(raw)
    const url = new URL(raw.url ?? '/', origin)
    const clientRequestId = raw.headers['client-request-id']
    const req: EmuRequest = {
      method: (raw.method ?? 'GET').toUpperCase(),
      url,
      path: safeDecode(url.pathname),
      query: url.searchParams,
      headers: raw.headers,
      body,
      requestId: randomUUID(),
      clientRequestId: typeof clientRequestId === 'string' ? clientRequestId : undefined,
      origin,
    }
    const def = options.definition()
    const route = def.resolve(req)
    const decision = options.faults.decide(
      def.service,
      `${def.service} ${route.key}`,
      route.auth === true,
    )
    if (decision.delayMs > 0) await sleep(decision.delayMs)
    let fault: LogEntry['fault']
    let out: EmuResponse
    if (decision.throttle) {
      out = def.throttled(req, decision)
      fault = 'throttle'
    } else if (decision.serverError) {
      out = def.serverError(req)
      fault = 'serverError'
    } else {
      out = await route.handle()
    }
    const text = out.body ?? ''
    const headers: Record<string, string | string[]> = {
      ...def.commonHeaders(req, out),
      ...(text !== '' || out.contentType
        ? { 'content-type': out.contentType ?? 'application/json; charset=utf-8' }
        : {}),
      ...out.headers,
    }
    const payload = Buffer.from(text, 'utf8')
    const okJson = out.status < 300 && !out.contentType && payload.length > 2
    if (!fault && okJson && decision.reset) fault = 'reset'
    else if (!fault && okJson && decision.malformed) fault = 'malformed'
    options.log.add({
      at: Date.now(),
      service: def.service,
      method: req.method,
      url: raw.url ?? '/',
      route: route.key,
      status: out.status,
      ...(fault ? { fault } : {}),
    })
    if (fault === 'reset') {
      res.writeHead(out.status, { ...headers, 'content-length': String(payload.length) })
      res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.destroy())
      return
    }
    const sent =
      fault === 'malformed' ? payload.subarray(0, Math.floor(payload.length / 2)) : payload
    res.writeHead(out.status, { ...headers, 'content-length': String(sent.length) })
    if (decision.slowBodyMs > 0 && sent.length > 0) {
      const pieces = 10
      const size = Math.ceil(sent.length / pieces)
      for (let i = 0; i < sent.length; i += size) {
        if (res.destroyed) return
        res.write(sent.subarray(i, i + size))
        await sleep(decision.slowBodyMs / pieces)
      }
      res.end()
      return
    }
    res.end(sent)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  origin = `https://localhost:${port}`
  return {
    server,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/** JSON response helper. */
export const json = (
  status: number,
  value: unknown,
  headers?: Record<string, string>,
): EmuResponse => ({
  status,
  body: JSON.stringify(value),
  ...(headers ? { headers } : {}),
})
