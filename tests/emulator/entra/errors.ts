/**
 * Entra token-endpoint error bodies, shaped like login.microsoftonline.com answers
 * (`error`, `error_description` with trace footer, numeric `error_codes`, ids, `error_uri`).
 */
import { randomUUID } from 'node:crypto'
import type { EmuResponse } from '../http'

export interface AadstsError {
  code: number
  error: string
  status: number
  message: string
}

/** `2016-01-09 02:02:12Z`, the timestamp format of Entra error bodies */
export function aadTimestamp(date = new Date()): string {
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z')
}

export function aadstsResponse(
  err: AadstsError,
  ctx: { requestId: string; correlationId: string | undefined; origin: string },
): EmuResponse {
  const timestamp = aadTimestamp()
  const correlationId = ctx.correlationId ?? randomUUID()
  const description =
    `AADSTS${err.code}: ${err.message}\r\nTrace ID: ${ctx.requestId}\r\n` +
    `Correlation ID: ${correlationId}\r\nTimestamp: ${timestamp}`
  return {
    status: err.status,
    headers: {
      'cache-control': 'no-store, no-cache',
      pragma: 'no-cache',
      'x-ms-request-id': ctx.requestId,
      'x-ms-ests-server': '2.1.20000.1 - EUS ProdSlices',
    },
    body: JSON.stringify({
      error: err.error,
      error_description: description,
      error_codes: [err.code],
      timestamp,
      trace_id: ctx.requestId,
      correlation_id: correlationId,
      error_uri: `${ctx.origin}/error?code=${err.code}`,
    }),
  }
}

/** The AADSTS errors the emulator reproduces (message texts follow Entra's). */
export const AADSTS = {
  invalidSecret: (appId: string): AadstsError => ({
    code: 7000215,
    error: 'invalid_client',
    status: 401,
    message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`,
  }),
  expiredSecret: (appId: string): AadstsError => ({
    code: 7000222,
    error: 'invalid_client',
    status: 401,
    message: `The provided client secret keys for app '${appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
  }),
  noCredential: (): AadstsError => ({
    code: 7000218,
    error: 'invalid_client',
    status: 401,
    message:
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  }),
  badAssertion: (reason: string): AadstsError => ({
    code: 700027,
    error: 'invalid_client',
    status: 401,
    message: `Client assertion failed signature validation. [Reason - ${reason}]`,
  }),
  assertionTime: (): AadstsError => ({
    code: 700024,
    error: 'invalid_client',
    status: 401,
    message: 'Client assertion is not within its valid time range.',
  }),
  unknownApp: (appId: string, tenant: string): AadstsError => ({
    code: 700016,
    error: 'unauthorized_client',
    status: 400,
    message: `Application with identifier '${appId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  }),
  disabledApp: (appId: string): AadstsError => ({
    code: 7000112,
    error: 'unauthorized_client',
    status: 400,
    message: `Application '${appId}' is disabled.`,
  }),
  unknownTenant: (tenant: string): AadstsError => ({
    code: 90002,
    error: 'invalid_request',
    status: 400,
    message: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  }),
  invalidScope: (scope: string): AadstsError => ({
    code: 70011,
    error: 'invalid_scope',
    status: 400,
    message: `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
  }),
  scopeNotDefault: (scope: string): AadstsError => ({
    code: 1002012,
    error: 'invalid_scope',
    status: 400,
    message: `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
  }),
  unknownResource: (resource: string, tenant: string): AadstsError => ({
    code: 500011,
    error: 'invalid_resource',
    status: 400,
    message: `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  }),
  missingParameter: (name: string): AadstsError => ({
    code: 900144,
    error: 'invalid_request',
    status: 400,
    message: `The request body must contain the following parameter: '${name}'.`,
  }),
  unsupportedGrant: (grant: string): AadstsError => ({
    code: 70003,
    error: 'unsupported_grant_type',
    status: 400,
    message: `The app requested an unsupported grant type '${grant}'.`,
  }),
} as const
