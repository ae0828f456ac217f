/** Okta error bodies: `{errorCode, errorSummary, errorLink, errorId, errorCauses}`. */
import { randomBytes } from 'node:crypto'
import type { EmuResponse } from '../http'

export function oktaErrorId(): string {
  return `oae${randomBytes(16).toString('base64url').slice(0, 19)}`
}

export function oktaError(
  status: number,
  errorCode: string,
  errorSummary: string,
  causes: string[] = [],
  headers?: Record<string, string>,
): EmuResponse {
  return {
    status,
    ...(headers ? { headers } : {}),
    body: JSON.stringify({
      errorCode,
      errorSummary,
      errorLink: errorCode,
      errorId: oktaErrorId(),
      errorCauses: causes.map((errorSummary) => ({ errorSummary })),
    }),
  }
}

export const invalidToken = (headers?: Record<string, string>): EmuResponse =>
  oktaError(401, 'E0000011', 'Invalid token provided', [], headers)
export const forbidden = (headers?: Record<string, string>): EmuResponse =>
  oktaError(
    403,
    'E0000006',
    'You do not have permission to perform the requested action',
    [],
    headers,
  )
export const notFound = (what: string): EmuResponse =>
  oktaError(404, 'E0000007', `Not found: ${what}`)
export const validation = (cause: string): EmuResponse =>
  oktaError(400, 'E0000001', `Api validation failed: ${cause}`, [cause])
export const rateLimited = (): EmuResponse =>
  oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.')
