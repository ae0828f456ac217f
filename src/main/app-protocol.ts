/**
 * The app is served from its own scheme, `crosswalk://app/`, instead of `file://`. A file://
 * page shares its origin with every file on the disk, and Chromium gives `file:` extra
 * privileges; our scheme is registered as **standard** (a real origin, so IndexedDB, the
 * Web Worker and same-origin rules work as on https) and **secure** (WebCrypto, no mixed
 * content), and its handler answers only files of the built renderer, with our CSP on every
 * response. Registration must happen before the app is ready; the handler after.
 * https://www.electronjs.org/docs/latest/api/protocol
 */
import { readFile } from 'node:fs/promises'
import type { Protocol } from 'electron'
import { contentTypeFor, resolveStaticFile } from '../node/static-files'
import { CONTENT_SECURITY_POLICY } from './csp'

export const APP_SCHEME = 'crosswalk'
export const APP_HOST = 'app'
/** The page every window loads; the hash router changes only its fragment. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** The scheme's privileges: what makes it behave like https for our own files. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  // module scripts and the worker are fetched in CORS mode, even from their own origin
  supportFetchAPI: true,
  corsEnabled: true,
} as const

/** Registers the scheme; call before `app` is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
  ])
}

/** Headers of every answer: our CSP, no type sniffing, no caching of a replaced build. */
function headers(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  }
}

function refuse(status: 400 | 404 | 405): Response {
  return new Response(null, { status, headers: headers('text/plain; charset=utf-8') })
}

/**
 * Answers one request of the scheme: a GET for a file of `rendererDir` on host `app`;
 * anything else (another host, a path out of the folder, a missing file, a POST) is refused.
 */
export async function answerAppRequest(
  rendererDir: string,
  request: Pick<Request, 'url' | 'method'>,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405)
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return refuse(400)
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404)
  const lookup = await resolveStaticFile(rendererDir, url.pathname)
  if (!lookup.ok) return refuse(lookup.status)
  const body = request.method === 'HEAD' ? null : await readFile(lookup.file)
  return new Response(body, { status: 200, headers: headers(contentTypeFor(lookup.file)) })
}

/** Serves the scheme from the built renderer; call once the app is ready. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request))
}
