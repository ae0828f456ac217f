/**
 * entra-user-sync-lag — synced users whose own `onPremisesLastSyncDateTime` trails the
 * tenant's last sync by more than the stale limit (7 days): their changes are not
 * being exported (filtered out of scope, stuck on an export error, or the object
 * is orphaned in Entra). One grouped finding, listing at most `maxSubjects` users.
 * Reads: entra.users, entra.organization.
 * False positives: Entra stamps a user only when an export changes it, so a user
 * untouched for weeks trails legitimately; severity is low for that reason.
 */
import { str } from '../../util/access'
import { DAY_MS, describeDuration, parseDate } from '../../util/dates'
import { Grouper } from '../grouped'
import { LINKS } from '../links'
import { type Rule, makeFinding } from '../rule'
import { entraUserSubject } from '../../compare/seam'

export const entraUserSyncLag: Rule = {
  id: 'entra-user-sync-lag',
  title: 'Synced users trail the last directory sync',
  category: 'sync',
  severity: 'low',
  reads: ['entra.users', 'entra.organization'],
  evaluate(snapshot, ctx) {
    const orgLast = parseDate(snapshot.entra?.organization?.[0]?.['onPremisesLastSyncDateTime'])
    if (!orgLast) return []
    const limit = ctx.thresholds.staleAfterDays * DAY_MS
    const g = new Grouper(ctx.thresholds.maxSubjects)
    let worst = 0
    // ISO-8601 UTC instants of one shape compare as strings; only other shapes are parsed
    const cutoff = new Date(orgLast.getTime() - limit).toISOString().slice(0, 19)
    for (const u of ctx.index.entraUsers) {
      if (u['onPremisesSyncEnabled'] !== true) continue
      const raw = u['onPremisesLastSyncDateTime']
      if (typeof raw === 'string' && raw.length >= 20 && raw >= cutoff) {
        const c = raw.charCodeAt(19)
        // "…:SSZ" or "…:SS.fffZ": UTC, so the string order is the time order
        if ((c === 90 || c === 46) && raw.endsWith('Z')) continue
      }
      const last = parseDate(raw)
      const lag = last ? orgLast.getTime() - last.getTime() : Number.POSITIVE_INFINITY
      if (lag <= limit) continue
      if (Number.isFinite(lag)) worst = Math.max(worst, lag)
      g.add('lag', entraUserSubject(u), {
        id: str(u, 'id'),
        userPrincipalName: str(u, 'userPrincipalName') ?? null,
        onPremisesLastSyncDateTime: last?.toISOString() ?? null,
      })
    }
    const group = g.groups.get('lag')
    if (!group) return []
    return [
      makeFinding(entraUserSyncLag, {
        title: `${group.total} synced user${group.total === 1 ? '' : 's'} last synced more than ${ctx.thresholds.staleAfterDays} days before the tenant`,
        detail: `The tenant last synced at ${orgLast.toISOString()}; these users' own sync stamps trail it by up to ${describeDuration(worst)} (or are empty). Check that they are still in Entra Connect's scope and have no pending export errors.`,
        subjects: group.subjects,
        key: 'lag',
        evidence: {
          entra: {
            organizationLastSync: orgLast.toISOString(),
            total: group.total,
            examples: group.examples,
          },
        },
        steps: [
          'Entra Connect server: Synchronization Service Manager › Metaverse Search for one of the users; check its connector (in scope?) and the export errors on the Entra connector.',
          'Entra admin center › Microsoft Entra Connect › Connect Health › Sync errors for these objects.',
          'API: GET https://graph.microsoft.com/v1.0/users/{id}?$select=onPremisesLastSyncDateTime,onPremisesProvisioningErrors.',
        ],
        links: [LINKS.syncErrors, LINKS.syncScheduler],
      }),
    ]
  },
}
