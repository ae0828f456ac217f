/**
 * Decisions follow their cause. A finding's id is the hash of its rule and its cause, so
 * a decision survives every refresh; when a newer catalogue groups causes differently
 * (one finding per cause instead of one per subject, as every rule now does), an older
 * finding's id disappears and its decision must move to the finding that absorbed it:
 * the current finding of the same rule that names the most of its subjects.
 */
import type { Finding } from '../model'

const subjectKey = (s: { source: string; type: string; id: string }) =>
  `${s.source}:${s.type}:${s.id}`

/**
 * The current finding that absorbed `previous` (same rule, most subjects in common, at
 * least one), or undefined when its cause is gone. A finding still present is its own
 * answer.
 */
export function absorbingFinding(
  previous: Finding,
  current: readonly Finding[],
): Finding | undefined {
  const same = current.find((f) => f.id === previous.id)
  if (same) return same
  const wanted = new Set(previous.subjects.map(subjectKey))
  let best: Finding | undefined
  let bestShared = 0
  for (const f of current) {
    if (f.rule !== previous.rule) continue
    let shared = 0
    for (const s of f.subjects) if (wanted.has(subjectKey(s))) shared++
    if (shared > bestShared) {
      best = f
      bestShared = shared
    }
  }
  return best
}
