/**
 * The one GUID test: tenant, client and object ids, a secret's `keyId`. A secret *value*
 * shaped like a GUID is almost always a secret ID copied by mistake, so rules, the doctor,
 * the Connect form and the contract all ask the same question here.
 */

/** `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex digits, either case, nothing around it. */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** True when the value, trimmed, has the shape of a GUID; false for undefined. */
export function isGuid(value: string | undefined): boolean {
  return value !== undefined && GUID_PATTERN.test(value.trim())
}
