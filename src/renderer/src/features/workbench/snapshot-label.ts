import type { SnapshotRow } from '../../db'
import { formatDateTime } from '../../format'

/** What kind of snapshot a row is, in one word: demo, complete, partial… */
export function snapshotKind(row: Pick<SnapshotRow, 'origin' | 'status'>): string {
  return row.origin === 'demo' ? 'demo' : row.status
}

/** "Snapshot of 2026-11-20 13:00 · complete" (local time, as every date in the app) */
export function snapshotLabel(row: Pick<SnapshotRow, 'origin' | 'status' | 'collectedAt'>): string {
  return `Snapshot of ${formatDateTime(row.collectedAt)} · ${snapshotKind(row)}`
}
