/**
 * `/users/delta` and `/groups/delta`: a first round returns every object, then
 * `@odata.deltaLink`; a round from a `$deltatoken` returns only objects changed since, and
 * `{"id","@removed":{"reason"}}` for removed ones. The select list and sequence window ride
 * in the opaque tokens, as Graph's do.
 */
import type { EmuRequest, EmuResponse } from '../http'
import type { MemberDelta, Sequence, Table } from '../store'
import { badRequest, graphError } from './errors'
import { type FilterError, parseFilter } from './filter'
import { decodeToken, encodeToken, pageBody, parseSelect, projectMany, projector } from './odata'

export interface DeltaSpec {
  context: string
  table: Table<object>
  sequence: Sequence
  defaults?: readonly string[]
  odataType: string
  /** groups: each group's members now, and the net member changes in a sequence window */
  members?: {
    current: (id: string) => readonly MemberDelta[] | undefined
    changes: (after: number, upTo: number) => Map<string, MemberDelta[]>
  }
}

const DEFAULT_PAGE = 200

export function deltaQuery(req: EmuRequest, graphBase: string, spec: DeltaSpec): EmuResponse {
  const q = req.query
  const skip = q.get('$skiptoken')
  const delta = q.get('$deltatoken')
  let state: Record<string, unknown>
  if (skip !== null || delta !== null) {
    const decoded = decodeToken(skip ?? delta)
    if (delta === 'latest') {
      const token = encodeToken({
        s: spec.sequence.value,
        sel: q.get('$select'),
        f: q.get('$filter'),
      })
      const link = `${req.origin}${req.url.pathname}?$deltatoken=${token}`
      return {
        status: 200,
        body: pageBody(context(graphBase, spec, parseSelect(q.get('$select'))), [], {
          deltaLink: link,
        }),
      }
    }
    if (!decoded) {
      return graphError(
        req,
        400,
        'syncStateNotFound',
        'The sync state generation is not found. Please restart sync.',
      )
    }
    state =
      decoded.u === undefined
        ? { a: decoded.s, u: spec.sequence.value, o: 0, sel: decoded.sel, f: decoded.f }
        : decoded
  } else {
    state = { a: null, u: spec.sequence.value, o: 0, sel: q.get('$select'), f: q.get('$filter') }
  }
  const selectText = typeof state.sel === 'string' ? state.sel : null
  const select = parseSelect(selectText)
  const filterText = typeof state.f === 'string' ? state.f : null
  let predicate: ((x: Record<string, unknown>) => boolean) | null = null
  if (filterText) {
    try {
      const parsed = parseFilter(filterText)
      if ([...parsed.properties].some((p) => p !== 'id')) {
        return badRequest(req, 'Delta queries support only $filter on id.')
      }
      predicate = parsed.predicate
    } catch (e) {
      return badRequest(req, (e as FilterError).message)
    }
  }
  const after = typeof state.a === 'number' ? state.a : null
  const upTo = Number(state.u)
  const offset = Number(state.o)
  const maxPage = /odata\.maxpagesize=(\d+)/.exec(String(req.headers.prefer ?? ''))?.[1]
  const size = Math.min(999, Math.max(1, maxPage ? Number(maxPage) : DEFAULT_PAGE))

  let texts: string[] | string
  let total: number
  if (after === null) {
    const rows = predicate
      ? spec.table.items.filter((x) => predicate(x as Record<string, unknown>))
      : spec.table.items
    total = rows.length
    texts = deltaPage(rows.slice(offset, offset + size), select, spec)
  } else {
    const { changed, removed } = spec.table.changes(after, upTo)
    // a group whose members changed is in the round too, when members are selected
    const memberChanges =
      select?.includes('members') && spec.members
        ? spec.members.changes(after, upTo)
        : new Map<string, MemberDelta[]>()
    const seen = new Set(changed.map((x) => idOf(x)))
    for (const id of memberChanges.keys()) {
      const group = seen.has(id) ? undefined : spec.table.get(id)
      if (group) changed.push(group)
    }
    const live = predicate
      ? changed.filter((x) => predicate(x as Record<string, unknown>))
      : changed
    const gone = predicate ? removed.filter((t) => predicate({ id: t.id })) : removed
    const all = [
      ...live.map(deltaWriter(select, spec, (id) => memberChanges.get(id))),
      ...gone.map((t) =>
        JSON.stringify({
          '@odata.type': spec.odataType,
          id: t.id,
          '@removed': { reason: t.reason },
        }),
      ),
    ]
    total = all.length
    texts = all.slice(offset, offset + size)
  }
  const ctx = context(graphBase, spec, select)
  const base = `${req.origin}${req.url.pathname}`
  if (offset + size < total) {
    const token = encodeToken({ ...state, o: offset + size })
    return { status: 200, body: pageBody(ctx, texts, { nextLink: `${base}?$skiptoken=${token}` }) }
  }
  const next = encodeToken({ s: upTo, sel: selectText, f: filterText })
  return { status: 200, body: pageBody(ctx, texts, { deltaLink: `${base}?$deltatoken=${next}` }) }
}

function context(graphBase: string, spec: DeltaSpec, select: string[] | null): string {
  return `${graphBase}/v1.0/$metadata#${spec.context}${select ? `(${select.join(',')})` : ''}`
}

const idOf = (x: object): string => String((x as { id?: unknown }).id ?? '')

/** a first-round page: one JSON.stringify for the plain case, per object with members */
function deltaPage(objs: object[], select: string[] | null, spec: DeltaSpec): string[] | string {
  if (select?.includes('members'))
    return objs.map(deltaWriter(select, spec, (id) => spec.members?.current(id)))
  const names = select && !select.includes('id') ? [...select, 'id'] : select
  return projectMany(objs, names ?? spec.defaults ?? null)
}

/**
 * Writes delta entries: the selected properties, then the id, then `members@delta` when
 * members are selected and `membersOf` has some for the object (every member in a first
 * round, the net changes in a later one).
 */
function deltaWriter(
  select: string[] | null,
  spec: DeltaSpec,
  membersOf: (id: string) => readonly MemberDelta[] | undefined,
): (obj: object) => string {
  const wantsMembers = select?.includes('members') === true
  // delta answers always carry the id, after the selected properties
  const picked = select ? select.filter((s) => s !== 'members') : null
  const names = picked && !picked.includes('id') ? [...picked, 'id'] : picked
  const write = projector(names, spec.defaults ?? null)
  return (obj) => {
    const text = write(obj)
    const members = wantsMembers ? membersOf(idOf(obj)) : undefined
    if (!members || members.length === 0) return text
    return `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}"members@delta":${JSON.stringify(members)}}`
  }
}
