/**
 * Collection and single-object answers for Graph: `$select`, `$top` caps, `$filter`,
 * `$search`, `$orderby`, `$count` with `ConsistencyLevel: eventual`, and `@odata.nextLink`
 * paging with an offset cursor inside an opaque `$skiptoken` (no scan per page).
 */
import type { EmuRequest, EmuResponse } from '../http'
import type { Table } from '../store'
import { badRequest, unsupportedQuery } from './errors'
import { type FilterError, parseFilter } from './filter'
import {
  decodeToken,
  encodeToken,
  linkWith,
  pageBody,
  parseSelect,
  projectJson,
  projectMany,
} from './odata'

export interface CollectionSpec {
  /** `@odata.context` fragment, e.g. `users` or `servicePrincipals('id')/appRoleAssignments` */
  context: string
  /** the OData type name for messages, e.g. `User` */
  typeName: string
  source: Table<object> | object[]
  defaults?: readonly string[]
  hidden?: readonly string[]
  defaultTop: number
  maxTop: number
  /** directory objects: advanced queries ($count, $search, ne/not) need ConsistencyLevel */
  directory?: boolean
  /** default order (newest first for logs) */
  order?: { property: string; descending: boolean }
  /** `$skip` rejected, as on /users */
  noSkip?: boolean
  /** rewrite objects of list answers (e.g. null keyCredentials[].key) */
  listTransform?: (obj: object) => object
}

const eventual = (req: EmuRequest): boolean =>
  String(req.headers.consistencylevel ?? '').toLowerCase() === 'eventual'

export function listCollection(
  req: EmuRequest,
  graphBase: string,
  spec: CollectionSpec,
): EmuResponse {
  const q = req.query
  const token = q.get('$skiptoken')
  const state = token === null ? null : decodeToken(token)
  if (token !== null && !state) return badRequest(req, `Invalid $skiptoken: ${token}`)
  const select = parseSelect(q.get('$select'))
  const maxTop = select?.includes('signInActivity') ? Math.min(500, spec.maxTop) : spec.maxTop
  const topText = q.get('$top')
  let top = spec.defaultTop
  if (topText !== null) {
    const n = Number(topText)
    if (!Number.isInteger(n) || n < 1 || n > maxTop) {
      return badRequest(
        req,
        `Invalid page size specified: '${topText}'. Must be between 1 and ${maxTop} inclusive.`,
      )
    }
    top = n
  } else top = Math.min(top, maxTop)
  if (spec.noSkip && q.has('$skip'))
    return badRequest(req, "'$skip' is not supported by the service.")

  const filterText = q.get('$filter')
  const searchText = q.get('$search')
  const orderText = q.get('$orderby')
  const count = q.get('$count') === 'true'
  let advanced = count || searchText !== null
  let predicate: ((x: Record<string, unknown>) => boolean) | null = null
  if (filterText) {
    try {
      const parsed = parseFilter(filterText)
      predicate = parsed.predicate
      advanced ||= parsed.advanced || (orderText !== null && spec.directory === true)
    } catch (e) {
      return unsupportedQuery(
        req,
        `Unsupported or invalid query filter clause specified for resource '${spec.typeName}': ${(e as FilterError).message}`,
      )
    }
  }
  // the skiptoken carries the advanced query's state, so later pages need no header
  if (spec.directory && advanced && !state && !eventual(req)) {
    return unsupportedQuery(
      req,
      count
        ? 'The request uses $count, which requires the ConsistencyLevel header set to eventual.'
        : 'Unsupported query: this advanced query requires the ConsistencyLevel header set to eventual.',
    )
  }
  let search: ((x: Record<string, unknown>) => boolean) | null = null
  if (searchText !== null) {
    const m = /^"([^:"]+):([^"]*)"$/.exec(searchText.trim())
    if (!m) return badRequest(req, 'Syntax error: invalid $search query.')
    const prop = m[1] ?? ''
    const word = m[2] ?? ''
    const needle = word.toLowerCase()
    search = (x) =>
      typeof x[prop] === 'string' && (x[prop] as string).toLowerCase().includes(needle)
  }
  let order = spec.order
  if (orderText) {
    const m = /^([A-Za-z]+)(\s+(asc|desc))?$/.exec(orderText.trim())
    if (!m?.[1]) return badRequest(req, `Invalid $orderby: ${orderText}`)
    order = { property: m[1], descending: m[3] === 'desc' }
  }

  const rows = view(
    spec.source,
    `${filterText ?? ''}|${searchText ?? ''}|${order?.property ?? ''}|${order?.descending ?? ''}`,
    (items) => {
      let out = items
      if (predicate) out = out.filter((x) => predicate(x as Record<string, unknown>))
      if (search) out = out.filter((x) => search(x as Record<string, unknown>))
      if (order) out = sortBy(out, order.property, order.descending)
      return out
    },
  )
  const offset = typeof state?.o === 'number' ? state.o : 0
  const page = rows.slice(offset, offset + top)
  const objs = spec.listTransform ? page.map(spec.listTransform) : page
  const texts = projectMany(objs, select ?? spec.defaults ?? null, spec.hidden)
  const next = offset + top < rows.length
  const context = `${graphBase}/v1.0/$metadata#${spec.context}${select ? `(${select.join(',')})` : ''}`
  return {
    status: 200,
    body: pageBody(context, texts, {
      ...(count && !state ? { count: rows.length } : {}),
      ...(next
        ? {
            nextLink: linkWith(
              `${req.origin}${req.url.pathname}`,
              q,
              '$skiptoken',
              encodeToken({ o: offset + top }),
            ),
          }
        : {}),
    }),
  }
}

export function countCollection(req: EmuRequest, spec: CollectionSpec): EmuResponse {
  if (!eventual(req)) {
    return unsupportedQuery(
      req,
      'The request uses $count, which requires the ConsistencyLevel header set to eventual.',
    )
  }
  const filterText = req.query.get('$filter')
  let n = Array.isArray(spec.source) ? spec.source.length : spec.source.items.length
  if (filterText) {
    try {
      const { predicate } = parseFilter(filterText)
      n = view(spec.source, `${filterText}|count`, (items) =>
        items.filter((x) => predicate(x as Record<string, unknown>)),
      ).length
    } catch (e) {
      return unsupportedQuery(req, (e as FilterError).message)
    }
  }
  return { status: 200, body: String(n), contentType: 'text/plain; charset=utf-8' }
}

export function singleObject(
  req: EmuRequest,
  graphBase: string,
  spec: CollectionSpec,
  obj: object,
): EmuResponse {
  const select = parseSelect(req.query.get('$select'))
  const context = `${graphBase}/v1.0/$metadata#${spec.context}${select ? `(${select.join(',')})` : ''}/$entity`
  const body = projectJson(obj, select, spec.defaults ?? null, spec.hidden)
  const rest = body.length > 2 ? `,${body.slice(1)}` : '}'
  return { status: 200, body: `{"@odata.context":${JSON.stringify(context)}${rest}` }
}

function view(
  source: Table<object> | object[],
  key: string,
  compute: (items: object[]) => object[],
): object[] {
  if (Array.isArray(source)) return key === '|||' ? source : compute(source)
  return source.view(key === '|||' ? '' : key, compute)
}

function sortBy(items: object[], property: string, descending: boolean): object[] {
  const sign = descending ? -1 : 1
  return [...items].sort((a, b) => {
    const x = (a as Record<string, unknown>)[property]
    const y = (b as Record<string, unknown>)[property]
    if (x === y) return 0
    if (x === undefined || x === null) return 1
    if (y === undefined || y === null) return -1
    return (x < y ? -1 : 1) * sign
  })
}
