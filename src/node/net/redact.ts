/**
 * Secret-bearing fields in raw API records are redacted at the door, before a record reaches
 * an event, a snapshot or a log. Okta's IdP GET may return the Entra client secret
 * (`protocol.credentials.client.client_secret`, api-facts F); rules still need to tell a
 * secret *ID* (a GUID, which is not secret) from a value and to compare the value's first
 * three characters with Entra's `passwordCredentials[].hint`. So a GUID is kept as is and
 * any other value becomes its first three characters followed by `[redacted]`.
 */
import { SECRET_FIELD as SECRET_KEYS } from '../../shared/model/secret'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The marker that ends every redacted value. */
export const REDACTED_SUFFIX = '[redacted]'

/** `abcdef…` → `abc[redacted]`; a GUID is returned unchanged (a secret ID, not a secret). */
export function redactSecretValue(value: string): string {
  if (GUID.test(value.trim()) || value.endsWith(REDACTED_SUFFIX)) return value
  return `${value.slice(0, 3)}${REDACTED_SUFFIX}`
}

/** Redacts secret fields of a parsed JSON value in place; returns the same value. */
export function redactSecretFields<T>(value: T, depth = 0): T {
  if (depth > 32 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (const item of value) redactSecretFields(item, depth + 1)
    return value
  }
  const obj = value as Record<string, unknown>
  for (const [key, v] of Object.entries(obj)) {
    if (typeof v === 'string' && v !== '' && SECRET_KEYS.test(key)) obj[key] = redactSecretValue(v)
    else if (v !== null && typeof v === 'object') redactSecretFields(v, depth + 1)
  }
  return value
}
