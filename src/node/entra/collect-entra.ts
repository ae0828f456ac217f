/**
 * Collects the Entra half of a snapshot through Graph v1.0: independent resources in
 * parallel, per-domain and per-service-principal fan-out with bounded concurrency, audit
 * logs inside Graph's 5-requests-per-10-s report limit, and users/groups through delta
 * queries so a later refresh can continue from the stored delta links.
 *
 * Graph serves `directory/onPremisesSynchronization` only to a signed-in Global
 * Administrator (no application permission exists, see the resource registry), so an
 * app-only collection does not ask for it; the sync schedule rules read it when another
 * tool's snapshot carries it.
 *
 * Fan-out choice: appRoleAssignments and synchronization jobs are read for every service
 * principal except Microsoft's first-party ones (owned by Microsoft's tenants), i.e. the
 * tenant's own app registrations, gallery apps such as Okta's, and the reader app itself.
 * A real tenant holds hundreds of first-party SPs that never carry provisioning jobs or
 * customer-granted roles worth diagnosing.
 */
import { auditRefreshStart, joinAudits } from './audit-window'
import type { CollectionError, EntraSnapshot, RawRecord } from '../../shared/model/snapshot'
import { ApiError, toCollectionError } from '../net/api-error'
import { mapWithConcurrency } from '../net/concurrency'
import { createLoopGuard, pageRecords } from '../net/paging'
import { isAbortError } from '../net/retry'
import { createWindowLimiter } from '../net/window-limiter'
import type { Tracker } from '../collect/tracker'
import type { GraphClient } from './graph-client'
import { GROUP_MEMBERS_CURSOR, collectGroupMembers } from './group-members'
import type { HttpSend } from '../net/http'
import { fetchSigningKeys } from './signing-keys'
import {
  APPLICATION_SELECT,
  DELETED_USER_SELECT,
  DOMAIN_SELECT,
  GROUP_SELECT,
  MICROSOFT_OWNER_TENANTS,
  ORGANIZATION_SELECT,
  SERVICE_PRINCIPAL_SELECT,
  USER_SELECT,
} from './selects'

/** Inputs of `collectEntra`. */
export interface EntraCollectOptions {
  graph: GraphClient
  tenantId: string
  cloud: EntraSnapshot['cloud']
  tracker: Tracker
  signal?: AbortSignal
  /** the previous snapshot's Entra half and cursors, for a delta refresh of users and groups */
  since?: { entra?: EntraSnapshot; cursors: Record<string, string> }
  /** ISO-8601 lower bound for audit logs (`createdDateTime`/`activityDateTime ge`); absent: no bound */
  auditSince?: string
  /** newest audit records kept per log; default 50 000 */
  maxAuditRecords?: number
  /**
   * a refresh: the directory audits are read only since the previous snapshot (its time less
   * an hour, for late events) and joined with its audits still inside the retention, so the
   * rules see the same window and every change since then can be attributed
   */
  auditRefresh?: { previousAt: string; retentionStart: string }
  /** parallel fan-out requests; default 4 */
  concurrency?: number
  /** the reader app's appId, whose service principal is always fanned out to */
  readerAppId?: string
  /**
   * the login host and a sender for it: the tenant's token signing keys (public, no token)
   * are read there; absent, they are not collected
   */
  authority?: { authorityHost: string; send: HttpSend }
  /** told the app registrations as soon as they are read (their credential key IDs are needed early) */
  onApplications?: (applications: readonly RawRecord[]) => void
}

/** The Entra half, its errors and its refresh cursors (`entra.users`, `entra.groups`, `entra.groupMembers`). */
export interface EntraCollectResult {
  data: EntraSnapshot
  errors: CollectionError[]
  cursors: Record<string, string>
}

const sel = (fields: readonly string[]): string => `$select=${fields.join(',')}`

/** Graph errors that mean a stored delta link can no longer be used. */
function isDeltaExpired(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 410 ||
      ['syncStateNotFound', 'resyncRequired', 'syncStateInvalid'].includes(error.code))
  )
}

/** Collects every Entra resource; failures become `errors` entries, an abort rejects. */
export async function collectEntra(options: EntraCollectOptions): Promise<EntraCollectResult> {
  const { graph, tracker, signal } = options
  const data: EntraSnapshot = { tenantId: options.tenantId, cloud: options.cloud }
  const errors: CollectionError[] = []
  const cursors: Record<string, string> = {}
  const concurrency = options.concurrency ?? 4
  const audit = createWindowLimiter({ max: 5, windowMs: 10_000 })

  const guard = async (resource: string, run: () => Promise<void>): Promise<void> => {
    try {
      await run()
      tracker.track('entra', resource).done()
    } catch (error) {
      if (isAbortError(error) || signal?.aborted) throw error
      errors.push(toCollectionError('entra', resource, error))
      tracker.track('entra', resource).error()
    }
  }

  const list = async (resource: string, path: string, audited = false): Promise<RawRecord[]> => {
    const t = tracker.track('entra', resource)
    const out: RawRecord[] = []
    const max = options.maxAuditRecords ?? 50_000
    let next: string | undefined = path
    const guard = createLoopGuard('entra')
    while (next) {
      guard(next)
      const json = await graph.get(next, {
        ...(signal ? { signal } : {}),
        stats: t.stats,
        ...(audited ? { beforeRequest: (s?: AbortSignal) => audit.acquire(s) } : {}),
      })
      const value = pageRecords('entra', json.value)
      out.push(...value)
      t.page(value)
      next = typeof json['@odata.nextLink'] === 'string' ? json['@odata.nextLink'] : undefined
      if (audited && out.length >= max) break
    }
    return out
  }

  /** users/groups: continue from the stored delta link, or a full delta round. */
  const deltaCollect = async (resource: 'users' | 'groups', path: string): Promise<void> => {
    const key = `entra.${resource}`
    const previous = options.since?.entra?.[resource]
    const link = options.since?.cursors[key]
    const t = tracker.track('entra', resource)
    const run = async (start: string, base: RawRecord[] | undefined): Promise<void> => {
      const byId = new Map<string, RawRecord>()
      for (const r of base ?? []) byId.set(String(r.id), r)
      const result = await graph.forEachPage(
        start,
        (page) => {
          const changed: RawRecord[] = []
          for (const record of page.value) {
            const id = String(record.id)
            if (record['@removed'] !== undefined) byId.delete(id)
            else {
              byId.set(id, record)
              changed.push(record)
            }
          }
          t.page(changed)
        },
        {
          ...(signal ? { signal } : {}),
          stats: t.stats,
          headers: { prefer: 'odata.maxpagesize=999' },
        },
      )
      data[resource] = [...byId.values()]
      if (result.deltaLink) cursors[key] = result.deltaLink
    }
    if (link && previous && graph.isOwnUrl(link)) {
      try {
        await run(link, previous)
        return
      } catch (error) {
        if (!isDeltaExpired(error)) throw error
      }
    }
    // Delta pages carry no count: the total for the progress bar and the ETA comes first.
    try {
      t.expect(await graph.count(resource, { ...(signal ? { signal } : {}), stats: t.stats }))
    } catch (error) {
      if (isAbortError(error) || signal?.aborted) throw error
    }
    await run(path, undefined)
  }

  const domainsAndFederation = async (): Promise<void> => {
    await guard('domains', async () => {
      data.domains = await list('domains', `domains?${sel(DOMAIN_SELECT)}`)
    })
    const federated = (data.domains ?? []).filter((d) => d.authenticationType === 'Federated')
    if (!data.domains) return
    await guard('federationConfigurations', async () => {
      const t = tracker.track('entra', 'federationConfigurations')
      const out: Record<string, RawRecord[]> = {}
      await mapWithConcurrency(federated, concurrency, async (domain) => {
        const id = String(domain.id)
        const json = await graph.get(`domains/${encodeURIComponent(id)}/federationConfiguration`, {
          ...(signal ? { signal } : {}),
          stats: t.stats,
        })
        const value = pageRecords('entra', json.value)
        out[id] = value
        t.page(value, id)
      })
      data.federationConfigurations = out
    })
  }

  const servicePrincipalsAndFanOut = async (): Promise<void> => {
    await guard('servicePrincipals', async () => {
      data.servicePrincipals = await list(
        'servicePrincipals',
        `servicePrincipals?${sel(SERVICE_PRINCIPAL_SELECT)}&$top=999`,
      )
    })
    if (!data.servicePrincipals) return
    const targets = data.servicePrincipals.filter(
      (sp) =>
        sp.appId === options.readerAppId ||
        typeof sp.appOwnerOrganizationId !== 'string' ||
        !MICROSOFT_OWNER_TENANTS.has(sp.appOwnerOrganizationId),
    )
    const fanOut = async (
      resource: 'appRoleAssignments' | 'synchronizationJobs',
      suffix: string,
    ): Promise<void> => {
      await guard(resource, async () => {
        const t = tracker.track('entra', resource)
        const out: Record<string, RawRecord[]> = {}
        await mapWithConcurrency(targets, concurrency, async (sp) => {
          const id = String(sp.id)
          const records: RawRecord[] = []
          try {
            await graph.forEachPage(
              `servicePrincipals/${encodeURIComponent(id)}/${suffix}`,
              (page) => {
                records.push(...page.value)
                t.page(page.value, id)
              },
              { ...(signal ? { signal } : {}), stats: t.stats },
            )
          } catch (error) {
            // an SP without a synchronization schema answers 404: it simply has no jobs
            if (error instanceof ApiError && error.status === 404) return
            throw error
          }
          out[id] = records
        })
        data[resource] = out
      })
    }
    await Promise.all([
      fanOut('appRoleAssignments', 'appRoleAssignments'),
      fanOut('synchronizationJobs', 'synchronization/jobs').then(synchronizationSchemas),
    ])
  }

  /** Each provisioning job's synchronization schema (its attribute mappings), keyed by job id. */
  const synchronizationSchemas = async (): Promise<void> => {
    const jobs = data.synchronizationJobs
    if (!jobs) {
      // the jobs could not be read, so neither can their schemas: the same reason stands for both
      const failed = errors.find((e) => e.resource === 'synchronizationJobs')
      if (failed) {
        errors.push({ ...failed, resource: 'synchronizationSchemas' })
        tracker.track('entra', 'synchronizationSchemas').error()
      }
      return
    }
    const pairs = Object.entries(jobs).flatMap(([spId, list]) =>
      list.map((job) => ({ spId, jobId: String(job.id) })),
    )
    await guard('synchronizationSchemas', async () => {
      const t = tracker.track('entra', 'synchronizationSchemas')
      const out: Record<string, RawRecord[]> = {}
      await mapWithConcurrency(pairs, concurrency, async ({ spId, jobId }) => {
        const json = await graph.get(
          `servicePrincipals/${encodeURIComponent(spId)}/synchronization/jobs/${encodeURIComponent(jobId)}/schema`,
          { ...(signal ? { signal } : {}), stats: t.stats },
        )
        const { '@odata.context': _context, ...schema } = json
        const records = [schema as RawRecord]
        out[jobId] = records
        t.page(records, jobId)
      })
      data.synchronizationSchemas = out
    })
  }

  const auditFilter = (field: string): string =>
    options.auditSince ? `&$filter=${encodeURIComponent(`${field} ge ${options.auditSince}`)}` : ''

  const signingKeys = async (authority: NonNullable<EntraCollectOptions['authority']>) => {
    const t = tracker.track('entra', 'signingKeys')
    const keys = await fetchSigningKeys({
      send: authority.send,
      authorityHost: authority.authorityHost,
      tenantId: options.tenantId,
      ...(signal ? { signal } : {}),
      onRetry: (reason) => {
        if (reason === 'throttled') t.stats.throttleWaits++
        else t.stats.retries++
      },
    })
    t.page(keys)
    data.signingKeys = keys
  }

  await Promise.all([
    ...(options.authority ? [guard('signingKeys', () => signingKeys(options.authority!))] : []),
    guard('organization', async () => {
      data.organization = await list('organization', `organization?${sel(ORGANIZATION_SELECT)}`)
    }),
    domainsAndFederation(),
    guard('users', () => deltaCollect('users', `users/delta?${sel(USER_SELECT)}`)),
    guard('groups', () => deltaCollect('groups', `groups/delta?${sel(GROUP_SELECT)}`)),
    guard('groupMembers', async () => {
      const link = options.since?.cursors[GROUP_MEMBERS_CURSOR]
      const previous = options.since?.entra?.groupMembers
      const result = await collectGroupMembers({
        graph,
        tracker,
        ...(signal ? { signal } : {}),
        ...(link && previous ? { since: { members: previous, link } } : {}),
      })
      data.groupMembers = result.members
      if (result.cursor) cursors[GROUP_MEMBERS_CURSOR] = result.cursor
    }),
    guard('applications', async () => {
      data.applications = await list(
        'applications',
        `applications?${sel(APPLICATION_SELECT)}&$top=999`,
      )
      options.onApplications?.(data.applications)
    }),
    servicePrincipalsAndFanOut(),
    guard('oauth2PermissionGrants', async () => {
      data.oauth2PermissionGrants = await list('oauth2PermissionGrants', 'oauth2PermissionGrants')
    }),
    guard('deletedUsers', async () => {
      data.deletedUsers = await list(
        'deletedUsers',
        `directory/deletedItems/microsoft.graph.user?${sel(DELETED_USER_SELECT)}&$top=999`,
      )
    }),
    guard('signIns', async () => {
      data.signIns = await list(
        'signIns',
        `auditLogs/signIns?$top=1000${auditFilter('createdDateTime')}`,
        true,
      )
    }),
    guard('directoryAudits', async () => {
      const refresh = options.auditRefresh
      const from = refresh ? auditRefreshStart(refresh) : undefined
      const fresh = await list(
        'directoryAudits',
        `auditLogs/directoryAudits?$top=1000${
          from
            ? `&$filter=${encodeURIComponent(`activityDateTime ge ${from}`)}`
            : auditFilter('activityDateTime')
        }`,
        true,
      )
      data.directoryAudits = refresh
        ? joinAudits(
            fresh,
            options.since?.entra?.directoryAudits ?? [],
            refresh.retentionStart,
            options.maxAuditRecords ?? 50_000,
          )
        : fresh
    }),
    guard('provisioningLogs', async () => {
      data.provisioningLogs = await list(
        'provisioningLogs',
        `auditLogs/provisioning?$top=1000${auditFilter('activityDateTime')}`,
        true,
      )
    }),
  ])
  return { data, errors, cursors }
}
