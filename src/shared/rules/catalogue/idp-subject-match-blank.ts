/**
 * idp-subject-match-blank — an Okta Microsoft IdP matches users on an attribute that
 * is blank for some of them: on the Entra side the username template reads a property
 * (e.g. `idpuser.email` → `mail`) that is empty, on the Okta side the match attribute
 * (`login`, `email` or the custom `matchAttribute`) is empty. Those users cannot be
 * matched ("Unable to match transformed username").
 * Reads: okta.idps, entra.users, okta.users.
 * False positives: guests and disabled Entra users, deprovisioned Okta users are
 * ignored. Templates Crosswalk cannot evaluate are skipped.
 */
import type { Finding, Subject } from '../../model'
import { type Rec, str, text } from '../../util/access'
import { LINKS } from '../links'
import { isFederationCandidate, matchTable, subjectPolicy } from '../../compare/match'
import { type Rule, capSubjects, makeFinding } from '../rule'
import { entraUserSubject, idpSubject, microsoftIdps, oktaUserSubject } from '../../compare/seam'

export const idpSubjectMatchBlank: Rule = {
  id: 'idp-subject-match-blank',
  title: 'IdP match attribute is blank for some users',
  category: 'attribute-mapping',
  severity: 'high',
  reads: ['okta.idps', 'entra.users', 'okta.users'],
  evaluate(snapshot, ctx) {
    const findings: Finding[] = []
    for (const m of microsoftIdps(snapshot, ctx.index)) {
      const policy = subjectPolicy(m.idp)
      const steps = [
        `Okta Admin Console › Security › Identity Providers › ${m.name} › Edit › Authentication settings: pick an IdP username (currently ${policy.template}) and "Match against" (${policy.matchType}) that every user has on both sides.`,
        'Entra admin center › Users › user › Properties (or the on-premises source): fill the blank attribute.',
        `API: PUT {orgUrl}/api/v1/idps/${m.id} with policy.subject.userNameTemplate.template / matchType; PATCH https://graph.microsoft.com/v1.0/users/{id} for cloud users.`,
      ]
      if (policy.compiled && policy.compiled.reads.length > 0) {
        const blank: Subject[] = []
        // the shared match table leaves a federation candidate's cell empty only for a blank username
        const cells = matchTable(m.id, policy, ctx.index) ?? []
        const users = ctx.index.entraUsers
        for (let i = 0; i < users.length; i++) {
          const u = users[i] as Rec
          if (cells[i] === undefined && isFederationCandidate(u)) blank.push(entraUserSubject(u))
        }
        if (blank.length) {
          findings.push(
            makeFinding(idpSubjectMatchBlank, {
              title: `${blank.length} Entra user${blank.length === 1 ? ' has' : 's have'} no ${policy.compiled.reads.join('/')} for IdP "${m.name}"`,
              detail: `Okta builds the username from ${policy.template}; these users have a blank ${policy.compiled.reads.join(' / ')}, so Okta cannot match them after they sign in at Entra.`,
              subjects: [idpSubject(m), ...capSubjects(blank, ctx.thresholds.maxSubjects)],
              key: `${m.id}:entra`,
              evidence: {
                entra: { attribute: policy.compiled.reads, total: blank.length },
                okta: { idpId: m.id, template: policy.template, matchType: policy.matchType },
              },
              steps,
              links: [LINKS.oktaMicrosoftIdp, LINKS.oktaIdpApi],
            }),
          )
        }
      }
      const blankOkta: Subject[] = []
      for (const u of ctx.index.oktaUsers) {
        if (str(u, 'status')?.toUpperCase() === 'DEPROVISIONED') continue
        if (policy.oktaAttributes.every((a) => !text(u, 'profile', a)))
          blankOkta.push(oktaUserSubject(u))
      }
      if (blankOkta.length) {
        findings.push(
          makeFinding(idpSubjectMatchBlank, {
            title: `${blankOkta.length} Okta user${blankOkta.length === 1 ? ' has' : 's have'} no ${policy.oktaAttributes.join('/')} for IdP "${m.name}"`,
            detail: `IdP "${m.name}" matches on ${policy.oktaAttributes.join(' or ')}, which is blank for these Okta users; no incoming identity can match them.`,
            subjects: [idpSubject(m), ...capSubjects(blankOkta, ctx.thresholds.maxSubjects)],
            key: `${m.id}:okta`,
            evidence: {
              okta: {
                idpId: m.id,
                matchType: policy.matchType,
                matchAttribute: policy.matchAttribute ?? null,
                attributes: policy.oktaAttributes,
                total: blankOkta.length,
              },
            },
            steps,
            links: [LINKS.oktaMicrosoftIdp, LINKS.oktaIdpApi],
          }),
        )
      }
    }
    return findings
  },
}
