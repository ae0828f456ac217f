/**
 * Browser captures of emulated sign-ins, in the two formats consultants send: a SAML-tracer
 * export (the extension's JSON: `{ requests: [...], timestamp }`, each request with its
 * headers, GET and POST parameters and the SAML it decoded) and a HAR 1.2 file. Like real
 * ones they hold session cookies, Authorization headers and password posts.
 *
 * SAML-tracer: https://github.com/simplesamlphp/SAML-tracer (src/SAMLTrace.js, SAMLTraceIO.js)
 * HAR 1.2: http://www.softwareishard.com/blog/har-12-spec/
 */

/** One request of a capture. */
export interface CapturedRequest {
  method: 'GET' | 'POST'
  url: string
  /** form fields, as posted */
  form?: [string, string][]
  cookies?: string[]
  /** an Authorization header value */
  authorization?: string
  /** when it was sent (ms) */
  atMs: number
}

const httpDate = (ms: number): string => new Date(ms).toUTCString()

function requestHeaders(r: CapturedRequest): { name: string; value: string }[] {
  const host = new URL(r.url).host
  return [
    { name: 'Host', value: host },
    { name: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0' },
    ...(r.cookies?.length ? [{ name: 'Cookie', value: r.cookies.join('; ') }] : []),
    ...(r.authorization ? [{ name: 'Authorization', value: r.authorization }] : []),
    ...(r.form ? [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }] : []),
  ]
}

function responseHeaders(r: CapturedRequest): { name: string; value: string }[] {
  return [
    { name: 'Date', value: httpDate(r.atMs) },
    { name: 'Content-Type', value: 'text/html; charset=utf-8' },
    ...(r.cookies?.length
      ? [{ name: 'Set-Cookie', value: `${r.cookies[0]}; Path=/; Secure; HttpOnly` }]
      : []),
  ]
}

function queryPairs(url: string): [string, string][] {
  return [...new URL(url).searchParams.entries()]
}

/** A SAML-tracer export of the requests (exported at `exportedMs`). */
export function samlTracerExport(requests: readonly CapturedRequest[], exportedMs: number): string {
  return JSON.stringify(
    {
      requests: requests.map((r, i) => {
        const post = r.form ?? []
        const wresult = post.find(([n]) => n === 'wresult')?.[1]
        const isWsFed = post.some(([n]) => n === 'wa') || /[?&]wa=/.test(r.url)
        return {
          method: r.method,
          url: r.url,
          requestId: `request-${1000 + i}-${r.method}-emulated`,
          requestHeaders: requestHeaders(r),
          ...(r.method === 'GET' ? { get: queryPairs(r.url) } : { post }),
          ...(isWsFed ? { protocol: 'WS-Fed' } : {}),
          ...(wresult ? { saml: wresult } : {}),
          responseStatus: 200,
          responseStatusText: 'HTTP/1.1 200 OK',
          responseHeaders: responseHeaders(r),
        }
      }),
      timestamp: new Date(exportedMs).toISOString(),
    },
    null,
    2,
  )
}

/** A HAR 1.2 file of the requests. */
export function harFile(requests: readonly CapturedRequest[]): string {
  return JSON.stringify(
    {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [],
        entries: requests.map((r) => {
          const text = r.form
            ? r.form.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&')
            : undefined
          return {
            startedDateTime: new Date(r.atMs).toISOString(),
            time: 120,
            request: {
              method: r.method,
              url: r.url,
              httpVersion: 'http/2.0',
              headers: requestHeaders(r),
              queryString: queryPairs(r.url).map(([name, value]) => ({ name, value })),
              cookies: (r.cookies ?? []).map((c) => {
                const [name = '', value = ''] = c.split('=')
                return { name, value }
              }),
              headersSize: -1,
              bodySize: text?.length ?? 0,
              ...(text
                ? {
                    postData: {
                      mimeType: 'application/x-www-form-urlencoded',
                      text,
                      params: (r.form ?? []).map(([name, value]) => ({
                        name,
                        value: encodeURIComponent(value),
                      })),
                    },
                  }
                : {}),
            },
            response: {
              status: 200,
              statusText: 'OK',
              httpVersion: 'http/2.0',
              headers: responseHeaders(r),
              cookies: (r.cookies ?? []).map((c) => {
                const [name = '', value = ''] = c.split('=')
                return { name, value }
              }),
              content: { size: 0, mimeType: 'text/html' },
              redirectURL: '',
              headersSize: -1,
              bodySize: 0,
            },
            cache: {},
            timings: { send: 1, wait: 100, receive: 19 },
          }
        }),
      },
    },
    null,
    2,
  )
}
