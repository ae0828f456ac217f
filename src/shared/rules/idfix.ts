/**
 * IdFix's attribute checks (microsoft/idfix, "Errors supported by the IdFix tool"),
 * applied to cloud data on both sides. Each check returns the IdFix error types a
 * value has: Blank, Character, Format, TopLevelDomain, Length. Duplicates are the
 * duplicate rules' business.
 *
 * @see https://learn.microsoft.com/en-us/microsoft-365/enterprise/install-and-run-idfix
 */

/** IdFix's error types (Duplicate and MailMatch are handled elsewhere). */
export type IdFixError = 'blank' | 'character' | 'format' | 'top-level-domain' | 'length'

// IdFix: whitespace \ % & * + / = ? { } | < > ( ) ; : , [ ] " and umlauted vowels; Entra allows
// only ASCII letters, digits and ' . - _ ! # ^ ~ in a UPN, so every non-ASCII letter fails too. IdFix's
// code also rejects ', but Entra documents the apostrophe as allowed (O'Brien), so it passes.
const UPN_BAD = /[\s\\%&*+/=?{}|<>();:,[\]"]|[^ -~]/
const MAIL_BAD = /[\s<>();,[\]"\\]/
// an apostrophe is a valid character of an address's local part (RFC 5322), as in o'brien@…
const PROXY_BAD = /[\s<>();,[\]"]/
// whitespace \ ! # $ % & * + / = ? ^ ` { } | ~ < > ( ) ' ; : , [ ] " @
const NICK_BAD = /[\s\\!#$%&*+/=?^`{}|~<>()';:,[\]"@]/
const LOCAL_ATOM = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+$/i
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i
const TLD = /^(?:[a-z]{2,17}|xn--[a-z0-9-]{1,59})$/i
const NON_ROUTABLE = new Set([
  'local',
  'lan',
  'internal',
  'intranet',
  'corp',
  'home',
  'localdomain',
  'localhost',
  'private',
  'test',
  'example',
  'invalid',
  'domain',
  'priv',
  'ad',
  'office',
  'int',
])

/** RFC 2822-style address check (dot-atoms, domain labels), IdFix's Format rule. */
export function isRfc2822Address(value: string): boolean {
  const at = value.lastIndexOf('@')
  if (at <= 0 || at === value.length - 1) return false
  const local = value.slice(0, at)
  const domain = value.slice(at + 1)
  if (!local.split('.').every((atom) => atom.length > 0 && LOCAL_ATOM.test(atom))) return false
  const labels = domain.split('.')
  return labels.length >= 2 && labels.every((l) => DOMAIN_LABEL.test(l))
}

/** True when the address's top-level domain is not publicly routable (e.g. `.local`). */
export function hasNonRoutableTld(raw: string): boolean {
  // surrounding whitespace is the character rule's finding, not a TLD problem
  const value = raw.trim()
  const at = value.lastIndexOf('@')
  const domain = at >= 0 ? value.slice(at + 1) : value
  const tld = domain.slice(domain.lastIndexOf('.') + 1).toLowerCase()
  if (!domain.includes('.')) return true
  return NON_ROUTABLE.has(tld) || !TLD.test(tld)
}

// letters, digits, '_', '-' in dot-atoms on a plain domain: valid under every IdFix
// character list, so most values of a real directory need only this one test
// (sticky, so a proxy address is tested from after its prefix without copying it)
const PLAIN_ADDRESS =
  /[a-z0-9_-]+(?:\.[a-z0-9_-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,17}$/iy
const NO_ERRORS: readonly IdFixError[] = Object.freeze([])
const NON_ROUTABLE_LIST = [...NON_ROUTABLE]

/** True when `value` ends with `.tld` for a non-routable TLD, in any case (no copy of the value). */
function endsNonRoutable(value: string): boolean {
  const dot = value.lastIndexOf('.')
  const length = value.length - dot - 1
  for (const tld of NON_ROUTABLE_LIST) {
    if (tld.length !== length) continue
    let same = true
    for (let k = 0; k < length && same; k++)
      same = (value.charCodeAt(dot + 1 + k) | 32) === tld.charCodeAt(k)
    if (same) return true
  }
  return false
}

/** The address from `start` on is plainly valid: letters, digits, _ and - in dot-atoms, a routable TLD. */
function isPlainValid(value: string, maxLength: number, start = 0): boolean {
  if (value.length - start > maxLength) return false
  PLAIN_ADDRESS.lastIndex = start
  return PLAIN_ADDRESS.test(value) && !endsNonRoutable(value)
}

function addressErrors(value: string, bad: RegExp, maxLength: number): readonly IdFixError[] {
  if (isPlainValid(value, maxLength)) return NO_ERRORS
  const errors: IdFixError[] = []
  if (bad.test(value)) errors.push('character')
  else if (!isRfc2822Address(value)) errors.push('format')
  if (value.includes('@') && value.includes('.') && hasNonRoutableTld(value))
    errors.push('top-level-domain')
  if (value.length > maxLength) errors.push('length')
  return errors
}

/** userPrincipalName: characters, format, routable TLD, ≤ 113 chars, < 64 before @ and < 48 after. */
export function checkUpn(value: string | undefined): readonly IdFixError[] {
  if (value === undefined || !value.trim()) return ['blank']
  const found = addressErrors(value, UPN_BAD, 113)
  const at = value.lastIndexOf('@')
  const partTooLong = at >= 0 && (at >= 64 || value.length - at - 1 >= 48)
  if (found.length === 0 && !partTooLong) return NO_ERRORS
  const errors = [...found]
  if (partTooLong && !errors.includes('length')) errors.push('length')
  return errors
}

/** mail: no whitespace, RFC 2822, routable TLD, < 256 chars. Blank is allowed (no mailbox). */
export function checkMail(value: string | undefined): readonly IdFixError[] {
  if (value === undefined || !value.trim()) return []
  return addressErrors(value, MAIL_BAD, 255)
}

/** mailNickname: not blank, IdFix's character list, no leading/trailing period, < 64 chars. */
export function checkMailNickname(value: string | undefined): readonly IdFixError[] {
  if (value === undefined || !value.trim()) return ['blank']
  const errors: IdFixError[] = []
  if (NICK_BAD.test(value)) errors.push('character')
  if (value.startsWith('.') || value.endsWith('.')) errors.push('format')
  if (value.length >= 64) errors.push('length')
  return errors
}

/** One proxy address: SMTP values get the address checks; every value ≤ 256 chars. */
export function checkProxyAddress(value: string): readonly IdFixError[] {
  const colon = value.indexOf(':')
  if (
    colon === 4 &&
    value.length <= 256 &&
    (value.charCodeAt(0) | 32) === 115 &&
    (value.charCodeAt(1) | 32) === 109 &&
    (value.charCodeAt(2) | 32) === 116 &&
    (value.charCodeAt(3) | 32) === 112 &&
    isPlainValid(value, 256, 5)
  )
    return NO_ERRORS
  const prefix = colon > 0 ? value.slice(0, colon).toLowerCase() : ''
  const errors: IdFixError[] = []
  if (prefix === 'smtp') {
    errors.push(
      ...addressErrors(value.slice(colon + 1), PROXY_BAD, 256).filter((e) => e !== 'length'),
    )
  } else if (colon <= 0) {
    errors.push('format')
  }
  if (value.length > 256) errors.push('length')
  return errors
}

/** Okta login: ≤ 100 chars; email-shaped unless the org's schema relaxes the pattern. */
export function checkOktaLogin(
  value: string | undefined,
  requireEmail: boolean,
): readonly IdFixError[] {
  if (value === undefined || !value.trim()) return ['blank']
  if (isPlainValid(value, 100)) return NO_ERRORS
  const errors: IdFixError[] = []
  if (/\s/.test(value)) errors.push('character')
  else if (requireEmail && !isRfc2822Address(value)) errors.push('format')
  if (requireEmail && value.includes('@') && hasNonRoutableTld(value))
    errors.push('top-level-domain')
  if (value.length > 100) errors.push('length')
  return errors
}

/** Okta email: required by the default schema; RFC 2822 and routable. */
export function checkOktaEmail(value: string | undefined): readonly IdFixError[] {
  if (value === undefined || !value.trim()) return ['blank']
  return addressErrors(value, MAIL_BAD, 100)
}

/** Service accounts IdFix skips by name prefix (and Entra Connect's own sync account). */
export function isWellKnownExclusion(name: string | undefined): boolean {
  if (!name) return false
  return /^(HealthMailbox|SystemMailbox|DiscoverySearchMailbox|FederatedEmail|msol_|krbtgt|Sync_|CAS_\{)/i.test(
    name,
  )
}
