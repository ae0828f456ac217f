/**
 * The Okta management API for the resources Crosswalk reads, with `Link` paging, opaque
 * `after` cursors, rate-limit buckets and Okta error bodies.
 */
import type { EmulatorContext } from '../context'
import { wsFedPassive } from '../artefacts/wsfed-endpoint'
import type { EmuRequest, EmuResponse, Route, ServiceDefinition } from '../http'
import type { OktaRecord } from '../scenarios/types'
import { authorize, oktaTokenRoute } from './auth'
import { notFound, oktaError, rateLimited } from './errors'
import { filtered } from './filter'
import { listLogs } from './logs'
import { pageOf, withSelfLink } from './paging'
import { rateHeaders, RateLimiter, type BucketState } from './rate-limit'
import { policyRoute } from './policies'
import { oktaWrites } from './writes'

const USER_FILTER_ATTRIBUTES = new Set([
  'status',
  'lastUpdated',
  'id',
  'profile.login',
  'profile.email',
  'profile.firstName',
  'profile.lastName',
])

interface OktaHandler {
  key: string
  bucket: string
  /** OAuth scope the endpoint needs; null for the token endpoint */
  scope: string | null
  /** a second scope the reference lists for the endpoint */
  also?: string
  run: (req: EmuRequest) => EmuResponse
}

function bucketOf(path: string): string {
  if (path.startsWith('/oauth2/')) return 'token'
  const name = path.split('/')[3] ?? 'other'
  return name === 'meta' ? 'schemas' : name
}

const byId = (rows: OktaRecord[], id: string): OktaRecord | undefined =>
  rows.find((r) => r.id === id)

export function oktaService(ctx: EmulatorContext): {
  definition: ServiceDefinition
  limiter: RateLimiter
} {
  const limiter = new RateLimiter(ctx.oktaRateLimits, ctx.oktaRateWindowSeconds)
  const states = new WeakMap<EmuRequest, BucketState>()
  const o = ctx.store.okta
  const data = ctx.scenario.okta
  const writes = oktaWrites(ctx)

  const list = (
    key: string,
    bucket: string,
    scope: string,
    rows: (req: EmuRequest) => OktaRecord[] | EmuResponse,
    limits: { default: number; max: number },
    strip?: (r: OktaRecord) => OktaRecord,
  ): OktaHandler => ({
    key,
    bucket,
    scope,
    run: (req) => {
      const r = rows(req)
      return Array.isArray(r) ? pageOf(req, r, limits, strip) : r
    },
  })
  const single = (
    key: string,
    bucket: string,
    scope: string,
    find: () => OktaRecord | undefined,
    what: string,
    /** app users answer as the list shows them: `_links` has `app` and `user`, no `self` */
    selfLink = true,
  ): OktaHandler => ({
    key,
    bucket,
    scope,
    run: (req) => {
      const found = find()
      if (!found) return notFound(what)
      return { status: 200, body: JSON.stringify(selfLink ? withSelfLink(req, found) : found) }
    },
  })
  const stripMapping = (m: OktaRecord): OktaRecord => {
    const rest = { ...m }
    delete rest.properties
    return rest
  }

  function route(req: EmuRequest): OktaHandler | null {
    const p = req.path.replace(/\/+$/, '')
    if (req.method === 'POST' && p === '/oauth2/v1/token') {
      return {
        key: 'POST /oauth2/v1/token',
        bucket: 'token',
        scope: null,
        run: () => oktaTokenRoute(ctx, req),
      }
    }
    if (req.method !== 'GET') return writes(req)
    const passive = /^\/app\/office365\/([^/]+)\/sso\/wsfed\/passive$/.exec(p)
    if (passive?.[1]) {
      const key = passive[1]
      return {
        key: 'GET /app/office365/{key}/sso/wsfed/passive',
        bucket: 'other',
        scope: null,
        run: () => wsFedPassive(ctx, req, key),
      }
    }
    const seg = p.split('/').slice(1)
    if (seg[0] !== 'api' || seg[1] !== 'v1') return null
    const [, , a, b, c, d] = seg
    const n = seg.length
    const missing = (what: string): string => `Resource not found: ${what} (${what.split(' ')[0]})`
    switch (a) {
      case 'users':
        if (n === 3)
          return list(
            'GET /api/v1/users',
            'users',
            'okta.users.read',
            (r) => filtered(r, o.users, USER_FILTER_ATTRIBUTES, true),
            // `q` pages at 10 by default
            { default: req.query.has('q') ? 10 : 200, max: 200 },
          )
        if (n === 4) {
          const id = b ?? ''
          return single(
            'GET /api/v1/users/{id}',
            'users',
            'okta.users.read',
            () =>
              o.users.get(id) ??
              o.users.find(
                (u) =>
                  String((u.profile as OktaRecord | undefined)?.login ?? '').toLowerCase() ===
                  id.toLowerCase(),
              ),
            missing(`${id} (User)`),
          )
        }
        break
      case 'groups':
        if (n === 3)
          return list(
            'GET /api/v1/groups',
            'groups',
            'okta.groups.read',
            (r) => filtered(r, o.groups, null, false),
            { default: 10000, max: 10000 },
          )
        if (n === 4)
          return single(
            'GET /api/v1/groups/{id}',
            'groups',
            'okta.groups.read',
            () => o.groups.get(b ?? ''),
            missing(`${b} (UserGroup)`),
          )
        if (n === 5 && c === 'users') {
          const group = o.groups.get(b ?? '')
          return list(
            'GET /api/v1/groups/{id}/users',
            'groups',
            'okta.groups.read',
            () => {
              if (!group) return notFound(missing(`${b} (UserGroup)`))
              // Everyone holds every user; other groups list theirs
              if (group.type === 'BUILT_IN')
                return o.users.view('active', (rows) =>
                  rows.filter((u) => u.status !== 'DEPROVISIONED'),
                )
              const ids = data.groupMembers[b ?? ''] ?? []
              return ids.map((id) => o.users.get(id)).filter((u): u is OktaRecord => !!u)
            },
            // listGroupUsers pages at 1000 by default (the reference recommends 200)
            { default: 1000, max: 1000 },
          )
        }
        break
      case 'apps': {
        if (n === 3)
          return list(
            'GET /api/v1/apps',
            'apps',
            'okta.apps.read',
            (r) => filtered(r, o.apps, null, false),
            { default: 20, max: 200 },
          )
        const app = o.apps.get(b ?? '')
        const what = missing(`${b} (AppInstance)`)
        if (n === 4)
          return single('GET /api/v1/apps/{id}', 'apps', 'okta.apps.read', () => app, what)
        if (n === 5 && c === 'users') {
          return list(
            'GET /api/v1/apps/{id}/users',
            'apps',
            'okta.apps.read',
            () => (app ? (data.appUsers[b ?? ''] ?? []) : notFound(what)),
            { default: 50, max: 500 },
          )
        }
        if (n === 6 && c === 'users') {
          return single(
            'GET /api/v1/apps/{id}/users/{userId}',
            'apps',
            'okta.apps.read',
            () => (app ? byId(data.appUsers[b ?? ''] ?? [], d ?? '') : undefined),
            missing(`${d} (AppUser)`),
            false,
          )
        }
        if (n === 5 && c === 'groups') {
          return list(
            'GET /api/v1/apps/{id}/groups',
            'apps',
            'okta.apps.read',
            () => (app ? (data.appGroups[b ?? ''] ?? []) : notFound(what)),
            { default: 20, max: 200 },
          )
        }
        if (n === 6 && c === 'group-push' && d === 'mappings') {
          return {
            key: 'GET /api/v1/apps/{id}/group-push/mappings',
            bucket: 'apps',
            scope: 'okta.apps.read',
            also: 'okta.groups.read',
            run: (r) =>
              app
                ? pageOf(r, data.groupPushMappings[b ?? ''] ?? [], { default: 100, max: 1000 })
                : notFound(what),
          }
        }
        if (n === 6 && c === 'credentials' && d === 'keys') {
          return {
            key: 'GET /api/v1/apps/{id}/credentials/keys',
            bucket: 'apps',
            scope: 'okta.apps.read',
            run: () =>
              app
                ? { status: 200, body: JSON.stringify(data.appKeys[b ?? ''] ?? []) }
                : notFound(what),
          }
        }
        break
      }
      case 'idps':
        if (n === 3) {
          return list(
            'GET /api/v1/idps',
            'idps',
            'okta.idps.read',
            (r) => {
              const type = r.query.get('type')
              const rows = filtered(r, o.idps, null, false)
              return type && Array.isArray(rows) ? rows.filter((i) => i.type === type) : rows
            },
            { default: 20, max: 200 },
          )
        }
        if (n === 4)
          return single(
            'GET /api/v1/idps/{id}',
            'idps',
            'okta.idps.read',
            () => o.idps.get(b ?? ''),
            missing(`${b} (IdentityProvider)`),
          )
        break
      case 'mappings':
        if (n === 3) {
          return list(
            'GET /api/v1/mappings',
            'mappings',
            'okta.profileMappings.read',
            (r) => {
              const sourceId = r.query.get('sourceId')
              const targetId = r.query.get('targetId')
              if (!sourceId && !targetId) return o.mappings.items
              return o.mappings.items.filter(
                (m) =>
                  (!sourceId || (m.source as OktaRecord | undefined)?.id === sourceId) &&
                  (!targetId || (m.target as OktaRecord | undefined)?.id === targetId),
              )
            },
            { default: 20, max: 200 },
            stripMapping,
          )
        }
        if (n === 4)
          return single(
            'GET /api/v1/mappings/{id}',
            'mappings',
            'okta.profileMappings.read',
            () => o.mappings.get(b ?? ''),
            missing(`${b} (ProfileMapping)`),
          )
        break
      case 'meta':
        if (b === 'schemas' && c === 'user' && n === 6) {
          const id = d ?? ''
          return single(
            'GET /api/v1/meta/schemas/user/{id}',
            'schemas',
            'okta.schemas.read',
            () => (id === 'default' || id === data.userSchema.id ? data.userSchema : undefined),
            missing(`${id} (UserSchema)`),
          )
        }
        break
      case 'policies': {
        const route = policyRoute(data, seg.slice(3))
        if (route) return route
        break
      }
      case 'logs':
        if (n === 3)
          return {
            key: 'GET /api/v1/logs',
            bucket: 'logs',
            scope: 'okta.logs.read',
            run: (r) => listLogs(r, o.logs, ctx.store.clock),
          }
        break
    }
    return null
  }

  const definition: ServiceDefinition = {
    service: 'okta',
    resolve(req: EmuRequest): Route {
      const h = route(req)
      if (!h) {
        return {
          key: 'unknown',
          handle: () => {
            states.set(req, limiter.take('other'))
            return notFound(`Resource not found: ${req.method} ${req.path} (Api)`)
          },
        }
      }
      return {
        key: h.key,
        auth: h.scope === null,
        handle: () => {
          const state = limiter.take(h.bucket)
          states.set(req, state)
          if (state.exhausted) return rateLimited()
          for (const scope of [h.scope, h.also]) {
            if (!scope) continue
            const denied = authorize(ctx, req, scope)
            if (denied) return denied
          }
          return h.run(req)
        },
      }
    },
    throttled: (req) => {
      const reset = Math.floor(Date.now() / 1000) + ctx.faults.current.okta429Reset
      const { limit } = limiter.peek(bucketOf(req.path))
      return { ...rateLimited(), headers: rateHeaders({ limit, remaining: 0, reset }) }
    },
    serverError: () => oktaError(500, 'E0000009', 'Internal Server Error'),
    commonHeaders: (req) => {
      const state = states.get(req)
      return {
        'x-okta-request-id': req.requestId.replace(/-/g, '').slice(0, 24),
        ...(state ? rateHeaders(state) : {}),
        'cache-control': 'no-cache, no-store',
        'strict-transport-security': 'max-age=315360000; includeSubDomains',
      }
    },
  }
  return { definition, limiter }
}
