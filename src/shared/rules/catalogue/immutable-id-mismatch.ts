/**
 * immutable-id-mismatch — the ImmutableID Okta sends for a user (Office 365 app user
 * `profile.immutableId`) differs from Entra's `onPremisesImmutableId` of the same
 * person (found by the O365 username = UPN, else Okta login = UPN, else email = mail),
 * or Entra has none for a user on a federated domain. Entra answers AADSTS51004
 * (UserAccountNotInDirectory).
 * Reads: okta.apps, okta.appUsers, okta.users, entra.users.
 * False positives: none known; app users without a visible Entra counterpart are
 * skipped. Comparison is exact (base64 is case-sensitive).
 */
import type { Finding } from '../../model'
import { type Rec, asText, domainOf, isRec, norm, str } from '../../util/access'
import { LINKS } from '../links'
import { type Rule, makeFinding } from '../rule'
import { entraUserSubject, office365Apps, oktaAppSubject, oktaUserSubject } from '../../compare/seam'

export const immutableIdMismatch: Rule = {
  id: 'immutable-id-mismatch',
  title: "Okta's ImmutableID differs from Entra's onPremisesImmutableId",
  category: 'attribute-mapping',
  severity: 'high',
  reads: ['okta.apps', 'okta.appUsers', 'entra.users'],
  evaluate(snapshot, ctx) {
    const findings: Finding[] = []
    const { entraByUpn, entraByMail, oktaById } = ctx.index
    for (const app of office365Apps(ctx.index)) {
      const appId = str(app, 'id') ?? ''
      for (const au of snapshot.okta?.appUsers?.[appId] ?? []) {
        const profile = au['profile']
        const oktaValue = asText(isRec(profile) ? profile['immutableId'] : undefined)
        if (!oktaValue) continue
        // the person is found by name, not by the value under test
        let okta: Rec | undefined
        const credentials = au['credentials']
        const entra =
          entraByUpn.one(norm(isRec(credentials) ? credentials['userName'] : undefined)) ??
          entraByUpn.one(
            norm(str((okta = oktaById.get(str(au, 'id') ?? '')), 'profile', 'login')),
          ) ??
          entraByMail.one(norm(str(okta, 'profile', 'email')))
        if (!entra) continue
        const entraValue = asText(entra['onPremisesImmutableId'])
        if (entraValue === oktaValue) continue
        okta ??= oktaById.get(str(au, 'id') ?? '')
        const upn = str(entra, 'userPrincipalName')
        if (!entraValue && ctx.index.domainAuthentication(domainOf(upn)) !== 'federated') continue
        findings.push(
          makeFinding(immutableIdMismatch, {
            title: `ImmutableID of ${upn ?? str(entra, 'id')} differs between Okta and Entra`,
            detail: entraValue
              ? `Okta sends ImmutableID "${oktaValue}" but Entra holds "${entraValue}"; Entra finds no user with Okta's value and answers AADSTS51004.`
              : `Okta sends ImmutableID "${oktaValue}" but the Entra user on a federated domain has none; Entra answers AADSTS51004.`,
            subjects: [
              entraUserSubject(entra),
              okta
                ? oktaUserSubject(okta)
                : { source: 'okta', type: 'user', id: str(au, 'id') ?? '' },
              oktaAppSubject(app),
            ],
            evidence: {
              entra: {
                userId: str(entra, 'id'),
                userPrincipalName: upn,
                onPremisesImmutableId: entraValue ?? null,
              },
              okta: {
                userId: str(au, 'id'),
                appId,
                userName: str(au, 'credentials', 'userName') ?? null,
                immutableId: oktaValue,
              },
              aadsts: ['51004'],
            },
            steps: [
              `Decide which value is right: for AD-synced users it is base64(objectGUID or ms-DS-ConsistencyGuid) as Entra Connect computed it (Entra admin center › Users › ${upn ?? 'user'} › Properties › On-premises immutable ID).`,
              `Okta Admin Console › Applications › Microsoft Office 365 › Assignments › ${str(au, 'credentials', 'userName') ?? 'user'} › Edit: set Immutable ID (or fix the mapping expression so it yields Entra's value).`,
              `API: POST {orgUrl}/api/v1/apps/${appId}/users/${str(au, 'id')} {"profile":{"immutableId":"${entraValue ?? '<value>'}"}}; changing Entra's value for a federated user requires moving its UPN to a managed domain first (PATCH /v1.0/users/{id} onPremisesImmutableId).`,
            ],
            links: [LINKS.oktaOffice365, LINKS.oktaAppUsers, LINKS.aadstsCodes],
          }),
        )
      }
    }
    return findings
  },
}
