/**
 * federated-user-no-immutable-id — users whose UPN is on a federated domain but who
 * have no `onPremisesImmutableId`. Entra matches WS-Fed tokens by ImmutableID, so
 * these users cannot sign in through Okta (AADSTS51004 / 90020). One finding per
 * domain, listing at most `maxSubjects` users.
 * Reads: entra.users, entra.domains.
 * False positives: none known (guests and disabled users are skipped).
 */
import type { Finding } from '../../model'
import { asStr, asText, domainOf, str } from '../../util/access'
import { Grouper } from '../grouped'
import { LINKS } from '../links'
import { isFederationCandidate } from '../../compare/match'
import { type Rule, makeFinding } from '../rule'
import { domainSubject, entraUserSubject } from '../../compare/seam'

export const federatedUserNoImmutableId: Rule = {
  id: 'federated-user-no-immutable-id',
  title: 'Users on a federated domain have no immutable ID',
  category: 'domain-federation',
  severity: 'high',
  reads: ['entra.users', 'entra.domains'],
  evaluate(_snapshot, ctx) {
    const g = new Grouper(ctx.thresholds.maxSubjects)
    for (const u of ctx.index.entraUsers) {
      if (!isFederationCandidate(u) || asText(u['onPremisesImmutableId'])) continue
      const upn = asStr(u['userPrincipalName'])
      const domain = domainOf(upn)
      if (!domain || ctx.index.domainAuthentication(domain) !== 'federated') continue
      g.add(domain, entraUserSubject(u), {
        id: str(u, 'id'),
        userPrincipalName: upn ?? null,
        onPremisesSyncEnabled: u['onPremisesSyncEnabled'] ?? null,
      })
    }
    const findings: Finding[] = []
    for (const group of g.groups.values()) {
      findings.push(
        makeFinding(federatedUserNoImmutableId, {
          title: `${group.total} user${group.total === 1 ? '' : 's'} on federated domain ${group.key} ha${group.total === 1 ? 's' : 've'} no immutable ID`,
          detail: `Entra identifies federated users by onPremisesImmutableId; Okta sends an ImmutableID these users do not have, so Entra answers AADSTS51004 (or 90020 when Okta sends none).`,
          subjects: [domainSubject(group.key), ...group.subjects],
          key: group.key,
          evidence: {
            entra: { domain: group.key, total: group.total, examples: group.examples },
            aadsts: ['51004', '90020'],
          },
          steps: [
            'For AD-synced users, check Entra Connect: the user must be in scope so its sourceAnchor is exported.',
            `For cloud users: move the UPN to a managed domain (e.g. the onmicrosoft.com one), set onPremisesImmutableId to the value Okta sends (Okta Admin Console › Applications › Microsoft Office 365 › Assignments › user › Immutable ID), then move the UPN back to ${group.key}.`,
            'API: PATCH https://graph.microsoft.com/v1.0/users/{id} {"userPrincipalName":"user@tenant.onmicrosoft.com"}, then {"onPremisesImmutableId":"…"}, then restore the UPN.',
          ],
          links: [LINKS.oktaOffice365, LINKS.aadstsCodes, LINKS.migrateOkta],
        }),
      )
    }
    return findings
  },
}
