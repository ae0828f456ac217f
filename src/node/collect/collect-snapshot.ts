/**
 * The collection runner: both connectors in parallel into one `crosswalk.snapshot` (v1),
 * streaming batches and progress, cancellable, incremental from a previous snapshot.
 *
 * - A resource that fails (missing permission, licence, network) is absent and listed in
 *   `collection.errors`; the run goes on. `complete` is true only with no errors at all.
 * - Cancelling (`signal`) rejects with an `AbortError`: a cancelled run never yields a snapshot.
 * - Secrets stay inside: errors and events carry service messages only.
 */
import { setMaxListeners } from 'node:events'
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  ENTRA_RESOURCES,
  OKTA_RESOURCES,
  SINGLE_RESOURCES,
} from '../../shared/model/snapshot'
import type { CollectionError, RawRecord, Snapshot } from '../../shared/model/snapshot'
import { collectedResources } from '../../shared/model'
import { entraRetentionDays } from '../../shared/diff/audit-events'
import { createEntraAuth, type EntraToken } from '../entra/auth'
import { collectEntra } from '../entra/collect-entra'
import { createGraphClient } from '../entra/graph-client'
import { ApiError, redactSecrets, toCollectionError } from '../net/api-error'
import { createHttpClient } from '../net/http'
import { AbortedError, isAbortError } from '../net/retry'
import { collectOkta, OKTA_SCOPES } from '../okta/collect-okta'
import { createOktaClient } from '../okta/client'
import { createOktaReader } from '../okta/okta-reader'
import { normaliseOrgUrl } from '../okta/org-url'
import { grantedScopes } from '../okta/sdk-adapter'
import { runSecrets, type Credentials } from '../profile/credentials'
import type { Profile } from '../profile/profile'
import type { CollectEvent } from './events'
import { createTracker } from './tracker'
import { APP_NAME, appVersion } from '../version'

/** Inputs of `collectSnapshot`. */
export interface CollectOptions {
  profile: Profile
  credentials: Credentials
  /** PEM CA trusted for both services (the profile's caFile, already read) */
  ca?: string
  /** a previous snapshot of the same tenant pair: users/groups refresh from its cursors */
  since?: Snapshot
  /**
   * Records per "<source>.<resource>" the previous snapshot held, when the snapshot itself is
   * not at hand (the app's cache has it): the totals the ETA expects. `since` takes precedence.
   */
  expected?: Readonly<Record<string, number>>
  signal?: AbortSignal
  onEvent?: (event: CollectEvent) => void
  /** plain-words notices (e.g. an -admin org URL corrected) */
  onWarning?: (message: string) => void
  /** Graph audit logs from this instant (ISO-8601); absent: newest records, capped */
  auditSince?: string
  /** Okta System Log window (ISO-8601) */
  logsSince?: string
  logsUntil?: string
  /** per-side fan-out concurrency; default 4 */
  concurrency?: number
  /** the clock, for `collectedAt` and the default log window */
  now?: () => number
}

/** Collects a snapshot. Rejects with an AbortError when `signal` aborts. */
export async function collectSnapshot(options: CollectOptions): Promise<Snapshot> {
  const now = options.now ?? Date.now
  const startedAt = new Date(now()).toISOString()
  const { profile, credentials, signal } = options
  // every in-flight request listens for the abort; fan-out keeps many in flight at once
  if (signal) setMaxListeners(1000, signal)
  const tracker = createTracker(
    options.onEvent,
    Date.now,
    options.since ? recordCounts(options.since) : (options.expected ?? {}),
  )
  const http = createHttpClient({ ...(options.ca ? { ca: options.ca } : {}), maxSockets: 8 })
  const errors: CollectionError[] = []
  const cursors: Record<string, string> = {}
  const granted = { entra: [] as string[], okta: [] as string[] }
  const snapshot: Omit<Snapshot, 'collection' | 'collectedAt'> = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    tool: { name: APP_NAME, version: appVersion() },
  }
  const secrets = runSecrets(credentials)
  const sinceCursors = options.since?.collection.cursors ?? {}
  // Okta's IdP secrets are redacted against the app registrations' key IDs: this run's once
  // Entra has read them, else the previous snapshot's (a refresh that reads only Okta)
  let keyIds = credentialKeyIds(options.since?.entra?.applications)
  let keyIdsSettled = (): void => {}
  const keyIdsKnown = new Promise<void>((resolve) => (keyIdsSettled = resolve))

  const entraSide = async (): Promise<void> => {
    try {
      await readEntra()
    } finally {
      keyIdsSettled()
    }
  }

  const readEntra = async (): Promise<void> => {
    const p = profile.entra
    const credential = credentials.entra
    if (!p) return
    if (!credential) {
      errors.push(
        ...allFailed(
          'entra',
          collectedResources('entra'),
          new ApiError('entra', 0, 'no_credential', 'No Entra credential was supplied.'),
        ),
      )
      return
    }
    let token: EntraToken
    const auth = createEntraAuth({ profile: p, credential, send: http.send })
    try {
      token = await auth.getToken()
    } catch (error) {
      if (signal?.aborted) throw new AbortedError()
      errors.push(...allFailed('entra', collectedResources('entra'), error))
      return
    }
    granted.entra = [...token.roles].sort()
    const graph = createGraphClient({
      graphRoot: auth.graphRoot,
      send: http.send,
      getToken: async (force) => (await auth.getToken(force)).accessToken,
    })
    const sameTenant =
      options.since?.entra?.tenantId === p.tenantId ||
      options.since?.entra?.tenantId === token.tenantId
    const result = await collectEntra({
      graph,
      tenantId: token.tenantId ?? p.tenantId,
      cloud: p.cloud,
      tracker,
      ...(signal ? { signal } : {}),
      ...(options.since && sameTenant
        ? { since: { entra: options.since.entra, cursors: sinceCursors } }
        : {}),
      ...(options.auditSince ? { auditSince: options.auditSince } : {}),
      ...(options.since && sameTenant && options.since.entra?.directoryAudits
        ? {
            auditRefresh: {
              previousAt: options.since.collectedAt,
              retentionStart: new Date(
                now() - entraRetentionDays(options.since) * 86_400_000,
              ).toISOString(),
            },
          }
        : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      readerAppId: p.clientId,
      authority: { authorityHost: auth.authorityHost, send: http.send },
      onApplications: (apps) => {
        keyIds = credentialKeyIds(apps)
        keyIdsSettled()
      },
    })
    snapshot.entra = result.data
    errors.push(...result.errors)
    Object.assign(cursors, result.cursors)
  }

  const oktaSide = async (): Promise<void> => {
    const p = profile.okta
    const credential = credentials.okta
    if (!p) return
    const { orgUrl, warnings } = normaliseOrgUrl(p.orgUrl)
    for (const w of warnings) options.onWarning?.(w)
    if (!credential) {
      errors.push(
        ...allFailed(
          'okta',
          collectedResources('okta'),
          new ApiError('okta', 0, 'no_credential', 'No Okta credential was supplied.'),
        ),
      )
      return
    }
    const conn = createOktaClient({
      orgUrl,
      credential,
      ...(p.clientId ? { clientId: p.clientId } : {}),
      ...(p.scopes ? { scopes: p.scopes } : {}),
      send: http.send,
      ...(p.rateLimitShare ? { rateLimitShare: p.rateLimitShare } : {}),
      ...(signal ? { signal } : {}),
    })
    const reader = createOktaReader({
      client: conn.client,
      executor: conn.executor,
      orgUrl,
      ...(signal ? { signal } : {}),
      secretKeyIds: () => keyIds,
    })
    const sameOrg = options.since?.okta?.orgUrl === orgUrl
    const result = await collectOkta({
      reader,
      orgUrl,
      tracker,
      ...(signal ? { signal } : {}),
      ...(options.since && sameOrg
        ? { since: { okta: options.since.okta, cursors: sinceCursors } }
        : {}),
      ...(options.logsSince ? { logsSince: options.logsSince } : {}),
      ...(options.logsUntil ? { logsUntil: options.logsUntil } : {}),
      ...(options.since ? { configEventsSince: options.since.collectedAt } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      now,
      pace: (path, requests) => conn.pacer.schedule(`${orgUrl}${path}`, requests),
      keyIdsKnown: () => keyIdsKnown,
    })
    snapshot.okta = result.data
    errors.push(...result.errors)
    Object.assign(cursors, result.cursors)
    granted.okta =
      grantedScopes(conn.client) ??
      [
        ...new Set(
          result.succeeded
            .map((r) => (OKTA_SCOPES as Record<string, string>)[r])
            .filter((s): s is string => !!s),
        ),
      ].sort()
  }

  try {
    const results = await Promise.allSettled([entraSide(), oktaSide()])
    if (signal?.aborted) throw new AbortedError()
    for (const r of results) {
      if (r.status === 'rejected') {
        if (isAbortError(r.reason)) throw new AbortedError()
        throw r.reason
      }
    }
  } finally {
    http.close()
  }
  const finishedAt = new Date(now()).toISOString()
  return {
    ...snapshot,
    collectedAt: finishedAt,
    collection: {
      startedAt,
      finishedAt,
      complete: errors.length === 0,
      errors: errors.map((e) => ({ ...e, message: redactSecrets(e.message, secrets) })),
      grantedPermissions: granted,
      cursors,
      reader: {
        ...(profile.entra ? { entra: { clientId: profile.entra.clientId } } : {}),
        ...(profile.okta && credentials.okta
          ? {
              okta:
                credentials.okta.kind === 'apiToken'
                  ? { credential: 'api-token' as const }
                  : {
                      credential: 'service-app' as const,
                      ...(profile.okta.clientId ? { clientId: profile.okta.clientId } : {}),
                    },
            }
          : {}),
      },
    },
  }
}

/**
 * Records per "<source>.<resource>" of a snapshot, for every resource it holds (an empty one
 * as 0, a single object such as the Okta user schema as 1, a keyed one as the sum over its
 * parents). The previous run's totals drive the ETA; a finished run's tell the cache which
 * resources were collected.
 */
export function recordCounts(snapshot: Snapshot): Record<string, number> {
  const out: Record<string, number> = {}
  for (const source of ['entra', 'okta'] as const) {
    const side = snapshot[source] as Record<string, unknown> | undefined
    if (!side) continue
    for (const resource of source === 'entra' ? ENTRA_RESOURCES : OKTA_RESOURCES) {
      const value = side[resource]
      if (value === undefined || value === null) continue
      const key = `${source}.${resource}`
      if (Array.isArray(value)) out[key] = value.length
      else if (SINGLE_RESOURCES[source].includes(resource)) out[key] = 1
      else if (typeof value === 'object') {
        out[key] = Object.values(value as Record<string, unknown>).reduce(
          (n: number, v) => n + (Array.isArray(v) ? v.length : 0),
          0,
        )
      }
    }
  }
  return out
}

/** Every `passwordCredentials[].keyId` of the app registrations. */
function credentialKeyIds(applications: readonly RawRecord[] | undefined): string[] {
  const out: string[] = []
  for (const app of applications ?? []) {
    const creds = app['passwordCredentials']
    if (!Array.isArray(creds)) continue
    for (const c of creds) {
      const keyId = (c as RawRecord | null)?.['keyId']
      if (typeof keyId === 'string') out.push(keyId)
    }
  }
  return out
}

function allFailed(
  source: 'entra' | 'okta',
  resources: readonly string[],
  error: unknown,
): CollectionError[] {
  return resources.map((resource) => toCollectionError(source, resource, error))
}
