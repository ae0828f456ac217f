/**
 * The whole run at a glance, from the per-resource progress: how many resources are done,
 * how far along the records are, and the time left as an estimate. The estimate is the
 * longest of the resources' own estimates (both sides and their resources run side by side),
 * and never shorter than the records' pace so far extrapolated to the expected total. A side
 * whose unfinished resources have no total has no estimate, and `unestimated` names it, so
 * the screen can say why (Okta gives no counts; the first collection has no previous
 * snapshot to take them from).
 */
import type { Source } from '../../../../shared/model/snapshot'
import type { ResourceProgress } from './collect-run'

export interface ProgressRow {
  key: string
  source: Source
  progress: ResourceProgress | undefined
  /** the run has ended and the resource was not collected */
  failed?: boolean
}

export interface ProgressSummary {
  resources: number
  done: number
  failed: number
  records: number
  /** 0–1 of the records expected, over the resources whose total is known; null when none is */
  fraction: number | null
  /** milliseconds left, an estimate; null when it cannot be estimated */
  etaMs: number | null
  /** sides with unfinished resources and nothing to estimate them from */
  unestimated: Source[]
}

export function summarizeProgress(
  rows: readonly ProgressRow[],
  elapsedMs: number,
  expected: Readonly<Record<string, number>> = {},
): ProgressSummary {
  let done = 0
  let failed = 0
  let records = 0
  let expectedRecords = 0
  let countedRecords = 0
  let longest: number | null = null
  const estimable = new Map<Source, boolean>()
  const open = new Set<Source>()
  for (const row of rows) {
    const p = row.progress
    records += p?.records ?? 0
    if (row.failed || p?.state === 'failed') {
      failed++
      continue
    }
    const total = p?.total ?? expected[row.key] ?? null
    if (p?.state === 'done') {
      done++
      if (total !== null) {
        expectedRecords += p.records
        countedRecords += p.records
      }
      continue
    }
    open.add(row.source)
    if (total !== null) {
      expectedRecords += Math.max(total, p?.records ?? 0)
      countedRecords += Math.min(total, p?.records ?? 0)
    }
    if (p && p.etaMs !== null) {
      longest = Math.max(longest ?? 0, p.etaMs)
      estimable.set(row.source, true)
    } else if (total !== null && !estimable.has(row.source)) {
      estimable.set(row.source, false)
    }
  }
  const fraction = expectedRecords > 0 ? Math.min(1, countedRecords / expectedRecords) : null
  const byPace =
    fraction !== null && fraction > 0 && fraction < 1
      ? (elapsedMs / fraction) * (1 - fraction)
      : null
  const unestimated = [...open].filter((side) => estimable.get(side) !== true)
  const etaMs =
    longest === null && byPace === null ? null : Math.round(Math.max(longest ?? 0, byPace ?? 0))
  return {
    resources: rows.length,
    done,
    failed,
    records,
    fraction,
    etaMs: open.size === 0 ? 0 : etaMs,
    unestimated,
  }
}
