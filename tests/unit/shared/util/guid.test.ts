import { describe, expect, it } from 'vitest'
import { guidImmutableId, immutableIdGuid, isGuid } from '../../../../src/shared/util/guid'

/** base64 of the GUID's bytes in AD's order (first three fields little-endian), by Node's Buffer. */
function adBase64(guid: string): string {
  const b = Buffer.from(guid.replace(/-/g, ''), 'hex')
  const le = (from: number, to: number) => Buffer.from(b.subarray(from, to)).reverse()
  return Buffer.concat([le(0, 4), le(4, 6), le(6, 8), b.subarray(8)]).toString('base64')
}

describe('GUIDs and immutable IDs', () => {
  it('tells a GUID from anything else', () => {
    expect(isGuid(' 49CB33D0-E105-46F0-92CB-A52F514AC86D ')).toBe(true)
    expect(isGuid('49cb33d0e10546f092cba52f514ac86d')).toBe(false)
    expect(isGuid(undefined)).toBe(false)
  })

  it('reads the AD GUID an immutable ID encodes, and back, for many GUIDs', () => {
    for (let i = 0; i < 200; i++) {
      const hex = [...crypto.getRandomValues(new Uint8Array(16))]
        .map((x) => x.toString(16).padStart(2, '0'))
        .join('')
      const guid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
      const b64 = adBase64(guid)
      expect(immutableIdGuid(b64)).toBe(guid)
      expect(guidImmutableId(guid.toUpperCase())).toBe(b64)
    }
    expect(immutableIdGuid('0DPLSQXh8EaSy6UvUUrIbQ==')).toBe('49cb33d0-e105-46f0-92cb-a52f514ac86d')
  })

  it('says nothing of values that are not 16 bytes of base64', () => {
    for (const v of [
      'alice@contoso.com',
      'QUxJQ0UtR1VJRA==',
      '0DPLSQXh8EaSy6UvUUrIbQ=',
      '',
      undefined,
    ])
      expect(immutableIdGuid(v)).toBeUndefined()
    expect(guidImmutableId('not-a-guid')).toBeUndefined()
  })
})
