/**
 * Secret-bearing fields in raw API records are redacted at the door, before a record reaches
 * an event, a snapshot or a log. Okta's IdP GET may return the Entra client secret
 * (`protocol.credentials.client.client_secret`, api-facts F). Every such field becomes the
 * one redacted form of `shared/model/secret.ts`, whatever the value looked like: its first
 * three characters (Entra's `hint` length), whether it had the shape of a GUID, and, when it
 * equals one of the credential key IDs the caller knows, that key ID (a secret ID pasted as
 * the value is not itself secret). Nothing else of the value is kept.
 */
import { SECRET_FIELD as SECRET_KEYS, redactSecret } from '../../shared/model/secret'

/**
 * Redacts secret fields of a parsed JSON value in place; returns the same value. `keyIds`
 * are the credential key IDs a GUID-shaped value is matched against.
 */
export function redactSecretFields<T>(value: T, keyIds: readonly string[] = [], depth = 0): T {
  if (depth > 32 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (const item of value) redactSecretFields(item, keyIds, depth + 1)
    return value
  }
  const obj = value as Record<string, unknown>
  for (const [key, v] of Object.entries(obj)) {
    if (typeof v === 'string' && v !== '' && SECRET_KEYS.test(key))
      obj[key] = redactSecret(v, keyIds)
    else if (v !== null && typeof v === 'object') redactSecretFields(v, keyIds, depth + 1)
  }
  return value
}
