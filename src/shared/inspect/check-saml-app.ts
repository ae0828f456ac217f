/**
 * Checks of a SAML 2.0 response an Okta SAML app issued, against that app's settings: signed
 * with its active key, audience = its Audience URI, recipient and destination = its ACS URL,
 * NameID format = its subjectNameIdFormat and value = its subjectNameIdTemplate evaluated for
 * the assigned person (`${user.email}`, `${user.login}`, `${user.<attribute>}`), validity at
 * the capture's time. A response Crosswalk cannot tie to an app gets its signature and
 * validity checked only.
 */
import { oktaAppSubject } from '../compare/seam'
import type { SnapshotIndex } from '../compare/snapshot-index'
import type { Snapshot } from '../model'
import { type Rec, norm, str, text } from '../util/access'
import type { InspectedMessage, SamlArtefact } from './artefact'
import { appSignatureCheck } from './check-signature'
import { DEFAULT_SKEW_MS, judgeAt, peopleOf, validityCheck } from './common'
import { type InspectCheck, type InspectReport, report } from './report'

/** The Okta app a response belongs to: the app whose key signed it, else the one whose audience it names. */
function appOf(artefact: SamlArtefact, index: SnapshotIndex): Rec | undefined {
  for (const m of artefact.signature.matched) {
    if (m.kind !== 'okta-app-key') continue
    const app = index.oktaAppsById.get(m.id.split(':')[1] ?? '')
    if (app) return app
  }
  const audiences = artefact.assertion.conditions.audiences
  return index.oktaApps.find((app) => {
    const aud = setting(app, 'audienceOverride') ?? setting(app, 'audience')
    return aud !== undefined && audiences.includes(aud)
  })
}

function setting(app: Rec, name: string): string | undefined {
  return text(app, 'settings', 'signOn', name)
}

/** Evaluates Okta's simple NameID templates (`${user.attr}`); undefined for other expressions. */
export function nameIdFor(template: string | undefined, user: Rec): string | undefined {
  const m = /^\$\{user\.([A-Za-z0-9_]+)\}$/.exec((template ?? '${user.login}').trim())
  if (!m?.[1]) return undefined
  return text(user, 'profile', m[1])
}

/** The checks of a SAML app response; see the file header. */
export function samlAppReport(
  message: InspectedMessage,
  artefact: SamlArtefact,
  snapshot: Snapshot,
  index: SnapshotIndex,
): InspectReport {
  const a = artefact.assertion
  const app = appOf(artefact, index)
  const judged = judgeAt(message.capturedAt, a.issueInstant)
  const validity = validityCheck(a.conditions, judged, DEFAULT_SKEW_MS, {})
  const judgedAt = judged
    ? { judgedAt: { at: judged.at.toISOString(), source: judged.source } }
    : {}
  if (!app) {
    const sig: InspectCheck = {
      id: 'signature',
      title: 'Signature',
      status:
        artefact.signature.status === 'verified'
          ? 'pass'
          : artefact.signature.status === 'no-candidates'
            ? 'skip'
            : 'warn',
      summary:
        artefact.signature.status === 'verified'
          ? `Verified with ${artefact.signature.matched.map((m) => m.label).join('; ')}.`
          : `${artefact.signature.detail ?? 'Not verified.'} No app of the snapshot issued it, so no configuration says which key it should carry.`,
    }
    return report('saml', [sig, validity], {
      ...judgedAt,
      people: { note: 'No Okta app of the snapshot issued this response.' },
    })
  }
  const label = `Okta app "${text(app, 'label') ?? str(app, 'id') ?? ''}"`
  const fix = (steps: string[]) => ({ fix: { object: oktaAppSubject(app), label, steps } })
  const checks: InspectCheck[] = [appSignatureCheck(artefact.signature, app, snapshot), validity]
  const audience = setting(app, 'audienceOverride') ?? setting(app, 'audience')
  if (audience)
    checks.push(
      a.conditions.audiences.includes(audience)
        ? {
            id: 'audience',
            title: 'Audience',
            status: 'pass',
            summary: "The app's Audience URI.",
            expected: audience,
            actual: a.conditions.audiences.join(', '),
          }
        : {
            id: 'audience',
            title: 'Audience',
            status: 'fail',
            summary:
              "The audience is not the app's Audience URI (SP Entity ID): the service provider refuses the response.",
            expected: audience,
            actual: a.conditions.audiences.join(', ') || '(none)',
            ...fix([
              `Okta Admin Console › Applications › ${text(app, 'label') ?? ''} › General › SAML Settings: set the Audience URI to the service provider's entity ID.`,
            ]),
          },
    )
  const acs =
    setting(app, 'recipientOverride') ??
    setting(app, 'ssoAcsUrlOverride') ??
    setting(app, 'ssoAcsUrl')
  const recipient =
    a.subjectConfirmations.find((c) => c.recipient)?.recipient ?? artefact.response?.destination
  if (acs && recipient)
    checks.push(
      recipient === acs
        ? {
            id: 'recipient',
            title: 'Recipient',
            status: 'pass',
            summary: "The app's single sign-on URL.",
            expected: acs,
            actual: recipient,
          }
        : {
            id: 'recipient',
            title: 'Recipient',
            status: 'fail',
            summary: "The recipient is not the app's single sign-on (ACS) URL.",
            expected: acs,
            actual: recipient,
            ...fix([
              'Okta › the app › General › SAML Settings: set the Single sign-on URL (and Recipient) to the service provider’s ACS URL.',
            ]),
          },
    )
  const format = setting(app, 'subjectNameIdFormat')
  const template = setting(app, 'subjectNameIdTemplate')
  const nameId = a.nameId?.value
  if (format && a.nameId?.format && a.nameId.format !== format)
    checks.push({
      id: 'name-id',
      title: 'NameID format',
      status: 'fail',
      summary: "The NameID format is not the app's.",
      expected: format,
      actual: a.nameId.format,
      ...fix(['Okta › the app › SAML Settings: Name ID format.']),
    })
  const assigned = (snapshot.okta?.appUsers?.[str(app, 'id') ?? ''] ?? [])
    .map((au) => index.oktaById.get(str(au, 'id') ?? ''))
    .filter((u): u is Rec => u !== undefined)
  const person = nameId
    ? assigned.find((u) => norm(nameIdFor(template, u)) === norm(nameId))
    : undefined
  const byName = nameId
    ? (index.oktaByLogin.one(norm(nameId)) ?? index.oktaByEmail.one(norm(nameId)))
    : undefined
  if (!nameId)
    checks.push({
      id: 'name-id',
      title: 'NameID',
      status: 'fail',
      summary: 'The response names nobody.',
      expected: template ?? '${user.login}',
      actual: '(missing)',
      rule: 'saml-nameid-source-empty',
      ...fix(['Okta › the app › SAML Settings: Application username / Name ID source.']),
    })
  else if (person)
    checks.push({
      id: 'name-id',
      title: 'NameID',
      status: 'pass',
      summary: `It is ${template ?? '${user.login}'} of ${str(person, 'profile', 'login') ?? ''}, who is assigned to the app.`,
      expected: nameIdFor(template, person),
      actual: nameId,
    })
  else if (byName) {
    const expected = nameIdFor(template, byName)
    checks.push({
      id: 'name-id',
      title: 'NameID',
      status: 'fail',
      summary: expected
        ? `For ${str(byName, 'profile', 'login') ?? ''} the app's template (${template ?? '${user.login}'}) gives ${expected}, not the NameID sent.`
        : `The app's template (${template ?? '${user.login}'}) gives nothing for ${str(byName, 'profile', 'login') ?? ''}: the attribute is empty.`,
      expected: expected ?? '(empty)',
      actual: nameId,
      ...(expected ? {} : { rule: 'saml-nameid-source-empty' as const }),
      ...fix([
        'Okta › the app › SAML Settings: check the Name ID template, or fill the attribute it reads on the user.',
      ]),
    })
  } else
    checks.push({
      id: 'name-id',
      title: 'NameID',
      status: 'warn',
      summary: 'No Okta user assigned to the app has this NameID.',
      expected: template ?? '${user.login}',
      actual: nameId,
    })
  const okta = person ?? byName
  return report('saml-app', checks, {
    target: { label, subject: oktaAppSubject(app) },
    ...judgedAt,
    people: peopleOf(index, okta ? { okta } : {}),
  })
}
