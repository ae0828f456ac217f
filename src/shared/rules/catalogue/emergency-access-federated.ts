/**
 * emergency-access-federated — an emergency-access (break-glass) account whose UPN is on
 * a domain federated to Okta. Entra sends its sign-in to Okta, so on the day Okta or the
 * federation is down, the account meant for that day cannot sign in either. Microsoft's
 * guidance: emergency accounts are cloud-only, on the *.onmicrosoft.com domain, neither
 * federated nor synchronized.
 * Reads: entra.users, entra.domains; entra.signIns when collected (its latest sign-in).
 * Population: enabled cloud-only accounts (not synchronized from AD) whose name or
 * display name follows the break-glass conventions of population.ts; the convention
 * alone never makes a person one, so an AD-synced account that merely mentions
 * "emergency" is not judged.
 * False positives: a cloud-only account named like a break-glass account that is not one.
 */
import type { Finding, Subject } from '../../model'
import { type Rec, domainOf, str } from '../../util/access'
import { LINKS } from '../links'
import { entraClasses } from '../../compare/people'
import { defineRule, makeFinding } from '../rule'
import { domainSubject, entraUserSubject } from '../../compare/seam'

/** The newest successful sign-in of each user id. */
function lastSuccess(signIns: readonly Rec[]): Map<string, Rec> {
  const out = new Map<string, Rec>()
  for (const s of signIns) {
    const code = s['status'] && (s['status'] as Rec)['errorCode']
    if (code !== 0 && code !== '0' && code !== undefined) continue
    const id = str(s, 'userId')
    if (!id) continue
    const seen = out.get(id)
    if (!seen || (str(s, 'createdDateTime') ?? '') > (str(seen, 'createdDateTime') ?? ''))
      out.set(id, s)
  }
  return out
}

export const emergencyAccessFederated = defineRule({
  id: 'emergency-access-federated',
  title: 'An emergency-access account signs in through Okta',
  category: 'domain-federation',
  severity: 'medium',
  reads: ['entra.users', 'entra.domains'],
  optionalReads: ['entra.signIns'],
  evaluate(snapshot, ctx): Finding[] {
    const classes = entraClasses(ctx.index)
    const users = ctx.index.entraUsers
    let signIns: Map<string, Rec> | undefined
    const findings: Finding[] = []
    for (let i = 0; i < users.length; i++) {
      if (classes[i] !== 'break-glass') continue
      const u = users[i] as Rec
      if (u['accountEnabled'] === false || u['onPremisesSyncEnabled'] === true) continue
      const upn = str(u, 'userPrincipalName')
      const domain = domainOf(upn)
      if (!domain || ctx.index.domainAuthentication(domain) !== 'federated') continue
      signIns ??= lastSuccess(snapshot.entra?.signIns ?? [])
      const last = signIns.get(str(u, 'id') ?? '')
      const subjects: Subject[] = [entraUserSubject(u), domainSubject(domain)]
      const local = (upn ?? '').split('@')[0] ?? ''
      findings.push(
        makeFinding(emergencyAccessFederated, {
          cause: str(u, 'id') ?? upn ?? '',
          title: `Emergency-access account ${upn} is on ${domain}, which is federated to Okta`,
          detail: `${upn} is named like an emergency-access (break-glass) account and is cloud-only, but its UPN is on ${domain}, so Entra sends its sign-in to Okta. When Okta or the federation fails, the account meant for that day fails with it.${last ? ` It last signed in at ${str(last, 'createdDateTime') ?? '?'}.` : ''}`,
          subjects,
          evidence: {
            entra: {
              userPrincipalName: upn ?? null,
              displayName: str(u, 'displayName') ?? null,
              onPremisesSyncEnabled: u['onPremisesSyncEnabled'] ?? null,
              domain,
              lastSignIn: str(last, 'createdDateTime') ?? null,
              lastSignInId: str(last, 'id') ?? null,
            },
          },
          steps: [
            `Entra admin center › Users › ${upn} › Edit properties: change the UPN to ${local}@<tenant>.onmicrosoft.com (a managed domain), then test a sign-in with it.`,
            'Keep emergency-access accounts cloud-only, on *.onmicrosoft.com, excluded from Conditional Access policies that depend on Okta, and monitored (sign-in alerts).',
            `API: PATCH https://graph.microsoft.com/v1.0/users/${str(u, 'id') ?? '{id}'} {"userPrincipalName":"${local}@<tenant>.onmicrosoft.com"}.`,
          ],
          links: [LINKS.emergencyAccess, LINKS.domainFederation],
        }),
      )
    }
    return findings
  },
})
