/**
 * immutable-id-mismatch — the ImmutableID Okta sends for a person (the Office 365 app
 * user's `profile.immutableId`) differs from Entra's `onPremisesImmutableId` of the
 * same person — the one the join names for the Okta user (see compare/join.ts; where
 * the ImmutableID differs, the username, login or email decides), or by name when the
 * Okta user was not collected — or Entra has none for a person on a
 * federated domain. Entra answers AADSTS51004 (UserAccountNotInDirectory), or signs the
 * person into the account whose ImmutableID Okta's value is. One finding per Office 365
 * app, listing every person.
 * Reads: okta.apps, okta.appUsers, okta.users, entra.users; entra.domains when collected
 * (a blank Entra value matters only on a federated domain).
 * Population: ACTIVE Office 365 apps; app users whose Okta user can sign in, matched to
 * an enabled Entra person. Comparison is exact (base64 is case-sensitive); a value that
 * is the AD GUID as text where Entra holds its base64 form is said so.
 * False positives: none known; app users without a visible Entra counterpart are skipped.
 */
import type { Comparison, Finding, Subject } from '../../model'
import { type Rec, asText, domainOf, isRec, norm, str } from '../../util/access'
import { LINKS } from '../links'
import { PopulationCounter } from '../../compare/population'
import { entraClassOf, entraClasses, oktaClasses } from '../../compare/people'
import { appAssignments } from '../../compare/app-users'
import { peopleJoin } from '../../compare/join'
import { CLASS_REASONS } from '../../compare/population'
import { capSubjects, defineRule, makeFinding } from '../rule'
import { guidImmutableId } from '../../util/guid'
import {
  activeOffice365Apps,
  entraUserSubject,
  oktaAppSubject,
  oktaUserSubject,
} from '../../compare/seam'
import type { SnapshotIndex } from '../../compare/snapshot-index'

/** The Entra person an Office 365 app user names, found by name (not by the value under test). */
function entraByName(index: SnapshotIndex, au: Rec, okta: Rec | undefined): Rec | undefined {
  const credentials = au['credentials']
  return (
    index.entraByUpn.one(norm(isRec(credentials) ? credentials['userName'] : undefined)) ??
    index.entraByUpn.one(norm(str(okta, 'profile', 'login'))) ??
    index.entraByMail.one(norm(str(okta, 'profile', 'email')))
  )
}

export const immutableIdMismatch = defineRule({
  id: 'immutable-id-mismatch',
  title: "Okta's ImmutableID differs from Entra's onPremisesImmutableId",
  category: 'attribute-mapping',
  severity: 'high',
  reads: ['okta.apps', 'okta.appUsers', 'entra.users'],
  optionalReads: ['okta.users', 'entra.domains'],
  evaluate(snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    const { entraByImmutableId } = ctx.index
    const join = peopleJoin(ctx.index)
    const classes = entraClasses(ctx.index)
    const oktaClass = oktaClasses(ctx.index)
    for (const app of activeOffice365Apps(ctx.index)) {
      const appId = str(app, 'id') ?? ''
      const counter = new PopulationCounter(
        'Office 365 app users matched by name to an Entra person',
      )
      const subjects: Subject[] = []
      const comparisons: Comparison[] = []
      let total = 0
      let elsewhere = 0
      let guidText = 0
      const assignments = appAssignments(ctx.index, appId)
      for (let k = 0; k < assignments.list.length; k++) {
        const au = assignments.list[k] as Rec
        const profile = au['profile']
        const oktaValue = asText(isRec(profile) ? profile['immutableId'] : undefined)
        if (!oktaValue) continue
        const okta = assignments.okta[k]
        const row = assignments.row[k] as number
        const cls = row >= 0 ? (oktaClass[row] ?? 'person') : 'person'
        if (cls !== 'person') {
          counter.leaveOut(CLASS_REASONS[cls])
          continue
        }
        // the person the join names for this Okta user (the strongest key that decides), else by name
        const j = okta && row >= 0 ? row : undefined
        const i = j === undefined ? -1 : (join.entraOf[j] as number)
        const entra =
          j === undefined
            ? entraByName(ctx.index, au, okta)
            : i >= 0 && i < join.entraDeletedFrom
              ? (join.entra[i] as Rec)
              : undefined
        if (!entra) continue
        const entraCls = i >= 0 ? (classes[i] ?? 'person') : entraClassOf(ctx.index, entra)
        if (entraCls !== 'person') {
          counter.leaveOut(CLASS_REASONS[entraCls])
          continue
        }
        counter.judge()
        const entraValue = asText(entra['onPremisesImmutableId'])
        if (entraValue === oktaValue) continue
        const upn = str(entra, 'userPrincipalName')
        if (!entraValue && ctx.index.domainAuthentication(domainOf(upn)) !== 'federated') continue
        const owner = entraByImmutableId.one(oktaValue.toLowerCase())
        const other =
          owner && owner !== entra && owner['onPremisesImmutableId'] === oktaValue
            ? owner
            : undefined
        if (other) elsewhere++
        const guidAsText = entraValue !== undefined && guidImmutableId(oktaValue) === entraValue
        if (guidAsText) guidText++
        total++
        if (subjects.length < ctx.thresholds.maxSubjects)
          subjects.push(
            entraUserSubject(entra),
            okta
              ? oktaUserSubject(okta)
              : { source: 'okta', type: 'user', id: str(au, 'id') ?? '' },
          )
        if (comparisons.length < 20)
          comparisons.push({
            entra: { type: 'user', id: str(entra, 'id') ?? '', name: upn },
            okta: {
              type: 'user',
              id: str(au, 'id') ?? '',
              name: str(au, 'credentials', 'userName') ?? str(okta, 'profile', 'login'),
            },
            pairs: [
              {
                label: 'ImmutableID',
                entra: { attribute: 'onPremisesImmutableId', value: entraValue ?? null },
                okta: { attribute: 'Office 365 app user profile.immutableId', value: oktaValue },
                verdict: entraValue ? 'different' : 'missing-entra',
                ...(entraValue && entraValue.toLowerCase() === oktaValue.toLowerCase()
                  ? { note: 'the values differ only in letter case, which Entra does not forgive' }
                  : guidAsText
                    ? {
                        note: `Okta sends the GUID ${oktaValue.trim()} as text; Entra holds its base64 form`,
                      }
                    : other
                      ? {
                          note: `Okta's value is the ImmutableID of ${str(other, 'userPrincipalName') ?? str(other, 'id')}`,
                        }
                      : {}),
              },
            ],
          })
      }
      if (total === 0) continue
      findings.push(
        makeFinding(immutableIdMismatch, {
          severity: elsewhere ? 'critical' : 'high',
          cause: appId,
          title: `ImmutableID of ${total} ${total === 1 ? 'person differs' : 'people differs'} between Okta's "${str(app, 'label') ?? 'Office 365'}" and Entra${elsewhere ? ` (${elsewhere} pointing at another account)` : ''}`,
          detail: `Okta sends an ImmutableID that is not the person's onPremisesImmutableId in Entra, so Entra finds no user (AADSTS51004)${elsewhere ? ', or, where the value is another person\u2019s, signs them into that account' : ''}. ${guidText ? ` ${guidText === total ? 'Each' : `${guidText} of them`} sends the AD GUID as text where Entra holds its base64 form (base64 of the GUID's 16 bytes, as Entra Connect writes it): the mapping or the value was entered as the GUID.` : " Usually the Office 365 app's immutableId mapping reads a different source anchor than Entra Connect (objectGUID vs ms-DS-ConsistencyGuid), or the person was re-created on one side."}`,
          subjects: [oktaAppSubject(app), ...capSubjects(subjects, ctx.thresholds.maxSubjects)],
          evidence: {
            okta: { appId },
            total,
            anotherAccount: elsewhere,
            guidAsText: guidText,
            comparisons,
            population: counter.summary(),
            aadsts: ['51004'],
          },
          steps: [
            'Decide which value is right: for AD-synced users it is base64(objectGUID or ms-DS-ConsistencyGuid) as Entra Connect computed it (Entra admin center › Users › user › Properties › On-premises immutable ID).',
            `Okta Admin Console › Applications › ${str(app, 'label') ?? 'Microsoft Office 365'} › Assignments › user › Edit: set Immutable ID, or fix the Profile Editor mapping so it yields Entra's value for everyone.`,
            `API: POST {orgUrl}/api/v1/apps/${appId}/users/{userId} {"profile":{"immutableId":"<Entra's value>"}}; changing Entra's value for a federated user requires moving its UPN to a managed domain first (PATCH /v1.0/users/{id} onPremisesImmutableId).`,
          ],
          links: [LINKS.oktaOffice365, LINKS.oktaAppUsers, LINKS.aadstsCodes],
        }),
      )
    }
    return findings
  },
})
