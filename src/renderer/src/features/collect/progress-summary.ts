/**
 * The whole run at a glance, from the per-resource progress: how many resources are done,
 * how far along the run is, and the time left as an estimate. The estimate is the longest of
 * the resources' own estimates (both sides and their resources run side by side), and, when
 * every side can be estimated, never shorter than the pace so far extrapolated to the end. A
 * side whose unfinished resources have no estimate is named in `unestimated`, so the screen
 * can say why (Okta gives no counts; the first collection has no previous snapshot to take
 * them from).
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
  /**
   * 0–1: by records (each resource weighing its total, else the previous count) when every
   * unfinished resource has one; otherwise by resources done
   */
  fraction: number
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
  let weights = 0
  let progressed = 0
  // by resources: each counts one, a running one with a total by how far along it is
  let resourcesProgressed = 0
  let unknownOpen = false
  let longest: number | null = null
  const estimable = new Map<Source, boolean>()
  const open = new Set<Source>()
  for (const row of rows) {
    const p = row.progress
    records += p?.records ?? 0
    const total = p?.total ?? expected[row.key] ?? null
    // Each resource weighs its expected records (at least one), so the big ones lead the bar.
    const weight = Math.max(1, total ?? 0, p?.records ?? 0)
    weights += weight
    if (row.failed || p?.state === 'failed') {
      failed++
      progressed += weight
      resourcesProgressed += 1
      continue
    }
    if (p?.state === 'done') {
      done++
      progressed += weight
      resourcesProgressed += 1
      continue
    }
    open.add(row.source)
    if (total === null) unknownOpen = true
    else if (total > 0) {
      const along = Math.min(1, (p?.records ?? 0) / total)
      progressed += weight * along
      resourcesProgressed += along
    }
    if (p && p.etaMs !== null) {
      longest = Math.max(longest ?? 0, p.etaMs)
      estimable.set(row.source, true)
    } else if (!estimable.has(row.source)) {
      estimable.set(row.source, false)
    }
  }
  // Records decide the bar only when every unfinished resource has a total; otherwise the
  // records still to come are unknown, and resources done is the honest measure.
  const fraction = unknownOpen
    ? rows.length > 0
      ? resourcesProgressed / rows.length
      : 0
    : weights > 0
      ? Math.min(1, progressed / weights)
      : 0
  const byPace = fraction > 0 && fraction < 1 ? (elapsedMs / fraction) * (1 - fraction) : null
  const unestimated = [...open].filter((side) => estimable.get(side) !== true)
  const etaMs =
    open.size === 0
      ? 0
      : longest === null
        ? null
        : Math.round(Math.max(longest, unestimated.length === 0 ? (byPace ?? 0) : 0))
  return { resources: rows.length, done, failed, records, fraction, etaMs, unestimated }
}
