/**
 * okta-attribute-invalid — IdFix-style checks on Okta users: login (≤ 100 chars,
 * no whitespace, email-shaped unless the org's user schema gives login its own
 * pattern) and email (RFC 2822, routable top-level domain). One finding per
 * (attribute, error type), listing at most `maxSubjects` users with the total.
 * Reads: okta.users; okta.userSchema when collected (the login pattern).
 * False positives: deprovisioned users are skipped.
 */
import type { Finding } from '../../model'
import { asStr, isRec, str } from '../../util/access'
import { Grouper } from '../grouped'
import { type IdFixError, checkOktaEmail, checkOktaLogin } from '../idfix'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import { oktaUserSubject } from '../../compare/seam'

export const oktaAttributeInvalid = defineRule({
  id: 'okta-attribute-invalid',
  title: 'Okta user login or email fails validation',
  category: 'data-validation',
  severity: 'medium',
  reads: ['okta.users'],
  optionalReads: ['okta.userSchema'],
  evaluate(snapshot, ctx): Finding[] {
    const loginPattern = str(
      snapshot.okta?.userSchema,
      'definitions',
      'base',
      'properties',
      'login',
      'pattern',
    )
    // Okta requires an email-shaped login unless the schema sets its own pattern
    const requireEmail = loginPattern === undefined || loginPattern.includes('@')
    const g = new Grouper(ctx.thresholds.maxSubjects)
    for (const u of ctx.index.oktaUsers) {
      if (u['status'] === 'DEPROVISIONED') continue
      const profile = u['profile']
      const login = isRec(profile) ? asStr(profile['login']) : undefined
      const email = isRec(profile) ? asStr(profile['email']) : undefined
      const loginErrors = checkOktaLogin(login, requireEmail)
      // an email equal to a valid email-shaped login passes the email checks too
      const emailErrors =
        email === login && loginErrors.length === 0 && requireEmail ? [] : checkOktaEmail(email)
      if (loginErrors.length === 0 && emailErrors.length === 0) continue
      const subject = oktaUserSubject(u)
      for (const e of loginErrors)
        g.add(`login|${e}`, subject, { id: subject.id, value: login ?? null })
      for (const e of emailErrors)
        g.add(`email|${e}`, subject, { id: subject.id, value: email ?? null })
    }
    const findings: Finding[] = []
    for (const group of g.groups.values()) {
      const [attribute, error] = group.key.split('|') as [string, IdFixError]
      findings.push(
        makeFinding(oktaAttributeInvalid, {
          severity: attribute === 'login' ? 'medium' : 'low',
          title: `Okta ${attribute} fails the ${error} check for ${group.total} user${group.total === 1 ? '' : 's'}`,
          detail: `${group.total} Okta user${group.total === 1 ? '' : 's'} ha${group.total === 1 ? 's' : 've'} ${attribute === 'email' ? 'an' : 'a'} ${attribute} that fails the ${error} check${group.total > group.subjects.length ? ` (the first ${group.subjects.length} are listed)` : ''}. Matching with Entra and pushing to Office 365 fail for them.`,
          subjects: group.subjects,
          cause: group.key,
          evidence: {
            okta: {
              attribute,
              errorType: error,
              total: group.total,
              examples: group.examples,
              loginPattern: loginPattern ?? null,
            },
          },
          steps: [
            `Okta Admin Console › Directory › People › user › Profile › Edit: correct ${attribute}; for AD- or HR-mastered users fix it at the source and re-import.`,
            `API: POST {orgUrl}/api/v1/users/{id} {"profile":{"${attribute}":"…"}}.`,
          ],
          links: [LINKS.idFix, LINKS.oktaMicrosoftIdp],
        }),
      )
    }
    return findings
  },
})
