/**
 * A small HTTPS client on `node:https` that trusts an extra CA in code (no process-wide
 * environment variables), keeps connections alive, and never throws on an HTTP status:
 * callers decide what a 4xx or 5xx means. Used by the Graph layer and msal's network client.
 */
import * as https from 'node:https'
import * as http from 'node:http'
import { createSecureContext, rootCertificates } from 'node:tls'

/** One HTTP exchange. `body` is the full response text (UTF-8). */
export interface HttpResponse {
  status: number
  /** lowercased header names; repeated headers joined with ", " */
  headers: Record<string, string>
  body: string
}

/** One request; `body` is sent as given (a form or JSON string). */
export interface HttpRequest {
  method: 'GET' | 'POST'
  url: string
  headers?: Record<string, string>
  body?: string
  signal?: AbortSignal
  /** abort the exchange after this many milliseconds (0 or absent: no limit) */
  timeoutMs?: number
  /** refuse a response body longer than this; default {@link MAX_RESPONSE_BYTES} */
  maxBodyBytes?: number
}

/**
 * The longest response body read: far above any real page (a Graph page of 999 users or an
 * Okta page of 1,000 log events is a few MiB), so a broken or hostile server cannot make
 * the collector buffer without end.
 */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024

/** Sends one request; rejects only on a network failure (DNS, TLS, reset, abort, timeout). */
export type HttpSend = (request: HttpRequest) => Promise<HttpResponse>

/** Options of `createHttpClient`. */
export interface HttpClientOptions {
  /** extra CA certificates (PEM) trusted for these requests only, added to Node's default roots */
  ca?: string
  /** at most this many sockets per host (bounds parallelism); default 16 */
  maxSockets?: number
}

/** A network failure (no HTTP status): DNS, TLS, connection reset, timeout or abort. */
export class NetworkError extends Error {
  constructor(
    message: string,
    /** Node's error code, e.g. ECONNRESET, ENOTFOUND, CERT_HAS_EXPIRED, ABORT_ERR */
    readonly code: string,
  ) {
    super(message)
    this.name = 'NetworkError'
  }
}

/** Creates a sender bound to one keep-alive agent that trusts `ca` on top of the default roots. */
export function createHttpClient(options: HttpClientOptions = {}): {
  send: HttpSend
  agent: https.Agent
  close: () => void
} {
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: options.maxSockets ?? 16,
    // `ca` replaces Node's roots, so the extra CA is appended to them rather than used alone;
    // one secure context for the agent spares re-parsing ~140 roots on every handshake.
    ...(options.ca
      ? { secureContext: createSecureContext({ ca: [...tlsRootCertificates(), options.ca] }) }
      : {}),
  })
  const send: HttpSend = (request) => sendWith(agent, request)
  return { send, agent, close: () => agent.destroy() }
}

function tlsRootCertificates(): string[] {
  return [...rootCertificates]
}

function sendWith(agent: https.Agent, request: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    if (request.signal?.aborted) {
      reject(new NetworkError('The request was cancelled.', 'ABORT_ERR'))
      return
    }
    const url = new URL(request.url)
    const lib = url.protocol === 'http:' ? http : https
    const headers: Record<string, string> = { ...request.headers }
    if (request.body !== undefined)
      headers['content-length'] = String(Buffer.byteLength(request.body))
    const req = lib.request(
      url,
      { method: request.method, headers, ...(url.protocol === 'https:' ? { agent } : {}) },
      (res) => {
        const chunks: Buffer[] = []
        let size = 0
        const max = request.maxBodyBytes ?? MAX_RESPONSE_BYTES
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > max) {
            req.destroy(
              Object.assign(new Error('response too large'), { code: 'ERESPONSETOOLARGE' }),
            )
            return
          }
          chunks.push(chunk)
        })
        res.on('error', (error: NodeJS.ErrnoException) => fail(error))
        res.on('aborted', () =>
          fail(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })),
        )
        res.on('end', () => {
          if (!res.complete) {
            fail(Object.assign(new Error('response ended early'), { code: 'ECONNRESET' }))
            return
          }
          const out: Record<string, string> = {}
          for (const [name, value] of Object.entries(res.headers)) {
            if (value === undefined) continue
            out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
          }
          cleanup()
          resolve({
            status: res.statusCode ?? 0,
            headers: out,
            body: Buffer.concat(chunks).toString('utf8'),
          })
        })
      },
    )
    let timer: NodeJS.Timeout | undefined
    const onAbort = (): void => {
      req.destroy(Object.assign(new Error('The request was cancelled.'), { code: 'ABORT_ERR' }))
    }
    const cleanup = (): void => {
      if (timer) clearTimeout(timer)
      request.signal?.removeEventListener('abort', onAbort)
    }
    const fail = (error: NodeJS.ErrnoException): void => {
      cleanup()
      reject(new NetworkError(describeNetworkError(error), error.code ?? 'ENETWORK'))
    }
    request.signal?.addEventListener('abort', onAbort, { once: true })
    if (request.timeoutMs && request.timeoutMs > 0) {
      timer = setTimeout(() => {
        req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }))
      }, request.timeoutMs)
    }
    req.on('error', (error: NodeJS.ErrnoException) => fail(error))
    if (request.body !== undefined) req.write(request.body)
    req.end()
  })
}

/** Plain words for a Node network error; never includes request headers or bodies. */
export function describeNetworkError(error: NodeJS.ErrnoException): string {
  const host = (error as { hostname?: string }).hostname
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host name${host ? ` ${host}` : ''} could not be resolved (DNS).`
    case 'ECONNREFUSED':
      return 'The server refused the connection.'
    case 'ECONNRESET':
    case 'EPIPE':
      return 'The connection was reset by the server.'
    case 'ETIMEDOUT':
      return 'The request timed out.'
    case 'ABORT_ERR':
      return 'The request was cancelled.'
    case 'ERESPONSETOOLARGE':
      return `The server sent a response larger than ${MAX_RESPONSE_BYTES / (1024 * 1024)} MiB; it was not read.`
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return 'The server certificate is not trusted (add its CA with caFile).'
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'The server certificate does not match the host name.'
    default:
      return `Network failure (${error.code ?? 'unknown'}).`
  }
}
