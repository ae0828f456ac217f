/**
 * entra-connect-sync-stale — Entra Connect's last sync (organization
 * `onPremisesLastSyncDateTime`) is older than twice the sync interval (30 min by
 * default, or the tenant's `synchronizationInterval` /
 * `customerRequestedSynchronizationInterval`): high; older than 7 days, the delta
 * sync limit, after which a full sync is needed: critical. A tenant that says it
 * syncs but has never synced is critical too.
 * The people whose AD changes already reached Okta after the last sync (see
 * pending-ad-changes.ts) are listed as what the stalled sync is holding back.
 * Reads: entra.organization; entra.onPremisesSynchronization when collected (the
 * interval; Graph serves it only to a signed-in Global Administrator); entra.users and
 * okta.users (the changes waiting), with okta.apps, okta.appUsers and okta.logs.
 * When the interval is unknown the default is assumed but a delay must pass four cycles
 * (2 h), and under a day it is medium: a tenant may run a longer custom schedule.
 * False positives: a tenant that stopped syncing on purpose but left
 * onPremisesSyncEnabled true.
 */
import type { Finding } from '../../model'
import { norm, str } from '../../util/access'
import { MINUTE_MS, DAY_MS, describeDuration, parseDate, parseDurationMs } from '../../util/dates'
import { LINKS } from '../links'
import { capSubjects, defineRule, makeFinding } from '../rule'
import { pendingAdChanges, pendingComparisons, pendingSubjects } from '../pending-ad-changes'

export const entraConnectSyncStale = defineRule({
  id: 'entra-connect-sync-stale',
  title: 'Entra Connect has not synced recently',
  category: 'sync',
  severity: 'high',
  reads: ['entra.organization'],
  optionalReads: [
    'entra.onPremisesSynchronization',
    'entra.users',
    'okta.users',
    'okta.apps',
    'okta.appUsers',
    'okta.logs',
  ],
  evaluate(snapshot, ctx): Finding[] {
    const findings = []
    const sync = snapshot.entra?.onPremisesSynchronization?.[0]
    const configured =
      parseDurationMs(str(sync, 'configuration', 'customerRequestedSynchronizationInterval')) ??
      parseDurationMs(str(sync, 'configuration', 'synchronizationInterval'))
    const known = configured !== undefined
    const intervalMs = configured ?? ctx.thresholds.syncIntervalMinutes * MINUTE_MS
    // an unknown schedule may be longer than the 30-minute default: allow four cycles, not two
    const allowed = (known ? 2 : 4) * intervalMs
    for (const org of snapshot.entra?.organization ?? []) {
      if (org['onPremisesSyncEnabled'] !== true) continue
      const last = parseDate(org['onPremisesLastSyncDateTime'])
      const lag = last ? ctx.now.getTime() - last.getTime() : undefined
      if (lag !== undefined && lag <= allowed) continue
      const stale = lag === undefined || lag > ctx.thresholds.staleAfterDays * DAY_MS
      const orgName = str(org, 'displayName') ?? snapshot.entra?.tenantId ?? 'tenant'
      // AD changes Okta already has that this sync has not carried yet
      const waiting =
        last && snapshot.entra?.users && snapshot.okta?.users
          ? pendingAdChanges(ctx.index).changes.filter((c) => c.changedAt > last)
          : []
      findings.push(
        makeFinding(entraConnectSyncStale, {
          cause: str(org, 'id') ?? snapshot.entra?.tenantId ?? 'organization',
          severity: stale
            ? 'critical'
            : known || lag === undefined || lag > DAY_MS
              ? 'high'
              : 'medium',
          title: last
            ? `Entra Connect last synced ${describeDuration(lag ?? 0)} ago`
            : 'Entra Connect is enabled but has never synced',
          detail: last
            ? `The last directory sync was at ${last.toISOString()}, ${describeDuration(lag ?? 0)} before the snapshot; the cycle is every ${describeDuration(intervalMs)}${known ? '' : " (Entra Connect's default; the tenant's own schedule could not be read)"}.${stale ? ` After ${ctx.thresholds.staleAfterDays} days without a delta sync a full sync is required.` : ''} Changes in AD (new users, UPN and ImmutableID changes) are not reaching Entra, while Okta may already have them.${waiting.length ? ` Okta already holds newer AD values for ${waiting.length} ${waiting.length === 1 ? 'person' : 'people'} that Entra is waiting for.` : ''}`
            : 'organization.onPremisesSyncEnabled is true but onPremisesLastSyncDateTime is empty.',
          subjects: [
            {
              source: 'entra',
              type: 'organization',
              id: str(org, 'id') ?? snapshot.entra?.tenantId ?? '',
              name: orgName,
            },
            ...capSubjects(pendingSubjects(waiting), ctx.thresholds.maxSubjects),
          ],
          evidence: {
            entra: {
              onPremisesLastSyncDateTime: last?.toISOString() ?? null,
              lagMinutes: lag !== undefined ? Math.round(lag / MINUTE_MS) : null,
              intervalMinutes: Math.round(intervalMs / MINUTE_MS),
              intervalKnown: known,
              staleAfterDays: ctx.thresholds.staleAfterDays,
              stagingMode: norm(str(sync, 'features', 'stagingModeEnabled')) ?? null,
            },
            okta: {
              note: 'Okta imports from AD independently; compare with the AD agent import time.',
            },
            ...(waiting.length
              ? { waiting: waiting.length, comparisons: pendingComparisons(waiting) }
              : {}),
          },
          steps: [
            'On the Entra Connect server: Synchronization Service Manager › Operations shows the last run; PowerShell Get-ADSyncScheduler shows SyncCycleEnabled, StagingModeEnabled and NextSyncCycleStartTimeInUTC.',
            `Start a cycle with Start-ADSyncSyncCycle -PolicyType ${stale ? 'Initial' : 'Delta'}; if the scheduler is suspended, Set-ADSyncScheduler -SyncCycleEnabled $true.`,
            'Entra admin center › Identity › Hybrid management › Microsoft Entra Connect › Connect Sync shows the last sync and Connect Health alerts.',
            'API: GET https://graph.microsoft.com/v1.0/organization?$select=onPremisesLastSyncDateTime to confirm.',
          ],
          links: [LINKS.syncScheduler, LINKS.syncErrors],
        }),
      )
    }
    return findings
  },
})
