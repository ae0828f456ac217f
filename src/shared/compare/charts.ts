/**
 * The numbers behind the comparison charts, from one snapshot (trends across snapshots
 * belong to the history): credential expiry on both sides around "now" (the snapshot's
 * `collectedAt`), provisioning outcomes by day and app users by sync state, and sign-in
 * failures by AADSTS code and by Okta reason per day. Every series holds at most
 * `MAX_POINTS` points: days are merged into longer buckets when a window is longer.
 * All dates are UTC days (`YYYY-MM-DD`).
 *
 * @see https://learn.microsoft.com/en-us/graph/api/resources/provisioningobjectsummary
 * @see https://learn.microsoft.com/en-us/graph/api/resources/signin
 * @see https://developer.okta.com/docs/reference/api/event-types/
 */
import type { Snapshot } from '../model/snapshot'
import { num, recs, str, text } from '../util/access'
import { DAY_MS, parseDate } from '../util/dates'
import { readCertificateValidity } from '../util/der'
import { isActiveApp } from './seam'

/** The most points a chart series holds. */
export const MAX_POINTS = 1000

/** The warning lines of the expiry chart, in days from now. */
export const EXPIRY_MARKS = [30, 60, 90] as const

/** One credential that expires, on either side. */
export interface ExpiringCredential {
  side: 'entra' | 'okta'
  kind: 'client secret' | 'certificate' | 'federation certificate' | 'signing key'
  /** the app, domain or key it belongs to */
  owner: string
  /** what identifies the credential itself (key id, hint, kid) */
  name: string
  expires: string
  /** whole days from now (negative: expired) */
  days: number
}

/** One point of the expiry chart: how many credentials of a side expire in one bucket. */
export interface ExpiryPoint {
  /** first day of the bucket, days from now */
  days: number
  day: string
  entra: number
  okta: number
}

/** The expiry chart: a point per bucket with credentials, and every credential for the table. */
export interface ExpirySeries {
  now: string
  /** days per bucket (1 unless the credentials spread over more than MAX_POINTS days) */
  bucketDays: number
  points: ExpiryPoint[]
  credentials: ExpiringCredential[]
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS
}

/** Every credential of both sides with an end date, soonest first. */
export function expiringCredentials(snapshot: Snapshot): ExpiringCredential[] {
  const now = Date.parse(snapshot.collectedAt)
  const out: ExpiringCredential[] = []
  const add = (c: Omit<ExpiringCredential, 'days' | 'expires'>, end: Date | undefined) => {
    if (!end) return
    out.push({ ...c, expires: end.toISOString(), days: Math.floor((end.getTime() - now) / DAY_MS) })
  }
  for (const app of snapshot.entra?.applications ?? []) {
    const owner = text(app, 'displayName') ?? str(app, 'appId') ?? 'app registration'
    for (const c of recs(app, 'passwordCredentials'))
      add(
        {
          side: 'entra',
          kind: 'client secret',
          owner,
          name: text(c, 'displayName') ?? `${str(c, 'hint') ?? ''}…`,
        },
        parseDate(c['endDateTime']),
      )
    for (const c of recs(app, 'keyCredentials'))
      add(
        {
          side: 'entra',
          kind: 'certificate',
          owner,
          name: text(c, 'displayName') ?? str(c, 'keyId') ?? '',
        },
        parseDate(c['endDateTime']),
      )
  }
  for (const [domain, configs] of Object.entries(snapshot.entra?.federationConfigurations ?? {}))
    for (const config of configs) {
      const cert = str(config, 'signingCertificate')
      add(
        {
          side: 'entra',
          kind: 'federation certificate',
          owner: domain,
          name: 'signingCertificate',
        },
        cert ? readCertificateValidity(cert)?.notAfter : undefined,
      )
    }
  const apps = new Map((snapshot.okta?.apps ?? []).map((a) => [str(a, 'id') ?? '', a]))
  for (const [appId, keys] of Object.entries(snapshot.okta?.appKeys ?? {})) {
    const app = apps.get(appId)
    // an inactive app signs nothing: its keys' expiry is nobody's problem
    if (app && !isActiveApp(app)) continue
    const owner = text(app, 'label') ?? appId
    for (const key of keys) {
      const x5c = (key['x5c'] as unknown[] | undefined)?.[0]
      add(
        { side: 'okta', kind: 'signing key', owner, name: str(key, 'kid') ?? '' },
        parseDate(key['expiresAt']) ??
          (typeof x5c === 'string' ? readCertificateValidity(x5c)?.notAfter : undefined),
      )
    }
  }
  return out.sort((a, b) => a.days - b.days)
}

/** The expiry chart's series (see {@link ExpirySeries}). */
export function expirySeries(snapshot: Snapshot): ExpirySeries {
  const credentials = expiringCredentials(snapshot)
  const now = startOfDay(Date.parse(snapshot.collectedAt))
  if (credentials.length === 0) return { now: isoDay(now), bucketDays: 1, points: [], credentials }
  const first = credentials[0]?.days ?? 0
  const last = credentials[credentials.length - 1]?.days ?? 0
  const bucketDays = Math.max(1, Math.ceil((last - first + 1) / MAX_POINTS))
  const buckets = new Map<number, ExpiryPoint>()
  for (const c of credentials) {
    const start = Math.floor(c.days / bucketDays) * bucketDays
    let p = buckets.get(start)
    if (!p) {
      p = { days: start, day: isoDay(now + start * DAY_MS), entra: 0, okta: 0 }
      buckets.set(start, p)
    }
    p[c.side]++
  }
  return {
    now: isoDay(now),
    bucketDays,
    points: [...buckets.values()].sort((a, b) => a.days - b.days),
    credentials,
  }
}

/** Counts per day for a set of named series (`day` plus one number per key). */
export interface DailySeries<K extends string> {
  keys: readonly K[]
  /** days per point (1 unless the window is longer than MAX_POINTS days) */
  bucketDays: number
  points: ({ day: string } & Record<K, number>)[]
}

/** Buckets `[day, key]` events into consecutive days (or longer buckets), every day of the window present. */
function daily<K extends string>(
  events: readonly (readonly [number, K])[],
  keys: readonly K[],
): DailySeries<K> {
  if (events.length === 0) return { keys, bucketDays: 1, points: [] }
  let min = Infinity
  let max = -Infinity
  for (const [t] of events) {
    if (t < min) min = t
    if (t > max) max = t
  }
  const first = startOfDay(min)
  const span = Math.floor((startOfDay(max) - first) / DAY_MS) + 1
  const bucketDays = Math.max(1, Math.ceil(span / MAX_POINTS))
  const count = Math.ceil(span / bucketDays)
  const points = Array.from({ length: count }, (_, i) => {
    const p = { day: isoDay(first + i * bucketDays * DAY_MS) } as { day: string } & Record<
      K,
      number
    >
    for (const k of keys) (p as Record<string, number | string>)[k] = 0
    return p
  })
  for (const [t, k] of events) {
    const i = Math.floor((startOfDay(t) - first) / DAY_MS / bucketDays)
    const p = points[i] as Record<string, number | string>
    p[k] = (p[k] as number) + 1
  }
  return { keys, bucketDays, points }
}

/** Provisioning outcomes of both sides by day. */
export type ProvisioningKey =
  'entraSuccess' | 'entraFailure' | 'entraSkipped' | 'oktaSuccess' | 'oktaFailure'

/** Entra provisioning logs and Okta provisioning events (`application.provision.*`) by day and outcome. */
export function provisioningSeries(snapshot: Snapshot): DailySeries<ProvisioningKey> {
  const events: [number, ProvisioningKey][] = []
  for (const p of snapshot.entra?.provisioningLogs ?? []) {
    const t = parseDate(p['activityDateTime'])?.getTime()
    if (t === undefined) continue
    const status = str(p, 'provisioningStatusInfo', 'status')?.toLowerCase()
    events.push([
      t,
      status === 'success'
        ? 'entraSuccess'
        : status === 'failure'
          ? 'entraFailure'
          : 'entraSkipped',
    ])
  }
  for (const e of snapshot.okta?.logs ?? []) {
    const type = str(e, 'eventType')?.toLowerCase() ?? ''
    if (!type.startsWith('application.provision.')) continue
    const t = parseDate(e['published'])?.getTime()
    if (t === undefined) continue
    const ok = str(e, 'outcome', 'result')?.toUpperCase() === 'SUCCESS'
    events.push([t, ok ? 'oktaSuccess' : 'oktaFailure'])
  }
  return daily(events, [
    'entraSuccess',
    'entraFailure',
    'entraSkipped',
    'oktaSuccess',
    'oktaFailure',
  ])
}

/** App users of one Okta app by sync state. */
export interface SyncStateRow {
  app: string
  /** counts by `syncState` (SYNCHRONIZED, ERROR, DISABLED, …; "none" when absent) */
  states: Record<string, number>
  total: number
}

/** Okta app users by sync state, per app with app users (most users first). */
export function syncStateRows(snapshot: Snapshot): { states: string[]; rows: SyncStateRow[] } {
  const apps = new Map((snapshot.okta?.apps ?? []).map((a) => [str(a, 'id') ?? '', a]))
  const states = new Set<string>()
  const rows: SyncStateRow[] = []
  for (const [appId, users] of Object.entries(snapshot.okta?.appUsers ?? {})) {
    if (users.length === 0) continue
    const row: SyncStateRow = {
      app: text(apps.get(appId), 'label') ?? appId,
      states: {},
      total: users.length,
    }
    for (const u of users) {
      const state = str(u, 'syncState') ?? 'none'
      states.add(state)
      row.states[state] = (row.states[state] ?? 0) + 1
    }
    rows.push(row)
  }
  const order = ['SYNCHRONIZED', 'ERROR', 'OUT_OF_SYNC', 'SYNCING', 'PENDING', 'DISABLED', 'none']
  const rank = (state: string) => (order.includes(state) ? order.indexOf(state) : order.length)
  return {
    states: [...states].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
    rows: rows.sort((a, b) => b.total - a.total).slice(0, MAX_POINTS),
  }
}

/** Failures per day by cause, the `top` most frequent causes named and the rest as "other". */
export interface FailureSeries {
  /** the causes charted, most frequent first ("other" last when there are more) */
  keys: string[]
  /** words for each key (the AADSTS code or the Okta reason) */
  labels: Record<string, string>
  bucketDays: number
  points: ({ day: string } & Record<string, number | string>)[]
  total: number
}

const OTHER = 'other'

function byCause(events: readonly (readonly [number, string])[], top: number): FailureSeries {
  const counts = new Map<string, number>()
  for (const [, cause] of events) counts.set(cause, (counts.get(cause) ?? 0) + 1)
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const named = ranked.slice(0, top).map(([c]) => c)
  const keys = ranked.length > top ? [...named, OTHER] : named
  // chart keys must be safe property names: c0, c1, …
  const keyOf = new Map(named.map((c, i) => [c, `c${i}`]))
  const series = daily(
    events.map(([t, c]) => [t, keyOf.get(c) ?? OTHER] as const),
    keys.map((c) => keyOf.get(c) ?? OTHER),
  )
  const labels: Record<string, string> = { [OTHER]: 'other causes' }
  for (const [c, k] of keyOf) labels[k] = c
  return {
    keys: series.keys as string[],
    labels,
    bucketDays: series.bucketDays,
    points: series.points,
    total: events.length,
  }
}

/** Failed Entra sign-ins per day by AADSTS code (`status.errorCode`, 0 is success). */
export function entraSignInFailures(snapshot: Snapshot, top = 6): FailureSeries {
  const events: [number, string][] = []
  for (const s of snapshot.entra?.signIns ?? []) {
    const code = num(s, 'status', 'errorCode')
    if (!code) continue
    const t = parseDate(s['createdDateTime'])?.getTime()
    if (t !== undefined) events.push([t, `AADSTS${code}`])
  }
  return byCause(events, top)
}

/** Okta System Log failures per day by `outcome.reason` (sign-in and IdP events). */
export function oktaFailureReasons(snapshot: Snapshot, top = 6): FailureSeries {
  const events: [number, string][] = []
  for (const e of snapshot.okta?.logs ?? []) {
    const result = str(e, 'outcome', 'result')?.toUpperCase()
    if (result !== 'FAILURE' && result !== 'DENY') continue
    const type = str(e, 'eventType') ?? ''
    if (!/^user\.(authentication|session)\.|^app\.generic\.unauth|^policy\.evaluate/.test(type))
      continue
    const t = parseDate(e['published'])?.getTime()
    if (t !== undefined)
      events.push([t, text(e, 'outcome', 'reason') ?? `${type} (no reason given)`])
  }
  return byCause(events, top)
}

/** Every chart's numbers for one snapshot. */
export interface ChartData {
  expiry: ExpirySeries
  provisioning: DailySeries<ProvisioningKey>
  syncStates: { states: string[]; rows: SyncStateRow[] }
  entraSignIns: FailureSeries
  oktaFailures: FailureSeries
}

/** The numbers of every comparison chart. */
export function chartData(snapshot: Snapshot): ChartData {
  return {
    expiry: expirySeries(snapshot),
    provisioning: provisioningSeries(snapshot),
    syncStates: syncStateRows(snapshot),
    entraSignIns: entraSignInFailures(snapshot),
    oktaFailures: oktaFailureReasons(snapshot),
  }
}
