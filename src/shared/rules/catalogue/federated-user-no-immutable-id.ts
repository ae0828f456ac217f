/**
 * federated-user-no-immutable-id — users whose UPN is on a federated domain but who
 * have no `onPremisesImmutableId`. Entra matches WS-Fed tokens by ImmutableID, so
 * these users cannot sign in through Okta (AADSTS51004 / 90020). One finding per
 * domain, listing at most `maxSubjects` users.
 * Reads: entra.users, entra.domains.
 * Population: enabled Entra people on a federated domain (a cloud-only one without an
 * Okta account cannot sign in at all: Entra sends it to Okta); guests, service, sync,
 * break-glass, room and shared accounts are left out and counted.
 * False positives: none known.
 */
import type { Finding } from '../../model'
import { type Rec, asStr, asText, domainOf, str } from '../../util/access'
import { Grouper } from '../grouped'
import { LINKS } from '../links'
import { entraClasses } from '../../compare/people'
import { CLASS_REASONS, PopulationCounter } from '../../compare/population'
import { defineRule, makeFinding } from '../rule'
import { domainSubject, entraUserSubject } from '../../compare/seam'

export const federatedUserNoImmutableId = defineRule({
  id: 'federated-user-no-immutable-id',
  title: 'Users on a federated domain have no immutable ID',
  category: 'domain-federation',
  severity: 'high',
  reads: ['entra.users', 'entra.domains'],
  evaluate(_snapshot, ctx): Finding[] {
    const g = new Grouper(ctx.thresholds.maxSubjects)
    const classes = entraClasses(ctx.index)
    const counters = new Map<string, PopulationCounter>()
    const users = ctx.index.entraUsers
    for (let i = 0; i < users.length; i++) {
      const u = users[i] as Rec
      if (asText(u['onPremisesImmutableId'])) continue
      const upn = asStr(u['userPrincipalName'])
      const domain = domainOf(upn)
      if (!domain || ctx.index.domainAuthentication(domain) !== 'federated') continue
      let counter = counters.get(domain)
      if (!counter) {
        counter = new PopulationCounter(`enabled people on ${domain}`)
        counters.set(domain, counter)
      }
      const cls = classes[i] ?? 'person'
      if (cls !== 'person') {
        counter.leaveOut(CLASS_REASONS[cls])
        continue
      }
      counter.judge()
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
          cause: group.key,
          evidence: {
            entra: { domain: group.key, examples: group.examples },
            total: group.total,
            population: counters.get(group.key)?.summary(),
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
})
