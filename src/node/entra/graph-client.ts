/**
 * A small Microsoft Graph client: bearer token from an injected provider, `@odata.nextLink`
 * paging, `Retry-After` (fractional seconds) on 429 with exponential backoff when it is
 * absent, bounded retries of 5xx, resets and cut-off bodies, one token re-acquisition on 401.
 * https://learn.microsoft.com/graph/paging · https://learn.microsoft.com/graph/throttling
 */
import type { RawRecord } from '../../shared/model/snapshot'
import { ApiError } from '../net/api-error'
import { NetworkError, type HttpSend } from '../net/http'
import { createLoopGuard, pageRecords } from '../net/paging'
import { redactSecretFields } from '../net/redact'
import { AbortedError, sleep as defaultSleep, type Sleep } from '../net/retry'
import {
  DEFAULT_MAX_RETRIES,
  isTransientNetworkError,
  isTransientStatus,
  retryDelay,
} from '../net/transient'

/** Counters a caller passes to attribute waits and retries to one resource. */
export interface RequestStats {
  throttleWaits: number
  retries: number
}

/** Options of `createGraphClient`. */
export interface GraphClientOptions {
  /** Graph root including the version, e.g. https://graph.microsoft.com/v1.0 */
  graphRoot: string
  send: HttpSend
  getToken: (forceRefresh: boolean) => Promise<string>
  /** attempts after the first for 429/5xx/network failures; default 8 */
  maxRetries?: number
  sleep?: Sleep
  random?: () => number
  /** per-request timeout in ms; default 120 000 */
  timeoutMs?: number
}

/** One page of a Graph collection. */
export interface GraphPage {
  value: RawRecord[]
  nextLink?: string
  deltaLink?: string
}

/** Per-request options: cancellation, counters, extra headers, a pre-request gate. */
export interface GraphRequestOptions {
  signal?: AbortSignal
  stats?: RequestStats
  headers?: Record<string, string>
  /** awaited before every attempt (the audit-log rate window) */
  beforeRequest?: (signal?: AbortSignal) => Promise<unknown>
}

/** Graph access used by the collector and the doctor. */
export interface GraphClient {
  /** true when `url` is on the Graph root's origin (tokens are only ever sent there) */
  isOwnUrl: (url: string) => boolean
  /** GET a path (relative to the Graph root) or an absolute nextLink; returns the JSON body */
  get: (pathOrUrl: string, options?: GraphRequestOptions) => Promise<Record<string, unknown>>
  /**
   * GETs a collection's `/$count` (text/plain) with `ConsistencyLevel: eventual`, as Graph
   * requires: the number of objects, for progress totals (delta pages carry no count).
   * https://learn.microsoft.com/graph/api/user-list#example-3-get-only-a-count-of-users
   */
  count: (path: string, options?: GraphRequestOptions) => Promise<number>
  /** GETs every page of a collection, calling `onPage` per page; returns the final delta link */
  forEachPage: (
    pathOrUrl: string,
    onPage: (page: GraphPage) => void | Promise<void>,
    options?: GraphRequestOptions,
  ) => Promise<{ deltaLink?: string; pages: number }>
}

/** Creates a Graph client over an injected sender and token provider (stubbed in unit tests). */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES.graph
  const sleep = options.sleep ?? defaultSleep
  const root = options.graphRoot.replace(/\/+$/, '')
  const origin = new URL(root).origin
  const isOwnUrl = (url: string): boolean => {
    try {
      return new URL(url).origin === origin
    } catch {
      return false
    }
  }
  const toUrl = (p: string): string =>
    /^https?:\/\//i.test(p) ? p : `${root}/${p.replace(/^\/+/, '')}`

  const get = (pathOrUrl: string, req: GraphRequestOptions = {}) =>
    request(pathOrUrl, req, 'application/json', (body) => {
      const json: unknown = JSON.parse(body)
      return json !== null && typeof json === 'object' && !Array.isArray(json)
        ? redactSecretFields(json as Record<string, unknown>)
        : undefined
    })

  const count: GraphClient['count'] = (path, req = {}) =>
    request(
      `${path.replace(/\/+$/, '')}/$count`,
      { ...req, headers: { consistencylevel: 'eventual', ...req.headers } },
      'text/plain',
      (body) => (/^\s*\d+\s*$/.test(body) ? Number(body) : undefined),
    )

  /** One GET with retries; `parse` returns undefined for a body that is cut off or malformed. */
  const request = async <T>(
    pathOrUrl: string,
    req: GraphRequestOptions,
    accept: string,
    parse: (body: string) => T | undefined,
  ): Promise<T> => {
    const url = toUrl(pathOrUrl)
    // nextLinks and stored delta links are absolute: never send the bearer token elsewhere
    if (!isOwnUrl(url))
      throw new ApiError('entra', 0, 'foreign_link', `Refusing to follow a link outside ${origin}.`)
    let attempt = 0
    let refreshed = false
    let forceRefresh = false
    for (;;) {
      if (req.signal?.aborted) throw new AbortedError()
      await req.beforeRequest?.(req.signal)
      const token = await options.getToken(forceRefresh)
      forceRefresh = false
      let status: number
      let headers: Record<string, string>
      let body: string
      try {
        const response = await options.send({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${token}`, accept, ...req.headers },
          ...(req.signal ? { signal: req.signal } : {}),
          timeoutMs: options.timeoutMs ?? 120_000,
        })
        ;({ status, headers, body } = response)
      } catch (error) {
        if (req.signal?.aborted) throw new AbortedError()
        if (
          error instanceof NetworkError &&
          attempt < maxRetries &&
          isTransientNetworkError(error)
        ) {
          await retryWait(attempt++, req)
          continue
        }
        const e = error as NetworkError
        throw new ApiError('entra', 0, e.code ?? 'network_error', e.message)
      }
      if (status >= 200 && status < 300) {
        try {
          const parsed = parse(body)
          if (parsed !== undefined) return parsed
        } catch {
          // falls through to the retry below: a cut-off body is a transient transport fault
        }
        if (attempt < maxRetries) {
          await retryWait(attempt++, req)
          continue
        }
        throw new ApiError(
          'entra',
          status,
          'malformed_response',
          accept === 'text/plain'
            ? 'Graph returned a count that is not a number.'
            : 'Graph returned a response that is not valid JSON.',
        )
      }
      if (status === 401 && !refreshed) {
        refreshed = true
        forceRefresh = true
        continue
      }
      if (status === 429 && attempt < maxRetries) {
        const wait = retryDelay(attempt, options, headers['retry-after'])
        attempt++
        if (req.stats) req.stats.throttleWaits++
        await sleep(wait, req.signal)
        continue
      }
      if (isTransientStatus(status) && attempt < maxRetries) {
        if (req.stats) req.stats.retries++
        await sleep(retryDelay(attempt, options, headers['retry-after']), req.signal)
        attempt++
        continue
      }
      throw graphError(status, headers, body)
    }
  }

  const retryWait = async (attempt: number, req: GraphRequestOptions): Promise<void> => {
    if (req.stats) req.stats.retries++
    await sleep(retryDelay(attempt, options), req.signal)
  }

  const forEachPage: GraphClient['forEachPage'] = async (pathOrUrl, onPage, req = {}) => {
    let next: string | undefined = pathOrUrl
    let pages = 0
    let deltaLink: string | undefined
    const guard = createLoopGuard('entra')
    while (next) {
      guard(next)
      const json = await get(next, req)
      pages++
      const value = pageRecords('entra', json.value)
      const nextLink =
        typeof json['@odata.nextLink'] === 'string' ? json['@odata.nextLink'] : undefined
      const dl = typeof json['@odata.deltaLink'] === 'string' ? json['@odata.deltaLink'] : undefined
      if (dl) deltaLink = dl
      await onPage({ value, ...(nextLink ? { nextLink } : {}), ...(dl ? { deltaLink: dl } : {}) })
      next = nextLink
    }
    return { ...(deltaLink ? { deltaLink } : {}), pages }
  }

  return { get, count, forEachPage, isOwnUrl }
}

/** Builds an `ApiError` from a Graph error body `{error:{code,message,innerError}}`. */
export function graphError(
  status: number,
  headers: Record<string, string>,
  body: string,
): ApiError {
  let code = `http_${status}`
  let message = `Graph answered HTTP ${status}.`
  try {
    const json = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } }
    if (typeof json.error?.code === 'string') code = json.error.code
    if (typeof json.error?.message === 'string') message = json.error.message
  } catch {
    // a non-JSON error page keeps the generic message
  }
  return new ApiError('entra', status, code, message, headers['request-id'])
}
