/**
 * The rule contract. A rule is a pure function of a snapshot: no I/O, no clock
 * (the snapshot's `collectedAt` is "now"), no shared mutable state. Rules read the
 * prebuilt {@link SnapshotIndex} for lookups so that a 100k-user snapshot is
 * indexed once per diagnosis, not once per rule.
 */
import type {
  Category,
  Evidence,
  Finding,
  ResourcePath,
  Severity,
  Snapshot,
  Subject,
} from '../model'
import { stableHash } from '../util/hash'
import { MAX_FINDING_TEXT, boundText, boundValues } from '../text/bound'
import type { SnapshotIndex } from '../compare/snapshot-index'
import type { CollectionGap } from './gaps'

/** What a rule reads: a registered resource, or the collection metadata. */
export type RuleRead = ResourcePath | 'collection'

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
  /**
   * an Okta suspension shorter than this many days (a leave, a lockout) is not drift
   * while Entra stays enabled (default 30, a common leave policy)
   */
  suspendedGraceDays: number
  /**
   * an Okta account left STAGED or PROVISIONED longer than this many days while the
   * person is enabled and licensed in Entra is a joiner who cannot sign in (default 7:
   * staging ahead of a start date is normal)
   */
  activationGraceDays: number
}

/** The defaults from Entra Connect (30-minute cycle, 7-day delta limit) and common expiry policy. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  expiryDays: [30, 60, 90],
  syncIntervalMinutes: 30,
  staleAfterDays: 7,
  maxSubjects: 500,
  suspendedGraceDays: 30,
  activationGraceDays: 7,
}

/** What every rule receives besides the snapshot. */
export interface RuleContext {
  /** the snapshot's `collectedAt` */
  now: Date
  thresholds: Thresholds
  index: SnapshotIndex
  /** resources the snapshot lacks, and why; rules with optional reads say what they could not check */
  gaps: readonly CollectionGap[]
}

/** One diagnostic rule; the file `catalogue/<id>.ts` exports it. */
export interface Rule<Id extends string = string> {
  /** kebab-case, stable forever (persisted in caches and reports) */
  id: Id
  title: string
  category: Category
  /** the usual severity; a finding may raise or lower it with reason */
  severity: Severity
  /**
   * resources without which the rule cannot judge: when one is absent the rule does not
   * run, and `diagnose` reports the gap once as an info finding naming the rule
   */
  reads: readonly RuleRead[]
  /**
   * resources the rule uses when present and does without when absent; `diagnose` then
   * names the rule in the gap's note, since its findings may be fewer
   */
  optionalReads?: readonly RuleRead[]
  evaluate: (snapshot: Snapshot, ctx: RuleContext) => Finding[]
}

/** Declares a rule, keeping its id as a literal type (the catalogue derives `RuleId` from it). */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule
}

/** The fields a rule fills in; `id`, `rule` and `category` are derived. */
export interface FindingDraft {
  severity?: Severity
  title: string
  detail: string
  subjects: Subject[]
  evidence: Evidence
  steps: string[]
  links: string[]
  /**
   * The cause this finding reports, stable across snapshots (e.g. the IdP id, the
   * duplicated value, the expired credential's key id): one finding per cause, and a
   * cause names every subject it breaks, so adding a subject keeps the id.
   */
  cause: string
}

/** The id of the finding a rule reports for a cause: a hash of the rule id and the cause. */
export function findingId(ruleId: string, cause: string): string {
  return `${ruleId}:${stableHash(`${ruleId}\u0000${cause}`)}`
}

/** Builds a finding with a stable id (see {@link findingId}). */
export function makeFinding(rule: Rule, draft: FindingDraft): Finding {
  const key = draft.cause
  const text = (value: string) => boundText(value, MAX_FINDING_TEXT)
  return {
    id: findingId(rule.id, key),
    rule: rule.id,
    category: rule.category,
    severity: draft.severity ?? rule.severity,
    // tenant values reach every part of a finding: none is copied whole when huge
    title: text(draft.title),
    detail: text(draft.detail),
    subjects: draft.subjects.map(boundSubject),
    evidence: boundValues(draft.evidence),
    remediation: { steps: draft.steps.map(text), links: draft.links },
  }
}

/** A subject with its id and name bounded (a subject's id links to its record: kept whole when sane). */
function boundSubject(subject: Subject): Subject {
  const { id, name } = subject
  if (id.length <= MAX_FINDING_TEXT && (name === undefined || name.length <= MAX_FINDING_TEXT))
    return subject
  return {
    ...subject,
    id: boundText(id, MAX_FINDING_TEXT),
    ...(name === undefined ? {} : { name: boundText(name, MAX_FINDING_TEXT) }),
  }
}

/**
 * Caps a subject list for grouped findings; the evidence should carry `total`.
 * Keeps the first `max` in input order, which is the snapshot's order.
 */
export function capSubjects(subjects: Subject[], max: number): Subject[] {
  return subjects.length > max ? subjects.slice(0, max) : subjects
}
