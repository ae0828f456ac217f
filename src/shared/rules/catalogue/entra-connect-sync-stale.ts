/**
 * entra-connect-sync-stale — Entra Connect's last sync (organization
 * `onPremisesLastSyncDateTime`) is older than twice the sync interval (30 min by
 * default, or the tenant's `synchronizationInterval` /
 * `customerRequestedSynchronizationInterval`): high; older than 7 days, the delta
 * sync limit, after which a full sync is needed: critical. A tenant that says it
 * syncs but has never synced is critical too.
 * Reads: entra.organization, entra.onPremisesSynchronization (optional interval).
 * False positives: a tenant that stopped syncing on purpose but left
 * onPremisesSyncEnabled true.
 */
import { norm, str } from '../../util/access'
import { MINUTE_MS, DAY_MS, describeDuration, parseDate, parseDurationMs } from '../../util/dates'
import { LINKS } from '../links'
import { type Rule, makeFinding } from '../rule'

export const entraConnectSyncStale: Rule = {
  id: 'entra-connect-sync-stale',
  title: 'Entra Connect has not synced recently',
  category: 'sync',
  severity: 'high',
  reads: ['entra.organization'],
  evaluate(snapshot, ctx) {
    const findings = []
    const sync = snapshot.entra?.onPremisesSynchronization?.[0]
    const intervalMs =
      parseDurationMs(str(sync, 'configuration', 'customerRequestedSynchronizationInterval')) ??
      parseDurationMs(str(sync, 'configuration', 'synchronizationInterval')) ??
      ctx.thresholds.syncIntervalMinutes * MINUTE_MS
    for (const org of snapshot.entra?.organization ?? []) {
      if (org['onPremisesSyncEnabled'] !== true) continue
      const last = parseDate(org['onPremisesLastSyncDateTime'])
      const lag = last ? ctx.now.getTime() - last.getTime() : undefined
      if (lag !== undefined && lag <= 2 * intervalMs) continue
      const stale = lag === undefined || lag > ctx.thresholds.staleAfterDays * DAY_MS
      const orgName = str(org, 'displayName') ?? snapshot.entra?.tenantId ?? 'tenant'
      findings.push(
        makeFinding(entraConnectSyncStale, {
          severity: stale ? 'critical' : 'high',
          title: last
            ? `Entra Connect last synced ${describeDuration(lag ?? 0)} ago`
            : 'Entra Connect is enabled but has never synced',
          detail: last
            ? `The last directory sync was at ${last.toISOString()}, ${describeDuration(lag ?? 0)} before the snapshot; the cycle is every ${describeDuration(intervalMs)}.${stale ? ` After ${ctx.thresholds.staleAfterDays} days without a delta sync a full sync is required.` : ''} Changes in AD (new users, UPN and ImmutableID changes) are not reaching Entra, while Okta may already have them.`
            : 'organization.onPremisesSyncEnabled is true but onPremisesLastSyncDateTime is empty.',
          subjects: [
            {
              source: 'entra',
              type: 'organization',
              id: str(org, 'id') ?? snapshot.entra?.tenantId ?? '',
              name: orgName,
            },
          ],
          evidence: {
            entra: {
              onPremisesLastSyncDateTime: last?.toISOString() ?? null,
              lagMinutes: lag !== undefined ? Math.round(lag / MINUTE_MS) : null,
              intervalMinutes: Math.round(intervalMs / MINUTE_MS),
              staleAfterDays: ctx.thresholds.staleAfterDays,
              stagingMode: norm(str(sync, 'features', 'stagingModeEnabled')) ?? null,
            },
            okta: {
              note: 'Okta imports from AD independently; compare with the AD agent import time.',
            },
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
}
