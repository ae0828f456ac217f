/**
 * okta-idp-auth-failures — Okta System Log failures of inbound IdP sign-ins
 * (`user.authentication.auth_via_IDP`, `auth_via_social`, with outcome FAILURE)
 * grouped by `outcome.reason`, e.g. "Unable to match transformed username". Users
 * are resolved on both sides where possible: an unmatched login has actor id
 * `unknown` and the transformed username as `alternateId`, which is looked up as an
 * Entra UPN.
 * A failure the same person resolved with a successful IdP sign-in within ten minutes is
 * left out (a retry, or the right account chosen the second time).
 * Reads: okta.logs; okta.users and entra.users when collected (to name the people).
 * False positives: none known; the log window is whatever the collection fetched.
 */
import { lookupCode } from '../../codes'
import type { Finding, Subject } from '../../model'
import { type Rec, norm, recs, str } from '../../util/access'
import { LINKS } from '../links'
import { capSubjects, defineRule, makeFinding } from '../rule'
import { entraUserSubject, oktaUserSubject } from '../../compare/seam'

const EVENTS = new Set([
  'user.authentication.auth_via_idp',
  'user.authentication.auth_via_social',
  'user.authentication.auth_via_inbound_saml',
])

/** The person behind an IdP sign-in event: the username the IdP sent (Okta's actor id is `unknown` when unmatched). */
function actorKey(e: Rec): string {
  return (str(e, 'actor', 'alternateId') ?? str(e, 'actor', 'id') ?? '').toLowerCase()
}

export const oktaIdpAuthFailures = defineRule({
  id: 'okta-idp-auth-failures',
  title: 'Okta IdP sign-in failures by reason',
  category: 'sign-in',
  severity: 'high',
  reads: ['okta.logs'],
  optionalReads: ['okta.users', 'entra.users'],
  evaluate(snapshot, ctx): Finding[] {
    const events = (snapshot.okta?.logs ?? []).filter((e) =>
      EVENTS.has(norm(str(e, 'eventType')) ?? ''),
    )
    const successes = new Map<string, number[]>()
    for (const e of events) {
      if (str(e, 'outcome', 'result')?.toUpperCase() !== 'SUCCESS') continue
      const at = Date.parse(str(e, 'published') ?? '')
      if (!Number.isFinite(at)) continue
      const list = successes.get(actorKey(e))
      if (list) list.push(at)
      else successes.set(actorKey(e), [at])
    }
    const groups = new Map<string, Rec[]>()
    for (const e of events) {
      const result = str(e, 'outcome', 'result')?.toUpperCase()
      if (result !== 'FAILURE' && result !== 'DENY') continue
      const at = Date.parse(str(e, 'published') ?? '')
      const later = successes.get(actorKey(e))
      if (Number.isFinite(at) && later?.some((t) => t >= at && t - at <= 10 * 60_000)) continue
      const reason = str(e, 'outcome', 'reason')?.trim() || '(no reason given)'
      const list = groups.get(reason)
      if (list) list.push(e)
      else groups.set(reason, [e])
    }
    const findings: Finding[] = []
    for (const [reason, events] of groups) {
      const entry = lookupCode(reason)
      const subjects: Subject[] = []
      const seen = new Set<string>()
      const add = (s: Subject) => {
        const k = `${s.source}:${s.type}:${s.id}`
        if (!seen.has(k)) {
          seen.add(k)
          subjects.push(s)
        }
      }
      for (const e of events) {
        const uuid = str(e, 'uuid')
        if (uuid) add({ source: 'okta', type: 'logEvent', id: uuid, name: str(e, 'eventType') })
        for (const t of recs(e, 'target')) {
          if (/identityprovider|^idp$/i.test(str(t, 'type') ?? ''))
            add({
              source: 'okta',
              type: 'idp',
              id: str(t, 'id') ?? '',
              name: str(t, 'displayName'),
            })
        }
        const actorId = str(e, 'actor', 'id')
        const alternate = str(e, 'actor', 'alternateId')
        const okta = actorId && actorId !== 'unknown' ? ctx.index.oktaById.get(actorId) : undefined
        if (okta) add(oktaUserSubject(okta))
        const entra = ctx.index.entraByUpn.get(norm(alternate) ?? '')?.[0]
        if (entra) add(entraUserSubject(entra))
        if (!okta && !entra && alternate)
          add({
            source: 'okta',
            type: 'user',
            id: actorId && actorId !== 'unknown' ? actorId : alternate,
            name: alternate,
          })
      }
      const times = events
        .map((e) => str(e, 'published') ?? '')
        .filter(Boolean)
        .sort()
      findings.push(
        makeFinding(oktaIdpAuthFailures, {
          severity: entry?.rules.length ? 'high' : 'medium',
          title: `${events.length} Okta IdP sign-in${events.length === 1 ? '' : 's'} failed: ${reason}`,
          detail: `${entry ? `${entry.meaning} Usual cause: ${entry.cause}` : 'Okta rejected the inbound IdP sign-in.'}`,
          subjects: capSubjects(subjects, ctx.thresholds.maxSubjects),
          cause: reason.toLowerCase(),
          evidence: {
            okta: {
              reason,
              count: events.length,
              first: times[0] ?? null,
              last: times[times.length - 1] ?? null,
              examples: events.slice(0, 10).map((e) => ({
                uuid: str(e, 'uuid'),
                published: str(e, 'published') ?? null,
                alternateId: str(e, 'actor', 'alternateId') ?? null,
                eventType: str(e, 'eventType'),
              })),
            },
            inspect: entry?.check ?? [],
            relatedRules: entry?.rules ?? [],
          },
          steps: [
            ...(entry?.fix ?? []),
            `Okta Admin Console › Reports › System Log: eventType eq "user.authentication.auth_via_IDP" and outcome.reason eq "${reason}".`,
            `API: GET {orgUrl}/api/v1/logs?filter=eventType eq "user.authentication.auth_via_IDP" and outcome.result eq "FAILURE".`,
          ],
          links: [...(entry?.links ?? []), LINKS.oktaSystemLog, LINKS.oktaMicrosoftIdp],
        }),
      )
    }
    return findings
  },
})
