/**
 * Microsoft Graph v1.0 for the resources Crosswalk reads: routing, permissions per endpoint
 * (from the token's `roles`), premium-license gates, throttling and error answers.
 */
import type { EmulatorContext } from '../context'
import type { EmuRequest, Route, ServiceDefinition } from '../http'
import { authenticate, hasAnyRole } from './auth'
import { denied, graphError, nonPremium } from './errors'
import { parseSelect } from './odata'
import { graphRoutes, PERMISSIONS } from './routes'

export { PERMISSIONS, USER_DEFAULT_PROPERTIES } from './routes'

export function graphService(ctx: EmulatorContext): ServiceDefinition {
  const route = graphRoutes(ctx)
  return {
    service: 'graph',
    resolve(req: EmuRequest): Route {
      const m = /^\/v1\.0\/(.+?)\/?$/.exec(req.path)
      const handler = req.method === 'GET' && m?.[1] ? route(m[1].split('/')) : null
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
          if (!hasAnyRole(caller, handler.permissions)) return denied(req)
          const select = parseSelect(req.query.get('$select'))
          const wantsActivity =
            handler.key.startsWith('GET /v1.0/users') && select?.includes('signInActivity')
          if (wantsActivity && !hasAnyRole(caller, PERMISSIONS.auditLogs)) return denied(req)
          if ((handler.premium || wantsActivity) && !ctx.scenario.entra.premiumLicense)
            return nonPremium(req)
          return handler.run(req, caller)
        },
      }
    },
    throttled: (req, decision) => ({
      status: 429,
      ...(decision.retryAfter === null
        ? {}
        : { headers: { 'retry-after': String(decision.retryAfter) } }),
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
    }),
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
