/**
 * msal-node's `system.networkClient` built on our node:https sender, so the CA named by the
 * profile is trusted in code (msal 7 uses global fetch and has no agent option; see
 * api-facts A6). Like msal's own client it never throws on a status and parses JSON bodies.
 *
 * Discovery and token requests are retried under the one policy of `net/transient` before
 * msal sees an answer: msal neither retries a 5xx nor a cut-off body, and it remembers a
 * 5xx or 429 token answer in its throttling cache, refusing every token request of the
 * same app for a minute after it, so one transient 503 would fail the whole Entra side.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node'
import type { HttpSend } from '../net/http'
import { createRetryingSend, DEFAULT_MAX_RETRIES, type RetryPolicy } from '../net/transient'

/** An msal `INetworkModule` over `send`; GET timeouts are honoured, bodies parsed as JSON. */
export function createMsalNetworkClient(
  rawSend: HttpSend,
  policy: Partial<RetryPolicy> = {},
): INetworkModule {
  const send = createRetryingSend(rawSend, { maxRetries: DEFAULT_MAX_RETRIES.signIn, ...policy })
  const exchange = async <T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>> => {
    const response = await send({
      method,
      url,
      ...(options?.headers ? { headers: options.headers } : {}),
      ...(options?.body !== undefined ? { body: options.body } : {}),
      ...(timeout ? { timeoutMs: timeout } : {}),
    })
    let body: unknown
    try {
      body = JSON.parse(response.body)
    } catch {
      // msal reads `error`/`error_description` from the body; a non-JSON answer (a proxy page,
      // a cut-off body) becomes a readable error instead of a parse crash inside msal.
      body = {
        error: 'non_json_response',
        error_description: `The login endpoint answered HTTP ${response.status} with a non-JSON body.`,
      }
    }
    return { status: response.status, headers: response.headers, body: body as T }
  }
  return {
    sendGetRequestAsync: (url, options, timeout) => exchange('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => exchange('POST', url, options),
  }
}
