/**
 * The Okta SDK's request executor with three additions: the profile's CA trusted in code
 * (`request.agent = new https.Agent({ ca })`, api-facts fact 20), pacing under a share of each
 * rate-limit bucket, and bounded retries of 5xx answers and dropped connections. 429s keep
 * the SDK's own semantics (`DefaultRequestExecutor`: wait `X-Rate-Limit-Reset − Date + 1 s`,
 * at most `maxRetries` times).
 */
import type * as https from 'node:https'
import { DefaultRequestExecutor } from '@okta/okta-sdk-nodejs'
import type { RequestStats } from '../entra/graph-client'
import { AbortedError, backoffDelay, sleep as defaultSleep, type Sleep } from '../net/retry'
import type { Pacer } from './pacer'

interface SdkRequest {
  url: string
  method?: string
  headers?: Record<string, unknown>
  agent?: unknown
  [key: string]: unknown
}

interface SdkResponse {
  status: number
  headers: { get: (name: string) => string | null }
}

export interface PacedExecutorOptions {
  agent: https.Agent
  pacer: Pacer
  /** SDK 429 retries and our 5xx/reset retries; default 4 */
  maxRetries?: number
  sleep?: Sleep
  random?: () => number
  signal?: AbortSignal
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504])
const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED'])

/** A request executor for one collection run. `statsFor` attributes waits to a resource. */
export class PacedRequestExecutor extends DefaultRequestExecutor {
  private readonly options: PacedExecutorOptions
  private readonly sleepFn: Sleep
  private readonly retryLimit: number
  /** stats of the resource currently reading each URL (set by the page reader) */
  readonly stats = new WeakMap<object, RequestStats>()
  currentStats: ((url: string) => RequestStats | undefined) | undefined

  constructor(options: PacedExecutorOptions) {
    super({ maxRetries: options.maxRetries ?? 4, requestTimeout: 0 })
    this.options = options
    this.sleepFn = options.sleep ?? defaultSleep
    this.retryLimit = options.maxRetries ?? 4
    this.on('backoff', (request: SdkRequest) => {
      const stats = this.currentStats?.(request.url)
      if (stats) stats.throttleWaits++
    })
  }

  override async fetch(request: SdkRequest): Promise<SdkResponse> {
    const { pacer, signal } = this.options
    let attempt = 0
    for (;;) {
      if (signal?.aborted) throw new AbortedError()
      await pacer.before(request.url, signal)
      request.agent = this.options.agent
      if (signal) request.signal = signal
      let response: SdkResponse
      try {
        response = (await super.fetch(request)) as SdkResponse
      } catch (error) {
        pacer.after(request.url, { get: () => null })
        if (signal?.aborted) throw new AbortedError()
        const code = (error as { code?: string }).code
        if (code && TRANSIENT_CODES.has(code) && attempt < this.retryLimit) {
          await this.retryWait(request, attempt++)
          continue
        }
        throw error
      }
      pacer.after(request.url, response.headers)
      if (RETRYABLE_STATUS.has(response.status) && attempt < this.retryLimit) {
        await this.retryWait(request, attempt++)
        continue
      }
      return response
    }
  }

  private async retryWait(request: SdkRequest, attempt: number): Promise<void> {
    const stats = this.currentStats?.(request.url)
    if (stats) stats.retries++
    await this.sleepFn(backoffDelay(attempt, { random: this.options.random }), this.options.signal)
  }
}
