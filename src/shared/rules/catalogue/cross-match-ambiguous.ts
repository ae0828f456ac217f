/**
 * cross-match-ambiguous — under a Microsoft IdP's actual match rule (template,
 * filter, matchType), one Entra user matches several Okta users, or several Entra
 * users match the same Okta user. Okta refuses ambiguous matches or links the wrong
 * account. Every object involved is a subject; one finding per ambiguity.
 * Reads: okta.idps, entra.users, okta.users.
 * False positives: none known; templates Crosswalk cannot evaluate are skipped.
 */
import type { Finding } from '../../model'
import { type Rec, str } from '../../util/access'
import { LINKS } from '../links'
import { cellUsers, matchTable, subjectPolicy } from '../../compare/match'
import { type Rule, makeFinding } from '../rule'
import { entraUserSubject, idpSubject, microsoftIdps, oktaUserSubject } from '../../compare/seam'

export const crossMatchAmbiguous: Rule = {
  id: 'cross-match-ambiguous',
  title: 'IdP match rule maps users many-to-one across Entra and Okta',
  category: 'duplicate',
  severity: 'high',
  reads: ['okta.idps', 'entra.users', 'okta.users'],
  evaluate(snapshot, ctx) {
    const findings: Finding[] = []
    for (const m of microsoftIdps(snapshot, ctx.index)) {
      const policy = subjectPolicy(m.idp)
      if (!policy.compiled) continue
      const cells = matchTable(m.id, policy, ctx.index)
      if (!cells) continue
      const compiled = policy.compiled
      const steps = [
        `Okta Admin Console › Security › Identity Providers › ${m.name} › Edit: use a match attribute that is unique on both sides (Okta Username is unique; email may not be).`,
        'Make the shared value unique: Entra admin center › Users › user › Edit properties, or Okta Admin Console › Directory › People › user › Profile.',
        `API: PUT {orgUrl}/api/v1/idps/${m.id} (policy.subject.matchType), PATCH https://graph.microsoft.com/v1.0/users/{id}, POST {orgUrl}/api/v1/users/{id}.`,
      ]
      const users = ctx.index.entraUsers
      // Okta user → first Entra user matching it; lists only for the rare collisions
      const firstBy = new Map<Rec, number>()
      const shared = new Map<Rec, number[]>()
      for (let i = 0; i < users.length; i++) {
        const cell = cells[i]
        if (cell === undefined || cell === null) continue
        const u = users[i] as Rec
        const candidates = cellUsers(cell)
        for (const c of candidates) {
          const first = firstBy.get(c)
          if (first === undefined) firstBy.set(c, i)
          else {
            const list = shared.get(c)
            if (list) list.push(i)
            else shared.set(c, [first, i])
          }
        }
        if (candidates.length > 1) {
          const username = compiled.apply(u)?.trim() ?? ''
          findings.push(
            makeFinding(crossMatchAmbiguous, {
              title: `${str(u, 'userPrincipalName') ?? str(u, 'id')} matches ${candidates.length} Okta users through IdP "${m.name}"`,
              detail: `The transformed username ${username} matches ${candidates.map((c) => str(c, 'profile', 'login')).join(', ')} by ${policy.oktaAttributes.join(' or ')}; Okta cannot decide which account to sign in.`,
              subjects: [idpSubject(m), entraUserSubject(u), ...candidates.map(oktaUserSubject)],
              evidence: {
                entra: {
                  id: str(u, 'id'),
                  userPrincipalName: str(u, 'userPrincipalName') ?? null,
                  mail: str(u, 'mail') ?? null,
                },
                okta: {
                  idpId: m.id,
                  matchType: policy.matchType,
                  candidates: candidates.map((c) => ({
                    id: str(c, 'id'),
                    login: str(c, 'profile', 'login') ?? null,
                    email: str(c, 'profile', 'email') ?? null,
                  })),
                },
                transformedUsername: username,
              },
              steps,
              links: [LINKS.oktaMicrosoftIdp, LINKS.oktaIdpApi],
            }),
          )
        }
      }
      for (const [okta, positions] of shared) {
        const entra = positions.map((i) => {
          const user = users[i] as Rec
          return { user, username: compiled.apply(user)?.trim() ?? '' }
        })
        findings.push(
          makeFinding(crossMatchAmbiguous, {
            title: `${entra.length} Entra users match Okta user ${str(okta, 'profile', 'login') ?? str(okta, 'id')} through IdP "${m.name}"`,
            detail: `Entra users ${entra.map((e) => str(e.user, 'userPrincipalName')).join(', ')} all resolve to the same Okta account; whoever signs in first gets it.`,
            subjects: [
              idpSubject(m),
              oktaUserSubject(okta),
              ...entra.map((e) => entraUserSubject(e.user)),
            ],
            evidence: {
              okta: {
                idpId: m.id,
                userId: str(okta, 'id'),
                login: str(okta, 'profile', 'login') ?? null,
                email: str(okta, 'profile', 'email') ?? null,
                matchType: policy.matchType,
              },
              entra: entra.map((e) => ({
                id: str(e.user, 'id'),
                userPrincipalName: str(e.user, 'userPrincipalName') ?? null,
                transformedUsername: e.username,
              })),
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
