/**
 * Reads raw Okta JSON through the SDK's authenticated `http` layer (SSWS or OAuth bearer,
 * our request executor underneath) and follows `Link: rel="next"` verbatim. The generated
 * model classes are bypassed on purpose: the snapshot keeps records exactly as the API
 * returned them, custom profile attributes and `_links` included.
 * https://developer.okta.com/docs/api/#pagination
 */
import type { RawRecord } from '../../shared/model/snapshot'
import type { RequestStats } from '../entra/graph-client'
import { ApiError } from '../net/api-error'
import { parseLinkHeader } from '../net/link-header'
import { createLoopGuard, pageRecords } from '../net/paging'
import { redactSecretFields } from '../net/redact'
import { AbortedError, isAbortError, sleep as defaultSleep, type Sleep } from '../net/retry'
import { DEFAULT_MAX_RETRIES, isTransientNetworkError, retryDelay } from '../net/transient'
import type { PacedRequestExecutor } from './request-executor'
import { sdkGet, type OktaSdkClient, type SdkFetchResponse } from './sdk-adapter'

/** Raw JSON reads of the Okta API (one object, or every page of a list). */
export interface OktaReader {
  getJson: (pathOrUrl: string, stats?: RequestStats) => Promise<unknown>
  /** `onPage` also gets the page's `next` link (a polling query's continuation) */
  forEachPage: (
    pathOrUrl: string,
    onPage: (records: RawRecord[], next: string | undefined) => void | Promise<void>,
    stats?: RequestStats,
  ) => Promise<number>
}

/** Creates a reader over the SDK client; links off the org's origin are refused. */
export function createOktaReader(options: {
  client: OktaSdkClient
  executor: PacedRequestExecutor
  orgUrl: string
  signal?: AbortSignal
  maxRetries?: number
  sleep?: Sleep
  /**
   * The Entra credential key IDs known so far: a GUID-shaped secret Okta returns is
   * recorded by the key ID it equals (see net/redact.ts)
   */
  secretKeyIds?: () => readonly string[]
}): OktaReader {
  const sleep = options.sleep ?? defaultSleep
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES.okta
  const toUrl = (p: string): string =>
    /^https?:\/\//i.test(p) ? p : `${options.orgUrl}${p.startsWith('/') ? '' : '/'}${p}`
  // the executor reports SDK-level waits (429 backoff, 5xx retries) against the resource reading the URL
  const statsByUrl = new Map<string, RequestStats>()
  options.executor.currentStats = (url) => statsByUrl.get(url)

  const origin = new URL(options.orgUrl).origin
  const fetchJson = async (
    url: string,
    stats?: RequestStats,
  ): Promise<{ json: unknown; link?: string }> => {
    // Link headers are absolute: the API token must never be sent to another origin
    if (new URL(url).origin !== origin) {
      throw new ApiError('okta', 0, 'foreign_link', `Refusing to follow a link outside ${origin}.`)
    }
    let attempt = 0
    for (;;) {
      if (options.signal?.aborted) throw new AbortedError()
      if (stats) statsByUrl.set(url, stats)
      let response: SdkFetchResponse
      let text: string
      try {
        response = await sdkGet(options.client, url)
        text = await response.text()
      } catch (error) {
        if (isAbortError(error) || options.signal?.aborted) throw new AbortedError()
        // a body cut off mid-stream surfaces here, after the executor's own retries
        if (isTransientNetworkError(error) && attempt < maxRetries) {
          if (stats) stats.retries++
          await sleep(retryDelay(attempt++, {}), options.signal)
          continue
        }
        throw toOktaError(error)
      } finally {
        statsByUrl.delete(url)
      }
      try {
        return {
          json: redactSecretFields(JSON.parse(text) as unknown, options.secretKeyIds?.() ?? []),
          ...(response.headers.get('link') ? { link: response.headers.get('link') ?? '' } : {}),
        }
      } catch {
        if (attempt < maxRetries) {
          if (stats) stats.retries++
          await sleep(retryDelay(attempt++, {}), options.signal)
          continue
        }
        throw new ApiError(
          'okta',
          response.status,
          'malformed_response',
          'Okta returned a response that is not valid JSON.',
        )
      }
    }
  }

  return {
    getJson: async (p, stats) => (await fetchJson(toUrl(p), stats)).json,
    forEachPage: async (p, onPage, stats) => {
      let next: string | undefined = toUrl(p)
      let pages = 0
      const guard = createLoopGuard('okta')
      while (next) {
        guard(next)
        const { json, link } = await fetchJson(next, stats)
        pages++
        next = parseLinkHeader(link).next
        await onPage(pageRecords('okta', json), next)
      }
      return pages
    },
  }
}

/** SDK errors (`OktaApiError`, `HttpError`, node-fetch `FetchError`) → `ApiError('okta')`. */
export function toOktaError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const e = error as {
    status?: number
    errorCode?: string
    errorSummary?: string
    code?: string
    message?: string
    name?: string
    error?: string
    error_description?: string
  }
  if (typeof e.errorCode === 'string') {
    return new ApiError('okta', e.status ?? 0, e.errorCode, e.errorSummary ?? e.errorCode)
  }
  const url = (error as { url?: unknown }).url
  if (e.name === 'OktaApiError' && typeof url === 'string' && url.includes('/oauth2/v1/token')) {
    // the org authorization server answers OAuth errors ({error, error_description}), not E0000 bodies
    return new ApiError(
      'okta',
      e.status ?? 0,
      'invalid_client',
      'The Okta token endpoint rejected the service app’s client assertion.',
    )
  }
  if (typeof e.status === 'number') {
    // HttpError: a non-JSON body (an HTML page: not an Okta API, or a proxy)
    return new ApiError(
      'okta',
      e.status,
      `http_${e.status}`,
      `The server answered HTTP ${e.status} with a body that is not an Okta API error.`,
    )
  }
  if (typeof e.code === 'string') {
    return new ApiError('okta', 0, e.code, networkMessage(e.code))
  }
  return new ApiError('okta', 0, 'error', 'The Okta request failed.')
}

function networkMessage(code: string): string {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'The Okta org host name could not be resolved (DNS).'
    case 'ECONNREFUSED':
      return 'The Okta org refused the connection.'
    case 'ECONNRESET':
      return 'The connection to Okta was reset.'
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'The Okta server certificate is not trusted (add its CA with caFile).'
    default:
      return `Network failure talking to Okta (${code}).`
  }
}

/** The latest `lastUpdated` among records (ISO-8601), used as the next refresh mark. */
export function latestLastUpdated(
  records: readonly RawRecord[],
  floor?: string,
): string | undefined {
  let best = floor
  for (const r of records) {
    const v = r.lastUpdated
    if (typeof v === 'string' && (best === undefined || Date.parse(v) > Date.parse(best))) best = v
  }
  return best
}

/** The page size a list path asks for (`limit=`); Okta's default of 200 otherwise. */
export function pageSize(path: string): number {
  const limit = Number(/[?&]limit=(\d+)/.exec(path)?.[1])
  return Number.isFinite(limit) && limit > 0 ? limit : 200
}
