/** Request bodies and answers of the Okta writes: JSON objects in, records out. */
import type { EmuRequest, EmuResponse } from '../http'
import type { OktaRecord } from '../scenarios/types'
import { oktaError, validation } from './errors'

export const SIGN_ON_MODES = new Set([
  'AUTO_LOGIN',
  'BASIC_AUTH',
  'BOOKMARK',
  'BROWSER_PLUGIN',
  'OPENID_CONNECT',
  'SAML_1_1',
  'SAML_2_0',
  'SECURE_PASSWORD_STORE',
  'WS_FEDERATION',
])

export const isRecord = (v: unknown): v is OktaRecord =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function body(req: EmuRequest): OktaRecord | EmuResponse {
  try {
    const parsed: unknown = JSON.parse(req.body || '{}')
    return isRecord(parsed) ? parsed : validation('the request body is not a JSON object')
  } catch {
    return oktaError(400, 'E0000003', 'The request body was not well-formed.')
  }
}

export const created = (record: OktaRecord, status = 200): EmuResponse => ({
  status,
  body: JSON.stringify(record),
})
