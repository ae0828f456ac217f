/**
 * okta-duplicate-attribute — two or more Okta users share (case-insensitively) a
 * login or an email. Okta refuses duplicate logins, so a shared login points at a
 * data import problem (high). Okta allows a shared email, and real orgs have them (an
 * administrator's second account, a shared inbox): that is an info note, and where an
 * active Microsoft IdP matches on email the ambiguity it causes is cross-match-ambiguous's
 * finding, with the people it hits.
 * Reads: okta.users.
 * False positives: none above info; deactivated users are not compared.
 */
import type { Finding } from '../../model'
import { str } from '../../util/access'
import { LINKS } from '../links'
import { capSubjects, defineRule, makeFinding } from '../rule'
import { oktaUserSubject } from '../../compare/seam'

export const oktaDuplicateAttribute = defineRule({
  id: 'okta-duplicate-attribute',
  title: 'Duplicate login or email in Okta',
  category: 'duplicate',
  severity: 'medium',
  reads: ['okta.users'],
  evaluate(_snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    for (const [attribute, map] of [
      ['login', ctx.index.oktaByLogin],
      ['email', ctx.index.oktaByEmail],
    ] as const) {
      for (const [value, all] of map.duplicates()) {
        const users = all.filter((u) => str(u, 'status')?.toUpperCase() !== 'DEPROVISIONED')
        if (users.length < 2) continue
        findings.push(
          makeFinding(oktaDuplicateAttribute, {
            severity: attribute === 'login' ? 'high' : 'info',
            title: `${users.length} Okta users share ${attribute} ${value}`,
            detail: `Okta users ${users.map((u) => str(u, 'id')).join(', ')} have the same ${attribute} (case-insensitive). An IdP that matches by ${attribute === 'login' ? 'username' : 'email'} cannot decide between them.`,
            subjects: capSubjects(users.map(oktaUserSubject), ctx.thresholds.maxSubjects),
            cause: `${attribute}:${value}`,
            evidence: {
              okta: {
                attribute,
                value,
                total: users.length,
                users: users.slice(0, 20).map((u) => ({
                  id: str(u, 'id'),
                  login: str(u, 'profile', 'login') ?? null,
                  status: str(u, 'status') ?? null,
                })),
              },
            },
            steps: [
              `Okta Admin Console › Directory › People: open each user listed and change the ${attribute} of the duplicate(s), or fix it at the profile source (AD, HR).`,
              `API: POST {orgUrl}/api/v1/users/{id} {"profile":{"${attribute}":"…"}}.`,
            ],
            links: [LINKS.oktaMicrosoftIdp],
          }),
        )
      }
    }
    return findings
  },
})
