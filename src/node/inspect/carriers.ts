/**
 * Where sign-in messages travel: a URL's query or fragment, a form post, a redirect. A
 * carrier is one such place with its parameters; `artefactsOf` turns the parameters that
 * carry a sign-in message into the sources the decoder reads, and ignores every other one
 * (passwords, authorization codes, state), so they never leave this module.
 */

/** The parameter names that carry a sign-in message, and what each carries. */
export type Carried =
  | { type: 'saml'; value: string; deflated: boolean; what: string }
  | { type: 'wsfed-result'; value: string }
  | { type: 'jwt'; value: string; what: string }
  | { type: 'authorize'; url: URL; params: ReadonlyMap<string, string> }
  | { type: 'error'; endpoint: string; params: ReadonlyMap<string, string> }
  | { type: 'wsfed-request'; endpoint: string; params: ReadonlyMap<string, string> }

/** One place a message travelled. */
export interface Carrier {
  /** `POST https://login.microsoftonline.com/login.srf` */
  label: string
  url?: URL
  /** GET parameters are deflated in the SAML redirect binding; POST ones are not */
  binding: 'redirect' | 'post' | 'fragment'
  params: [string, string][]
  capturedAt?: string
  capturedAtSource?: 'har' | 'response-date' | 'export'
  /** the request of a capture it belongs to (a request may have a query and a form body) */
  request?: number
}

/** A URL without its query and fragment. */
export function endpointOf(url: URL): string {
  return `${url.origin}${url.pathname}`
}

/** Parameters of a query string, form body or fragment (`+` is a space, as forms encode it). */
export function formParams(text: string): [string, string][] {
  const out: [string, string][] = []
  for (const piece of text.replace(/^[?#]/, '').split('&')) {
    if (!piece) continue
    const eq = piece.indexOf('=')
    const name = decodeLoose(eq < 0 ? piece : piece.slice(0, eq))
    const value = decodeLoose(eq < 0 ? '' : piece.slice(eq + 1))
    out.push([name, value])
  }
  return out
}

function decodeLoose(text: string): string {
  const spaced = text.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced
  }
}

/** A carrier for a URL: its query (redirect binding) and its fragment, if any. */
export function urlCarriers(
  url: URL,
  label: string,
  when: Pick<Carrier, 'capturedAt' | 'capturedAtSource' | 'request'> = {},
): Carrier[] {
  const out: Carrier[] = []
  if (url.search)
    out.push({ label, url, binding: 'redirect', params: formParams(url.search), ...when })
  if (url.hash.length > 1)
    out.push({
      label: `${label} (fragment)`,
      url,
      binding: 'fragment',
      params: formParams(url.hash),
      ...when,
    })
  if (out.length === 0) out.push({ label, url, binding: 'redirect', params: [], ...when })
  return out
}

const AUTHORIZE_PATH = /\/oauth2\/(?:v2\.0\/)?authorize\/?$/i

/** The sign-in messages a carrier holds. */
export function artefactsOf(carrier: Carrier): Carried[] {
  const params = new Map<string, string>()
  for (const [name, value] of carrier.params) if (!params.has(name)) params.set(name, value)
  const out: Carried[] = []
  const samlResponse = params.get('SAMLResponse')
  if (samlResponse)
    out.push({
      type: 'saml',
      value: samlResponse,
      deflated: carrier.binding === 'redirect',
      what: 'SAML response',
    })
  const samlRequest = params.get('SAMLRequest')
  if (samlRequest)
    out.push({
      type: 'saml',
      value: samlRequest,
      deflated: carrier.binding === 'redirect',
      what: 'SAML request',
    })
  const wresult = params.get('wresult')
  if (wresult) out.push({ type: 'wsfed-result', value: wresult })
  const idToken = params.get('id_token')
  if (idToken) out.push({ type: 'jwt', value: idToken, what: 'ID token' })
  const accessToken = params.get('access_token')
  if (accessToken) out.push({ type: 'jwt', value: accessToken, what: 'access token' })
  const url = carrier.url
  if (params.has('error') && url) out.push({ type: 'error', endpoint: endpointOf(url), params })
  if (url && params.has('client_id') && AUTHORIZE_PATH.test(url.pathname))
    out.push({ type: 'authorize', url, params })
  const action = params.get('wa')
  if (url && action === 'wsignin1.0' && !wresult)
    out.push({ type: 'wsfed-request', endpoint: endpointOf(url), params })
  return out
}
