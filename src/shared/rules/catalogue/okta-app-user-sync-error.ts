/**
 * okta-app-user-sync-error — Okta app users whose provisioning state is ERROR or
 * OUT_OF_SYNC (`syncState`), e.g. Office 365 users Okta could not push. One finding
 * per (app, state), listing at most `maxSubjects` users with the total.
 * Reads: okta.apps, okta.appUsers.
 * False positives: OUT_OF_SYNC right after a mass change resolves on the next push;
 * it is reported at low.
 */
import type { Finding } from '../../model'
import { asStr, str } from '../../util/access'
import { Grouper } from '../grouped'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import { oktaAppSubject, oktaUserSubject } from '../../compare/seam'

export const oktaAppUserSyncError = defineRule({
  id: 'okta-app-user-sync-error',
  title: 'Okta app users in provisioning error or out of sync',
  category: 'sync',
  severity: 'high',
  reads: ['okta.appUsers'],
  optionalReads: ['okta.apps'],
  evaluate(snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    for (const [appId, appUsers] of Object.entries(snapshot.okta?.appUsers ?? {})) {
      const app = ctx.index.oktaAppsById.get(appId)
      const g = new Grouper(ctx.thresholds.maxSubjects)
      for (const au of appUsers) {
        const rawState = au['syncState']
        // nearly every app user is SYNCHRONIZED or DISABLED
        if (
          rawState === 'SYNCHRONIZED' ||
          rawState === 'DISABLED' ||
          rawState === null ||
          rawState === undefined
        )
          continue
        const state = asStr(rawState)?.toUpperCase()
        const status = asStr(au['status'])?.toUpperCase()
        const bad = state === 'ERROR' || state === 'OUT_OF_SYNC' ? state : undefined
        if (!bad) continue
        if (status === 'DEPROVISIONED' || status === 'UNASSIGNED') continue
        const user = ctx.index.oktaById.get(str(au, 'id') ?? '')
        g.add(
          bad,
          user
            ? oktaUserSubject(user)
            : {
                source: 'okta',
                type: 'user',
                id: str(au, 'id') ?? '',
                name: str(au, 'credentials', 'userName'),
              },
          {
            id: str(au, 'id'),
            userName: str(au, 'credentials', 'userName') ?? null,
            status: status ?? null,
            lastSync: str(au, 'lastSync') ?? null,
          },
        )
      }
      const label = app ? (str(app, 'label') ?? appId) : appId
      for (const group of g.groups.values()) {
        const error = group.key === 'ERROR'
        findings.push(
          makeFinding(oktaAppUserSyncError, {
            severity: error ? 'high' : 'low',
            title: `${group.total} user${group.total === 1 ? '' : 's'} of "${label}" ${error ? 'in provisioning error' : 'out of sync'}`,
            detail: error
              ? `Okta could not provision these users to ${label}; their accounts there are missing or stale. The System Log (application.provision.*) and the app's Tasks list hold the reason.`
              : `Okta has changes for these users it has not pushed to ${label} yet.`,
            subjects: [
              ...(app
                ? [oktaAppSubject(app)]
                : [{ source: 'okta' as const, type: 'app', id: appId }]),
              ...group.subjects,
            ],
            cause: `${appId}:${group.key}`,
            evidence: {
              okta: { appId, syncState: group.key, total: group.total, examples: group.examples },
            },
            steps: [
              `Okta Admin Console › Dashboard › Tasks › Provisioning errors (or Applications › ${label} › Assignments, filter "Errors"): read the error and "Retry selected".`,
              `API: GET {orgUrl}/api/v1/apps/${appId}/users?filter=syncState eq "${group.key}" (where supported), fix the cause, then POST /api/v1/apps/${appId}/users/{userId} to re-push.`,
            ],
            links: [LINKS.oktaAppUsers, LINKS.oktaSystemLog],
          }),
        )
      }
    }
    return findings
  },
})
