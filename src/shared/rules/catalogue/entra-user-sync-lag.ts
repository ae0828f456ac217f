/**
 * entra-user-sync-lag — on-premises changes that reached Okta but not Entra: a synced
 * person whose Okta account is sourced from the same Active Directory holds a newer
 * value there (Okta updated it after Entra last exported the person) in an attribute
 * Entra Connect syncs too (given name, surname, display name, department, job title),
 * while the tenant has synced since. The person is out of Entra Connect's scope, stuck
 * on an export error, or the object is orphaned in Entra. One grouped finding.
 * (What counts as a pending change is in pending-ad-changes.ts; changes waiting for a
 * sync that has not run since are entra-connect-sync-stale's.)
 * Reads: entra.users, entra.organization, okta.users; okta.apps and okta.appUsers when
 * collected (the Office 365 keys that join people), okta.logs (the event that brought the
 * change in).
 * Population: enabled people synced from AD whose Okta account is AD-sourced and active.
 * False positives: an attribute that differs for many people at once is a mapping
 * difference between Okta's import and Entra Connect, not a pending change; such an
 * attribute is set aside (and named in the evidence).
 */
import type { Finding } from '../../model'
import { parseDate } from '../../util/dates'
import { LINKS } from '../links'
import { capSubjects, defineRule, makeFinding } from '../rule'
import { pendingAdChanges, pendingComparisons, pendingSubjects } from '../pending-ad-changes'

const MINUTE_MS = 60_000

export const entraUserSyncLag = defineRule({
  id: 'entra-user-sync-lag',
  title: 'On-premises changes reached Okta but not Entra',
  category: 'sync',
  severity: 'medium',
  reads: ['entra.users', 'entra.organization', 'okta.users'],
  optionalReads: ['okta.apps', 'okta.appUsers', 'okta.logs'],
  evaluate(snapshot, ctx): Finding[] {
    const orgLast = parseDate(snapshot.entra?.organization?.[0]?.['onPremisesLastSyncDateTime'])
    if (!orgLast) return []
    const cycle = ctx.thresholds.syncIntervalMinutes * MINUTE_MS
    const all = pendingAdChanges(ctx.index)
    // Entra Connect has run (twice) since Okta changed the person, and did not export it
    const pending = all.changes.filter(
      (c) => orgLast.getTime() - c.changedAt.getTime() >= 2 * cycle,
    )
    if (pending.length === 0) return []
    return [
      makeFinding(entraUserSyncLag, {
        cause: 'pending',
        title: `${pending.length} ${pending.length === 1 ? 'person has' : 'people have'} AD changes in Okta that Entra has not received`,
        detail: `Okta imported newer values from Active Directory for these people after Entra Connect last exported them, and the tenant has synced since (last at ${orgLast.toISOString()}). Entra Connect is not exporting them: check that they are in its scope and have no pending export errors.`,
        subjects: capSubjects(pendingSubjects(pending), ctx.thresholds.maxSubjects),
        evidence: {
          entra: { organizationLastSync: orgLast.toISOString() },
          total: pending.length,
          comparisons: pendingComparisons(pending),
          setAside: [...all.setAside],
          population: all.population,
        },
        steps: [
          'Entra Connect server: Synchronization Service Manager › Metaverse Search for one of the people; check its connector (in scope?) and the export errors on the Entra connector.',
          'Entra admin center › Microsoft Entra Connect › Connect Health › Sync errors for these objects.',
          'API: GET https://graph.microsoft.com/v1.0/users/{id}?$select=onPremisesLastSyncDateTime,onPremisesProvisioningErrors.',
        ],
        links: [LINKS.syncErrors, LINKS.syncScheduler],
      }),
    ]
  },
})
