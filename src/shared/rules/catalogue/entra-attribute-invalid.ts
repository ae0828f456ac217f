/**
 * entra-attribute-invalid — IdFix's checks on Entra users: invalid characters,
 * format, non-routable top-level domain, length and blanks on userPrincipalName,
 * onPremisesUserPrincipalName (the AD value Entra Connect exports), mail,
 * mailNickname and SMTP proxyAddresses. One finding per (attribute, error type),
 * listing at most `maxSubjects` users (first in snapshot order) with the total and
 * 20 examples in evidence, so 100k users stay a bounded report.
 * Reads: entra.users.
 * False positives: IdFix's well-known service accounts are skipped; guest UPNs
 * (`#EXT#`) pass the checks.
 */
import type { Finding } from '../../model'
import { str, strs } from '../../util/access'
import { Grouper } from '../grouped'
import {
  type IdFixError,
  checkMail,
  checkMailNickname,
  checkProxyAddress,
  checkUpn,
  isWellKnownExclusion,
} from '../idfix'
import { LINKS } from '../links'
import { type Rule, makeFinding } from '../rule'
import { entraUserSubject } from '../seam'

const SEVERITY: Record<IdFixError, 'medium' | 'low'> = {
  blank: 'medium',
  character: 'medium',
  format: 'medium',
  'top-level-domain': 'medium',
  length: 'medium',
}

const WHAT: Record<IdFixError, string> = {
  blank: 'is blank',
  character: 'contains characters Entra and Exchange reject',
  format: 'is not a valid address format',
  'top-level-domain': 'uses a non-routable top-level domain',
  length: 'is too long',
}

export const entraAttributeInvalid: Rule = {
  id: 'entra-attribute-invalid',
  title: 'Entra user attributes fail IdFix checks',
  category: 'data-validation',
  severity: 'medium',
  reads: ['entra.users'],
  evaluate(_snapshot, ctx) {
    const g = new Grouper(ctx.thresholds.maxSubjects)
    for (const u of ctx.index.entraUsers) {
      const upn = str(u, 'userPrincipalName')
      if (
        isWellKnownExclusion(str(u, 'mailNickname')) ||
        isWellKnownExclusion(str(u, 'onPremisesSamAccountName')) ||
        isWellKnownExclusion(upn)
      )
        continue
      const subject = entraUserSubject(u)
      const id = str(u, 'id')
      const add = (attribute: string, errors: IdFixError[], value: string | undefined) => {
        for (const e of errors) g.add(`${attribute}|${e}`, subject, { id, value: value ?? null })
      }
      add('userPrincipalName', checkUpn(upn), upn)
      const onPremUpn = str(u, 'onPremisesUserPrincipalName')
      if (onPremUpn !== undefined && onPremUpn.trim())
        add('onPremisesUserPrincipalName', checkUpn(onPremUpn), onPremUpn)
      const mail = str(u, 'mail')
      add('mail', checkMail(mail), mail)
      // mailNickname is not in Graph's default $select; only judge it when it was collected
      if ('mailNickname' in u)
        add('mailNickname', checkMailNickname(str(u, 'mailNickname')), str(u, 'mailNickname'))
      const seen = new Set<IdFixError>()
      for (const p of strs(u, 'proxyAddresses')) {
        for (const e of checkProxyAddress(p)) {
          if (seen.has(e)) continue
          seen.add(e)
          g.add(`proxyAddresses|${e}`, subject, { id, value: p })
        }
      }
    }
    const findings: Finding[] = []
    for (const group of g.groups.values()) {
      const [attribute, error] = group.key.split('|') as [string, IdFixError]
      findings.push(
        makeFinding(entraAttributeInvalid, {
          severity: SEVERITY[error],
          title: `${attribute} ${WHAT[error]} for ${group.total} Entra user${group.total === 1 ? '' : 's'}`,
          detail: `IdFix's ${error} rule fails on ${attribute} for ${group.total} user${group.total === 1 ? '' : 's'}${group.total > group.subjects.length ? ` (the first ${group.subjects.length} are listed)` : ''}. Entra Connect export and Okta matching on this attribute fail for them.`,
          subjects: group.subjects,
          key: group.key,
          evidence: {
            entra: { attribute, errorType: error, total: group.total, examples: group.examples },
          },
          steps: [
            `Fix ${attribute} at its source: on-premises AD (run IdFix against the forest) for synced users, or Entra admin center › Users › user › Edit properties for cloud users.`,
            'After the next Entra Connect cycle, check Entra admin center › Microsoft Entra Connect › Connect Health › Sync errors › Data Validation Failure.',
            `API: PATCH https://graph.microsoft.com/v1.0/users/{id} {"${attribute === 'onPremisesUserPrincipalName' ? 'userPrincipalName' : attribute}":"…"} (cloud users only).`,
          ],
          links: [LINKS.idFix, LINKS.syncErrors],
        }),
      )
    }
    return findings
  },
}
