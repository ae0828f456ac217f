/**
 * okta-duplicate-attribute — two or more Okta users share (case-insensitively) a
 * login or an email. Okta refuses duplicate logins, so a shared login points at a
 * data import problem; shared emails make email-based IdP matching ambiguous.
 * Reads: okta.users.
 * False positives: deprovisioned users keep their email; they are excluded.
 */
import type { Finding } from '../../model'
import { type Rec, str } from '../../util/access'
import { LINKS } from '../links'
import { type Rule, makeFinding } from '../rule'
import { oktaUserSubject } from '../../compare/seam'

export const oktaDuplicateAttribute: Rule = {
  id: 'okta-duplicate-attribute',
  title: 'Duplicate login or email in Okta',
  category: 'duplicate',
  severity: 'medium',
  reads: ['okta.users'],
  evaluate(_snapshot, ctx) {
    const findings: Finding[] = []
    for (const [attribute, map] of [
      ['login', ctx.index.oktaByLogin],
      ['email', ctx.index.oktaByEmail],
    ] as const) {
      for (const [value, all] of map.duplicates()) {
        const users: Rec[] = all.filter((u) => str(u, 'status')?.toUpperCase() !== 'DEPROVISIONED')
        if (users.length < 2) continue
        findings.push(
          makeFinding(oktaDuplicateAttribute, {
            severity: attribute === 'login' ? 'high' : 'medium',
            title: `${users.length} Okta users share ${attribute} ${value}`,
            detail: `Okta users ${users.map((u) => str(u, 'id')).join(', ')} have the same ${attribute} (case-insensitive). An IdP that matches by ${attribute === 'login' ? 'username' : 'email'} cannot decide between them.`,
            subjects: users.map(oktaUserSubject),
            key: `${attribute}:${value}`,
            evidence: {
              okta: {
                attribute,
                value,
                users: users.map((u) => ({
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
}
