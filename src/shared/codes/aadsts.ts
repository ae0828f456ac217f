/**
 * AADSTS codes that matter between Entra and Okta (Microsoft's reference list,
 * condensed; causes are our reading of the Okta integration, rule-facts §5.6 and
 * api-facts A3).
 *
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes
 */
import type { CodeEntry } from './types'
import { REF } from './aadsts-row'
import { APP_CODE_ROWS } from './aadsts-app-codes'
import { FEDERATION_CODE_ROWS } from './aadsts-federation-codes'
import { SIGN_IN_CODE_ROWS } from './aadsts-sign-in-codes'

const ROWS = [...APP_CODE_ROWS, ...FEDERATION_CODE_ROWS, ...SIGN_IN_CODE_ROWS]

/** AADSTS entries keyed by the number (as text, without the prefix). */
export const AADSTS_CODES: ReadonlyMap<string, CodeEntry> = new Map(
  ROWS.map(([code, name, meaning, cause, check, fix, rules, links]) => [
    String(code),
    {
      code: `AADSTS${code}`,
      kind: 'aadsts',
      name,
      meaning,
      cause,
      check,
      fix,
      rules,
      links: [...(links ?? []), REF],
    },
  ]),
)
