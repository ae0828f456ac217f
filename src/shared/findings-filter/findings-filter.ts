/**
 * Filtering, grouping and text search over a snapshot's findings and the
 * workspace's decisions, fast enough to run on every keystroke with 10k
 * findings: {@link indexFindings} lower-cases each finding's searchable text
 * once, and {@link filterFindings} is then one pass with set lookups and
 * `includes`.
 */
import {
  CATEGORIES,
  SEVERITIES,
  SEVERITY_RANK,
  type Category,
  type Finding,
  type Severity,
} from '../model/finding'
import type { Source } from '../model/snapshot'
import { CATEGORY_LABELS, SEVERITY_LABELS, type FindingDecision } from '../overview/summary'

/** A finding with what the filter needs precomputed. */
export interface IndexedFinding {
  finding: Finding
  /** lower-cased title, detail, rule, category, subjects (names and ids) */
  search: string
  /** sources of the subjects (or of the evidence's `entra`/`okta` halves) */
  sources: ReadonlySet<Source>
}

/** What the consultant filters by; an empty or absent set means "any". */
export interface FindingsCriteria {
  severities?: ReadonlySet<Severity>
  categories?: ReadonlySet<Category>
  sources?: ReadonlySet<Source>
  decisions?: ReadonlySet<FindingDecision>
  /** free text; every whitespace-separated term must occur (case-insensitive) */
  text?: string
}

export type GroupBy = 'none' | 'rule' | 'category' | 'severity'

/** One group of filtered findings. */
export interface FindingGroup {
  key: string
  label: string
  /** the worst severity in the group */
  worst: Severity
  items: IndexedFinding[]
}

/** Builds the search index once per diagnosis; O(total text length). */
export function indexFindings(findings: readonly Finding[]): IndexedFinding[] {
  return findings.map((finding) => {
    const parts = [
      finding.title,
      finding.detail,
      finding.rule,
      finding.category,
      finding.severity,
      finding.id,
    ]
    const sources = new Set<Source>()
    for (const s of finding.subjects) {
      sources.add(s.source)
      parts.push(s.id)
      if (s.name) parts.push(s.name)
    }
    if (sources.size === 0) {
      if ('entra' in finding.evidence) sources.add('entra')
      if ('okta' in finding.evidence) sources.add('okta')
      const resource = finding.evidence['resource']
      if (typeof resource === 'string') {
        if (resource.startsWith('entra.')) sources.add('entra')
        if (resource.startsWith('okta.')) sources.add('okta')
      }
    }
    return { finding, search: parts.join('\n').toLowerCase(), sources }
  })
}

/** Splits free text into lower-cased terms. */
export function searchTerms(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean)
}

const any = <T>(set: ReadonlySet<T> | undefined): set is ReadonlySet<T> => !!set && set.size > 0

/**
 * The findings that meet every criterion, in input order. `decision` looks up
 * the workspace's decision by finding id (absent means open).
 */
export function filterFindings(
  indexed: readonly IndexedFinding[],
  criteria: FindingsCriteria,
  decision: (findingId: string) => FindingDecision | undefined = () => undefined,
): IndexedFinding[] {
  const terms = searchTerms(criteria.text)
  const { severities, categories, sources, decisions } = criteria
  const bySeverity = any(severities)
  const byCategory = any(categories)
  const bySource = any(sources)
  const byDecision = any(decisions)
  const out: IndexedFinding[] = []
  outer: for (const item of indexed) {
    const f = item.finding
    if (bySeverity && !severities.has(f.severity)) continue
    if (byCategory && !categories.has(f.category)) continue
    if (bySource) {
      let hit = false
      for (const s of item.sources) if (sources.has(s)) hit = true
      if (!hit) continue
    }
    if (byDecision && !decisions.has(decision(f.id) ?? 'open')) continue
    for (const term of terms) if (!item.search.includes(term)) continue outer
    out.push(item)
  }
  return out
}

/**
 * Groups filtered findings. Groups are ordered worst first (then by label);
 * findings keep their order inside a group. `none` gives one group.
 */
export function groupFindings(
  items: readonly IndexedFinding[],
  by: GroupBy,
  ruleTitle: (ruleId: string) => string | undefined = () => undefined,
): FindingGroup[] {
  if (by === 'none') {
    return [{ key: 'all', label: 'All findings', worst: worstOf(items), items: worstFirst(items) }]
  }
  const groups = new Map<string, FindingGroup>()
  for (const item of items) {
    const f = item.finding
    const key = by === 'rule' ? f.rule : by === 'category' ? f.category : f.severity
    let group = groups.get(key)
    if (!group) {
      const label =
        by === 'rule'
          ? (ruleTitle(key) ?? key)
          : by === 'category'
            ? CATEGORY_LABELS[f.category]
            : SEVERITY_LABELS[f.severity]
      group = { key, label, worst: f.severity, items: [] }
      groups.set(key, group)
    }
    group.items.push(item)
    if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[group.worst]) group.worst = f.severity
  }
  const order = (g: FindingGroup) =>
    by === 'category'
      ? CATEGORIES.indexOf(g.key as Category)
      : by === 'severity'
        ? SEVERITIES.indexOf(g.key as Severity)
        : 0
  for (const group of groups.values()) group.items = worstFirst(group.items)
  return [...groups.values()].sort(
    (a, b) =>
      order(a) - order(b) ||
      SEVERITY_RANK[b.worst] - SEVERITY_RANK[a.worst] ||
      a.label.localeCompare(b.label),
  )
}

/** Worst severity first; a stable sort, so equals keep the order the rules gave them. */
function worstFirst(items: readonly IndexedFinding[]): IndexedFinding[] {
  return [...items].sort(
    (a, b) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity],
  )
}

function worstOf(items: readonly IndexedFinding[]): Severity {
  let out: Severity = 'info'
  for (const { finding } of items) {
    if (SEVERITY_RANK[finding.severity] > SEVERITY_RANK[out]) out = finding.severity
  }
  return out
}

/** How many of `indexed` fall in each severity, category and source, for filter labels. */
export interface Facets {
  severities: Record<Severity, number>
  categories: Partial<Record<Category, number>>
  sources: Record<Source, number>
}

/** Counts facets over a list (usually all findings, so the counts do not jump while filtering). */
export function facetCounts(indexed: readonly IndexedFinding[]): Facets {
  const facets: Facets = {
    severities: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    categories: {},
    sources: { entra: 0, okta: 0 },
  }
  for (const { finding, sources } of indexed) {
    facets.severities[finding.severity]++
    facets.categories[finding.category] = (facets.categories[finding.category] ?? 0) + 1
    for (const s of sources) facets.sources[s]++
  }
  return facets
}
