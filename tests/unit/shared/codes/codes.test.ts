import { describe, expect, it } from 'vitest'
import {
  AADSTS_CODES,
  OKTA_API_CODES,
  OKTA_LOG_REASONS,
  lookupCode,
} from '../../../../src/shared/codes'
import { RULES } from '../../../../src/shared/rules'

describe('error dictionary', () => {
  it.each(['AADSTS7000215', '7000215', 'aadsts 7000215', ' AADSTS:7000215 '])(
    'finds %s',
    (input) => {
      expect(lookupCode(input)?.code).toBe('AADSTS7000215')
    },
  )

  it('finds Okta codes and log reasons (prefix, any case)', () => {
    expect(lookupCode('e0000006')?.name).toBe('Access denied')
    expect(lookupCode('unable to match transformed username')?.kind).toBe('okta-log-reason')
    expect(lookupCode('Unable to match transformed username for user x')?.code).toBe(
      'Unable to match transformed username',
    )
    expect(lookupCode('AADSTS1')).toBeUndefined()
    expect(lookupCode('')).toBeUndefined()
  })

  it('covers the seam codes of the rule facts', () => {
    for (const code of [
      50107, 50008, 90020, 51004, 7000215, 7000222, 50011, 700016, 50194, 65001, 90094, 50006,
    ]) {
      expect(AADSTS_CODES.has(String(code))).toBe(true)
    }
    for (const code of ['E0000001', 'E0000004', 'E0000006', 'E0000007', 'E0000011', 'E0000047']) {
      expect(OKTA_API_CODES.has(code.toLowerCase())).toBe(true)
    }
    expect(OKTA_LOG_REASONS.size).toBeGreaterThanOrEqual(4)
  })

  it('points only at rules that exist, and every entry says what to check and fix', () => {
    const ids = new Set<string>(RULES.map((r) => r.id))
    for (const entry of [
      ...AADSTS_CODES.values(),
      ...OKTA_API_CODES.values(),
      ...OKTA_LOG_REASONS.values(),
    ]) {
      for (const rule of entry.rules) expect(ids.has(rule), `${entry.code} → ${rule}`).toBe(true)
      expect(entry.check.length).toBeGreaterThan(0)
      expect(entry.fix.length).toBeGreaterThan(0)
      expect(entry.links.length).toBeGreaterThan(0)
    }
  })
})
