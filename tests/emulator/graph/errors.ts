/** Graph error bodies: `{"error":{"code","message","innerError":{date, request-id, client-request-id}}}`. */
import type { EmuRequest, EmuResponse } from '../http'

export function graphError(
  req: EmuRequest,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): EmuResponse {
  return {
    status,
    ...(headers ? { headers } : {}),
    body: JSON.stringify({
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': req.requestId,
          'client-request-id': req.clientRequestId ?? req.requestId,
        },
      },
    }),
  }
}

export const denied = (req: EmuRequest): EmuResponse =>
  graphError(
    req,
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
  )

export const nonPremium = (req: EmuRequest): EmuResponse =>
  graphError(
    req,
    403,
    'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
    "Neither tenant is B2C or tenant doesn't have premium license",
  )

export const notFound = (req: EmuRequest, id: string): EmuResponse =>
  graphError(
    req,
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  )

export const badRequest = (req: EmuRequest, message: string): EmuResponse =>
  graphError(req, 400, 'Request_BadRequest', message)

export const unsupportedQuery = (req: EmuRequest, message: string): EmuResponse =>
  graphError(req, 400, 'Request_UnsupportedQuery', message)
