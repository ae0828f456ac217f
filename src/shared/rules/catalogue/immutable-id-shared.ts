/**
 * immutable-id-shared — one ImmutableID held by the Office 365 app users of several Okta
 * users. Entra identifies a WS-Fed sign-in by that value alone, so every one of these
 * people lands in the same Entra account (the one whose onPremisesImmutableId it is), or
 * all fail with AADSTS51004 when no account holds it. Typical causes: a mapping that
 * yields a constant, or a person re-created in Okta while the old account kept its
 * assignment. One finding per shared value.
 * Reads: okta.apps, okta.appUsers; okta.users and entra.users when collected (to leave
 * out deactivated Okta users and to name the Entra account the value reaches).
 * Population: assignments of ACTIVE Office 365 apps that are not unassigned or
 * deprovisioned, of Okta users that are not deactivated.
 * False positives: none known; the comparison is exact (base64 is case-sensitive).
 */
import type { Finding, Subject } from '../../model'
import { type Rec, asText, isRec, str } from '../../util/access'
import { LINKS } from '../links'
import { isRemovedAssignment } from '../../compare/app-users'
import { officeKeys } from '../../compare/join'
import { capSubjects, defineRule, makeFinding } from '../rule'
import {
  activeOffice365Apps,
  entraUserSubject,
  oktaAppSubject,
  oktaUserSubject,
} from '../../compare/seam'

export const immutableIdShared = defineRule({
  id: 'immutable-id-shared',
  title: 'One ImmutableID is sent for several Okta users',
  category: 'duplicate',
  severity: 'critical',
  reads: ['okta.apps', 'okta.appUsers'],
  optionalReads: ['okta.users', 'entra.users'],
  evaluate(snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    // the values several Okta users hold in any Office 365 app: almost always none
    // (the join's key index knows only app users of collected Okta users)
    const known = snapshot.okta?.users !== undefined
    const shared = new Set<string>()
    for (const [value] of officeKeys(ctx.index).byImmutableId.duplicates()) shared.add(value)
    if (known && shared.size === 0) return findings
    const deactivated = new Set(ctx.index.oktaDeprovisioned.map((u) => u['id']))
    for (const app of activeOffice365Apps(ctx.index)) {
      const appId = str(app, 'id') ?? ''
      const byValue = new Map<string, Rec[]>()
      for (const au of snapshot.okta?.appUsers?.[appId] ?? []) {
        const profile = au['profile']
        const value = asText(isRec(profile) ? profile['immutableId'] : undefined)
        if (!value || (known && !shared.has(value))) continue
        if (isRemovedAssignment(au) || deactivated.has(au['id'])) continue
        const list = byValue.get(value)
        if (list) list.push(au)
        else byValue.set(value, [au])
      }
      for (const [value, appUsers] of byValue) {
        const ids = new Set(appUsers.map((au) => au['id']))
        if (ids.size < 2) continue
        const owner = ctx.index.entraByImmutableId
          .get(value.toLowerCase())
          ?.find((u) => u['onPremisesImmutableId'] === value)
        const people: Subject[] = appUsers.map((au) => {
          const okta = ctx.index.oktaById.get(str(au, 'id') ?? '')
          return okta
            ? oktaUserSubject(okta)
            : {
                source: 'okta',
                type: 'user',
                id: str(au, 'id') ?? '',
                name: str(au, 'credentials', 'userName'),
              }
        })
        findings.push(
          makeFinding(immutableIdShared, {
            cause: `${appId}:${value}`,
            title: `${ids.size} Okta users send the same ImmutableID ${value} to Entra`,
            detail: `The "${str(app, 'label') ?? 'Office 365'}" app users of ${people
              .slice(0, 5)
              .map((p) => p.name ?? p.id)
              .join(', ')}${people.length > 5 ? '…' : ''} all carry ImmutableID ${value}. ${
              owner
                ? `Entra signs every one of them into ${str(owner, 'userPrincipalName') ?? str(owner, 'id')}, the account that holds this value.`
                : 'No Entra account holds this value, so all of them fail with AADSTS51004.'
            }`,
            subjects: [
              oktaAppSubject(app),
              ...capSubjects(people, ctx.thresholds.maxSubjects),
              ...(owner ? [entraUserSubject(owner)] : []),
            ],
            evidence: {
              okta: {
                appId,
                immutableId: value,
                appUsers: appUsers.slice(0, 20).map((au) => ({
                  id: str(au, 'id') ?? null,
                  userName: str(au, 'credentials', 'userName') ?? null,
                  status: str(au, 'status') ?? null,
                })),
              },
              entra: owner
                ? {
                    userId: str(owner, 'id'),
                    userPrincipalName: str(owner, 'userPrincipalName') ?? null,
                  }
                : null,
              total: ids.size,
              aadsts: owner ? [] : ['51004'],
            },
            steps: [
              `Okta Admin Console › Applications › ${str(app, 'label') ?? 'Microsoft Office 365'} › Assignments: open each user listed and set the Immutable ID that Entra holds for that person (Entra admin center › Users › user › Properties › On-premises immutable ID).`,
              'Okta Admin Console › Directory › Profile Editor › the Office 365 app › Mappings: check that immutableId comes from a per-person source (the recommended expression is hasDirectoryUser()?findDirectoryUser().externalId:user.getInternalProperty("id")).',
              `API: POST {orgUrl}/api/v1/apps/${appId}/users/{userId} {"profile":{"immutableId":"…"}} for each user.`,
            ],
            links: [LINKS.oktaOffice365, LINKS.oktaAppUsers, LINKS.aadstsCodes],
          }),
        )
      }
    }
    return findings
  },
})
