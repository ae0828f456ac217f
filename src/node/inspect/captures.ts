/**
 * Browser captures: a SAML-tracer export (`{ requests: [...], timestamp }`, the extension's
 * "Export" button) and a HAR file (`{ log: { entries: [...] } }`, any browser's developer
 * tools). Each request becomes a carrier (its URL and its form body); a redirect's fragment
 * (tokens returned with `response_mode=fragment` never become a request) becomes one too.
 *
 * Captures hold more than sign-in messages: session cookies, `Authorization` headers, form
 * posts with passwords, page bodies. None of it is read: headers are consulted only for
 * `Date` (when the message crossed the wire) and `Location`, cookies are counted and dropped,
 * and only the parameters that carry sign-in messages leave `carriers.ts`.
 */
import { z } from 'zod'
import { type Carrier, formParams, urlCarriers } from './carriers'

const Header = z.object({ name: z.string(), value: z.string() }).loose()
const Headers = z.array(Header).catch([])

const TracerRequest = z
  .object({
    method: z.string().catch('GET'),
    url: z.string(),
    requestHeaders: Headers.optional(),
    responseHeaders: Headers.optional(),
    post: z
      .array(z.tuple([z.string(), z.string()]).rest(z.unknown()))
      .catch([])
      .optional(),
    saml: z.string().nullish().catch(undefined),
  })
  .loose()

/** A SAML-tracer export. */
export const SamlTracerExport = z
  .object({ requests: z.array(z.unknown()), timestamp: z.string().optional() })
  .loose()

const HarEntry = z
  .object({
    startedDateTime: z.string().optional(),
    request: z
      .object({
        method: z.string().catch('GET'),
        url: z.string(),
        headers: Headers.optional(),
        cookies: z.array(z.unknown()).catch([]).optional(),
        postData: z
          .object({
            mimeType: z.string().optional(),
            text: z.string().optional(),
            params: z
              .array(z.object({ name: z.string(), value: z.string().optional() }).loose())
              .catch([])
              .optional(),
          })
          .loose()
          .optional(),
      })
      .loose(),
    response: z
      .object({
        headers: Headers.optional(),
        cookies: z.array(z.unknown()).catch([]).optional(),
        redirectURL: z.string().optional(),
      })
      .loose()
      .optional(),
  })
  .loose()

/** A HAR file. */
export const HarFile = z
  .object({ log: z.object({ entries: z.array(z.unknown()) }).loose() })
  .loose()

/** What reading a capture dropped. */
export interface Dropped {
  cookies: number
  authorization: number
  /** requests that held no sign-in message */
  skipped: number
  /** entries that are not requests at all */
  malformed: number
}

/** A capture read into carriers. */
export interface CaptureCarriers {
  carriers: Carrier[]
  dropped: Dropped
  /** raw XML SAML-tracer decoded itself, for a request without parameters */
  tracerXml: Map<Carrier, string>
}

/**
 * Counts what a message's headers (and, in a HAR, its parsed cookie list, which repeats the
 * Cookie header) would have carried: every cookie and credential header is dropped unread.
 */
function countHeaders(
  headers: z.infer<typeof Headers> | undefined,
  dropped: Dropped,
  listed = 0,
): void {
  let cookies = 0
  for (const h of headers ?? []) {
    const name = h.name.toLowerCase()
    if (name === 'cookie') cookies += h.value.split(';').filter((c) => c.trim()).length
    if (name === 'set-cookie') cookies++
    if (name === 'authorization' || name === 'proxy-authorization') dropped.authorization++
  }
  dropped.cookies += Math.max(cookies, listed)
}

function headerValue(
  headers: z.infer<typeof Headers> | undefined,
  name: string,
): string | undefined {
  return headers?.find((h) => h.name.toLowerCase() === name)?.value
}

function parseUrl(text: string): URL | undefined {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
  } catch {
    return undefined
  }
}

function resolveUrl(location: string, base: URL): URL | undefined {
  try {
    return parseUrl(new URL(location, base).href)
  } catch {
    return undefined
  }
}

function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined
  const t = Date.parse(text)
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined
}

/** The carriers of a SAML-tracer export. */
export function tracerCarriers(exported: z.infer<typeof SamlTracerExport>): CaptureCarriers {
  const dropped: Dropped = { cookies: 0, authorization: 0, skipped: 0, malformed: 0 }
  const carriers: Carrier[] = []
  const tracerXml = new Map<Carrier, string>()
  const exportedAt = isoDate(exported.timestamp)
  for (const [n, raw] of exported.requests.entries()) {
    const parsed = TracerRequest.safeParse(raw)
    const url = parsed.success ? parseUrl(parsed.data.url) : undefined
    if (!parsed.success || !url) {
      dropped.malformed++
      continue
    }
    const r = parsed.data
    countHeaders(r.requestHeaders, dropped)
    countHeaders(r.responseHeaders, dropped)
    const date = isoDate(headerValue(r.responseHeaders, 'date'))
    const when: Pick<Carrier, 'capturedAt' | 'capturedAtSource' | 'request'> = date
      ? { capturedAt: date, capturedAtSource: 'response-date', request: n }
      : exportedAt
        ? { capturedAt: exportedAt, capturedAtSource: 'export', request: n }
        : { request: n }
    const label = `${r.method.toUpperCase()} ${url.origin}${url.pathname}`
    const own = urlCarriers(url, label, when)
    const post = (r.post ?? []).map(([n, v]) => [n, v] as [string, string])
    if (post.length > 0) own.push({ label, url, binding: 'post', params: post, ...when })
    carriers.push(...own)
    if (r.saml && post.length === 0 && !url.search) {
      const holder = own[0]
      if (holder) tracerXml.set(holder, r.saml)
    }
  }
  return { carriers, dropped, tracerXml }
}

/** The carriers of a HAR file. */
export function harCarriers(har: z.infer<typeof HarFile>): CaptureCarriers {
  const dropped: Dropped = { cookies: 0, authorization: 0, skipped: 0, malformed: 0 }
  const carriers: Carrier[] = []
  for (const [n, raw] of har.log.entries.entries()) {
    const parsed = HarEntry.safeParse(raw)
    const url = parsed.success ? parseUrl(parsed.data.request.url) : undefined
    if (!parsed.success || !url) {
      dropped.malformed++
      continue
    }
    const { request, response } = parsed.data
    countHeaders(request.headers, dropped, request.cookies?.length)
    countHeaders(response?.headers, dropped, response?.cookies?.length)
    const started = isoDate(parsed.data.startedDateTime)
    const when: Pick<Carrier, 'capturedAt' | 'capturedAtSource' | 'request'> = started
      ? { capturedAt: started, capturedAtSource: 'har', request: n }
      : { request: n }
    const label = `${request.method.toUpperCase()} ${url.origin}${url.pathname}`
    carriers.push(...urlCarriers(url, label, when))
    const post = request.postData
    if (post) {
      const params = post.params?.length
        ? post.params.map((p) => [p.name, p.value ?? ''] as [string, string])
        : post.text && /x-www-form-urlencoded/i.test(post.mimeType ?? '')
          ? formParams(post.text)
          : []
      // HAR keeps form values URL-encoded; a value with % escapes is decoded once
      const decoded = params.map(([n, v]) => [n, maybeDecoded(v)] as [string, string])
      if (decoded.length > 0)
        carriers.push({ label, url, binding: 'post', params: decoded, ...when })
    }
    const location = response?.redirectURL || headerValue(response?.headers, 'location')
    const target = location ? resolveUrl(location, url) : undefined
    if (target && target.hash.length > 1)
      carriers.push({
        label: `redirect to ${target.origin}${target.pathname} (fragment)`,
        url: target,
        binding: 'fragment',
        params: formParams(target.hash),
        ...when,
      })
  }
  return { carriers, dropped, tracerXml: new Map() }
}

function maybeDecoded(value: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return value
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    return value
  }
}
