/**
 * Evidence from the two logs for findings about objects: the Okta System Log events
 * that name an Okta object as a target or as the actor, and the Entra directory audits
 * that name an Entra object as a target, each indexed once per diagnosis. Rules use
 * them to say since when, and by whom, a state began.
 *
 * @see https://developer.okta.com/docs/reference/api/system-log/
 * @see https://learn.microsoft.com/en-us/entra/identity/monitoring-health/reference-audit-activities
 */
import type { Subject } from '../model'
import { type Rec, recs, str } from '../util/access'
import type { SnapshotIndex } from '../compare/snapshot-index'

function byKey(
  list: readonly Rec[],
  keysOf: (r: Rec) => (string | undefined)[],
): Map<string, Rec[]> {
  const map = new Map<string, Rec[]>()
  for (const r of list) {
    for (const k of new Set(keysOf(r))) {
      if (!k) continue
      const l = map.get(k)
      if (l) l.push(r)
      else map.set(k, [r])
    }
  }
  return map
}

/** Okta System Log events by the id of every target and of the actor. */
function oktaEventsById(index: SnapshotIndex): Map<string, Rec[]> {
  return index.cached('log:okta', () =>
    byKey(index.snapshot.okta?.logs ?? [], (e) => [
      str(e, 'actor', 'id'),
      ...recs(e, 'target').map((t) => str(t, 'id')),
    ]),
  )
}

/** Entra directory audits by the id of every target resource. */
function entraAuditsById(index: SnapshotIndex): Map<string, Rec[]> {
  return index.cached('log:entra', () =>
    byKey(index.snapshot.entra?.directoryAudits ?? [], (a) =>
      recs(a, 'targetResources').map((t) => str(t, 'id')),
    ),
  )
}

/**
 * The newest Okta event about `id` whose eventType matches `types` (and, when given,
 * whose outcome is `result`), published after `after`.
 */
export function latestOktaEvent(
  index: SnapshotIndex,
  id: string | undefined,
  types: RegExp,
  options: { after?: string; result?: string } = {},
): Rec | undefined {
  if (!id) return undefined
  let best: Rec | undefined
  for (const e of oktaEventsById(index).get(id) ?? []) {
    if (!types.test(str(e, 'eventType') ?? '')) continue
    if (options.result && (str(e, 'outcome', 'result') ?? '').toUpperCase() !== options.result)
      continue
    const at = str(e, 'published') ?? ''
    if (options.after && at <= options.after) continue
    if (!best || at > (str(best, 'published') ?? '')) best = e
  }
  return best
}

/** The newest Entra directory audit about `id` whose activity is one of `activities` (lower-case). */
export function latestEntraAudit(
  index: SnapshotIndex,
  id: string | undefined,
  activities: ReadonlySet<string>,
  accept: (audit: Rec) => boolean = () => true,
): Rec | undefined {
  if (!id) return undefined
  let best: Rec | undefined
  for (const a of entraAuditsById(index).get(id) ?? []) {
    const activity = normaliseActivity(str(a, 'activityDisplayName'))
    if (!activities.has(activity) || !accept(a)) continue
    if (!best || (str(a, 'activityDateTime') ?? '') > (str(best, 'activityDateTime') ?? ''))
      best = a
  }
  return best
}

/** An audit activity name, lower-cased, with dashes and spaces as Microsoft's list spells them. */
export function normaliseActivity(name: string | undefined): string {
  return (name ?? '')
    .toLowerCase()
    .replace(/[\u2012-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Subject for an Okta System Log event. */
export function logEventSubject(e: Rec): Subject {
  return { source: 'okta', type: 'logEvent', id: str(e, 'uuid') ?? '', name: str(e, 'eventType') }
}

/** Subject for an Entra directory audit. */
export function auditSubject(a: Rec): Subject {
  return {
    source: 'entra',
    type: 'directoryAudit',
    id: str(a, 'id') ?? '',
    name: str(a, 'activityDisplayName'),
  }
}

/** Who did it, in words: the audit's initiating user or app. */
export function auditActor(a: Rec): string | undefined {
  return (
    str(a, 'initiatedBy', 'user', 'userPrincipalName') ??
    str(a, 'initiatedBy', 'app', 'displayName') ??
    undefined
  )
}

/** Who did it, in words: the event's actor. */
export function eventActor(e: Rec): string | undefined {
  return str(e, 'actor', 'alternateId') ?? str(e, 'actor', 'displayName')
}
