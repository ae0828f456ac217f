/**
 * How two attribute values compare across the seam, in the evidence's vocabulary
 * (`PairVerdict`): equal; equal after normalisation, naming which (letter case,
 * surrounding space, Unicode composition (NFC), zero-width characters); different; or
 * missing on one side. Two more cell states exist only in the comparison grid: `blank`
 * (neither side holds a value) and `unpaired` (the row has no account on one side).
 *
 * Entra and Okta compare UPNs, logins and mail case-insensitively, so a case-only
 * difference is "equal after normalisation"; an immutable ID is base64 and case matters,
 * so `exact` values never fold case.
 */
import { PairVerdict } from '../model/evidence'

/** Every state a comparison cell can be in; indices are stored in typed arrays. */
export const CELL_VERDICTS = [...PairVerdict.options, 'blank', 'unpaired'] as const
export type CellVerdict = (typeof CELL_VERDICTS)[number]

export const V_EQUAL = 0
export const V_NORMALISED = 1
export const V_DIFFERENT = 2
export const V_MISSING_ENTRA = 3
export const V_MISSING_OKTA = 4
export const V_BLANK = 5
export const V_UNPAIRED = 6

/** Normalisations, as bits of a cell's `normalised` value. */
export const NORMALISATIONS = ['case', 'space', 'unicode', 'zero-width'] as const
export type Normalisation = (typeof NORMALISATIONS)[number]
export const N_CASE = 1
export const N_SPACE = 2
export const N_UNICODE = 4
export const N_ZERO_WIDTH = 8

/** Words for each normalisation, for notes and tooltips. */
export const NORMALISATION_LABELS: Readonly<Record<Normalisation, string>> = {
  case: 'letter case',
  space: 'surrounding space',
  unicode: 'Unicode composition (NFC)',
  'zero-width': 'zero-width characters',
}

/** True when a verdict means the two sides disagree (different or one side missing). */
export function isMismatch(verdict: number): boolean {
  return verdict === V_DIFFERENT || verdict === V_MISSING_ENTRA || verdict === V_MISSING_OKTA
}

/** The normalisations named by bits, in NORMALISATIONS order. */
export function normalisationsOf(bits: number): Normalisation[] {
  return NORMALISATIONS.filter((_, i) => (bits & (1 << i)) !== 0)
}

/** "equal after letter case and surrounding space" for a normalised verdict. */
export function normalisedNote(bits: number): string {
  const words = normalisationsOf(bits).map((n) => NORMALISATION_LABELS[n])
  return `equal once ${words.join(' and ')} ${words.length === 1 ? 'is' : 'are'} set aside`
}

// U+200B–U+200D zero-width space, non-joiner, joiner; U+2060 word joiner; U+FEFF BOM
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g
const HAS_ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/
// anything outside printable ASCII may need Unicode composition
const NON_ASCII = /[^\u0020-\u007e]/

/** True for a value that holds something besides space and zero-width characters. */
export function isPresent(value: string | undefined): value is string {
  if (value === undefined || value.length === 0) return false
  const first = value.charCodeAt(0)
  if (first > 32 && first < 127) return true
  return value.replace(ZERO_WIDTH, '').trim().length > 0
}

/** The result of comparing two values: a CELL_VERDICTS index and the normalisation bits. */
export interface Compared {
  verdict: number
  normalised: number
}

const EQUAL: Compared = Object.freeze({ verdict: V_EQUAL, normalised: 0 })
const DIFFERENT: Compared = Object.freeze({ verdict: V_DIFFERENT, normalised: 0 })
const BLANK: Compared = Object.freeze({ verdict: V_BLANK, normalised: 0 })
const MISSING_ENTRA: Compared = Object.freeze({ verdict: V_MISSING_ENTRA, normalised: 0 })
const MISSING_OKTA: Compared = Object.freeze({ verdict: V_MISSING_OKTA, normalised: 0 })

/**
 * Compares an Entra and an Okta value (see the file header). `foldCase` false keeps case
 * significant (immutable IDs). Equal strings take one comparison; only unequal ones are
 * normalised, step by step, so the verdict can say which step made them equal.
 */
export function compareValues(
  entra: string | undefined,
  okta: string | undefined,
  foldCase = true,
): Compared {
  const hasEntra = isPresent(entra)
  const hasOkta = isPresent(okta)
  if (!hasEntra || !hasOkta) {
    if (!hasEntra && !hasOkta) return BLANK
    return hasEntra ? MISSING_OKTA : MISSING_ENTRA
  }
  if (entra === okta) return EQUAL
  let a = entra
  let b = okta
  let bits = 0
  if (HAS_ZERO_WIDTH.test(a) || HAS_ZERO_WIDTH.test(b)) {
    a = a.replace(ZERO_WIDTH, '')
    b = b.replace(ZERO_WIDTH, '')
    bits |= N_ZERO_WIDTH
  }
  const ta = a.trim()
  const tb = b.trim()
  if (ta !== a || tb !== b) bits |= N_SPACE
  a = ta
  b = tb
  if (a === b) return { verdict: V_NORMALISED, normalised: bits }
  if (NON_ASCII.test(a) || NON_ASCII.test(b)) {
    const na = a.normalize('NFC')
    const nb = b.normalize('NFC')
    if (na !== a || nb !== b) {
      if (na === nb) return { verdict: V_NORMALISED, normalised: bits | N_UNICODE }
      // composition alone did not make them equal: it counts only if case folding then does
      if (foldCase && na.toLowerCase() === nb.toLowerCase())
        return { verdict: V_NORMALISED, normalised: bits | N_UNICODE | N_CASE }
      return DIFFERENT
    }
  }
  if (foldCase && a.toLowerCase() === b.toLowerCase())
    return { verdict: V_NORMALISED, normalised: bits | N_CASE }
  return DIFFERENT
}

/** A raw attribute value as text: strings as they are, numbers and booleans printed, lists joined. */
export function valueText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) {
    const parts = value.filter((v) => typeof v === 'string' || typeof v === 'number')
    return parts.length ? parts.join(', ') : undefined
  }
  return undefined
}
