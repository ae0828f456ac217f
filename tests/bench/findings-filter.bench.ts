/**
 * Findings list filtering with 10k findings: the work the Findings screen does on
 * every keystroke (filter by text, severity and source, then group by rule) over a
 * search index built once per diagnosis. The floor is one pass over the same
 * findings' titles with `includes`, the least any text filter can do.
 */
import { CATEGORIES, SEVERITIES, type Finding } from '../../src/shared/model/finding'
import {
  filterFindings,
  groupFindings,
  indexFindings,
  type FindingsCriteria,
  type IndexedFinding,
} from '../../src/shared/findings-filter'
import type { Benchmark } from './types'

const COUNT = 10_000
const RULES = [
  'idp-client-secret-mismatch',
  'immutable-id-mismatch',
  'entra-attribute-invalid',
  'entra-duplicate-attribute',
  'office365-immutable-id-missing',
  'entra-user-sync-lag',
  'federation-signing-cert-mismatch',
  'okta-duplicate-attribute',
]
const WORDS = ['alice', 'bob', 'carol', 'dan', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy']

/** Deterministic findings shaped like real ones: a title, a detail sentence, 2–3 subjects. */
function generate(count: number): Finding[] {
  const out: Finding[] = []
  for (let i = 0; i < count; i++) {
    const who = `${WORDS[i % WORDS.length]}.${i}@contoso.com`
    const rule = RULES[i % RULES.length]!
    out.push({
      id: `${rule}:${i.toString(36).padStart(6, '0')}`,
      rule,
      category: CATEGORIES[i % CATEGORIES.length]!,
      severity: SEVERITIES[(i * 7) % SEVERITIES.length]!,
      title: `${rule.replace(/-/g, ' ')} for ${who}`,
      detail: `The value Okta holds for ${who} differs from the value in Entra; sign-in through the IdP fails with AADSTS${50000 + (i % 999)}.`,
      subjects: [
        { source: 'entra', type: 'user', id: `e-${i}`, name: who },
        { source: 'okta', type: 'user', id: `00u${i}`, name: who },
        ...(i % 3 === 0
          ? [{ source: 'okta' as const, type: 'app', id: '0oa1o365', name: 'Microsoft Office 365' }]
          : []),
      ],
      evidence: { entra: { value: `E${i}` }, okta: { value: `O${i}` } },
      remediation: { steps: ['Fix it in Okta.', 'Collect again.'], links: [] },
    })
  }
  return out
}

/** What a consultant types and ticks, one query per round-robin step. */
const QUERIES: FindingsCriteria[] = [
  { text: 'grace' },
  { text: 'contoso aadsts50', severities: new Set(['critical', 'high']) },
  { text: 'office 365', sources: new Set(['okta']) },
  { text: 'no-such-value' },
  { severities: new Set(['medium']), categories: new Set(['sync', 'duplicate']) },
]

let findings: Finding[] = []
let indexed: IndexedFinding[] = []
// Results feed a sink so the engine cannot skip the work.
let sink = 0

export const benchmark: Benchmark = {
  name: 'findings-filter',
  description: 'filter + group 10k findings (text, severity, source) per keystroke',
  runs: 7,
  setup: async () => {
    findings = generate(COUNT)
    indexed = indexFindings(findings)
  },
  floor: async () => {
    const start = performance.now()
    for (const query of QUERIES) {
      const term = (query.text ?? '').toLowerCase().split(/\s+/)[0] ?? ''
      let hits = 0
      for (const f of findings) if (f.title.includes(term)) hits++
      sink += hits
    }
    return { ms: (performance.now() - start) / QUERIES.length }
  },
  measure: async () => {
    const indexStart = performance.now()
    const fresh = indexFindings(findings)
    const indexMs = performance.now() - indexStart
    sink += fresh.length
    let worst = 0
    let total = 0
    for (const query of QUERIES) {
      const start = performance.now()
      const groups = groupFindings(filterFindings(indexed, query), 'rule')
      const ms = performance.now() - start
      sink += groups.length
      total += ms
      worst = Math.max(worst, ms)
    }
    return { ms: total / QUERIES.length, extra: { worstQueryMs: worst, indexMs } }
  },
  teardown: async () => {
    if (sink === 0) throw new Error('The benchmark filtered nothing; its queries match no finding.')
  },
  targets: [
    { figure: 'ms', max: 100, label: '10k findings filter and group in under 100 ms' },
    { figure: 'worstQueryMs', max: 100, label: 'the slowest query stays under 100 ms' },
  ],
}
