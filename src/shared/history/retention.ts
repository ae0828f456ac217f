/**
 * The snapshot retention policy: keep the newest N, the newest of each calendar month (UTC),
 * every pinned snapshot and the current one; optionally a size cap that removes the oldest
 * unprotected snapshots first. The plan only proposes: the consultant sees what would go and
 * confirms, so no snapshot is ever removed silently.
 */
export interface RetentionPolicy {
  keepLast: number
  monthly: boolean
  /** total bytes the kept snapshots may take; absent: no cap */
  maxBytes?: number
}

export interface RetentionCandidate {
  id: string
  collectedAt: string
  pinned?: boolean
  current?: boolean
  /** the snapshot's size in the cache, when a size cap applies */
  bytes?: number
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepLast: 10, monthly: true }

/** Which snapshots the policy keeps and which it would remove (oldest first). */
export function planRetention(
  snapshots: readonly RetentionCandidate[],
  policy: RetentionPolicy,
): { keep: string[]; remove: string[] } {
  const newest = [...snapshots].sort((a, b) => b.collectedAt.localeCompare(a.collectedAt))
  const keep = new Set<string>()
  newest.slice(0, Math.max(0, policy.keepLast)).forEach((s) => keep.add(s.id))
  const months = new Set<string>()
  for (const s of newest) {
    if (s.pinned || s.current) keep.add(s.id)
    const month = s.collectedAt.slice(0, 7)
    if (policy.monthly && !months.has(month)) {
      months.add(month)
      keep.add(s.id)
    }
  }
  if (policy.maxBytes !== undefined) {
    let total = newest.filter((s) => keep.has(s.id)).reduce((n, s) => n + (s.bytes ?? 0), 0)
    // over the cap: the oldest kept snapshots that are neither pinned nor current go first
    for (const s of [...newest].reverse()) {
      if (total <= policy.maxBytes) break
      if (!keep.has(s.id) || s.pinned || s.current) continue
      keep.delete(s.id)
      total -= s.bytes ?? 0
    }
  }
  return {
    keep: newest.filter((s) => keep.has(s.id)).map((s) => s.id),
    remove: [...newest]
      .reverse()
      .filter((s) => !keep.has(s.id))
      .map((s) => s.id),
  }
}
