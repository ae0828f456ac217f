/**
 * The offline error dictionary: AADSTS codes, Okta E0000xxx codes and Okta System
 * Log reasons. `lookupCode` accepts what a consultant pastes: `AADSTS50107`,
 * `50107`, `aadsts 50107`, `E0000006`, or a log reason (prefix match, case-insensitive).
 */
import { AADSTS_CODES } from './aadsts'
import { OKTA_API_CODES, OKTA_LOG_REASONS } from './okta'
import type { CodeEntry } from './types'

export type { CodeEntry } from './types'
export { AADSTS_CODES } from './aadsts'
export { OKTA_API_CODES, OKTA_LOG_REASONS } from './okta'

/** Finds the dictionary entry for a pasted code or reason; `undefined` when unknown. */
export function lookupCode(input: string): CodeEntry | undefined {
  const raw = input.trim()
  if (!raw) return undefined
  const aadsts = /^(?:aadsts\s*:?\s*)?(\d{4,8})$/i.exec(raw)
  if (aadsts?.[1]) return AADSTS_CODES.get(String(Number(aadsts[1])))
  const okta = /^e0{3,}\d+$/i.exec(raw)
  if (okta) return OKTA_API_CODES.get(raw.toLowerCase())
  const reason = raw.toLowerCase()
  const exact = OKTA_LOG_REASONS.get(reason)
  if (exact) return exact
  for (const [key, entry] of OKTA_LOG_REASONS) {
    if (reason.startsWith(key) || key.startsWith(reason)) return entry
  }
  return undefined
}

/** The meaning of an AADSTS number (as sign-in logs store it), or `undefined`. */
export function aadstsEntry(code: number | string): CodeEntry | undefined {
  return AADSTS_CODES.get(String(Number(code)))
}
