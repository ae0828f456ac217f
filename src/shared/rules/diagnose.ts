/**
 * The diagnosis driver: runs the rule catalogue over one snapshot and returns the
 * findings sorted by severity (worst first), then rule id, then finding id.
 * Pure: "now" is the snapshot's `collectedAt`. A resource that some selected rule
 * reads but the snapshot lacks is reported once, as an info finding naming the
 * permission or scope that would collect it and the collection error, if any; the
 * rules themselves then see an empty list and stay silent about it.
 */
import type { Finding, Snapshot } from '../model'
import { SEVERITY_RANK, type Severity } from '../model'
import { stableHash } from '../util/hash'
import { permissionFor } from './permissions'
import { DEFAULT_THRESHOLDS, type Rule, type Thresholds } from './rule'
import { SnapshotIndex } from '../compare/snapshot-index'

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

function isPresent(snapshot: Snapshot, path: string): boolean {
  if (path === 'collection') return true
  const [source, resource] = path.split('.')
  const side = source === 'entra' ? snapshot.entra : source === 'okta' ? snapshot.okta : undefined
  if (!side || !resource) return false
  return (side as Record<string, unknown>)[resource] !== undefined
}

function missingResourceFinding(snapshot: Snapshot, path: string, ruleIds: string[]): Finding {
  const [source, resource] = path.split('.') as ['entra' | 'okta', string]
  const error = snapshot.collection.errors.find(
    (e) => e.source === source && e.resource === resource,
  )
  const sideMissing = source === 'entra' ? !snapshot.entra : !snapshot.okta
  const permission = permissionFor(path)
  const who = source === 'entra' ? 'Microsoft Graph permission' : 'Okta scope'
  return {
    id: `${MISSING_RESOURCE_RULE}:${stableHash(`${MISSING_RESOURCE_RULE}\u0000${path}`)}`,
    rule: MISSING_RESOURCE_RULE,
    category:
      error && (error.status === 401 || error.status === 403) ? 'permission' : 'configuration',
    severity: 'info',
    title: `${path} was not collected; ${ruleIds.length} rule${ruleIds.length === 1 ? '' : 's'} could not check it`,
    detail: sideMissing
      ? `The snapshot has no ${source === 'entra' ? 'Entra' : 'Okta'} side at all. Connect ${source === 'entra' ? 'the tenant' : 'the org'} and collect again.`
      : error
        ? `Collecting ${path} failed (${error.status} ${error.code}: ${error.message}). It needs the ${who} ${permission ?? '(unknown)'}.`
        : `The snapshot does not contain ${path}. Collecting it needs the ${who} ${permission ?? '(unknown)'}.`,
    subjects: [],
    evidence: {
      resource: path,
      permission: permission ?? null,
      collectionError: error ?? null,
      rules: ruleIds,
    },
    remediation: {
      steps: [
        source === 'entra'
          ? `Entra admin center › App registrations › (the Crosswalk reader app) › API permissions › Add a permission › Microsoft Graph › Application permissions › ${permission ?? '…'}; then "Grant admin consent".`
          : `Okta Admin Console › Applications › (the Crosswalk service app) › Okta API Scopes › Grant ${permission ?? '…'} (or use an API token of a read-only administrator).`,
        'Collect the snapshot again.',
      ],
      links: [
        source === 'entra'
          ? 'https://learn.microsoft.com/en-us/graph/permissions-reference'
          : 'https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/',
      ],
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
  const now = new Date(snapshot.collectedAt)
  const ctx = { now, thresholds, index: new SnapshotIndex(snapshot) }

  const findings: Finding[] = []
  const missing = new Map<string, string[]>()
  for (const rule of selected) {
    for (const path of rule.reads) {
      if (!isPresent(snapshot, path)) missing.set(path, [...(missing.get(path) ?? []), rule.id])
    }
  }
  for (const [path, ruleIds] of missing)
    findings.push(missingResourceFinding(snapshot, path, ruleIds))

  for (const rule of selected) {
    try {
      findings.push(...rule.evaluate(snapshot, ctx))
    } catch (error) {
      // one rule tripping over unexpected data must not hide every other finding
      findings.push({
        id: `${RULE_FAILED_RULE}:${stableHash(`${RULE_FAILED_RULE}\u0000${rule.id}`)}`,
        rule: RULE_FAILED_RULE,
        category: 'configuration',
        severity: 'info',
        title: `Rule ${rule.id} could not finish`,
        detail: `The rule stopped on unexpected data: ${error instanceof Error ? error.message : String(error)}. Other rules ran normally.`,
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
