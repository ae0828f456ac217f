/**
 * The audit trail between two collections, read from the newer snapshot's logs: Entra
 * directory audits (`activityDisplayName`, `targetResources[].id` and `modifiedProperties`,
 * `initiatedBy` user or app, `correlationId`) and Okta System Log events (`eventType`,
 * `target[].id`, `actor`, `transaction.id`, `debugContext.debugData.changedAttributes`),
 * as one shape. Events of one request share a correlation or transaction id: the group the
 * diff files the changes of one mutation under.
 * https://learn.microsoft.com/graph/api/resources/directoryaudit,
 * https://developer.okta.com/docs/reference/api/system-log/
 */
import type { RawRecord, Snapshot } from '../model/snapshot'
import { DAY_MS } from '../util/dates'

export interface AuditEvent {
  source: 'entra' | 'okta'
  id: string
  at: string
  atMs: number
  /** "Update application", `user.account.update_profile` */
  activity: string
  /** who: a user's UPN or login, or an app's name */
  actor: string
  actorId?: string
  /** through what: "Okta admin API", an app name, the client's user agent */
  via?: string
  targets: readonly string[]
  /** names of the properties the event says it changed (lower case) */
  properties: readonly string[]
  /** old and new values of those properties, as text (to find a key ID in) */
  valuesText: string
  /** correlation (Entra) or transaction (Okta) id */
  group: string
}

const rec = (v: unknown): RawRecord =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as RawRecord) : {}
const text = (v: unknown): string => (typeof v === 'string' ? v : '')

function entraEvent(a: RawRecord): AuditEvent | undefined {
  const at = text(a.activityDateTime)
  const atMs = Date.parse(at)
  if (Number.isNaN(atMs)) return undefined
  const by = rec(a.initiatedBy)
  const user = rec(by.user)
  const app = rec(by.app)
  const targets = Array.isArray(a.targetResources) ? a.targetResources.map(rec) : []
  const modified = targets.flatMap((t) =>
    Array.isArray(t.modifiedProperties) ? t.modifiedProperties.map(rec) : [],
  )
  const actor =
    text(user.userPrincipalName) || text(app.displayName) || text(app.appId) || 'unknown'
  return {
    source: 'entra',
    id: text(a.id),
    at,
    atMs,
    activity: text(a.activityDisplayName).trim(),
    actor,
    ...(text(user.id) || text(app.servicePrincipalId)
      ? { actorId: text(user.id) || text(app.servicePrincipalId) }
      : {}),
    via: text(user.userPrincipalName) ? text(a.loggedByService) : `app ${text(app.appId)}`,
    targets: targets.map((t) => text(t.id)).filter(Boolean),
    properties: modified.map((m) => text(m.displayName).toLowerCase()).filter(Boolean),
    valuesText: modified.map((m) => `${text(m.oldValue)} ${text(m.newValue)}`).join(' '),
    group: text(a.correlationId) || text(a.id),
  }
}

function oktaEvent(e: RawRecord): AuditEvent | undefined {
  const at = text(e.published)
  const atMs = Date.parse(at)
  if (Number.isNaN(atMs) || rec(e.outcome).result === 'FAILURE') return undefined
  const actor = rec(e.actor)
  const targets = Array.isArray(e.target) ? e.target.map(rec) : []
  const debug = rec(rec(e.debugContext).debugData)
  const changed = text(debug.changedAttributes)
  const client = rec(e.client)
  return {
    source: 'okta',
    id: text(e.uuid),
    at,
    atMs,
    activity: text(e.eventType),
    actor: text(actor.alternateId) || text(actor.displayName) || 'unknown',
    ...(text(actor.id) ? { actorId: text(actor.id) } : {}),
    via: text(rec(client.userAgent).rawUserAgent) || text(actor.type) || undefined,
    targets: targets.map((t) => text(t.id)).filter(Boolean),
    properties: changed
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    valuesText: targets.map((t) => JSON.stringify(t.changeDetails ?? '')).join(' '),
    group: text(rec(e.transaction).id) || text(e.uuid),
  }
}

/** Events that change configuration or people (sign-ins and reads are left out). */
const OKTA_CHANGE =
  /^(application\.(lifecycle|user_membership|provision\.user\.push_profile)|app\.keys|system\.idp\.lifecycle|directory\.mapping|policy\.(rule|lifecycle)|user\.(account\.update_profile|lifecycle)|group\.(user_membership|application_assignment|profile)|system\.(org|federation))/

/** The change events of the newer snapshot between `fromMs` (minus a skew) and `toMs`. */
export function auditEventsBetween(snapshot: Snapshot, fromMs: number, toMs: number): AuditEvent[] {
  const skew = 5 * 60_000
  const out: AuditEvent[] = []
  for (const a of snapshot.entra?.directoryAudits ?? []) {
    if (text(a.result) && text(a.result) !== 'success') continue
    const e = entraEvent(a)
    if (e && e.atMs >= fromMs - skew && e.atMs <= toMs + skew) out.push(e)
  }
  for (const l of snapshot.okta?.logs ?? []) {
    if (!OKTA_CHANGE.test(text(l.eventType))) continue
    const e = oktaEvent(l)
    if (e && e.atMs >= fromMs - skew && e.atMs <= toMs + skew) out.push(e)
  }
  return out.sort((x, y) => x.atMs - y.atMs)
}

/** Okta keeps 90 days of System Log; Entra 30 days of audits with P1/P2, 7 without. */
export const OKTA_LOG_RETENTION_DAYS = 90
export const ENTRA_AUDIT_RETENTION_DAYS = { premium: 30, free: 7 } as const

/** The Entra audit retention of the tenant: free when Graph refused sign-ins for the licence. */
export function entraRetentionDays(snapshot: Snapshot): number {
  const nonPremium = snapshot.collection.errors.some(
    (e) => e.code === 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
  )
  return nonPremium ? ENTRA_AUDIT_RETENTION_DAYS.free : ENTRA_AUDIT_RETENTION_DAYS.premium
}

/** The oldest instant each side's logs still reach at the newer collection. */
export function retentionStart(snapshot: Snapshot): { entra: number; okta: number } {
  const at = Date.parse(snapshot.collectedAt)
  return {
    entra: at - entraRetentionDays(snapshot) * DAY_MS,
    okta: at - OKTA_LOG_RETENTION_DAYS * DAY_MS,
  }
}
