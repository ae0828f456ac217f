/**
 * email-blank-on-one-side — the same person (joined by ImmutableID, Office 365
 * username, login = UPN or email = mail) has an email on one side and none on the
 * other: Entra `mail` blank while the Okta `profile.email` is set, or the reverse.
 * The Microsoft IdP's `email` claim is then empty (Okta's IdP mapping writes a blank
 * email or JIT fails), and Okta's Office 365 push and Entra's mail routing disagree.
 * One finding per side, listing the pairs (at most `maxSubjects` subjects).
 * Reads: entra.users, okta.users.
 * False positives: Entra accounts without a mailbox whose Okta email is a personal
 * or external address; the evidence shows both values.
 */
import type { Finding } from '../../model'
import { str, text } from '../../util/access'
import { Grouper } from '../grouped'
import { type Counterpart, entraCounterpart, oktaCounterpart } from '../../compare/join'
import { LINKS } from '../links'
import { type Rule, makeFinding } from '../rule'
import { entraUserSubject, oktaUserSubject } from '../../compare/seam'

export const emailBlankOnOneSide: Rule = {
  id: 'email-blank-on-one-side',
  title: 'Email set on one side and blank on the other',
  category: 'attribute-mapping',
  severity: 'medium',
  reads: ['entra.users', 'okta.users'],
  evaluate(snapshot, ctx) {
    const g = new Grouper(ctx.thresholds.maxSubjects)
    const add = (side: 'entra' | 'okta', pair: Counterpart) => {
      g.add(side, entraUserSubject(pair.entra), {
        entra: {
          id: str(pair.entra, 'id'),
          userPrincipalName: str(pair.entra, 'userPrincipalName') ?? null,
          mail: str(pair.entra, 'mail') ?? null,
        },
        okta: {
          id: str(pair.okta, 'id'),
          login: str(pair.okta, 'profile', 'login') ?? null,
          email: str(pair.okta, 'profile', 'email') ?? null,
        },
        joinedBy: pair.via,
      })
      g.add(side, oktaUserSubject(pair.okta))
    }
    // only people blank on one side need their counterpart
    for (const u of ctx.index.entraUsers) {
      if (text(u, 'mail')) continue
      const pair = oktaCounterpart(u, snapshot, ctx.index)
      if (pair && text(pair.okta, 'profile', 'email')) add('entra', pair)
    }
    for (const o of ctx.index.oktaUsers) {
      if (text(o, 'profile', 'email')) continue
      const pair = entraCounterpart(o, snapshot, ctx.index)
      if (pair && text(pair.entra, 'mail')) add('okta', pair)
    }
    const findings: Finding[] = []
    for (const group of g.groups.values()) {
      const people = group.total / 2
      const entraBlank = group.key === 'entra'
      findings.push(
        makeFinding(emailBlankOnOneSide, {
          title: entraBlank
            ? `${people} user${people === 1 ? ' has' : 's have'} no mail in Entra but an email in Okta`
            : `${people} user${people === 1 ? ' has' : 's have'} mail in Entra but no email in Okta`,
          detail: entraBlank
            ? "Entra's token carries no email for these people, so the Microsoft IdP's email claim is empty: Okta's IdP mapping (email ← appuser.email) blanks the Okta email or just-in-time provisioning fails, and email-based matching cannot find them."
            : 'Okta has no email for these people while Entra does; email-based matching and Okta-to-Office 365 pushes of email fail for them.',
          subjects: group.subjects,
          key: group.key,
          evidence: { side: group.key, total: people, examples: group.examples },
          steps: entraBlank
            ? [
                'For synced users set mail in on-premises AD (Entra Connect exports it); for cloud users Entra admin center › Users › user › Edit properties › Contact information › Email (or give the user a mailbox).',
                'API: PATCH https://graph.microsoft.com/v1.0/users/{id} {"mail":"…"} (cloud users only).',
              ]
            : [
                'Okta Admin Console › Directory › People › user › Profile › Edit › Primary email (or fix the profile source and re-import).',
                'API: POST {orgUrl}/api/v1/users/{id} {"profile":{"email":"…"}}.',
              ],
          links: [LINKS.oktaMappings, LINKS.oktaMicrosoftIdp],
        }),
      )
    }
    return findings
  },
}
