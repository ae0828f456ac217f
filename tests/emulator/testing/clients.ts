/**
 * Clients for the emulator's own tests: a raw HTTPS caller, an msal `networkClient` and an
 * Okta request executor that trust the run's CA (the real SDKs, pointed at the emulator).
 */
import { Agent, request } from 'node:https'
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node'
import { DefaultRequestExecutor } from '@okta/okta-sdk-nodejs'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

const agents = new Map<string, Agent>()
function agentFor(ca: string): Agent {
  let agent = agents.get(ca)
  if (!agent) {
    agent = new Agent({ ca, keepAlive: true })
    agents.set(ca, agent)
  }
  return agent
}

/** One HTTPS request trusting `ca`; resolves with status, headers and the whole body. */
export function call(
  url: string,
  options: { ca: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: agentFor(options.ca) },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
        res.on('aborted', () => reject(new Error('response aborted')))
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

export async function callJson<T = unknown>(
  url: string,
  options: Parameters<typeof call>[1],
): Promise<{ status: number; headers: RawResponse['headers']; json: T }> {
  const r = await call(url, options)
  return { status: r.status, headers: r.headers, json: JSON.parse(r.body) as T }
}

/** An msal-node INetworkModule on node:https that trusts the emulator's CA. */
export function msalNetworkClient(ca: string): INetworkModule {
  const send = async <T>(
    url: string,
    method: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    const r = await call(url, {
      ca,
      method,
      headers: options?.headers ?? {},
      ...(options?.body !== undefined ? { body: options.body } : {}),
    })
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(r.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v
    return { status: r.status, headers, body: JSON.parse(r.body) as T }
  }
  return {
    sendGetRequestAsync: (url, options) => send(url, 'GET', options),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options),
  }
}

/** The SDK's own executor (retry on 429 included), with the emulator's CA on every request. */
export class CaRequestExecutor extends DefaultRequestExecutor {
  private readonly agent: Agent

  constructor(ca: string, options?: { maxRetries?: number; requestTimeout?: number }) {
    super({ maxRetries: options?.maxRetries ?? 2, requestTimeout: options?.requestTimeout ?? 0 })
    this.agent = new Agent({ ca, keepAlive: true })
  }

  override fetch(
    request: Parameters<DefaultRequestExecutor['fetch']>[0],
  ): ReturnType<DefaultRequestExecutor['fetch']> {
    ;(request as { agent?: Agent }).agent = this.agent
    return super.fetch(request)
  }
}

/** client-credentials token with a secret, straight from the token endpoint */
export async function graphToken(
  emu: { authorityHost: string; tenantId: string; caPem: string },
  clientId: string,
  secret: string,
): Promise<string> {
  const body = new URLSearchParams({
    client_id: clientId,
    client_secret: secret,
    grant_type: 'client_credentials',
    scope: 'https://graph.microsoft.com/.default',
  })
  const r = await callJson<{ access_token?: string }>(
    `${emu.authorityHost}/${emu.tenantId}/oauth2/v2.0/token`,
    {
      ca: emu.caPem,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    },
  )
  if (!r.json.access_token) throw new Error(`no token: ${JSON.stringify(r.json)}`)
  return r.json.access_token
}
