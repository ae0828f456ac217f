/**
 * Health summary and chart series for the Overview screen, from a snapshot's
 * findings and the workspace's decisions on them. Pure: the screen and any
 * report builder get the same numbers.
 */
import {
  CATEGORIES,
  SEVERITIES,
  type Category,
  type Finding,
  type Severity,
} from '../model/finding'

/** A consultant's decision on a finding; a finding without one is open. */
export type FindingDecision = 'open' | 'accepted' | 'ignored'

/** Looks up the decision on a finding by id (absent means open). */
export type DecisionLookup = (findingId: string) => FindingDecision | undefined

/** Counts per severity, every severity present (zero when none). */
export type SeverityCounts = Record<Severity, number>

/** The headline numbers of a diagnosis. */
export interface HealthSummary {
  /** all findings of the snapshot */
  total: number
  /** findings still open (not accepted, not ignored), by severity */
  open: SeverityCounts
  openTotal: number
  /** findings accepted or ignored by the consultant */
  decided: number
  /** the worst open severity, or undefined when nothing is open */
  worst: Severity | undefined
  /** one sentence for the top of the Overview */
  headline: string
}

/** One bar of the "findings by category and severity" chart. */
export interface CategoryRow extends SeverityCounts {
  category: Category
  label: string
  total: number
}

/** Human labels of the finding categories, in the contract's order. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  'credential-mismatch': 'Credential mismatch',
  'attribute-mapping': 'Attribute mapping',
  'credential-expiry': 'Credential expiry',
  sync: 'Sync',
  duplicate: 'Duplicates',
  'data-validation': 'Data validation',
  permission: 'Permissions',
  'domain-federation': 'Domain federation',
  'sign-in': 'Sign-in',
  provisioning: 'Provisioning',
  configuration: 'Configuration',
}

/** Human labels of the severities, worst first. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
}

/** A zeroed count per severity. */
export function emptySeverityCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 }
}

function isOpen(finding: Finding, decision: DecisionLookup | undefined): boolean {
  const state = decision?.(finding.id)
  return state === undefined || state === 'open'
}

/**
 * Counts findings by severity and writes the headline. Accepted and ignored
 * findings are counted apart, so a consultant's triage shows as progress.
 */
export function healthSummary(
  findings: readonly Finding[],
  decision?: DecisionLookup,
): HealthSummary {
  const open = emptySeverityCounts()
  let openTotal = 0
  for (const finding of findings) {
    if (!isOpen(finding, decision)) continue
    open[finding.severity]++
    openTotal++
  }
  const worst = SEVERITIES.find((s) => open[s] > 0)
  const decided = findings.length - openTotal
  return {
    total: findings.length,
    open,
    openTotal,
    decided,
    worst,
    headline: headline(open, openTotal, decided),
  }
}

/** 12345 → "12,345": counts in sentences carry thousands separators. */
const n = (value: number) => value.toLocaleString('en-US')

function headline(open: SeverityCounts, openTotal: number, decided: number): string {
  const triaged = decided > 0 ? ` (${n(decided)} accepted or ignored)` : ''
  if (openTotal === 0) {
    return decided > 0
      ? `No open findings${triaged}.`
      : 'No findings: the rules found nothing wrong in this snapshot.'
  }
  const blocking = open.critical + open.high
  if (blocking > 0) {
    const parts = [
      open.critical > 0 ? `${n(open.critical)} critical` : undefined,
      open.high > 0 ? `${n(open.high)} high` : undefined,
    ].filter(Boolean)
    return `${parts.join(' and ')} finding${blocking === 1 ? '' : 's'} likely break${blocking === 1 ? 's' : ''} sign-in or provisioning${triaged}.`
  }
  return `${n(openTotal)} open finding${openTotal === 1 ? '' : 's'}, none critical or high${triaged}.`
}

/**
 * Open findings per category and severity, in the contract's category order;
 * categories without open findings are left out unless `includeEmpty`.
 */
export function countsByCategory(
  findings: readonly Finding[],
  decision?: DecisionLookup,
  includeEmpty = false,
): CategoryRow[] {
  const rows = new Map<Category, CategoryRow>()
  for (const category of CATEGORIES) {
    rows.set(category, {
      category,
      label: CATEGORY_LABELS[category],
      total: 0,
      ...emptySeverityCounts(),
    })
  }
  for (const finding of findings) {
    if (!isOpen(finding, decision)) continue
    const row = rows.get(finding.category)
    if (!row) continue
    row[finding.severity]++
    row.total++
  }
  return [...rows.values()].filter((row) => includeEmpty || row.total > 0)
}
