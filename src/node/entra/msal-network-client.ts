/**
 * msal-node's `system.networkClient` built on our node:https sender, so the CA named by the
 * profile is trusted in code (msal 7 uses global fetch and has no agent option; see
 * api-facts A6). Like msal's own client it never throws on a status and parses JSON bodies.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node'
import type { HttpSend } from '../net/http'

/** An msal `INetworkModule` over `send`; GET timeouts are honoured, bodies parsed as JSON. */
export function createMsalNetworkClient(send: HttpSend): INetworkModule {
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
