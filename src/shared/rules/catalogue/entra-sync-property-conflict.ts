/**
 * entra-sync-property-conflict — Entra users with `onPremisesProvisioningErrors`
 * (category PropertyConflict: duplicate attribute resiliency put a UPN or proxy
 * address in quarantine). The conflicting value is named, with the other Entra
 * object(s) that hold it when the snapshot shows them.
 * Reads: entra.users.
 * False positives: none; errors Entra keeps after the conflict was resolved go away
 * on the next successful export.
 */
import type { Finding, Subject } from '../../model'
import { norm, recs, str } from '../../util/access'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import { entraUserSubject } from '../../compare/seam'
import { smtpAddress } from '../../compare/multi-index'

export const entraSyncPropertyConflict = defineRule({
  id: 'entra-sync-property-conflict',
  title: 'Entra Connect export blocked by a property conflict',
  category: 'duplicate',
  severity: 'high',
  reads: ['entra.users'],
  evaluate(_snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    for (const u of ctx.index.entraUsers) {
      const errors = u['onPremisesProvisioningErrors']
      if (!Array.isArray(errors) || errors.length === 0) continue
      for (const err of recs(u, 'onPremisesProvisioningErrors')) {
        const property = str(err, 'propertyCausingError') ?? 'unknown'
        const value = str(err, 'value')
        const key = norm(value)
        const holders = key
          ? /proxy/i.test(property)
            ? (ctx.index.entraByProxy.get(smtpAddress(value ?? '') ?? key) ?? [])
            : /mail/i.test(property)
              ? (ctx.index.entraByMail.get(key) ?? [])
              : (ctx.index.entraByUpn.get(key) ?? [])
          : []
        const others = holders.filter((h) => h !== u)
        const subjects: Subject[] = [entraUserSubject(u), ...others.map(entraUserSubject)]
        findings.push(
          makeFinding(entraSyncPropertyConflict, {
            title: `${str(u, 'userPrincipalName') ?? str(u, 'id')}: ${property} "${value ?? ''}" conflicts with another object`,
            detail: `Entra Connect could not export ${property} = ${value ?? '(empty)'} (${str(err, 'category') ?? 'PropertyConflict'} since ${str(err, 'occurredDateTime') ?? 'an unknown time'}). Entra kept a placeholder value, so sign-in names and mail routing differ from AD${others.length ? `; ${others.map((o) => str(o, 'userPrincipalName')).join(', ')} hold${others.length === 1 ? 's' : ''} the value` : ''}.`,
            subjects,
            cause: `${str(u, 'id')}:${property}:${key ?? ''}`,
            evidence: {
              entra: {
                userId: str(u, 'id'),
                userPrincipalName: str(u, 'userPrincipalName') ?? null,
                category: str(err, 'category') ?? null,
                propertyCausingError: property,
                value: value ?? null,
                occurredDateTime: str(err, 'occurredDateTime') ?? null,
                heldBy: others.map((o) => ({
                  id: str(o, 'id'),
                  userPrincipalName: str(o, 'userPrincipalName') ?? null,
                })),
              },
            },
            steps: [
              `Find which object should own ${value ?? 'the value'}; remove or change it on the other object (on-premises AD for synced objects).`,
              'Entra admin center › Identity › Hybrid management › Microsoft Entra Connect › Connect Health › Sync errors › Duplicate Attribute shows both objects.',
              `API: GET https://graph.microsoft.com/v1.0/users?$filter=onPremisesProvisioningErrors/any(e:e/category eq 'PropertyConflict') lists every affected user.`,
            ],
            links: [LINKS.duplicateResiliency, LINKS.syncErrors],
          }),
        )
      }
    }
    return findings
  },
})
