/**
 * The Okta SDK's request executor with our transport underneath: the profile's CA trusted
 * in code (the keep-alive `https.Agent({ ca })` of `createHttpClient`, api-facts fact 20),
 * pacing under a share of each rate-limit bucket, and bounded retries of 5xx answers and
 * dropped connections. 429s keep the SDK's own semantics (`DefaultRequestExecutor`
 * `parseResponse`: wait `X-Rate-Limit-Reset − Date + 1 s`, at most `maxRetries` times).
 *
 * Why not the SDK's node-fetch transport: node-fetch v2 never settles a body whose
 * connection drops after the headers when `Content-Length` is set, so a reset mid-body
 * hangs the collection. Our sender detects it and the request is retried.
 */
import type { RequestStats } from '../entra/graph-client'
import { NetworkError, type HttpResponse, type HttpSend } from '../net/http'
import { AbortedError, sleep as defaultSleep, type Sleep } from '../net/retry'
import {
  DEFAULT_MAX_RETRIES,
  MAX_RETRY_WAIT_MS,
  isTransientNetworkError,
  isTransientStatus,
  retryDelay,
} from '../net/transient'
import type { Pacer } from './pacer'
import { SdkRequestExecutor, type SdkRequest, type SdkResponse } from './sdk-adapter'

/** Options of `PacedRequestExecutor`. */
export interface PacedExecutorOptions {
  send: HttpSend
  pacer: Pacer
  /** SDK 429 retries and our 5xx/reset retries; default 4 */
  maxRetries?: number
  sleep?: Sleep
  random?: () => number
  signal?: AbortSignal
  /** per-request timeout in ms; default 120 000 */
  timeoutMs?: number
}

function toSdkResponse(url: string, r: HttpResponse): SdkResponse {
  const headers = new Headers()
  for (const [name, value] of Object.entries(r.headers)) headers.set(name, value)
  return {
    status: r.status,
    ok: r.status >= 200 && r.status < 300,
    url,
    headers,
    text: async () => r.body,
    json: async () => JSON.parse(r.body) as unknown,
    buffer: async () => Buffer.from(r.body, 'utf8'),
  }
}

/** A request executor for one collection run. `currentStats` attributes waits to a resource. */
export class PacedRequestExecutor extends SdkRequestExecutor {
  private readonly options: PacedExecutorOptions
  private readonly sleepFn: Sleep
  private readonly retryLimit: number
  currentStats: ((url: string) => RequestStats | undefined) | undefined

  constructor(options: PacedExecutorOptions) {
    super({ maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES.okta })
    this.options = options
    this.sleepFn = options.sleep ?? defaultSleep
    this.retryLimit = options.maxRetries ?? DEFAULT_MAX_RETRIES.okta
    this.onSdkBackoff((request) => {
      const stats = this.currentStats?.(request.url)
      if (stats) stats.throttleWaits++
    })
  }

  override async fetch(request: SdkRequest): Promise<SdkResponse> {
    const { pacer, signal } = this.options
    this.markStarted(request)
    let attempt = 0
    for (;;) {
      if (signal?.aborted) throw new AbortedError()
      await pacer.before(request.url, signal)
      let response: SdkResponse
      try {
        const headers: Record<string, string> = {}
        for (const [k, v] of Object.entries(request.headers ?? {}))
          if (v !== undefined) headers[k] = String(v)
        const r = await this.options.send({
          method: (request.method ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET',
          url: request.url,
          headers,
          ...(typeof request.body === 'string' ? { body: request.body } : {}),
          ...(signal ? { signal } : {}),
          timeoutMs: this.options.timeoutMs ?? 120_000,
        })
        response = toSdkResponse(request.url, r)
      } catch (error) {
        pacer.after(request.url, new Headers())
        if (signal?.aborted) throw new AbortedError()
        if (
          error instanceof NetworkError &&
          isTransientNetworkError(error) &&
          attempt < this.retryLimit
        ) {
          await this.retryWait(request, attempt++)
          continue
        }
        throw error
      }
      pacer.after(request.url, response.headers)
      // a reset further away than any wait we accept is treated as no reset at all
      if (
        response.status === 429 &&
        this.canTimeRetry(response) &&
        this.sdkRetryDelayMs(response) > MAX_RETRY_WAIT_MS
      ) {
        response.headers.delete('x-rate-limit-reset')
      }
      if (isTransientStatus(response.status) && attempt < this.retryLimit) {
        await this.retryWait(request, attempt++)
        continue
      }
      // a 429 the SDK cannot time (no X-Rate-Limit-Reset or Date, or a duplicated reset header)
      // gets our bounded backoff; with usable headers the SDK waits and calls this.fetch again
      if (response.status === 429 && !this.canTimeRetry(response) && attempt < this.retryLimit) {
        const stats = this.currentStats?.(request.url)
        if (stats) stats.throttleWaits++
        await this.sleepFn(retryDelay(attempt++, this.options), this.options.signal)
        continue
      }
      return this.handOver(request, response)
    }
  }

  private async retryWait(request: SdkRequest, attempt: number): Promise<void> {
    const stats = this.currentStats?.(request.url)
    if (stats) stats.retries++
    await this.sleepFn(retryDelay(attempt, this.options), this.options.signal)
  }
}
