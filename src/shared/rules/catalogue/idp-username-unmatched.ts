/**
 * idp-username-unmatched — people who have an account on both sides (joined by their
 * identity keys: immutable ID, Office 365 username, login = UPN, email = mail) whom an
 * active Microsoft IdP's own match rule would not find, or would sign into somebody
 * else's Okta account. Sign-in ends with "Unable to match transformed username", or in
 * the wrong account. Typical cause: UPN ≠ Okta login after a rename or a different UPN
 * suffix. One finding per match rule, naming every IdP that uses it.
 * Reads: okta.idps, entra.users, okta.users; the Office 365 app users when collected
 * (the immutable ID and username keys).
 * Population: enabled Entra people (not guests, service, sync, break-glass, room or
 * shared accounts) whose Okta account can sign in; the evidence counts the rest.
 * False positives: a person joined only by email whose Okta account is a different
 * person with the same address; the evidence shows which key joined them.
 */
import type { Comparison, Finding, Subject } from '../../model'
import { type Rec, norm, str } from '../../util/access'
import { JOIN_KEY_LABELS, joinKeysOf } from '../../compare/join'
import { LINKS } from '../links'
import { cellUsers, idpsByPolicy, matchTable } from '../../compare/match'
import { SeamPopulation } from '../../compare/people'
import { capSubjects, defineRule, makeFinding } from '../rule'
import {
  seamIdps,
  entraUserSubject,
  idpNames,
  idpSubject,
  oktaUserSubject,
} from '../../compare/seam'

const MAX_COMPARISONS = 20

/** Two Okta accounts with the same first and last name. */
function sameName(a: Rec, b: Rec): boolean {
  const name = (r: Rec) =>
    `${norm(str(r, 'profile', 'firstName')) ?? ''} ${norm(str(r, 'profile', 'lastName')) ?? ''}`.trim()
  return name(a) !== '' && name(a) === name(b)
}

export const idpUsernameUnmatched = defineRule({
  id: 'idp-username-unmatched',
  title: 'IdP match rule misses people who exist on both sides',
  category: 'attribute-mapping',
  severity: 'high',
  reads: ['okta.idps', 'entra.users', 'okta.users'],
  optionalReads: ['okta.apps', 'okta.appUsers'],
  evaluate(_snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    for (const { policy, idps } of idpsByPolicy(seamIdps(ctx.index))) {
      const cells = matchTable(policy, ctx.index)
      if (!cells || !policy.compiled) continue
      const population = new SeamPopulation(ctx.index)
      const subjects: Subject[] = []
      const comparisons: Comparison[] = []
      let missed = 0
      let wrong = 0
      const users = ctx.index.entraUsers
      for (let i = 0; i < users.length; i++) {
        const cell = cells[i]
        // a blank username is idp-subject-match-blank's finding, several candidates cross-match-ambiguous's
        if (cell === undefined || Array.isArray(cell)) continue
        const j = population.judge(i)
        if (j < 0) continue
        const okta = population.oktaRecord(j)
        if (cell === okta) continue
        const u = users[i] as Rec
        if (cell === null) missed++
        else wrong++
        const landed = cellUsers(cell)[0]
        if (subjects.length < ctx.thresholds.maxSubjects)
          subjects.push(
            entraUserSubject(u),
            oktaUserSubject(okta),
            ...(landed ? [oktaUserSubject(landed)] : []),
          )
        if (comparisons.length < MAX_COMPARISONS) {
          const username = policy.compiled.apply(u)?.trim() ?? null
          const matched = cellUsers(cell)[0]
          comparisons.push({
            entra: { type: 'user', id: str(u, 'id') ?? '', name: str(u, 'userPrincipalName') },
            okta: { type: 'user', id: str(okta, 'id') ?? '', name: str(okta, 'profile', 'login') },
            joinedBy: joinKeysOf(population.join.keys[i] ?? 0).map((k) => JOIN_KEY_LABELS[k]),
            pairs: [
              {
                label: `IdP username (${policy.template}) ↔ ${policy.oktaAttributes.join(' / ')}`,
                entra: { attribute: policy.compiled.reads.join(', '), value: username },
                okta: {
                  attribute: policy.oktaAttributes[0] ?? 'login',
                  value: str(okta, 'profile', policy.oktaAttributes[0] ?? 'login') ?? null,
                },
                verdict: 'different',
                note: matched
                  ? `the rule finds ${str(matched, 'profile', 'login') ?? str(matched, 'id')} instead${sameName(matched, okta) ? ', a second Okta account with the same name (a just-in-time duplicate?)' : ''}`
                  : policy.filter && username && !policy.filter.test(username)
                    ? `the IdP's filter ${policy.filter.source} rejects it`
                    : 'the rule finds no Okta user',
              },
            ],
          })
        }
      }
      const total = missed + wrong
      if (total === 0) continue
      const who = idpNames(idps)
      findings.push(
        makeFinding(idpUsernameUnmatched, {
          severity: wrong > 0 ? 'critical' : 'high',
          cause: policy.signature,
          title: `${who} will ${wrong ? `sign ${wrong} ${wrong === 1 ? 'person' : 'people'} into another Okta account${missed ? ` and not match ${missed} more` : ''}` : `not match ${missed} ${missed === 1 ? 'person' : 'people'} who exist in Okta`}`,
          detail: `Okta turns the Entra identity into a username with ${policy.template} and looks it up by ${policy.oktaAttributes.join(' or ')}${policy.filter ? ` (filter ${policy.filter.source})` : ''}. For these people the result is not their own Okta account, typically because the UPN differs from the Okta login. ${missed ? 'Unmatched sign-ins end with "Unable to match transformed username". ' : ''}${wrong ? 'Wrongly matched people are signed into an account that is not theirs (somebody else\u2019s, or a duplicate that just-in-time provisioning created).' : ''}`,
          subjects: [...idps.map(idpSubject), ...capSubjects(subjects, ctx.thresholds.maxSubjects)],
          evidence: {
            okta: {
              idps: idps.map((m) => m.id),
              template: policy.template,
              matchType: policy.matchType,
              matchAttribute: policy.matchAttribute ?? null,
            },
            total,
            unmatched: missed,
            wrongAccount: wrong,
            comparisons,
            population: population.counter.summary(),
          },
          steps: [
            `Okta Admin Console › Security › Identity Providers › ${idps[0]?.name ?? 'the IdP'} › Edit: set "Match against" to a value both sides share (e.g. Okta Username or Email), or change the IdP username expression.`,
            'Or align the data: Entra admin center › Users › user › Edit properties › User principal name, or Okta Admin Console › Directory › People › user › Profile › Username.',
            `API: PUT {orgUrl}/api/v1/idps/${idps[0]?.id ?? '{idpId}'} (policy.subject.matchType / userNameTemplate); PATCH https://graph.microsoft.com/v1.0/users/{id} {"userPrincipalName":"…"} or POST {orgUrl}/api/v1/users/{id} {"profile":{"login":"…"}}.`,
          ],
          links: [LINKS.oktaMicrosoftIdp, LINKS.oktaIdpApi, LINKS.upnPolicy],
        }),
      )
    }
    return findings
  },
})
