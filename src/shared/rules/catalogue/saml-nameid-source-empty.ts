/**
 * saml-nameid-source-empty — an Okta SAML 2.0 app's NameID template
 * (`settings.signOn.subjectNameIdTemplate`, default `${user.userName}`) resolves to an
 * empty value for assigned users, or to values the NameID format does not allow
 * (EmailAddress format with non-email values). The service provider then rejects the
 * assertion or cannot find the user (Entra as SP: AADSTS501241 / 75016).
 * Reads: okta.apps, okta.appUsers; okta.users when collected (profile attributes).
 * Population: ACTIVE SAML apps; assignments that are not unassigned, of Okta users that
 * can sign in (a suspended, staged or deactivated user does not sign in).
 * False positives: templates with Okta expressions beyond `${user.attr}` are not
 * evaluated (skipped, not guessed).
 */
import type { Finding, Subject } from '../../model'
import { type Rec, str, text } from '../../util/access'
import { LINKS } from '../links'
import { isRemovedAssignment } from '../../compare/app-users'
import { capSubjects, defineRule, makeFinding } from '../rule'
import { isActiveApp, oktaAppSubject, oktaUserSubject } from '../../compare/seam'
import { classifyOktaUser } from '../../compare/population'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Compiles `${user.x}` templates; `undefined` for anything else. */
function compile(template: string): ((appUser: Rec, user: Rec | undefined) => string) | undefined {
  const parts: ((au: Rec, u: Rec | undefined) => string)[] = []
  const re = /\$\{([^}]*)\}/g
  let last = 0
  for (let m = re.exec(template); m; m = re.exec(template)) {
    const literal = template.slice(last, m.index)
    parts.push(() => literal)
    const ref = /^\s*(user|source)\.([A-Za-z0-9_]+)\s*$/.exec(m[1] ?? '')
    if (!ref?.[2]) return undefined
    const attr = ref[2]
    parts.push(
      attr === 'userName'
        ? (au) => text(au, 'credentials', 'userName') ?? ''
        : (au, u) =>
            text(u, 'profile', attr) ?? text(au, '_embedded', 'user', 'profile', attr) ?? '',
    )
    last = m.index + m[0].length
  }
  const tail = template.slice(last)
  parts.push(() => tail)
  return (au, u) =>
    parts
      .map((p) => p(au, u))
      .join('')
      .trim()
}

export const samlNameidSourceEmpty = defineRule({
  id: 'saml-nameid-source-empty',
  title: 'SAML NameID is empty or malformed for assigned users',
  category: 'attribute-mapping',
  severity: 'high',
  reads: ['okta.apps', 'okta.appUsers'],
  optionalReads: ['okta.users'],
  evaluate(snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    const deactivated = new Set(ctx.index.oktaDeprovisioned.map((u) => u['id']))
    for (const app of ctx.index.oktaApps) {
      if (str(app, 'signOnMode')?.toUpperCase() !== 'SAML_2_0') continue
      if (!isActiveApp(app)) continue
      const template =
        text(app, 'settings', 'signOn', 'subjectNameIdTemplate') ?? '${user.userName}'
      const format = text(app, 'settings', 'signOn', 'subjectNameIdFormat') ?? ''
      const evaluate = compile(template)
      if (!evaluate) continue
      const wantsEmail = /emailaddress$/i.test(format)
      const empty: Subject[] = []
      const malformed: { subject: Subject; value: string }[] = []
      for (const au of snapshot.okta?.appUsers?.[str(app, 'id') ?? ''] ?? []) {
        if (isRemovedAssignment(au)) continue
        const user = ctx.index.oktaById.get(str(au, 'id') ?? '')
        if (!user && deactivated.has(au['id'])) continue
        if (user && classifyOktaUser(user) !== 'person') continue
        const value = evaluate(au, user)
        const subject = user
          ? oktaUserSubject(user)
          : {
              source: 'okta' as const,
              type: 'user',
              id: str(au, 'id') ?? '',
              name: text(au, 'credentials', 'userName'),
            }
        if (!value) empty.push(subject)
        else if (wantsEmail && !EMAIL.test(value)) malformed.push({ subject, value })
      }
      const label = str(app, 'label') ?? str(app, 'id') ?? '?'
      const common = {
        steps: [
          `Okta Admin Console › Applications › ${label} › General › SAML Settings › Edit › Name ID format / Application username: pick an attribute every assigned user has (e.g. Email) and a matching format.`,
          `Okta Admin Console › Directory › People: fill the attribute for the users listed, or fix it at the source directory.`,
          `API: PUT {orgUrl}/api/v1/apps/${str(app, 'id')} with settings.signOn.subjectNameIdTemplate / subjectNameIdFormat; POST /api/v1/users/{id} to fix profiles.`,
        ],
        links: [LINKS.oktaSamlApp, LINKS.aadstsCodes],
      }
      if (empty.length) {
        findings.push(
          makeFinding(samlNameidSourceEmpty, {
            title: `SAML app "${label}" sends an empty NameID for ${empty.length} assigned user${empty.length === 1 ? '' : 's'}`,
            detail: `The NameID template ${template} resolves to nothing for these users, so the service provider receives no subject and cannot sign them in.`,
            subjects: [oktaAppSubject(app), ...capSubjects(empty, ctx.thresholds.maxSubjects)],
            cause: `${str(app, 'id')}:empty`,
            evidence: { okta: { appId: str(app, 'id'), template, format, total: empty.length } },
            ...common,
          }),
        )
      }
      if (malformed.length) {
        findings.push(
          makeFinding(samlNameidSourceEmpty, {
            severity: 'medium',
            title: `SAML app "${label}" sends non-email NameIDs in EmailAddress format for ${malformed.length} user${malformed.length === 1 ? '' : 's'}`,
            detail: `The NameID format is ${format}, but ${template} yields values such as "${malformed[0]?.value}". Service providers that validate the format reject these assertions.`,
            subjects: [
              oktaAppSubject(app),
              ...capSubjects(
                malformed.map((m) => m.subject),
                ctx.thresholds.maxSubjects,
              ),
            ],
            cause: `${str(app, 'id')}:format`,
            evidence: {
              okta: {
                appId: str(app, 'id'),
                template,
                format,
                total: malformed.length,
                examples: malformed.slice(0, 20).map((m) => ({ id: m.subject.id, value: m.value })),
              },
            },
            ...common,
          }),
        )
      }
    }
    return findings
  },
})
