import type { SnapshotRow } from '../../db'

/** "2026-11-20 12:00 UTC": snapshots are compared across time zones, so the label is always UTC. */
export function formatUtc(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`
}

/** What kind of snapshot a row is, in one word: demo, complete, partial… */
export function snapshotKind(row: Pick<SnapshotRow, 'origin' | 'status'>): string {
  return row.origin === 'demo' ? 'demo' : row.status
}

/** "Snapshot of 2026-11-20 12:00 UTC · complete" */
export function snapshotLabel(row: Pick<SnapshotRow, 'origin' | 'status' | 'collectedAt'>): string {
  return `Snapshot of ${formatUtc(row.collectedAt)} · ${snapshotKind(row)}`
}
