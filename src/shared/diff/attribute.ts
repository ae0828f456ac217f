/**
 * Attribution: which logged event made a change. A candidate event names the changed object
 * (or its parent: the app of a key, the domain of a federation) among its targets; when the
 * event lists the properties it changed, one of them must be the changed path's property
 * (redirect URIs are Entra's `AppAddress`, credentials its `KeyDescription`); a key ID found
 * in the event's values, or both the object and its parent named, ranks it higher; the
 * latest of equals wins. Without a match the reason is given, never a guess: the logs were
 * not collected, the change may predate their retention, or (Entra) the event has not
 * arrived yet.
 */
import type { ResourcePath } from '../model/resources'
import type { AuditEvent } from './audit-events'

export type Attribution =
  | {
      status: 'attributed'
      source: 'entra' | 'okta'
      actor: string
      actorId?: string
      at: string
      activity: string
      via?: string
      eventId: string
      group: string
    }
  | { status: 'outside-retention'; source: 'entra' | 'okta'; retentionDays: number }
  | { status: 'not-yet-in-logs'; source: 'entra' }
  | { status: 'logs-not-collected'; source: 'entra' | 'okta' }
  | { status: 'not-in-logs'; source: 'okta' }

/** Audit property names Entra uses for a path's first segment (lower case). */
const ENTRA_PROPERTY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  web: ['appaddress'],
  spa: ['appaddress'],
  publicclient: ['appaddress'],
  passwordcredentials: ['keydescription'],
  keycredentials: ['keydescription'],
  identifieruris: ['appidentifieruri'],
  requiredresourceaccess: ['requiredresourceaccess'],
  authenticationtype: ['livetype'],
  passivesigninuri: ['passivelogonuri'],
  activesigninuri: ['activelogonuri'],
  signouturi: ['logoffuri'],
  signingcertificate: ['signingcertificate'],
}

/** The property a path changes, for matching: `profile.lastName` → lastname, `web.redirectUris[…]` → web. */
function pathProperty(path: string, resource: ResourcePath): string {
  const parts = path.split(/[.[]/)
  const first = (parts[0] ?? '').toLowerCase()
  if (resource.startsWith('okta.') && (first === 'profile' || first === 'credentials'))
    return (parts[1] ?? first).toLowerCase()
  return first
}

/** The key ID an item path names (`passwordCredentials[keyId=…]`), if any. */
const keyOf = (path: string): string | undefined => /\[(?:keyId|kid)=([^\]]+)\]/.exec(path)?.[1]

function score(
  event: AuditEvent,
  resource: ResourcePath,
  path: string,
  ids: { id: string; parent?: string },
): number {
  const named = event.targets.includes(ids.id)
  const parentNamed = ids.parent !== undefined && event.targets.includes(ids.parent)
  if (!named && !parentNamed) return 0
  let s = 1
  if (named && parentNamed) s += 4
  if (event.properties.length > 0 && path) {
    const prop = pathProperty(path, resource)
    const names =
      event.source === 'entra' ? [prop, ...(ENTRA_PROPERTY_ALIASES[prop] ?? [])] : [prop]
    const mentioned = event.properties.some((p) => names.includes(p))
    // the event says what it changed, and this is not among it
    if (!mentioned && !(event.source === 'okta' && prop === 'username')) return 0
    s += 3
  }
  const key = keyOf(path)
  if (key && event.valuesText.includes(key)) s += 4
  return s
}

export interface AttributionContext {
  events: readonly AuditEvent[]
  /** sides whose logs the newer snapshot holds */
  collected: { entra: boolean; okta: boolean }
  /** the older collection's time, and how far back each side's logs reach at the newer one */
  fromMs: number
  retention: { entra: number; okta: number }
  retentionDays: { entra: number; okta: number }
}

/** The event that made one change, or why none is named. */
export function attribute(
  ctx: AttributionContext,
  resource: ResourcePath,
  path: string,
  ids: { id: string; parent?: string },
): Attribution {
  const source = resource.startsWith('entra.') ? 'entra' : 'okta'
  if (!ctx.collected[source]) return { status: 'logs-not-collected', source }
  let best: AuditEvent | undefined
  let bestScore = 0
  for (const event of ctx.events) {
    if (event.source !== source) continue
    const s = score(event, resource, path, ids)
    if (s > 0 && s >= bestScore) {
      best = event
      bestScore = s
    }
  }
  if (best)
    return {
      status: 'attributed',
      source,
      actor: best.actor,
      ...(best.actorId ? { actorId: best.actorId } : {}),
      at: best.at,
      activity: best.activity,
      ...(best.via ? { via: best.via } : {}),
      eventId: best.id,
      group: best.group,
    }
  if (ctx.fromMs < ctx.retention[source])
    return { status: 'outside-retention', source, retentionDays: ctx.retentionDays[source] }
  return source === 'entra'
    ? { status: 'not-yet-in-logs', source }
    : { status: 'not-in-logs', source }
}

/** Words for an attribution: who, when and through what, or why not. */
export function describeAttribution(a: Attribution): string {
  switch (a.status) {
    case 'attributed':
      return `${a.actor} at ${a.at} (${a.activity}${a.via ? `, via ${a.via}` : ''})`
    case 'outside-retention':
      return `not attributable: the change may predate the ${a.source === 'entra' ? 'Entra audit log' : 'Okta System Log'}'s ${a.retentionDays}-day retention`
    case 'not-yet-in-logs':
      return 'not in the Entra audit log yet: audit events can arrive late; a later collection may name who'
    case 'logs-not-collected':
      return `not attributable: the ${a.source === 'entra' ? 'Entra audit log' : 'Okta System Log'} was not collected`
    case 'not-in-logs':
      return 'no Okta System Log event names this change'
  }
}
