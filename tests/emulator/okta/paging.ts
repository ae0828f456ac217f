/**
 * Okta collection pages: `limit` (capped at the endpoint's maximum), an opaque `after`
 * cursor holding the offset (no scan per page), and absolute `Link` headers for
 * `rel="self"` and, when more remain, `rel="next"`.
 */
import type { EmuRequest, EmuResponse } from '../http'
import type { OktaRecord } from '../scenarios/types'
import { validation } from './errors'

const json = new WeakMap<object, string>()

/** cached JSON text of a record (records are replaced, never edited, on mutation) */
export function recordJson(r: OktaRecord): string {
  let text = json.get(r)
  if (text === undefined) {
    text = JSON.stringify(r)
    json.set(r, text)
  }
  return text
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o1:${offset}`).toString('base64url')
}

export function decodeCursor(text: string): number | null {
  const m = /^o1:(\d+)$/.exec(Buffer.from(text, 'base64url').toString('utf8'))
  return m ? Number(m[1]) : null
}

/** the request's URL with `after` replaced (or removed), parameter order kept */
export function linkTo(req: EmuRequest, after: string | null): string {
  const params = new URLSearchParams()
  let placed = false
  for (const [k, v] of req.query) {
    if (k === 'after') {
      if (after !== null && !placed) params.append('after', after)
      placed = true
    } else params.append(k, v)
  }
  if (after !== null && !placed) params.append('after', after)
  const qs = params.toString()
  return `${req.origin}${req.url.pathname}${qs ? `?${qs}` : ''}`
}

export function parseLimit(
  req: EmuRequest,
  limits: { default: number; max: number },
): number | EmuResponse {
  const text = req.query.get('limit')
  if (text === null || text === '') return limits.default
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) return validation('limit: must be a positive integer')
  return Math.min(n, limits.max)
}

export function pageOf(
  req: EmuRequest,
  rows: OktaRecord[],
  limits: { default: number; max: number },
  strip?: (r: OktaRecord) => OktaRecord,
): EmuResponse {
  const limit = parseLimit(req, limits)
  if (typeof limit !== 'number') return limit
  const after = req.query.get('after')
  const offset = after ? decodeCursor(after) : 0
  if (offset === null) return validation('after: invalid cursor')
  const page = rows.slice(offset, offset + limit)
  const links = [`<${linkTo(req, after)}>; rel="self"`]
  if (offset + limit < rows.length)
    links.push(`<${linkTo(req, encodeCursor(offset + limit))}>; rel="next"`)
  // one JSON.stringify of the page: about 0.5 ms for 200 users, with no per-record cache to collect
  return {
    status: 200,
    headers: { link: links },
    body: JSON.stringify(strip ? page.map(strip) : page),
  }
}

/** a single resource with `_links.self.href` (the SDK's cache key), added when the record lacks it */
export function withSelfLink(req: EmuRequest, r: OktaRecord): OktaRecord {
  const links = r._links
  if (links && typeof links === 'object' && !Array.isArray(links) && 'self' in links) return r
  const base = links && typeof links === 'object' && !Array.isArray(links) ? links : {}
  return { ...r, _links: { ...base, self: { href: `${req.origin}${req.url.pathname}` } } }
}
