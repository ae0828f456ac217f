/**
 * What the History screen's trend charts plot for one snapshot, computed when the snapshot
 * is diagnosed and stored with it: findings by severity, people per side, and how long
 * before the collection each tenant last synchronised (Entra Connect's last cycle from
 * `organization.onPremisesLastSyncDateTime`; the provisioning jobs' last run end).
 */
import type { Finding, Severity } from '../model/finding'
import type { Snapshot } from '../model/snapshot'
import { MINUTE_MS } from '../util/dates'

export interface SnapshotTrend {
  bySeverity: Partial<Record<Severity, number>>
  people: { entra?: number; okta?: number }
  /** minutes between the last sync and the collection; absent when not known */
  syncLagMinutes: { entraConnect?: number; provisioning?: number }
}

const minutesBefore = (at: number, value: unknown): number | undefined => {
  const t = typeof value === 'string' ? Date.parse(value) : NaN
  return Number.isNaN(t) ? undefined : Math.max(0, Math.round((at - t) / MINUTE_MS))
}

/** The trend figures of a snapshot and its findings. */
export function snapshotTrend(snapshot: Snapshot, findings: readonly Finding[]): SnapshotTrend {
  const at = Date.parse(snapshot.collectedAt)
  const bySeverity: SnapshotTrend['bySeverity'] = {}
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1
  const connect = minutesBefore(at, snapshot.entra?.organization?.[0]?.onPremisesLastSyncDateTime)
  const runs = Object.values(snapshot.entra?.synchronizationJobs ?? {})
    .flat()
    .map((job) => {
      const status = job.status as { lastExecution?: { timeEnded?: unknown } } | undefined
      return minutesBefore(at, status?.lastExecution?.timeEnded)
    })
    .filter((m): m is number => m !== undefined)
  const provisioning = runs.length ? Math.max(...runs) : undefined
  return {
    bySeverity,
    people: {
      ...(snapshot.entra?.users ? { entra: snapshot.entra.users.length } : {}),
      ...(snapshot.okta?.users ? { okta: snapshot.okta.users.length } : {}),
    },
    syncLagMinutes: {
      ...(connect !== undefined ? { entraConnect: connect } : {}),
      ...(provisioning !== undefined ? { provisioning } : {}),
    },
  }
}
