/**
 * The login host: v2.0 OIDC discovery, the JWKS, instance discovery and the token endpoint.
 */
import { randomUUID } from 'node:crypto'
import { resolveTenant, type EmulatorContext } from '../context'
import {
  json,
  type EmuRequest,
  type EmuResponse,
  type Route,
  type ServiceDefinition,
} from '../http'
import { AADSTS, aadstsResponse } from './errors'
import { tokenRoute } from './token'

const DISCOVERY = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration\/?$/i
const KEYS = /^\/([^/]+)\/discovery\/v2\.0\/keys\/?$/i
const TOKEN = /^\/([^/]+)\/oauth2\/v2\.0\/token\/?$/i

export function discoveryDocument(origin: string, tenantId: string): Record<string, unknown> {
  const base = `${origin}/${tenantId}`
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: [
      'client_secret_post',
      'private_key_jwt',
      'client_secret_basic',
    ],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'WW',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  }
}

export function entraService(ctx: EmulatorContext): ServiceDefinition {
  const discoveryHeaders = (req: EmuRequest): Record<string, string> => ({
    'cache-control': 'max-age=86400, private',
    'access-control-allow-origin': '*',
    'x-ms-request-id': req.requestId,
  })
  const unknownTenant = (req: EmuRequest, segment: string): EmuResponse =>
    aadstsResponse(AADSTS.unknownTenant(segment), {
      requestId: req.requestId,
      correlationId: req.clientRequestId,
      origin: req.origin,
    })

  return {
    service: 'entra',
    resolve(req: EmuRequest): Route {
      const p = req.path
      let m: RegExpExecArray | null
      if (req.method === 'GET' && (m = DISCOVERY.exec(p))) {
        const segment = m[1] ?? ''
        return {
          key: 'GET /{tenant}/v2.0/.well-known/openid-configuration',
          auth: true,
          handle: () => {
            const tid = resolveTenant(ctx, segment)
            if (!tid) return unknownTenant(req, segment)
            return json(200, discoveryDocument(req.origin, tid), discoveryHeaders(req))
          },
        }
      }
      if (req.method === 'GET' && (m = KEYS.exec(p))) {
        const segment = m[1] ?? ''
        return {
          key: 'GET /{tenant}/discovery/v2.0/keys',
          auth: true,
          handle: () => {
            if (!resolveTenant(ctx, segment)) return unknownTenant(req, segment)
            const issuer = `${req.origin}/${ctx.tenantId}/v2.0`
            return json(200, { keys: [{ ...ctx.signing.jwk, issuer }] }, discoveryHeaders(req))
          },
        }
      }
      if (req.method === 'POST' && (m = TOKEN.exec(p))) {
        const segment = m[1] ?? ''
        return {
          key: 'POST /{tenant}/oauth2/v2.0/token',
          auth: true,
          handle: () => tokenRoute(ctx, req, segment),
        }
      }
      if (req.method === 'GET' && /^\/common\/discovery\/instance\/?$/i.test(p)) {
        return {
          key: 'GET /common/discovery/instance',
          auth: true,
          handle: () => {
            const host = new URL(req.origin).host
            return json(200, {
              tenant_discovery_endpoint: `${req.origin}/${ctx.tenantId}/v2.0/.well-known/openid-configuration`,
              'api-version': '1.1',
              metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
            })
          },
        }
      }
      return {
        key: 'unknown',
        handle: () =>
          aadstsResponse(
            {
              code: 900561,
              error: 'invalid_request',
              status: 404,
              message: `The endpoint ${p} is not supported.`,
            },
            { requestId: req.requestId, correlationId: req.clientRequestId, origin: req.origin },
          ),
      }
    },
    throttled: (req) =>
      aadstsResponse(
        {
          code: 50196,
          error: 'temporarily_unavailable',
          status: 429,
          message: 'The server is busy. Retry later.',
        },
        { requestId: req.requestId, correlationId: req.clientRequestId, origin: req.origin },
      ),
    serverError: (req) =>
      aadstsResponse(
        {
          code: 90033,
          error: 'temporarily_unavailable',
          status: 503,
          message: 'A transient error has occurred. Please try again.',
        },
        {
          requestId: req.requestId,
          correlationId: req.clientRequestId ?? randomUUID(),
          origin: req.origin,
        },
      ),
    commonHeaders: (req) => ({ 'x-ms-request-id': req.requestId }),
  }
}
