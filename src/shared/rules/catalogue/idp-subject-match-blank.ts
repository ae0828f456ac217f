/**
 * idp-subject-match-blank — an active Microsoft IdP matches people on an attribute that
 * is blank for some of them: on the Entra side the username template reads a property
 * (e.g. `idpuser.email` → `mail`) that is empty, on the Okta side the match attribute
 * (`login`, `email` or the custom `matchAttribute`) is empty. Those people cannot be
 * matched ("Unable to match transformed username"). One finding per match rule and side.
 * Reads: okta.idps, entra.users, okta.users; okta.apps and okta.appUsers when collected
 * (the Office 365 keys that join people).
 * Population: people with an account on both sides that can sign in (an Entra account
 * with a blank attribute and no Okta account never signs in through Okta, so it is not
 * judged); the evidence counts who was left out and why.
 * False positives: none known; templates Crosswalk cannot evaluate are skipped.
 */
import type { Finding, Subject } from '../../model'
import { type Rec, hasText, isRec } from '../../util/access'
import { LINKS } from '../links'
import { idpsByPolicy, matchTable, type SubjectPolicy } from '../../compare/match'
import { SeamPopulation } from '../../compare/people'
import { capSubjects, defineRule, makeFinding } from '../rule'
import {
  type MicrosoftIdp,
  seamIdps,
  entraUserSubject,
  idpNames,
  idpSubject,
  oktaUserSubject,
} from '../../compare/seam'

function steps(policy: SubjectPolicy, idps: MicrosoftIdp[]): string[] {
  const first = idps[0]
  return [
    `Okta Admin Console › Security › Identity Providers › ${first?.name ?? 'the IdP'} › Edit › Authentication settings: pick an IdP username (currently ${policy.template}) and "Match against" (${policy.matchType}) that every user has on both sides.`,
    'Entra admin center › Users › user › Properties (or the on-premises source): fill the blank attribute.',
    `API: PUT {orgUrl}/api/v1/idps/${first?.id ?? '{idpId}'} with policy.subject.userNameTemplate.template / matchType; PATCH https://graph.microsoft.com/v1.0/users/{id} for cloud users.`,
  ]
}

export const idpSubjectMatchBlank = defineRule({
  id: 'idp-subject-match-blank',
  title: 'IdP match attribute is blank for some people',
  category: 'attribute-mapping',
  severity: 'high',
  reads: ['okta.idps', 'entra.users', 'okta.users'],
  optionalReads: ['okta.apps', 'okta.appUsers'],
  evaluate(_snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    for (const { policy, idps } of idpsByPolicy(seamIdps(ctx.index))) {
      const who = idpNames(idps)
      if (policy.compiled && policy.compiled.reads.length > 0) {
        const population = new SeamPopulation(ctx.index)
        const blank: Subject[] = []
        let total = 0
        // the shared match table leaves a candidate's cell empty only for a blank username
        const cells = matchTable(policy, ctx.index) ?? []
        const users = ctx.index.entraUsers
        for (let i = 0; i < users.length; i++) {
          if (cells[i] !== undefined) continue
          const u = users[i] as Rec
          if (u['accountEnabled'] === false) continue
          if (population.judge(i) < 0) continue
          total++
          if (blank.length < ctx.thresholds.maxSubjects) blank.push(entraUserSubject(u))
        }
        if (total) {
          findings.push(
            makeFinding(idpSubjectMatchBlank, {
              cause: `${policy.signature}:entra`,
              title: `${total} ${total === 1 ? 'person has' : 'people have'} no ${policy.compiled.reads.join('/')} in Entra for ${who}`,
              detail: `Okta builds the username from ${policy.template}; these people have an Okta account but a blank ${policy.compiled.reads.join(' / ')} in Entra, so Okta cannot match them after they sign in at Entra.`,
              subjects: [
                ...idps.map(idpSubject),
                ...capSubjects(blank, ctx.thresholds.maxSubjects),
              ],
              evidence: {
                entra: { attribute: policy.compiled.reads },
                okta: {
                  idps: idps.map((m) => m.id),
                  template: policy.template,
                  matchType: policy.matchType,
                },
                total,
                population: population.counter.summary(),
              },
              steps: steps(policy, idps),
              links: [LINKS.oktaMicrosoftIdp, LINKS.oktaIdpApi],
            }),
          )
        }
      }
      const population = new SeamPopulation(ctx.index)
      const blankOkta: Subject[] = []
      let total = 0
      const users = ctx.index.entraUsers
      for (let i = 0; i < users.length; i++) {
        if ((users[i] as Rec)['accountEnabled'] === false) continue
        const j = population.judge(i)
        if (j < 0) continue
        const okta = population.oktaRecord(j)
        const profile = okta['profile']
        if (isRec(profile) && policy.oktaAttributes.some((a) => hasText(profile[a]))) continue
        total++
        if (blankOkta.length < ctx.thresholds.maxSubjects) blankOkta.push(oktaUserSubject(okta))
      }
      if (total) {
        findings.push(
          makeFinding(idpSubjectMatchBlank, {
            cause: `${policy.signature}:okta`,
            title: `${total} ${total === 1 ? 'person has' : 'people have'} no ${policy.oktaAttributes.join('/')} in Okta for ${who}`,
            detail: `${who} match${idps.length === 1 ? 'es' : ''} on ${policy.oktaAttributes.join(' or ')}, which is blank for these Okta users; no incoming identity can match them.`,
            subjects: [
              ...idps.map(idpSubject),
              ...capSubjects(blankOkta, ctx.thresholds.maxSubjects),
            ],
            evidence: {
              okta: {
                idps: idps.map((m) => m.id),
                matchType: policy.matchType,
                matchAttribute: policy.matchAttribute ?? null,
                attributes: policy.oktaAttributes,
              },
              total,
              population: population.counter.summary(),
            },
            steps: steps(policy, idps),
            links: [LINKS.oktaMicrosoftIdp, LINKS.oktaIdpApi],
          }),
        )
      }
    }
    return findings
  },
})
