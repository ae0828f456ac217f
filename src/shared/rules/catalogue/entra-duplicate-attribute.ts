/**
 * entra-duplicate-attribute — two or more Entra users share (case-insensitively) a
 * userPrincipalName (cloud, or the AD value in onPremisesUserPrincipalName), mail,
 * SMTP proxy address or onPremisesImmutableId. Entra Connect
 * exports fail (AttributeValueMustBeUnique / duplicate attribute resiliency
 * quarantines the value) and any match on that value is ambiguous. Every object
 * involved is a subject; one finding per duplicated value.
 * Reads: entra.users.
 * False positives: none; a user's own mail repeated in its own proxyAddresses is not
 * a duplicate (each user counts once per address).
 */
import type { Finding } from '../../model'
import { type Rec, norm, str, strs } from '../../util/access'
import { LINKS } from '../links'
import { capSubjects, defineRule, makeFinding } from '../rule'
import { entraUserSubject } from '../../compare/seam'
import { type KeyIndex, smtpAddress } from '../../compare/multi-index'

const ATTRIBUTES = [
  { name: 'userPrincipalName', map: 'entraByAnyUpn' },
  { name: 'mail', map: 'entraByMail' },
  { name: 'proxyAddresses', map: 'entraByProxy' },
  { name: 'onPremisesImmutableId', map: 'entraByImmutableId' },
] as const

/** The value as the user holds it (the index key is lower-cased). */
function heldValue(user: Rec, attribute: string, key: string): string {
  const candidates =
    attribute === 'userPrincipalName'
      ? [str(user, 'userPrincipalName'), str(user, 'onPremisesUserPrincipalName')]
      : attribute === 'proxyAddresses'
        ? strs(user, 'proxyAddresses')
        : [str(user, attribute)]
  for (const c of candidates) {
    if (c === undefined) continue
    const k = attribute === 'proxyAddresses' ? smtpAddress(c) : norm(c)
    if (k === key) return c
  }
  return key
}

export const entraDuplicateAttribute = defineRule({
  id: 'entra-duplicate-attribute',
  title: 'Duplicate UPN, mail, proxy address or immutable ID in Entra',
  category: 'duplicate',
  severity: 'high',
  reads: ['entra.users'],
  evaluate(_snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    for (const attr of ATTRIBUTES) {
      const map: KeyIndex = ctx.index[attr.map]
      for (const [value, users] of map.duplicates()) {
        const held = users.slice(0, 20).map((u) => heldValue(u, attr.name, value))
        const spelled = held.map((h) =>
          attr.name === 'proxyAddresses' ? h.slice(h.indexOf(':') + 1) : h,
        )
        const caseOnly = new Set(spelled).size > 1
        findings.push(
          makeFinding(entraDuplicateAttribute, {
            severity: attr.name === 'mail' ? 'medium' : 'high',
            title: `${users.length} Entra users share ${attr.name} ${held[0] ?? value}`,
            detail: `${caseOnly ? `The values differ only in case (${[...new Set(spelled)].join(', ')}). ` : ''}${attr.name} must be unique in the tenant (case-insensitive). Entra Connect reports AttributeValueMustBeUnique, and Okta cannot tell these users apart when it matches on this value.`,
            subjects: capSubjects(users.map(entraUserSubject), ctx.thresholds.maxSubjects),
            cause: `${attr.name}:${value}`,
            evidence: {
              entra: {
                attribute: attr.name,
                value,
                total: users.length,
                users: users.slice(0, 20).map((u, i) => ({
                  id: str(u, 'id'),
                  value: held[i] ?? null,
                  userPrincipalName: str(u, 'userPrincipalName') ?? null,
                  onPremisesUserPrincipalName: str(u, 'onPremisesUserPrincipalName') ?? null,
                  onPremisesSyncEnabled: u['onPremisesSyncEnabled'] ?? null,
                })),
              },
            },
            steps: [
              `Decide which object owns ${value}; in Entra admin center › Users, open each user listed and change ${attr.name} on the other(s) (for synced users change it in on-premises AD and let Entra Connect sync).`,
              'Entra admin center › Identity › Hybrid management › Microsoft Entra Connect › Connect Sync › Connect Health › Sync errors › Duplicate Attribute lists the conflict too.',
              `API: PATCH https://graph.microsoft.com/v1.0/users/{id} for cloud users (e.g. {"${attr.name === 'proxyAddresses' ? 'mail' : attr.name}": "…"}).`,
            ],
            links: [LINKS.duplicateResiliency, LINKS.syncErrors],
          }),
        )
      }
    }
    return findings
  },
})
