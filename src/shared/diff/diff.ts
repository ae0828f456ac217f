/**
 * The diff of two snapshots of one tenant pair: configuration objects attribute by
 * attribute, people and groups added, removed and changed (counted, with each attribute),
 * findings appeared, resolved and persisting (both sides diagnosed by today's rules, passed
 * in), each change attributed to the logged event that made it. Another tenant pair is
 * refused (`DiffRefused`). A resource either side lacks (not collected, failed) is listed as
 * unavailable rather than diffed, so a partial snapshot never reads as everything removed.
 * Pure: no clock, no I/O.
 */
import type { Finding } from '../model/finding'
import { RESOURCES, resourceLabel, type ResourcePath } from '../model/resources'
import type { RawRecord, Snapshot } from '../model/snapshot'
import { attribute, type Attribution, type AttributionContext } from './attribute'
import {
  auditEventsBetween,
  entraRetentionDays,
  OKTA_LOG_RETENTION_DAYS,
  retentionStart,
} from './audit-events'
import { compareRecords, redactValue, stableText, type ValueChange } from './compare-values'
import { RESOURCE_ROLES, recordName, type DiffRole } from './kinds'
import { DIFFED_RESOURCES, forEachRecord, splitKey, type SnapshotIndex } from './snapshot-index'

/** A diff asked of two snapshots that cannot be compared (another tenant pair). */
export class DiffRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DiffRefused'
  }
}

export interface AttributedChange extends ValueChange {
  attribution: Attribution
}

/** One object that differs: added, removed, or changed with its attribute changes. */
export interface ObjectDiff {
  resource: ResourcePath
  role: Exclude<DiffRole, 'log'>
  /** the record's key (`parent/id` in keyed resources) */
  key: string
  id: string
  parent?: string
  name: string
  op: 'added' | 'removed' | 'changed'
  changes: AttributedChange[]
}

export interface FindingRef {
  id: string
  rule: string
  severity: Finding['severity']
  title: string
}

export interface RoleCounts {
  added: number
  removed: number
  changed: number
}

export const DIFF_FORMAT = 'crosswalk.diff'
export const DIFF_VERSION = 1

export interface SnapshotDiff {
  format: typeof DIFF_FORMAT
  version: typeof DIFF_VERSION
  old: { collectedAt: string; identity?: string }
  new: { collectedAt: string; identity?: string }
  pair: { entraTenantId?: string; oktaOrgUrl?: string }
  objects: ObjectDiff[]
  counts: Record<Exclude<DiffRole, 'log'>, RoleCounts>
  /** resources left out because a side lacks them, with the reason */
  unavailable: {
    resource: ResourcePath
    label: string
    missingIn: 'old' | 'new' | 'both'
    reason: string
  }[]
  findings?: { appeared: FindingRef[]; resolved: FindingRef[]; persisting: FindingRef[] }
  /** true when configuration changed (people and groups are not drift) */
  drift: boolean
}

const normalOrg = (url: string): string => url.trim().toLowerCase().replace(/\/+$/, '')

/** Refuses two snapshots of different tenant pairs, with what to fix. */
export function checkSamePair(old: SnapshotIndex, next: Snapshot): void {
  const tenant = next.entra?.tenantId
  const org = next.okta?.orgUrl
  if (old.entraTenantId && tenant && old.entraTenantId.toLowerCase() !== tenant.toLowerCase())
    throw new DiffRefused(
      `the snapshots are of different Entra tenants (${old.entraTenantId} and ${tenant}): diff two snapshots of the same tenant pair`,
    )
  if (old.oktaOrgUrl && org && normalOrg(old.oktaOrgUrl) !== normalOrg(org))
    throw new DiffRefused(
      `the snapshots are of different Okta orgs (${old.oktaOrgUrl} and ${org}): diff two snapshots of the same tenant pair`,
    )
  const shared = (old.entraTenantId && tenant) || (old.oktaOrgUrl && org)
  if (!shared)
    throw new DiffRefused(
      'the snapshots share neither an Entra tenant nor an Okta org: diff two snapshots of the same tenant pair',
    )
}

function unavailableReason(
  path: ResourcePath,
  errors: SnapshotIndex['errors'],
  side: 'older' | 'newer',
): string {
  const spec = RESOURCES[path]
  const key = path.slice(spec.source.length + 1)
  const error = errors.find((e) => e.source === spec.source && e.resource === key)
  return error
    ? `the ${side} collection failed to read it (${error.code || error.status}: ${error.message})`
    : `not in the ${side} snapshot`
}

function refs(list: readonly Finding[]): FindingRef[] {
  return list.map((f) => ({ id: f.id, rule: f.rule, severity: f.severity, title: f.title }))
}

/** Findings appeared, resolved and persisting, by finding id (one id per cause). */
export function diffFindings(
  older: readonly Finding[],
  newer: readonly Finding[],
): NonNullable<SnapshotDiff['findings']> {
  const before = new Set(older.map((f) => f.id))
  const after = new Set(newer.map((f) => f.id))
  return {
    appeared: refs(newer.filter((f) => !before.has(f.id))),
    resolved: refs(older.filter((f) => !after.has(f.id))),
    persisting: refs(newer.filter((f) => before.has(f.id))),
  }
}

function attributionContext(old: SnapshotIndex, next: Snapshot): AttributionContext {
  const fromMs = Date.parse(old.collectedAt)
  const toMs = Date.parse(next.collectedAt)
  return {
    events: auditEventsBetween(next, fromMs, toMs),
    collected: {
      entra: next.entra?.directoryAudits !== undefined,
      okta: next.okta?.logs !== undefined,
    },
    fromMs,
    retention: retentionStart(next),
    retentionDays: { entra: entraRetentionDays(next), okta: OKTA_LOG_RETENTION_DAYS },
  }
}

/**
 * Diffs the older snapshot (indexed) against the newer one. `findings` of the newer one,
 * with the index's own, give the findings diff; without them it is left out.
 */
export function diffSnapshots(
  old: SnapshotIndex,
  next: Snapshot,
  options: { findings?: readonly Finding[]; identity?: string } = {},
): SnapshotDiff {
  checkSamePair(old, next)
  const ctx = attributionContext(old, next)
  const objects: ObjectDiff[] = []
  const unavailable: SnapshotDiff['unavailable'] = []
  const counts = {
    configuration: { added: 0, removed: 0, changed: 0 },
    people: { added: 0, removed: 0, changed: 0 },
    groups: { added: 0, removed: 0, changed: 0 },
  }
  for (const path of DIFFED_RESOURCES) {
    const role = RESOURCE_ROLES[path] as Exclude<DiffRole, 'log'>
    const before = old.records.get(path)
    let matched = 0
    const push = (o: ObjectDiff): void => {
      objects.push(o)
      counts[role][o.op]++
    }
    const object = (
      key: string,
      record: RawRecord,
      op: ObjectDiff['op'],
      changes: ValueChange[],
    ) => {
      const ids = splitKey(path, key)
      push({
        resource: path,
        role,
        key,
        ...ids,
        name: recordName(record),
        op,
        changes: changes.map((c) => ({ ...c, attribution: attribute(ctx, path, c.path, ids) })),
      })
    }
    const found = forEachRecord(next, path, (record, key) => {
      if (!before) return
      const priorText = before.get(key)
      if (priorText === undefined) {
        object(key, record, 'added', [{ path: '', op: 'added', after: redactValue(record) }])
        return
      }
      matched++
      // the common case first, with nothing built: the same text
      if (priorText === JSON.stringify(record)) return
      const prior = JSON.parse(priorText) as RawRecord
      if (stableText(path, prior) === stableText(path, record)) return
      const changes = compareRecords(path, prior, record)
      if (changes.length > 0) object(key, record, 'changed', changes)
    })
    if (!before || !found) {
      if (before || found)
        unavailable.push({
          resource: path,
          label: resourceLabel(path),
          missingIn: before ? 'new' : 'old',
          reason: before
            ? unavailableReason(path, next.collection.errors, 'newer')
            : unavailableReason(path, old.errors, 'older'),
        })
      continue
    }
    if (matched === before.size) continue
    const present = new Set<string>()
    forEachRecord(next, path, (_record, key) => void present.add(key))
    for (const [key, priorText] of before.entries()) {
      if (present.has(key)) continue
      const record = JSON.parse(priorText) as RawRecord
      object(key, record, 'removed', [{ path: '', op: 'removed', before: redactValue(record) }])
    }
  }
  return {
    format: DIFF_FORMAT,
    version: DIFF_VERSION,
    old: { collectedAt: old.collectedAt, ...(old.identity ? { identity: old.identity } : {}) },
    new: {
      collectedAt: next.collectedAt,
      ...(options.identity ? { identity: options.identity } : {}),
    },
    pair: {
      ...((next.entra?.tenantId ?? old.entraTenantId)
        ? { entraTenantId: next.entra?.tenantId ?? old.entraTenantId }
        : {}),
      ...((next.okta?.orgUrl ?? old.oktaOrgUrl)
        ? { oktaOrgUrl: next.okta?.orgUrl ?? old.oktaOrgUrl }
        : {}),
    },
    objects,
    counts,
    unavailable,
    ...(old.findings && options.findings
      ? { findings: diffFindings(old.findings, options.findings) }
      : {}),
    drift:
      counts.configuration.added + counts.configuration.removed + counts.configuration.changed > 0,
  }
}

/** The changes of one mutation: attributed changes grouped by the request that made them. */
export interface ChangeGroup {
  attribution: Attribution
  items: { object: ObjectDiff; change: AttributedChange }[]
}

/**
 * Changes grouped under the request (correlation or transaction id) that caused them, so a
 * cascade (a rename and the app usernames it changed) reads as one mutation; unattributed
 * changes are grouped by their reason.
 */
export function groupByMutation(diff: SnapshotDiff, roles?: readonly DiffRole[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>()
  for (const object of diff.objects) {
    if (roles && !roles.includes(object.role)) continue
    for (const change of object.changes) {
      const a = change.attribution
      const key = a.status === 'attributed' ? `${a.source}:${a.group}` : `${a.status}:${a.source}`
      let g = groups.get(key)
      if (!g) groups.set(key, (g = { attribution: a, items: [] }))
      g.items.push({ object, change })
    }
  }
  const at = (g: ChangeGroup): string =>
    g.attribution.status === 'attributed' ? g.attribution.at : '~'
  return [...groups.values()].sort((x, y) => at(x).localeCompare(at(y)))
}
