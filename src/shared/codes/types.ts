/**
 * One entry of the offline error dictionary: what a code means, why it typically
 * happens between Entra and Okta, what to inspect and how to fix it.
 */
import type { RuleId } from '../rules'

export interface CodeEntry {
  /** canonical form: `AADSTS50107`, `E0000006`, or the System Log reason text */
  code: string
  kind: 'aadsts' | 'okta-api' | 'okta-log-reason'
  /** Microsoft's or Okta's name for it */
  name: string
  meaning: string
  /** the usual cause in an Entra–Okta integration (our reading of the design, see rule-facts §5.6) */
  cause: string
  /** configuration objects and values to inspect */
  check: string[]
  fix: string[]
  /** rule ids whose findings point at the objects involved (checked at compile time) */
  rules: RuleId[]
  links: string[]
}
