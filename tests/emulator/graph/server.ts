/**
 * Microsoft Graph v1.0 for the resources Crosswalk reads: routing, permissions per endpoint
 * (from the token's `roles`), premium-license gates, throttling and error answers.
 */
import type { EmulatorContext } from '../context'
import type { EmuRequest, EmuResponse, Route, ServiceDefinition } from '../http'
import { authenticate, holdsPermissions } from './auth'
import { denied, graphError, nonPremium } from './errors'
import { parseSelect } from './odata'
import { graphRoutes } from './routes'
import { PERMISSIONS } from './permissions'
import { graphWrites } from './writes'
import { graphUpdateWrites } from './update-writes'

export { PERMISSIONS, USER_DEFAULT_PROPERTIES } from './permissions'

const REPORTS_WINDOW_MS = 10_000

/** Graph's identity resource-unit cost of a read: 2 for users, applications and app role
 * assignments, 1 otherwise; $select −1, $expand +1, $top under 20 −1; at least 1. */
function resourceUnits(key: string, req: EmuRequest): number {
  const heavy =
    key === 'GET /v1.0/users' ||
    key === 'GET /v1.0/applications' ||
    key.endsWith('/appRoleAssignments')
  let cost = heavy ? 2 : 1
  if (req.query.has('$select')) cost -= 1
  if (req.query.has('$expand')) cost += 1
  const top = Number(req.query.get('$top'))
  if (req.query.has('$top') && top < 20) cost -= 1
  return Math.max(1, cost)
}

export function graphService(ctx: EmulatorContext): ServiceDefinition {
  const route = graphRoutes(ctx)
  const creates = graphWrites(ctx)
  const updates = graphUpdateWrites(ctx)
  const writes = (segments: string[], method: string) =>
    creates(segments, method) ?? updates(segments, method)
  // request times per app on the audit-log routes, for the `reports` limit
  const reportCalls = new Map<string, number[]>()
  function reportsThrottle(req: EmuRequest, appId: string): EmuResponse | null {
    const limit = ctx.faults.current.reports
    if (!limit) return null
    const now = Date.now()
    const recent = (reportCalls.get(appId) ?? []).filter((t) => t > now - REPORTS_WINDOW_MS)
    if (recent.length >= limit) {
      reportCalls.set(appId, recent)
      const wait = ((recent[0] ?? now) + REPORTS_WINDOW_MS - now) / 1000
      return throttledBody(req, Math.max(0.001, Math.round(wait * 1000) / 1000))
    }
    recent.push(now)
    reportCalls.set(appId, recent)
    return null
  }
  return {
    service: 'graph',
    resolve(req: EmuRequest): Route {
      const m = /^\/v1\.0\/(.+?)\/?$/.exec(req.path)
      const segments = m?.[1]?.split('/')
      const handler = !segments
        ? null
        : req.method === 'GET'
          ? route(segments)
          : writes(segments, req.method)
      if (!handler) {
        return {
          key: 'unknown',
          handle: () =>
            graphError(
              req,
              400,
              'BadRequest',
              `Resource not found for the segment '${req.path.split('/').pop() ?? ''}'.`,
            ),
        }
      }
      return {
        key: handler.key,
        handle: () => {
          const caller = authenticate(ctx, req)
          if ('status' in caller) return caller
          if (!holdsPermissions(caller, handler.permissions)) return denied(req)
          const select = parseSelect(req.query.get('$select'))
          const wantsActivity =
            handler.key.startsWith('GET /v1.0/users') && select?.includes('signInActivity')
          if (wantsActivity && !holdsPermissions(caller, PERMISSIONS.auditLogs)) return denied(req)
          if (
            (('premium' in handler && handler.premium) || wantsActivity) &&
            !ctx.scenario.entra.premiumLicense
          )
            return nonPremium(req)
          if (handler.key.startsWith('GET /v1.0/auditLogs/')) {
            const throttled = reportsThrottle(req, caller.appId)
            if (throttled) return throttled
          }
          const out = handler.run(req, caller)
          if (out.status !== 200) return out
          return {
            ...out,
            headers: {
              ...out.headers,
              'x-ms-resource-unit': String(resourceUnits(handler.key, req)),
            },
          }
        },
      }
    },
    throttled: (req, decision) => throttledBody(req, decision.retryAfter),
    serverError: (req) =>
      graphError(
        req,
        503,
        'serviceNotAvailable',
        'The service is temporarily unavailable. Please retry.',
      ),
    commonHeaders: (req) => ({
      'request-id': req.requestId,
      'client-request-id': req.clientRequestId ?? req.requestId,
      'x-ms-ags-diagnostic': JSON.stringify({
        ServerInfo: {
          DataCenter: 'Emulator',
          Slice: 'E',
          Ring: '1',
          ScaleUnit: '000',
          RoleInstance: 'EMU',
          ADSiteName: 'EMU',
        },
      }),
      'odata-version': '4.0',
      'strict-transport-security': 'max-age=31536000',
    }),
  }
}

/** Graph's 429: `TooManyRequests`, with `Retry-After` in (possibly fractional) seconds when known */
function throttledBody(req: EmuRequest, retryAfter: number | null): EmuResponse {
  return {
    status: 429,
    ...(retryAfter === null ? {} : { headers: { 'retry-after': String(retryAfter) } }),
    body: JSON.stringify({
      error: {
        code: 'TooManyRequests',
        message: 'Please retry again later.',
        innerError: {
          code: '429',
          status: '429',
          'request-id': req.requestId,
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
        },
      },
    }),
  }
}
