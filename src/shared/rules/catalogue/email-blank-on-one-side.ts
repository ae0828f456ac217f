/**
 * email-blank-on-one-side — the same person (joined by their identity keys) has an email
 * on one side and none on the other: Entra `mail` blank while the Okta `profile.email`
 * is set, or the reverse. It matters where an active Microsoft IdP depends on email:
 * its username template reads `mail`, it matches on email, or it updates the Okta
 * profile at each sign-in (profile master), which then writes a blank email. One
 * finding per side.
 * Reads: entra.users, okta.users; okta.idps when collected (without them nothing is
 * known to depend on email, and the finding is a note); okta.apps and okta.appUsers when
 * collected (the Office 365 keys that join people).
 * Population: people with an account on both sides that can sign in.
 * False positives: none above info known: where no IdP uses email, the finding is a note.
 */
import type { Comparison, Finding, Subject } from '../../model'
import { get, hasText, isRec, str, text } from '../../util/access'
import { JOIN_KEY_LABELS, joinKeysOf } from '../../compare/join'
import { LINKS } from '../links'
import { subjectPolicy } from '../../compare/match'
import { SeamPopulation } from '../../compare/people'
import { capSubjects, defineRule, makeFinding } from '../rule'
import { type MicrosoftIdp, seamIdps, entraUserSubject, oktaUserSubject } from '../../compare/seam'

type Side = 'entra' | 'okta'

/** The active IdPs for which a blank email on `side` breaks sign-in, with why. */
function dependents(idps: MicrosoftIdp[], side: Side): { idp: MicrosoftIdp; why: string }[] {
  const out: { idp: MicrosoftIdp; why: string }[] = []
  for (const m of idps) {
    const policy = subjectPolicy(m.idp)
    if (side === 'entra') {
      if (policy.compiled?.reads.includes('mail'))
        out.push({ idp: m, why: `its username template ${policy.template} reads mail` })
      else if (get(m.idp, 'policy', 'provisioning', 'profileMaster') === true)
        out.push({ idp: m, why: 'it updates the Okta profile, email included, at every sign-in' })
    } else if (policy.oktaAttributes.includes('email')) {
      out.push({ idp: m, why: `it matches on ${policy.oktaAttributes.join(' or ')}` })
    }
  }
  return out
}

export const emailBlankOnOneSide = defineRule({
  id: 'email-blank-on-one-side',
  title: 'Email set on one side and blank on the other',
  category: 'attribute-mapping',
  severity: 'medium',
  reads: ['entra.users', 'okta.users'],
  optionalReads: ['okta.idps', 'okta.apps', 'okta.appUsers'],
  evaluate(_snapshot, ctx): Finding[] {
    const population = new SeamPopulation(ctx.index)
    const found: Record<Side, { subjects: Subject[]; comparisons: Comparison[]; total: number }> = {
      entra: { subjects: [], comparisons: [], total: 0 },
      okta: { subjects: [], comparisons: [], total: 0 },
    }
    const users = ctx.index.entraUsers
    for (let i = 0; i < users.length; i++) {
      const j = population.judge(i)
      if (j < 0) continue
      const entra = population.entraRecord(i)
      const okta = population.oktaRecord(j)
      const profile = okta['profile']
      const hasMail = hasText(entra['mail'])
      const hasEmail = isRec(profile) && hasText(profile['email'])
      if (hasMail === hasEmail) continue
      const mail = text(entra, 'mail')
      const email = text(okta, 'profile', 'email')
      const side: Side = mail ? 'okta' : 'entra'
      const group = found[side]
      group.total++
      if (group.subjects.length < ctx.thresholds.maxSubjects)
        group.subjects.push(entraUserSubject(entra), oktaUserSubject(okta))
      if (group.comparisons.length < 20)
        group.comparisons.push({
          entra: {
            type: 'user',
            id: str(entra, 'id') ?? '',
            name: str(entra, 'userPrincipalName'),
          },
          okta: { type: 'user', id: str(okta, 'id') ?? '', name: str(okta, 'profile', 'login') },
          joinedBy: joinKeysOf(population.join.keys[i] ?? 0).map((k) => JOIN_KEY_LABELS[k]),
          pairs: [
            {
              label: 'mail ↔ email',
              entra: { attribute: 'mail', value: mail ?? null },
              okta: { attribute: 'profile.email', value: email ?? null },
              verdict: mail ? 'missing-okta' : 'missing-entra',
            },
          ],
        })
    }
    const idps = seamIdps(ctx.index)
    const findings: Finding[] = []
    for (const side of ['entra', 'okta'] as const) {
      const group = found[side]
      if (group.total === 0) continue
      const depend = dependents(idps, side)
      const entraBlank = side === 'entra'
      const people = `${group.total} ${group.total === 1 ? 'person has' : 'people have'}`
      findings.push(
        makeFinding(emailBlankOnOneSide, {
          severity: depend.length ? 'medium' : 'info',
          cause: side,
          title: entraBlank
            ? `${people} no mail in Entra but an email in Okta`
            : `${people} mail in Entra but no email in Okta`,
          detail: `${
            entraBlank
              ? "Entra's token carries no email for these people."
              : 'Okta has no email for these people while Entra does.'
          } ${
            depend.length
              ? depend.map((d) => `IdP "${d.idp.name}" depends on it: ${d.why}.`).join(' ')
              : 'No active Microsoft IdP depends on email, so sign-in is not affected; the two sides simply disagree.'
          }`,
          subjects: capSubjects(group.subjects, ctx.thresholds.maxSubjects),
          evidence: {
            side,
            total: group.total,
            comparisons: group.comparisons,
            dependentIdps: depend.map((d) => ({ idpId: d.idp.id, why: d.why })),
            population: population.counter.summary(),
          },
          steps: entraBlank
            ? [
                'For synced users set mail in on-premises AD (Entra Connect exports it); for cloud users Entra admin center › Users › user › Edit properties › Contact information › Email (or give the user a mailbox).',
                'API: PATCH https://graph.microsoft.com/v1.0/users/{id} {"mail":"…"} (cloud users only).',
              ]
            : [
                'Okta Admin Console › Directory › People › user › Profile › Edit › Primary email (or fix the profile source and re-import).',
                'API: POST {orgUrl}/api/v1/users/{id} {"profile":{"email":"…"}}.',
              ],
          links: [LINKS.oktaMappings, LINKS.oktaMicrosoftIdp],
        }),
      )
    }
    return findings
  },
})
