/**
 * entra-attribute-invalid — IdFix's checks on Entra users: invalid characters,
 * format, non-routable top-level domain, length and blanks on userPrincipalName,
 * onPremisesUserPrincipalName (the AD value Entra Connect exports), mail,
 * mailNickname and SMTP proxyAddresses. One finding per (attribute, error type),
 * listing at most `maxSubjects` users (first in snapshot order) with the total and
 * 20 examples in evidence, so 100k users stay a bounded report.
 * Reads: entra.users.
 * Population: users synced from AD (`onPremisesSyncEnabled` true), which is what IdFix
 * judges: Entra validates the values of cloud-only accounts itself, and guests carry
 * their home tenant's values. IdFix's well-known service accounts are skipped.
 * False positives: none known.
 */
import type { Finding, Subject } from '../../model'
import { type Rec, asStr } from '../../util/access'
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
import { defineRule, makeFinding } from '../rule'
import { entraUserSubject } from '../../compare/seam'

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

export const entraAttributeInvalid = defineRule({
  id: 'entra-attribute-invalid',
  title: 'Entra user attributes fail IdFix checks',
  category: 'data-validation',
  severity: 'medium',
  reads: ['entra.users'],
  evaluate(_snapshot, ctx): Finding[] {
    const g = new Grouper(ctx.thresholds.maxSubjects)
    // subjects are built only for users with an error: most users have none
    let current: Rec = {}
    let subject: Subject | undefined
    const add = (attribute: string, errors: readonly IdFixError[], value: string | undefined) => {
      for (const e of errors) {
        subject ??= entraUserSubject(current)
        g.add(`${attribute}|${e}`, subject, { id: subject.id, value: value ?? null })
      }
    }
    for (const u of ctx.index.entraUsers) {
      if (u['onPremisesSyncEnabled'] !== true) continue
      const upn = asStr(u['userPrincipalName'])
      const nickname = asStr(u['mailNickname'])
      if (
        isWellKnownExclusion(upn) ||
        isWellKnownExclusion(nickname) ||
        isWellKnownExclusion(asStr(u['onPremisesSamAccountName']))
      )
        continue
      current = u
      subject = undefined
      const upnErrors = checkUpn(upn)
      add('userPrincipalName', upnErrors, upn)
      const onPremUpn = asStr(u['onPremisesUserPrincipalName'])
      // the same value as the cloud UPN would only repeat its errors
      if (onPremUpn !== undefined && onPremUpn !== upn && onPremUpn.trim())
        add('onPremisesUserPrincipalName', checkUpn(onPremUpn), onPremUpn)
      const mail = asStr(u['mail'])
      // a mail equal to a clean UPN passes the (looser) mail checks too
      const mailClean = mail === upn && upnErrors.length === 0
      if (!mailClean) add('mail', checkMail(mail), mail)
      // mailNickname is not in Graph's default $select; only judge it when it was collected
      if ('mailNickname' in u) add('mailNickname', checkMailNickname(nickname), nickname)
      const proxies = u['proxyAddresses']
      if (!Array.isArray(proxies)) continue
      let seen: IdFixError[] | undefined
      for (const p of proxies) {
        if (typeof p !== 'string') continue
        // the primary SMTP address repeats a clean mail
        if (mailClean && p.length === (mail?.length ?? 0) + 5 && p.endsWith(mail ?? '')) continue
        for (const e of checkProxyAddress(p)) {
          if (seen?.includes(e)) continue
          ;(seen ??= []).push(e)
          add('proxyAddresses', [e], p)
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
          cause: group.key,
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
})
