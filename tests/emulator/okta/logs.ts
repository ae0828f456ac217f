/**
 * `GET /api/v1/logs`: `since` (default 7 days before `until`), `until` (default now),
 * `filter`, `q`, `sortOrder`, `limit` (100 / 1000). A polling query (no `until`) always
 * carries a `next` link; a bounded one drops it on its last page.
 */
import type { EmuRequest, EmuResponse } from '../http'
import type { OktaRecord } from '../scenarios/types'
import type { ScenarioClock, Table } from '../store'
import { validation } from './errors'
import { decodeCursor, encodeCursor, linkTo, parseLimit, recordJson } from './paging'
import { parseScim, type ScimError } from './scim'

const WEEK = 7 * 86400_000

function parseTime(text: string | null): number | null | undefined {
  if (text === null || text === '') return undefined
  const t = Date.parse(text)
  return Number.isNaN(t) ? null : t
}

export function listLogs(
  req: EmuRequest,
  table: Table<OktaRecord>,
  clock: ScenarioClock,
): EmuResponse {
  const q = req.query
  const until = parseTime(q.get('until'))
  const since = parseTime(q.get('since'))
  if (until === null) return validation('until: invalid date')
  if (since === null) return validation('since: invalid date')
  const polling = until === undefined
  const end = until ?? clock.now()
  const start = since ?? end - WEEK
  const sortOrder = (q.get('sortOrder') ?? 'ASCENDING').toUpperCase()
  if (sortOrder !== 'ASCENDING' && sortOrder !== 'DESCENDING')
    return validation('sortOrder: must be ASCENDING or DESCENDING')
  const limit = parseLimit(req, { default: 100, max: 1000 })
  if (typeof limit !== 'number') return limit
  let matches: ((x: unknown) => boolean) | null = null
  const filter = q.get('filter')
  if (filter) {
    try {
      matches = parseScim(filter).matches
    } catch (e) {
      return validation(`filter: ${(e as ScimError).message}`)
    }
  }
  const words = (q.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const key = `${filter ?? ''}|${words.join(' ')}`
  const candidates = table.view(key === '|' ? 'sorted' : `s:${key}`, (rows) => {
    let out = rows
    if (matches) out = out.filter((r) => matches(r))
    if (words.length) {
      out = out.filter((r) => {
        const text = recordJson(r).toLowerCase()
        return words.every((w) => text.includes(w))
      })
    }
    return [...out].sort(
      (a, b) => Date.parse(String(a.published)) - Date.parse(String(b.published)),
    )
  })
  let rows = candidates.filter((r) => {
    const t = Date.parse(String(r.published))
    return t >= start && t < end
  })
  if (sortOrder === 'DESCENDING') rows = rows.reverse()
  const after = q.get('after')
  const offset = after ? decodeCursor(after) : 0
  if (offset === null) return validation('after: invalid cursor')
  const page = rows.slice(offset, offset + limit)
  const links = [`<${linkTo(req, after)}>; rel="self"`]
  const more = offset + limit < rows.length
  if (more || polling) {
    links.push(`<${linkTo(req, encodeCursor(offset + page.length))}>; rel="next"`)
  }
  return { status: 200, headers: { link: links }, body: JSON.stringify(page) }
}
