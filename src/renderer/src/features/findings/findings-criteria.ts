/**
 * The Findings screen keeps its filters in the URL query (`?q=…&severity=high`),
 * so a filtered list survives opening a finding, the back button and a reload,
 * and the Overview can link to "all critical findings".
 */
import {
  CATEGORIES,
  SEVERITIES,
  type Category,
  type Severity,
} from '../../../../shared/model/finding'
import type { Source } from '../../../../shared/model/snapshot'
import type { FindingsCriteria, GroupBy } from '../../../../shared/findings-filter'
import type { FindingDecision } from '../../../../shared/overview/summary'

export const SOURCES: readonly Source[] = ['entra', 'okta']
export const DECISIONS: readonly FindingDecision[] = ['open', 'accepted', 'ignored']
export const GROUPINGS: readonly { value: GroupBy; label: string }[] = [
  { value: 'rule', label: 'Rule' },
  { value: 'category', label: 'Category' },
  { value: 'severity', label: 'Severity' },
  { value: 'none', label: 'No grouping' },
]

export interface ScreenCriteria extends FindingsCriteria {
  groupBy: GroupBy
}

function pick<T extends string>(
  params: URLSearchParams,
  key: string,
  allowed: readonly T[],
): Set<T> {
  return new Set(
    params.getAll(key).filter((v): v is T => (allowed as readonly string[]).includes(v)),
  )
}

export function readCriteria(params: URLSearchParams): ScreenCriteria {
  const group = params.get('group')
  return {
    text: params.get('q') ?? '',
    severities: pick<Severity>(params, 'severity', SEVERITIES),
    categories: pick<Category>(params, 'category', CATEGORIES),
    sources: pick<Source>(params, 'source', SOURCES),
    decisions: pick<FindingDecision>(params, 'state', DECISIONS),
    groupBy: GROUPINGS.some((g) => g.value === group) ? (group as GroupBy) : 'rule',
  }
}

export function writeCriteria(criteria: ScreenCriteria): URLSearchParams {
  const params = new URLSearchParams()
  if (criteria.text) params.set('q', criteria.text)
  for (const s of criteria.severities ?? []) params.append('severity', s)
  for (const c of criteria.categories ?? []) params.append('category', c)
  for (const s of criteria.sources ?? []) params.append('source', s)
  for (const d of criteria.decisions ?? []) params.append('state', d)
  if (criteria.groupBy !== 'rule') params.set('group', criteria.groupBy)
  return params
}

/** A copy of `set` with `value` added or removed. */
export function toggled<T>(set: ReadonlySet<T> | undefined, value: T, on: boolean): Set<T> {
  const next = new Set(set)
  if (on) next.add(value)
  else next.delete(value)
  return next
}
