import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../../src/shared/model/finding'
import {
  facetCounts,
  filterFindings,
  groupFindings,
  indexFindings,
  searchTerms,
} from '../../../../src/shared/findings-filter'

function make(
  partial: Partial<Finding> & Pick<Finding, 'id' | 'rule' | 'severity' | 'category'>,
): Finding {
  return {
    title: partial.id,
    detail: '',
    subjects: [],
    evidence: {},
    remediation: { steps: [], links: [] },
    ...partial,
  }
}

const secret = make({
  id: 'f1',
  rule: 'idp-client-secret-mismatch',
  severity: 'critical',
  category: 'credential-mismatch',
  title: 'Okta IdP "Contoso" holds the secret ID instead of the secret value',
  subjects: [
    { source: 'okta', type: 'idp', id: '0oaIDP', name: 'Contoso Entra ID' },
    { source: 'entra', type: 'application', id: 'app-1', name: 'Okta sign-in' },
  ],
})
const cert = make({
  id: 'f2',
  rule: 'federation-signing-cert-mismatch',
  severity: 'critical',
  category: 'credential-mismatch',
  title: 'Federation of contoso.com trusts a certificate Okta no longer signs with',
  subjects: [{ source: 'entra', type: 'domain', id: 'contoso.com' }],
})
const immutable = make({
  id: 'f3',
  rule: 'immutable-id-mismatch',
  severity: 'high',
  category: 'attribute-mapping',
  title: 'ImmutableID of carol@contoso.com differs',
  subjects: [{ source: 'okta', type: 'user', id: '00u1', name: 'Carol@Contoso.com' }],
})
const missing = make({
  id: 'f4',
  rule: 'snapshot-resource-missing',
  severity: 'info',
  category: 'permission',
  title: 'entra.signIns was not collected',
  evidence: { resource: 'entra.signIns' },
})
const all = indexFindings([secret, cert, immutable, missing])
const ids = (items: { finding: Finding }[]) => items.map((i) => i.finding.id)

describe('indexFindings', () => {
  it('derives sources from subjects, else from the evidence', () => {
    expect([...all[0]!.sources].sort()).toEqual(['entra', 'okta'])
    expect([...all[3]!.sources]).toEqual(['entra'])
  })
})

describe('filterFindings', () => {
  it('returns everything in order with no criteria', () => {
    expect(ids(filterFindings(all, {}))).toEqual(['f1', 'f2', 'f3', 'f4'])
  })

  it('filters by severity, category and source, combining them with AND', () => {
    expect(ids(filterFindings(all, { severities: new Set(['critical']) }))).toEqual(['f1', 'f2'])
    expect(
      ids(filterFindings(all, { categories: new Set(['attribute-mapping', 'permission']) })),
    ).toEqual(['f3', 'f4'])
    expect(ids(filterFindings(all, { sources: new Set(['okta']) }))).toEqual(['f1', 'f3'])
    expect(
      ids(filterFindings(all, { severities: new Set(['critical']), sources: new Set(['okta']) })),
    ).toEqual(['f1'])
  })

  it('searches title, rule and subject names case-insensitively, every term required', () => {
    expect(ids(filterFindings(all, { text: 'CAROL' }))).toEqual(['f3'])
    expect(ids(filterFindings(all, { text: 'okta sign-in' }))).toEqual(['f1'])
    expect(ids(filterFindings(all, { text: 'signing-cert' }))).toEqual(['f2'])
    expect(ids(filterFindings(all, { text: 'contoso certificate' }))).toEqual(['f2'])
    expect(ids(filterFindings(all, { text: 'contoso nothing-like-this' }))).toEqual([])
  })

  it('filters by the workspace decision, a finding without one being open', () => {
    const decisions = new Map([
      ['f1', 'accepted' as const],
      ['f2', 'ignored' as const],
    ])
    const lookup = (id: string) => decisions.get(id)
    expect(ids(filterFindings(all, { decisions: new Set(['open']) }, lookup))).toEqual(['f3', 'f4'])
    expect(
      ids(filterFindings(all, { decisions: new Set(['accepted', 'ignored']) }, lookup)),
    ).toEqual(['f1', 'f2'])
  })
})

describe('groupFindings', () => {
  it('groups by category in the contract order with the worst severity per group', () => {
    const groups = groupFindings(all, 'category')
    expect(groups.map((g) => [g.label, g.worst, g.items.length])).toEqual([
      ['Credential mismatch', 'critical', 2],
      ['Attribute mapping', 'high', 1],
      ['Permissions', 'info', 1],
    ])
  })

  it('groups by rule, worst first, labelled with the rule title when known', () => {
    const groups = groupFindings(all, 'rule', (id) =>
      id === 'immutable-id-mismatch' ? 'ImmutableID differs' : undefined,
    )
    expect(groups.map((g) => g.label)).toEqual([
      'federation-signing-cert-mismatch',
      'idp-client-secret-mismatch',
      'ImmutableID differs',
      'snapshot-resource-missing',
    ])
  })

  it('sorts each group worst first, keeping the diagnosis order among equals', () => {
    const low = make({ id: 'f5', rule: 'x', severity: 'low', category: 'credential-mismatch' })
    const high = make({ id: 'f6', rule: 'x', severity: 'high', category: 'credential-mismatch' })
    const crit = make({
      id: 'f7',
      rule: 'x',
      severity: 'critical',
      category: 'credential-mismatch',
    })
    const mixed = indexFindings([low, secret, high, cert, crit])
    expect(ids(groupFindings(mixed, 'category')[0]!.items)).toEqual(['f1', 'f2', 'f7', 'f6', 'f5'])
    expect(ids(groupFindings(mixed, 'none')[0]!.items)).toEqual(['f1', 'f2', 'f7', 'f6', 'f5'])
  })

  it('puts everything in one group for none', () => {
    expect(groupFindings(all, 'none')).toMatchObject([{ key: 'all', worst: 'critical' }])
    expect(groupFindings(all, 'none')[0]!.items).toHaveLength(4)
  })
})

describe('facetCounts and searchTerms', () => {
  it('counts severities, categories and sources', () => {
    const facets = facetCounts(all)
    expect(facets.severities).toEqual({ critical: 2, high: 1, medium: 0, low: 0, info: 1 })
    expect(facets.categories).toEqual({
      'credential-mismatch': 2,
      'attribute-mapping': 1,
      permission: 1,
    })
    expect(facets.sources).toEqual({ entra: 3, okta: 2 })
  })

  it('splits free text on whitespace', () => {
    expect(searchTerms('  Foo   BAR ')).toEqual(['foo', 'bar'])
    expect(searchTerms(undefined)).toEqual([])
  })
})
