/**
 * Every reach into `@okta/okta-sdk-nodejs` beyond its documented surface, in one file, so
 * an SDK upgrade has one place to check (`tests/unit/node/okta/sdk-adapter.test.ts` pins
 * the version these were read against and fails when one of them moves):
 *
 * 1. `new Client(config)` with fields its types do not list (`cacheMiddleware: null`,
 *    `requestExecutor`, `userAgent`) and every field the ConfigLoader reads given explicitly;
 * 2. `client.http.http(url, request)`: the authenticated raw request (SSWS or OAuth bearer)
 *    that returns the fetch `Response` before any model class touches the JSON;
 * 3. `DefaultRequestExecutor`'s 429 handling: `validateRetryResponseHeaders`,
 *    `getRetryDelayMs`, `parseResponse` (waits `X-Rate-Limit-Reset − Date + 1 s` and calls
 *    `fetch` again) and its `backoff` event;
 * 4. `request.startTime` / `request.timeout`, which `parseResponse` reads;
 * 5. `client.oauth.accessToken.scope`: the scopes the org granted a service app.
 */
import { Client, DefaultRequestExecutor } from '@okta/okta-sdk-nodejs'

/** The SDK version the reaches above were read against. */
export const VERIFIED_SDK_VERSION = '8.1.0'

/** The SDK client; callers pass it back to this file's functions only. */
export type OktaSdkClient = Client

/** Every configuration field the SDK's ConfigLoader reads, plus our transport. */
export interface SdkClientConfig {
  orgUrl: string
  authorizationMode: 'SSWS' | 'PrivateKey'
  token: string
  clientId: string
  scopes: string
  privateKey: string
  keyId: string
  requestExecutor: SdkRequestExecutor
  userAgent: string
}

/** Builds the client with its GET cache off (`cacheMiddleware: null`): every read is fresh. */
export function createSdkClient(config: SdkClientConfig): OktaSdkClient {
  const full = { ...config, cacheMiddleware: null }
  return new Client(full as unknown as ConstructorParameters<typeof Client>[0])
}

/** The part of a fetch `Response` our reader uses. */
export interface SdkFetchResponse {
  status: number
  headers: { get: (name: string) => string | null }
  text: () => Promise<string>
}

/** An authenticated GET through the SDK's own `http` layer (token or OAuth, executor below). */
export function sdkGet(client: OktaSdkClient, url: string): Promise<SdkFetchResponse> {
  const http = client.http as unknown as {
    http: (
      uri: string,
      request: { method: string; headers: Record<string, string> },
    ) => Promise<SdkFetchResponse>
  }
  return http.http(url, { method: 'get', headers: { Accept: 'application/json' } })
}

/** The scopes in the service app's access token, when the client signs in with OAuth. */
export function grantedScopes(client: OktaSdkClient): string[] | undefined {
  const scope = (client as unknown as { oauth?: { accessToken?: { scope?: unknown } } }).oauth
    ?.accessToken?.scope
  return typeof scope === 'string' ? scope.split(/\s+/).filter(Boolean).sort() : undefined
}

/** A request as the SDK hands it to an executor. */
export interface SdkRequest {
  url: string
  method?: string
  headers?: Record<string, unknown>
  body?: unknown
  [key: string]: unknown
}

/** The subset of a fetch `Response` the SDK reads from an executor's answer. */
export interface SdkResponse {
  status: number
  ok: boolean
  url: string
  headers: Headers
  text: () => Promise<string>
  json: () => Promise<unknown>
  buffer: () => Promise<Buffer>
}

/**
 * The SDK's request executor with its internals behind named methods. A subclass
 * implements `send` (the transport) and keeps the SDK's 429 semantics through
 * `canTimeRetry` and `handOver`.
 */
export abstract class SdkRequestExecutor extends DefaultRequestExecutor {
  constructor(options: { maxRetries: number }) {
    // our own timeouts bound each request; the SDK's overall timeout is off
    super({ maxRetries: options.maxRetries, requestTimeout: 0 })
  }

  /** Called for every 429 the SDK waits on itself, before the wait. */
  protected onSdkBackoff(listener: (request: SdkRequest) => void): void {
    this.on('backoff', (request: SdkRequest) => listener(request))
  }

  /** Marks a request's first attempt the way `parseResponse` expects (no overall timeout). */
  protected markStarted(request: SdkRequest): void {
    if (!request['startTime']) {
      request['startTime'] = new Date()
      request['timeout'] = 0
    }
  }

  /** True when the SDK can time a 429 itself (one `X-Rate-Limit-Reset` and a `Date`). */
  protected canTimeRetry(response: SdkResponse): boolean {
    return this.validateRetryResponseHeaders(response as never)
  }

  /** The wait the SDK would take before retrying a timed 429 (`X-Rate-Limit-Reset − Date + 1 s`). */
  protected sdkRetryDelayMs(response: SdkResponse): number {
    return this.getRetryDelayMs(response as never)
  }

  /** Gives a response to the SDK: a timed 429 is waited on and fetched again, the rest returned. */
  protected async handOver(request: SdkRequest, response: SdkResponse): Promise<SdkResponse> {
    return (await this.parseResponse(request as never, response as never)) as unknown as SdkResponse
  }
}
