/**
 * The diagnosis driver: runs the rule catalogue over one snapshot and returns the
 * findings sorted by severity (worst first), then rule id, then finding id.
 * Pure: "now" is the snapshot's `collectedAt`. A resource that some selected rule
 * reads but the snapshot lacks is reported once, as an info finding naming the
 * permission or scope that would collect it and the collection error, if any; the
 * rules themselves then see an empty list and stay silent about it.
 */
import type { Finding, Snapshot } from '../model'
import { RESOURCES, SEVERITY_RANK, type Severity, describeAccess, resourceLabel } from '../model'
import { SnapshotIndex } from '../compare/snapshot-index'
import { type CollectionGap, type GapReason, collectionGaps } from './gaps'
import { MAX_EVIDENCE_TEXT, boundText } from '../text/bound'
import { DEFAULT_THRESHOLDS, type Rule, type Thresholds, findingId } from './rule'

/** Options for {@link diagnose}. */
export interface DiagnoseOptions {
  /** overrides for the default thresholds */
  thresholds?: Partial<Thresholds>
  /** only these rule ids (default: all) */
  rules?: readonly string[]
  /** skip these rule ids */
  exclude?: readonly string[]
  /** drop findings below this severity */
  minSeverity?: Severity
}

/** The rule id carried by "resource not collected" findings. */
export const MISSING_RESOURCE_RULE = 'snapshot-resource-missing'
/** The rule id carried by findings that report a rule which could not finish. */
export const RULE_FAILED_RULE = 'rule-evaluation-failed'
/** The catalogue rule that reports permission gaps (see collection-permission-missing.ts). */
const PERMISSION_RULE = 'collection-permission-missing'

const GAP_DETAIL: Record<Exclude<GapReason, 'permission'>, (gap: CollectionGap) => string> = {
  licence: (g) =>
    `The tenant has no Microsoft Entra ID P1 or P2 licence, which Graph requires for ${resourceLabel(g.path).toLowerCase()} (${g.error?.status ?? 403} ${g.error?.code ?? ''}). No permission changes that.`,
  'delegated-only': (g) =>
    `Graph serves ${resourceLabel(g.path).toLowerCase()} only to ${describeAccess(g.path)}; an app-only reader cannot collect it, and no application permission would help.`,
  failed: (g) =>
    `Collecting it failed (${g.error?.status ?? 0} ${g.error?.code ?? ''}: ${g.error?.message ?? ''}). Collect again; if it keeps failing, the error says what to fix.`,
  'side-missing': (g) =>
    `The snapshot has no ${g.path.startsWith('entra.') ? 'Entra side: connect the tenant' : 'Okta side: connect the org'} and collect again.`,
  'not-collected': (g) =>
    `The snapshot does not contain it (it may come from an older version or another tool). Collecting it needs ${describeAccess(g.path)}.`,
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** The info finding for a resource the snapshot lacks (permission gaps have their own rule). */
function gapFinding(gap: CollectionGap): Finding {
  const reason = gap.reason === 'permission' ? 'not-collected' : gap.reason
  const label = resourceLabel(gap.path)
  const spec = RESOURCES[gap.path]
  const note = 'note' in spec ? spec.note : undefined
  const affected = gap.skipped.length + gap.weakened.length
  return {
    id: findingId(MISSING_RESOURCE_RULE, gap.path),
    rule: MISSING_RESOURCE_RULE,
    category: 'configuration',
    severity: 'info',
    title: `${label} ${gap.reason === 'failed' ? 'could not be collected' : 'were not collected'}${affected ? `; ${plural(affected, 'rule')} could not check ${gap.skipped.length ? 'them' : 'everything'}` : ''}`,
    detail: `${GAP_DETAIL[reason](gap)}${note ? ` ${note}` : ''}${gap.skipped.length ? ` Not run: ${gap.skipped.join(', ')}.` : ''}${gap.weakened.length ? ` Ran without it: ${gap.weakened.join(', ')}.` : ''}`,
    subjects: [],
    evidence: {
      resource: gap.path,
      label,
      reason: gap.reason,
      access: describeAccess(gap.path),
      collectionError: gap.error ?? null,
      rules: { skipped: gap.skipped, weakened: gap.weakened },
    },
    remediation: {
      steps:
        reason === 'delegated-only' || reason === 'licence'
          ? ['Nothing to grant: read the findings knowing this data is absent.']
          : ['Collect the snapshot again.'],
      links: [RESOURCES[gap.path].doc],
    },
  }
}

/** Sort order used everywhere findings are listed: severity, then rule, then id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/**
 * Runs the selected rules of `catalogue` over a snapshot; see the file header.
 * `diagnose` in index.ts is this with the full catalogue.
 */
export function runRules(
  snapshot: Snapshot,
  catalogue: readonly Rule[],
  options: DiagnoseOptions = {},
): Finding[] {
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds }
  const include = options.rules ? new Set(options.rules) : undefined
  const exclude = new Set(options.exclude ?? [])
  const selected = catalogue.filter((r) => (!include || include.has(r.id)) && !exclude.has(r.id))
  const gaps = collectionGaps(snapshot)
  const gapOf = new Map(gaps.map((g) => [g.path as string, g]))
  const runnable: Rule[] = []
  for (const rule of selected) {
    const absent = rule.reads.filter((p) => gapOf.has(p))
    for (const p of absent) gapOf.get(p)?.skipped.push(rule.id)
    if (absent.length > 0) continue
    for (const p of rule.optionalReads ?? []) gapOf.get(p)?.weakened.push(rule.id)
    runnable.push(rule)
  }
  const ctx = {
    now: new Date(snapshot.collectedAt),
    thresholds,
    index: new SnapshotIndex(snapshot),
    gaps,
  }

  const full = selected.length === catalogue.length
  const permissionsByRule = selected.some((r) => r.id === PERMISSION_RULE)
  const findings: Finding[] = []
  for (const gap of gaps) {
    if (gap.reason === 'permission' && permissionsByRule) continue
    const affected = gap.skipped.length + gap.weakened.length > 0
    if (affected || (full && (gap.reason === 'failed' || gap.reason === 'permission')))
      findings.push(gapFinding(gap))
  }

  for (const rule of runnable) {
    try {
      findings.push(...rule.evaluate(snapshot, ctx))
    } catch (error) {
      // one rule tripping over unexpected data must not hide every other finding
      findings.push({
        id: findingId(RULE_FAILED_RULE, rule.id),
        rule: RULE_FAILED_RULE,
        category: 'configuration',
        severity: 'info',
        title: `Rule ${rule.id} could not finish`,
        detail: `The rule stopped on unexpected data: ${boundText(error instanceof Error ? error.message : String(error), MAX_EVIDENCE_TEXT)}. Other rules ran normally.`,
        subjects: [],
        evidence: { rule: rule.id },
        remediation: {
          steps: ['Report this with the snapshot (secrets are never stored in it).'],
          links: [],
        },
      })
    }
  }

  const min = options.minSeverity ? SEVERITY_RANK[options.minSeverity] : -1
  const seen = new Set<string>()
  const out: Finding[] = []
  for (const f of findings) {
    if (SEVERITY_RANK[f.severity] < min || seen.has(f.id)) continue
    seen.add(f.id)
    out.push(f)
  }
  return out.sort(compareFindings)
}
