/**
 * The SDK internals Crosswalk relies on, checked against the installed SDK. When the SDK is
 * upgraded this test fails first: re-read each reach listed in sdk-adapter.ts against the new
 * version, then move VERIFIED_SDK_VERSION.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createSdkClient,
  grantedScopes,
  sdkGet,
  SdkRequestExecutor,
  VERIFIED_SDK_VERSION,
  type SdkRequest,
  type SdkResponse,
} from '../../../../src/node/okta/sdk-adapter'

function installedVersion(): string {
  const require = createRequire(import.meta.url)
  const main = require.resolve('@okta/okta-sdk-nodejs')
  let dir = dirname(main)
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string
        version: string
      }
      if (pkg.name === '@okta/okta-sdk-nodejs') return pkg.version
    } catch {
      // not the package root yet
    }
    dir = dirname(dir)
  }
}

function response(status: number, headers: Record<string, string>, body = '{}'): SdkResponse {
  return {
    status,
    ok: status < 300,
    url: 'https://org.example/api/v1/users',
    headers: new Headers(headers),
    text: async () => body,
    json: async () => JSON.parse(body) as unknown,
    buffer: async () => Buffer.from(body),
  }
}

/** An executor answering from a script, through the adapter's protected methods only. */
class ScriptedExecutor extends SdkRequestExecutor {
  readonly seen: SdkRequest[] = []
  readonly backoffs: string[] = []
  timed: boolean[] = []
  constructor(private readonly answers: SdkResponse[]) {
    super({ maxRetries: 2 })
    this.onSdkBackoff((request) => this.backoffs.push(request.url))
  }
  override async fetch(request: SdkRequest): Promise<SdkResponse> {
    this.markStarted(request)
    this.seen.push(request)
    const answer = this.answers.shift() ?? response(500, {})
    this.timed.push(this.canTimeRetry(answer))
    return this.handOver(request, answer)
  }
}

const config = (executor: SdkRequestExecutor) => ({
  orgUrl: 'https://org.example',
  authorizationMode: 'SSWS' as const,
  token: 'test-token-value',
  clientId: '',
  scopes: '',
  privateKey: '',
  keyId: '',
  requestExecutor: executor,
  userAgent: 'crosswalk',
})

const SRC = join(import.meta.dirname, '../../../../src')

describe('the Okta SDK adapter', () => {
  it('is the only source file that imports the SDK or reaches for its client internals', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.tsx?$/.test(f),
    )
    const reaching = files.filter((f) => {
      const text = readFileSync(join(SRC, f), 'utf8')
      return /@okta\/okta-sdk-nodejs|\.oauth\?*\.accessToken|\.http\.http\(/.test(text)
    })
    expect(reaching).toEqual([join('node', 'okta', 'sdk-adapter.ts')])
  })

  it('was read against the installed SDK version', () => {
    expect(installedVersion()).toBe(VERIFIED_SDK_VERSION)
  })

  it('sends an authenticated raw GET through the executor, with no cache in between', async () => {
    const executor = new ScriptedExecutor([
      response(200, {}, '[{"id":"00u1"}]'),
      response(200, {}, '[{"id":"00u2"}]'),
    ])
    const client = createSdkClient(config(executor))
    const url = 'https://org.example/api/v1/users?limit=1'
    expect(await (await sdkGet(client, url)).text()).toBe('[{"id":"00u1"}]')
    // the same URL again reaches the executor: no GET cache
    expect(await (await sdkGet(client, url)).text()).toBe('[{"id":"00u2"}]')
    expect(executor.seen.map((r) => r.url)).toEqual([url, url])
    expect(executor.seen[0]?.headers?.['Authorization']).toBe('SSWS test-token-value')
    expect(executor.seen[0]?.headers?.['User-Agent']).toMatch(/^crosswalk /)
  })

  it("keeps the SDK's 429 semantics: a timed 429 is waited on, announced and fetched again", async () => {
    const date = new Date('2026-01-01T00:00:00Z')
    const executor = new ScriptedExecutor([
      response(429, {
        date: date.toUTCString(),
        // one second before the date: the SDK waits reset − date + 1 s = 0 ms
        'x-rate-limit-reset': String(date.getTime() / 1000 - 1),
        'x-okta-request-id': 'req-1',
      }),
      response(200, {}, '[]'),
    ])
    const client = createSdkClient(config(executor))
    const answer = await sdkGet(client, 'https://org.example/api/v1/users')
    expect(answer.status).toBe(200)
    expect(executor.timed).toEqual([true, false])
    expect(executor.backoffs).toEqual(['https://org.example/api/v1/users'])
    expect(executor.seen[1]?.headers?.['X-Okta-Retry-Count']).toBe(1)
    expect(executor.seen[1]?.headers?.['X-Okta-Retry-For']).toBe('req-1')
  })

  it('cannot time a 429 without its reset header, or with a duplicated one', () => {
    const executor = new ScriptedExecutor([])
    const can = (headers: Record<string, string>) =>
      (executor as unknown as { canTimeRetry: (r: SdkResponse) => boolean }).canTimeRetry(
        response(429, headers),
      )
    expect(can({ date: new Date().toUTCString() })).toBe(false)
    expect(can({ 'x-rate-limit-reset': '1, 2' })).toBe(false)
    expect(can({ 'x-rate-limit-reset': '1' })).toBe(true)
  })

  it('reads the scopes of an OAuth client from its access token', () => {
    const executor = new ScriptedExecutor([])
    const client = createSdkClient({
      ...config(executor),
      authorizationMode: 'PrivateKey',
      token: '',
      clientId: '0oa-service',
      scopes: 'okta.users.read',
      privateKey: '{"kty":"RSA"}',
    })
    expect(grantedScopes(client)).toBeUndefined()
    const oauth = (client as unknown as { oauth: { accessToken: unknown } }).oauth
    expect(oauth.accessToken).toBeNull()
    oauth.accessToken = { scope: 'okta.users.read okta.apps.read' }
    expect(grantedScopes(client)).toEqual(['okta.apps.read', 'okta.users.read'])
  })
})
