import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../src/shared/model'
import { absorbingFinding } from '../../../src/shared/findings'

const finding = (id: string, rule: string, ...subjects: string[]): Finding => ({
  id,
  rule,
  category: 'attribute-mapping',
  severity: 'high',
  title: id,
  detail: '',
  subjects: subjects.map((s) => {
    const [source, type, sid] = s.split(':') as ['entra' | 'okta', string, string]
    return { source, type, id: sid }
  }),
  evidence: {},
  remediation: { steps: [], links: [] },
})

describe('decisions follow their cause', () => {
  it('moves an old per-IdP finding to the one finding of its cause', () => {
    const old = finding(
      'idp-username-unmatched:old',
      'idp-username-unmatched',
      'okta:idp:A',
      'entra:user:u1',
    )
    const current = [
      finding(
        'idp-username-unmatched:new',
        'idp-username-unmatched',
        'okta:idp:A',
        'okta:idp:B',
        'entra:user:u1',
        'entra:user:u2',
      ),
      finding('email-blank-on-one-side:x', 'email-blank-on-one-side', 'entra:user:u1'),
    ]
    expect(absorbingFinding(old, current)?.id).toBe('idp-username-unmatched:new')
  })

  it('keeps a finding that is still there, and lets a cause that is gone go', () => {
    const same = finding('r:1', 'entra-secret-expiry', 'entra:application:a')
    expect(absorbingFinding(same, [same])).toBe(same)
    expect(
      absorbingFinding(finding('r:2', 'entra-secret-expiry', 'entra:application:b'), [same]),
    ).toBeUndefined()
  })
})
