/**
 * okta-push-failures — Okta provisioning to apps (Office 365 included) failing in the
 * System Log: `application.provision.*` and `application.integration.*` events with
 * outcome FAILURE, grouped per app and event type, listing the users involved.
 * Typical Office 365 causes: pushing attributes of directory-synced users
 * (Request_BadRequest), a user deleted in Entra (Request_ResourceNotFound), the O365
 * service account blocked by Conditional Access (AADSTS50079).
 * A failure followed by a later success of the same event for the same user and app
 * (a retry that went through) is resolved and not reported.
 * Reads: okta.logs.
 * False positives: none known.
 */
import { aadstsEntry } from '../../codes'
import type { Finding, Subject } from '../../model'
import { type Rec, norm, recs, str } from '../../util/access'
import { LINKS } from '../links'
import { capSubjects, defineRule, makeFinding } from '../rule'
import { oktaAppSubject, oktaUserSubject } from '../../compare/seam'

/** The event type, app and user of a provisioning event. */
function pushKey(e: Rec): string {
  const targets = recs(e, 'target')
  const app = targets.find((t) => /appinstance|^app$/i.test(str(t, 'type') ?? ''))
  const user = targets.find((t) => /^(user|appuser)$/i.test(str(t, 'type') ?? ''))
  return `${norm(str(e, 'eventType')) ?? ''}|${str(app, 'id') ?? '?'}|${str(user, 'id') ?? str(user, 'alternateId') ?? '?'}`
}

export const oktaPushFailures = defineRule({
  id: 'okta-push-failures',
  title: 'Okta provisioning pushes failing',
  category: 'provisioning',
  severity: 'high',
  reads: ['okta.logs'],
  evaluate(snapshot, ctx): Finding[] {
    const events = (snapshot.okta?.logs ?? []).filter((e) => {
      const type = norm(str(e, 'eventType')) ?? ''
      return (
        type.startsWith('application.provision.') || type.startsWith('application.integration.')
      )
    })
    const lastSuccess = new Map<string, string>()
    for (const e of events) {
      if (str(e, 'outcome', 'result')?.toUpperCase() !== 'SUCCESS') continue
      const at = str(e, 'published') ?? ''
      const k = pushKey(e)
      if (at > (lastSuccess.get(k) ?? '')) lastSuccess.set(k, at)
    }
    const groups = new Map<string, Rec[]>()
    for (const e of events) {
      const type = norm(str(e, 'eventType')) ?? ''
      if (str(e, 'outcome', 'result')?.toUpperCase() !== 'FAILURE') continue
      if ((lastSuccess.get(pushKey(e)) ?? '') > (str(e, 'published') ?? '')) continue
      const app = recs(e, 'target').find((t) => /appinstance|^app$/i.test(str(t, 'type') ?? ''))
      const key = `${str(app, 'id') ?? '?'}|${type}`
      groups.set(key, [...(groups.get(key) ?? []), e])
    }
    const findings: Finding[] = []
    for (const [key, events] of groups) {
      const [appId, eventType] = key.split('|') as [string, string]
      const app = ctx.index.oktaAppsById.get(appId)
      const label = app
        ? (str(app, 'label') ?? appId)
        : (str(
            recs(events[0], 'target').find((t) => str(t, 'id') === appId),
            'displayName',
          ) ?? appId)
      const subjects: Subject[] = [
        app ? oktaAppSubject(app) : { source: 'okta', type: 'app', id: appId, name: label },
      ]
      const seen = new Set<string>()
      for (const e of events) {
        const uuid = str(e, 'uuid')
        if (uuid) subjects.push({ source: 'okta', type: 'logEvent', id: uuid, name: eventType })
        for (const t of recs(e, 'target')) {
          if (!/^(user|appuser)$/i.test(str(t, 'type') ?? '')) continue
          const id = str(t, 'id')
          if (!id || seen.has(id)) continue
          seen.add(id)
          const user = ctx.index.oktaById.get(id)
          subjects.push(
            user
              ? oktaUserSubject(user)
              : {
                  source: 'okta',
                  type: 'user',
                  id,
                  name: str(t, 'alternateId') ?? str(t, 'displayName'),
                },
          )
        }
      }
      const reasons = [
        ...new Set(
          events.map((e) => str(e, 'outcome', 'reason') ?? str(e, 'displayMessage') ?? ''),
        ),
      ].filter(Boolean)
      const times = events
        .map((e) => str(e, 'published') ?? '')
        .filter(Boolean)
        .sort()
      // a reason that quotes an AADSTS code is explained from the offline dictionary
      const codes = [
        ...new Set(
          reasons.flatMap((r) => [...r.matchAll(/AADSTS(\d{4,7})/g)].map((m) => Number(m[1]))),
        ),
      ]
      const explained = codes
        .map((code) => ({ code, entry: aadstsEntry(code) }))
        .filter(
          (c): c is { code: number; entry: NonNullable<ReturnType<typeof aadstsEntry>> } =>
            !!c.entry,
        )
      findings.push(
        makeFinding(oktaPushFailures, {
          title: `${events.length} ${eventType} failure${events.length === 1 ? '' : 's'} for "${label}"`,
          detail: `Okta could not provision to ${label}${reasons[0] ? `: ${reasons[0]}` : ''}${reasons.length > 1 ? ` (and ${reasons.length - 1} other reason${reasons.length === 2 ? '' : 's'})` : ''}.${explained.map(({ code, entry }) => ` AADSTS${code} (${entry.name}): ${entry.meaning} Typical cause with Okta: ${entry.cause}`).join('')}`,
          subjects: capSubjects(subjects, ctx.thresholds.maxSubjects),
          cause: key,
          evidence: {
            okta: {
              appId,
              eventType,
              count: events.length,
              users: seen.size,
              reasons: reasons.slice(0, 10),
              first: times[0] ?? null,
              last: times[times.length - 1] ?? null,
            },
            ...(codes.length ? { aadsts: codes.map(String) } : {}),
          },
          steps: [
            ...explained.flatMap(({ entry }) => entry.fix),
            `Okta Admin Console › Dashboard › Tasks › Provisioning errors, or Reports › System Log with eventType eq "${eventType}": read the Graph error inside the message.`,
            "For Office 365: Request_BadRequest on synced users means Okta pushes attributes Entra Connect owns (turn off those pushes); Request_ResourceNotFound means the user was deleted in Entra; AADSTS50079 means Conditional Access blocks Okta's service account.",
            `API: GET {orgUrl}/api/v1/logs?filter=eventType eq "${eventType}" and outcome.result eq "FAILURE"; retry with POST /api/v1/apps/${appId}/users/{userId}.`,
          ],
          links: [
            LINKS.oktaSystemLog,
            LINKS.oktaOffice365,
            ...new Set(explained.flatMap(({ entry }) => entry.links)),
          ],
        }),
      )
    }
    return findings
  },
})
