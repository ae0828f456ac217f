/**
 * idp-username-unmatched — people who exist on both sides (joined by ImmutableID, the
 * Office 365 username, login = UPN or email = mail) whom the Microsoft IdP's actual
 * match rule would not find: the transformed username (e.g. the UPN) is not the Okta
 * user's login/email, so sign-in ends with "Unable to match transformed username".
 * Typical cause: UPN ≠ Okta login after a rename or a different UPN suffix.
 * Reads: okta.idps, entra.users, okta.users, okta.appUsers.
 * False positives: a person joined only by email whose Okta account is a different
 * person with the same address; the evidence shows which key joined them. Not
 * detected: a transformed username that finds exactly one, but the wrong, Okta user
 * (a single match is taken to be the person).
 */
import type { Finding, Subject } from '../../model'
import { type Rec, str } from '../../util/access'
import { oktaCounterpart } from '../../compare/join'
import { LINKS } from '../links'
import { cellUsers, matchTable, subjectPolicy } from '../../compare/match'
import { type Rule, capSubjects, makeFinding } from '../rule'
import { entraUserSubject, idpSubject, microsoftIdps, oktaUserSubject } from '../../compare/seam'

export const idpUsernameUnmatched: Rule = {
  id: 'idp-username-unmatched',
  title: 'IdP match rule misses users that exist on both sides',
  category: 'attribute-mapping',
  severity: 'high',
  reads: ['okta.idps', 'entra.users', 'okta.users'],
  evaluate(snapshot, ctx) {
    const findings: Finding[] = []
    const idps = microsoftIdps(snapshot, ctx.index)
    if (idps.length === 0) return findings
    for (const m of idps) {
      const policy = subjectPolicy(m.idp)
      if (!policy.compiled) continue
      const subjects: Subject[] = []
      const examples: Record<string, unknown>[] = []
      let total = 0
      const cells = matchTable(m.id, policy, ctx.index)
      if (!cells) continue
      const users = ctx.index.entraUsers
      for (let i = 0; i < users.length; i++) {
        const cell = cells[i]
        // a blank username is idp-subject-match-blank's finding
        if (cell === undefined) continue
        const u = users[i] as Rec
        const candidates = cellUsers(cell)
        // a single match is taken to be the person; only misses are looked up across the seam
        if (candidates.length === 1) continue
        const pair = oktaCounterpart(u, snapshot, ctx.index)
        if (!pair || candidates.includes(pair.okta)) continue
        // ambiguous matches are cross-match-ambiguous's finding
        if (candidates.length > 1) continue
        total++
        if (subjects.length < ctx.thresholds.maxSubjects)
          subjects.push(entraUserSubject(u), oktaUserSubject(pair.okta))
        if (examples.length < 20) {
          const username = policy.compiled.apply(u)?.trim()
          examples.push({
            entra: {
              id: str(u, 'id'),
              userPrincipalName: str(u, 'userPrincipalName') ?? null,
              mail: str(u, 'mail') ?? null,
            },
            okta: {
              id: str(pair.okta, 'id'),
              login: str(pair.okta, 'profile', 'login') ?? null,
              email: str(pair.okta, 'profile', 'email') ?? null,
            },
            transformedUsername: username ?? null,
            filtered:
              cell === null && !!policy.filter && !!username && !policy.filter.test(username),
            matchedInstead: candidates.map((c) => str(c, 'id')),
            joinedBy: pair.via,
          })
        }
      }
      if (total === 0) continue
      findings.push(
        makeFinding(idpUsernameUnmatched, {
          title: `IdP "${m.name}" will not match ${total} user${total === 1 ? '' : 's'} who exist in Okta`,
          detail: `Okta turns the Entra identity into a username with ${policy.template} and looks it up by ${policy.oktaAttributes.join(' or ')}${policy.filter ? ` (filter ${policy.filter.source})` : ''}. For these people the result is not their Okta account, typically because the UPN differs from the Okta login. Sign-in ends with "Unable to match transformed username".`,
          subjects: [idpSubject(m), ...capSubjects(subjects, ctx.thresholds.maxSubjects)],
          key: m.id,
          evidence: {
            okta: {
              idpId: m.id,
              template: policy.template,
              matchType: policy.matchType,
              matchAttribute: policy.matchAttribute ?? null,
            },
            total,
            examples,
          },
          steps: [
            `Okta Admin Console › Security › Identity Providers › ${m.name} › Edit: set "Match against" to a value both sides share (e.g. Okta Username or Email), or change the IdP username expression.`,
            'Or align the data: Entra admin center › Users › user › Edit properties › User principal name, or Okta Admin Console › Directory › People › user › Profile › Username.',
            `API: PUT {orgUrl}/api/v1/idps/${m.id} (policy.subject.matchType / userNameTemplate); PATCH https://graph.microsoft.com/v1.0/users/{id} {"userPrincipalName":"…"} or POST {orgUrl}/api/v1/users/{id} {"profile":{"login":"…"}}.`,
          ],
          links: [LINKS.oktaMicrosoftIdp, LINKS.oktaIdpApi, LINKS.upnPolicy],
        }),
      )
    }
    return findings
  },
}
