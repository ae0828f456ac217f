/**
 * The rule contract. A rule is a pure function of a snapshot: no I/O, no clock
 * (the snapshot's `collectedAt` is "now"), no shared mutable state. Rules read the
 * prebuilt {@link SnapshotIndex} for lookups so that a 100k-user snapshot is
 * indexed once per diagnosis, not once per rule.
 */
import type { Category, Finding, Severity, Snapshot, Subject } from '../model'
import { stableHash } from '../util/hash'
import type { SnapshotIndex } from '../compare/snapshot-index'

/** A snapshot resource a rule reads, as `<source>.<key>` (e.g. `entra.applications`). */
export type ResourcePath = `entra.${string}` | `okta.${string}` | 'collection'

/** Tunable limits; every rule reads them from the context, never from constants. */
export interface Thresholds {
  /** credential expiry windows in days, nearest first (default 30/60/90) */
  expiryDays: readonly [number, number, number]
  /** Entra Connect sync interval in minutes when the tenant does not say (default 30) */
  syncIntervalMinutes: number
  /** a sync older than this many days means a full sync is needed (default 7) */
  staleAfterDays: number
  /** at most this many subjects on a grouped finding; the total is in its evidence (default 500) */
  maxSubjects: number
}

/** The defaults from Entra Connect (30-minute cycle, 7-day delta limit) and common expiry policy. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  expiryDays: [30, 60, 90],
  syncIntervalMinutes: 30,
  staleAfterDays: 7,
  maxSubjects: 500,
}

/** What every rule receives besides the snapshot. */
export interface RuleContext {
  /** the snapshot's `collectedAt` */
  now: Date
  thresholds: Thresholds
  index: SnapshotIndex
}

/** One diagnostic rule; the file `catalogue/<id>.ts` exports it. */
export interface Rule {
  /** kebab-case, stable forever (persisted in caches and reports) */
  id: string
  title: string
  category: Category
  /** the usual severity; a finding may raise or lower it with reason */
  severity: Severity
  /** snapshot resources the rule needs; absent ones are reported once by `diagnose` */
  reads: readonly ResourcePath[]
  evaluate: (snapshot: Snapshot, ctx: RuleContext) => Finding[]
}

/** The fields a rule fills in; `id`, `rule` and `category` are derived. */
export interface FindingDraft {
  severity?: Severity
  title: string
  detail: string
  subjects: Subject[]
  evidence: Record<string, unknown>
  steps: string[]
  links: string[]
  /**
   * What makes this finding unique within its rule when the subject list is not
   * (grouped findings whose membership changes between snapshots); defaults to the
   * subject ids.
   */
  key?: string
}

/** Builds a finding with a stable id: a hash of the rule id and the subjects (or `key`). */
export function makeFinding(rule: Rule, draft: FindingDraft): Finding {
  const key =
    draft.key ??
    draft.subjects
      .map((s) => `${s.source}:${s.type}:${s.id}`)
      .sort()
      .join('|')
  return {
    id: `${rule.id}:${stableHash(`${rule.id}\u0000${key}`)}`,
    rule: rule.id,
    category: rule.category,
    severity: draft.severity ?? rule.severity,
    title: draft.title,
    detail: draft.detail,
    subjects: draft.subjects,
    evidence: draft.evidence,
    remediation: { steps: draft.steps, links: draft.links },
  }
}

/**
 * Caps a subject list for grouped findings; the evidence should carry `total`.
 * Keeps the first `max` in input order, which is the snapshot's order.
 */
export function capSubjects(subjects: Subject[], max: number): Subject[] {
  return subjects.length > max ? subjects.slice(0, max) : subjects
}
