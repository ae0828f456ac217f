/**
 * The directory audits a refresh reads: only those since the previous snapshot (its time
 * less an hour, as audit events can be published late), joined with the previous snapshot's
 * audits that are still inside Entra's retention (30 days with Entra ID P1/P2, 7 without),
 * newest first. Rules see the window a full read gives; the diff sees every change since.
 * https://learn.microsoft.com/entra/identity/monitoring-health/reference-reports-data-retention
 */
import type { RawRecord } from '../../shared/model/snapshot'

const LATE_EVENT_MARGIN_MS = 60 * 60_000

/** Where a refresh's audit query starts: the previous snapshot less the margin, never before retention. */
export function auditRefreshStart(refresh: { previousAt: string; retentionStart: string }): string {
  const start = Math.max(
    Date.parse(refresh.previousAt) - LATE_EVENT_MARGIN_MS,
    Date.parse(refresh.retentionStart),
  )
  return new Date(start).toISOString()
}

/** Fresh audits and the previous ones still retained, by id, newest first, at most `max`. */
export function joinAudits(
  fresh: readonly RawRecord[],
  previous: readonly RawRecord[],
  retentionStart: string,
  max: number,
): RawRecord[] {
  const start = Date.parse(retentionStart)
  const byId = new Map<string, RawRecord>()
  for (const a of previous)
    if (Date.parse(String(a.activityDateTime)) >= start) byId.set(String(a.id), a)
  for (const a of fresh) byId.set(String(a.id), a)
  return [...byId.values()]
    .sort((a, b) => String(b.activityDateTime).localeCompare(String(a.activityDateTime)))
    .slice(0, max)
}
