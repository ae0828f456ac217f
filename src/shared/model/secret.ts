/**
 * How a snapshot holds a secret an API returned (Okta's IdP GET returns the Entra client
 * secret): never the value, always this one redacted form, whatever the value looked
 * like. Rules need three facts from it: the first three characters (Entra keeps the same
 * three as each secret's `hint`), whether the value had the shape of a GUID (a secret ID
 * pasted where the value belongs), and which of the app's credential key IDs it equals.
 */
import { z } from 'zod'
import { isGuid } from '../util/guid'

/** The redacted form stored in place of a secret value. */
export const RedactedSecret = z.object({
  redacted: z.literal(true),
  /** the first three characters, Entra's `hint` length */
  hint: z.string().max(3),
  /** the value had the shape of a GUID */
  guidShaped: z.boolean(),
  /** the app credential key ID the value equals, when it equals one (a secret ID pasted as the value) */
  keyId: z.string().optional(),
})
export type RedactedSecret = z.infer<typeof RedactedSecret>

/**
 * Names of fields that hold a secret in raw API records (Okta's IdP `client_secret`, Graph's
 * `secretText`, passwords, private keys, tokens): the one list the collection's redaction
 * and the documentation's redacted view both use.
 */
export const SECRET_FIELD =
  /^(client_?secret|secretText|password|privateKey|private_key|sharedSecret|apiToken|token|access_token)$/i

const LEGACY_SUFFIX = '[redacted]'

/** True for a GUID-shaped string. */
export function isGuidShaped(value: string): boolean {
  return isGuid(value)
}

/**
 * Redacts a secret value; `keyIds` are the credential key IDs it might equal (a GUID
 * value that equals one of them is recorded by that key ID, which is not secret).
 */
export function redactSecret(value: string, keyIds: readonly string[] = []): RedactedSecret {
  const trimmed = value.trim()
  const guidShaped = isGuidShaped(trimmed)
  const keyId = guidShaped
    ? keyIds.find((k) => k.toLowerCase() === trimmed.toLowerCase())
    : undefined
  return { redacted: true, hint: trimmed.slice(0, 3), guidShaped, ...(keyId ? { keyId } : {}) }
}

/**
 * The redacted form of whatever a snapshot holds in a secret field: the form itself, a
 * value cut to its hint by an earlier version (`abc[redacted]`), or a plain value written
 * by another tool (redacted here, never kept). `undefined` when the field is absent.
 */
export function readSecret(
  value: unknown,
  keyIds: readonly string[] = [],
): RedactedSecret | undefined {
  const parsed = RedactedSecret.safeParse(value)
  if (parsed.success) return parsed.data
  if (typeof value !== 'string') return undefined
  if (value.endsWith(LEGACY_SUFFIX))
    return {
      redacted: true,
      hint: value.slice(0, -LEGACY_SUFFIX.length).slice(0, 3),
      guidShaped: false,
    }
  return redactSecret(value, keyIds)
}
