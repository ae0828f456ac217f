/**
 * cross-match-ambiguous — under a Microsoft IdP's actual match rule (template,
 * filter, matchType), one Entra user matches several Okta users, or several Entra
 * users match the same Okta user. Okta refuses ambiguous matches or links the wrong
 * account. Every object involved is a subject (capped, with the total); one finding per
 * ambiguous value, naming every active IdP with that match rule. Only Entra people
 * (not guests, service or shared accounts) are judged.
 * Reads: okta.idps, entra.users, okta.users.
 * False positives: none known; templates Crosswalk cannot evaluate are skipped.
 */
import type { Finding } from '../../model'
import { type Rec, str } from '../../util/access'
import { LINKS } from '../links'
import { cellUsers, idpsByPolicy, matchTable } from '../../compare/match'
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

export const crossMatchAmbiguous = defineRule({
  id: 'cross-match-ambiguous',
  title: 'IdP match rule maps people many-to-one across Entra and Okta',
  category: 'duplicate',
  severity: 'high',
  reads: ['okta.idps', 'entra.users', 'okta.users'],
  evaluate(_snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    for (const { policy, idps } of idpsByPolicy(seamIdps(ctx.index))) {
      const cells = matchTable(policy, ctx.index)
      if (!cells || !policy.compiled) continue
      const compiled = policy.compiled
      const population = new SeamPopulation(ctx.index)
      const first = idps[0] as MicrosoftIdp
      const who = idpNames(idps)
      const steps = [
        `Okta Admin Console › Security › Identity Providers › ${first.name} › Edit: use a match attribute that is unique on both sides (Okta Username is unique; email may not be).`,
        'Make the shared value unique: Entra admin center › Users › user › Edit properties, or Okta Admin Console › Directory › People › user › Profile.',
        `API: PUT {orgUrl}/api/v1/idps/${first.id} (policy.subject.matchType), PATCH https://graph.microsoft.com/v1.0/users/{id}, POST {orgUrl}/api/v1/users/{id}.`,
      ]
      const users = ctx.index.entraUsers
      // Okta user → first Entra person matching it; lists only for the rare collisions
      const firstBy = new Map<Rec, number>()
      const shared = new Map<Rec, number[]>()
      for (let i = 0; i < users.length; i++) {
        const cell = cells[i]
        if (cell === undefined || cell === null || !population.isEntraPerson(i)) continue
        const u = users[i] as Rec
        const candidates = cellUsers(cell)
        for (const c of candidates) {
          const seen = firstBy.get(c)
          if (seen === undefined) firstBy.set(c, i)
          else {
            const list = shared.get(c)
            if (list) list.push(i)
            else shared.set(c, [seen, i])
          }
        }
        if (candidates.length > 1) {
          const username = compiled.apply(u)?.trim() ?? ''
          findings.push(
            makeFinding(crossMatchAmbiguous, {
              cause: `${policy.signature}:${username.toLowerCase()}`,
              title: `${str(u, 'userPrincipalName') ?? str(u, 'id')} matches ${candidates.length} Okta users through ${who}`,
              detail: `The transformed username ${username} matches ${candidates.map((c) => str(c, 'profile', 'login')).join(', ')} by ${policy.oktaAttributes.join(' or ')}; Okta cannot decide which account to sign in.`,
              subjects: [
                ...idps.map(idpSubject),
                entraUserSubject(u),
                ...capSubjects(candidates.map(oktaUserSubject), ctx.thresholds.maxSubjects),
              ],
              evidence: {
                entra: {
                  id: str(u, 'id'),
                  userPrincipalName: str(u, 'userPrincipalName') ?? null,
                  mail: str(u, 'mail') ?? null,
                },
                okta: {
                  idps: idps.map((m) => m.id),
                  matchType: policy.matchType,
                  candidates: candidates.slice(0, 20).map((c) => ({
                    id: str(c, 'id'),
                    login: str(c, 'profile', 'login') ?? null,
                    email: str(c, 'profile', 'email') ?? null,
                    status: str(c, 'status') ?? null,
                  })),
                },
                total: candidates.length,
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
            cause: `${policy.signature}:okta:${str(okta, 'id') ?? ''}`,
            title: `${entra.length} Entra users match Okta user ${str(okta, 'profile', 'login') ?? str(okta, 'id')} through ${who}`,
            detail: `Entra users ${entra
              .slice(0, 10)
              .map((e) => str(e.user, 'userPrincipalName'))
              .join(', ')} all resolve to the same Okta account; whoever signs in first gets it.`,
            subjects: [
              ...idps.map(idpSubject),
              oktaUserSubject(okta),
              ...capSubjects(
                entra.map((e) => entraUserSubject(e.user)),
                ctx.thresholds.maxSubjects,
              ),
            ],
            evidence: {
              okta: {
                idps: idps.map((m) => m.id),
                userId: str(okta, 'id'),
                login: str(okta, 'profile', 'login') ?? null,
                email: str(okta, 'profile', 'email') ?? null,
                matchType: policy.matchType,
              },
              entra: entra.slice(0, 20).map((e) => ({
                id: str(e.user, 'id'),
                userPrincipalName: str(e.user, 'userPrincipalName') ?? null,
                transformedUsername: e.username,
              })),
              total: entra.length,
            },
            steps,
            links: [LINKS.oktaMicrosoftIdp, LINKS.oktaIdpApi],
          }),
        )
      }
    }
    return findings
  },
})
