/**
 * office365-immutable-id-missing — the Okta Office 365 app sends no ImmutableID: its
 * Okta-to-app profile mapping has no (or a blank) `immutableId` expression, or
 * assigned app users have a blank `profile.immutableId`. Entra rejects the WS-Fed
 * token: AADSTS90020 (SAML 1.1 assertion missing ImmutableID) / "Your account has not
 * been configured for this application".
 * Reads: okta.apps, okta.mappings, okta.appUsers.
 * False positives: a mapping list without this app's mapping is not reported (the
 * collector may have skipped it); deprovisioned app users are ignored.
 */
import type { Finding, Subject } from '../../model'
import { type Rec, norm, str, text } from '../../util/access'
import { LINKS } from '../links'
import { type Rule, capSubjects, makeFinding } from '../rule'
import { office365Apps, oktaAppSubject, oktaUserSubject } from '../../compare/seam'

const RECOMMENDED =
  'hasDirectoryUser()?findDirectoryUser().externalId:user.getInternalProperty("id")'

function appMapping(mappings: Rec[], appId: string): Rec | undefined {
  return mappings.find(
    (m) => str(m, 'target', 'id') === appId && norm(str(m, 'source', 'type')) === 'user',
  )
}

export const office365ImmutableIdMissing: Rule = {
  id: 'office365-immutable-id-missing',
  title: 'Office 365 app sends no ImmutableID',
  category: 'attribute-mapping',
  severity: 'critical',
  reads: ['okta.apps', 'okta.appUsers'],
  evaluate(snapshot, ctx) {
    const findings: Finding[] = []
    const steps = (label: string, appId: string) => [
      `Okta Admin Console › Directory › Profile Editor › ${label} (Microsoft Office 365 User) › Mappings › Okta User to ${label}: map immutableId from ${RECOMMENDED}; save and apply to all users.`,
      "Entra: compare with the users' onPremisesImmutableId (Entra admin center › Users › user › Properties › On-premises immutable ID).",
      `API: POST {orgUrl}/api/v1/mappings/{mappingId} {"properties":{"immutableId":{"expression":"${RECOMMENDED.replace(/"/g, '\\"')}","pushStatus":"PUSH"}}} for the mapping whose target is app ${appId}.`,
    ]
    for (const app of office365Apps(ctx.index)) {
      const appId = str(app, 'id') ?? ''
      const label = str(app, 'label') ?? 'Microsoft Office 365'
      const mapping = snapshot.okta?.mappings
        ? appMapping(snapshot.okta.mappings, appId)
        : undefined
      if (mapping) {
        const expression = text(mapping, 'properties', 'immutableId', 'expression')
        if (!expression || expression === 'null') {
          findings.push(
            makeFinding(office365ImmutableIdMissing, {
              title: `Office 365 app "${label}" has no ImmutableID mapping`,
              detail: `The Okta-to-${label} profile mapping ${str(mapping, 'id') ?? ''} ${expression ? 'maps immutableId to null' : 'does not map immutableId'}. Okta then sends WS-Fed tokens without ImmutableID and Entra answers AADSTS90020.`,
              subjects: [
                oktaAppSubject(app),
                { source: 'okta', type: 'mapping', id: str(mapping, 'id') ?? '' },
              ],
              key: `${appId}:mapping`,
              evidence: {
                okta: {
                  appId,
                  mappingId: str(mapping, 'id'),
                  immutableIdExpression: expression ?? null,
                  recommended: RECOMMENDED,
                },
                entra: { expects: 'onPremisesImmutableId of the user' },
                aadsts: ['90020'],
              },
              steps: steps(label, appId),
              links: [LINKS.oktaOffice365, LINKS.oktaMappings, LINKS.aadstsCodes],
            }),
          )
        }
      }
      const blank: Subject[] = []
      for (const au of snapshot.okta?.appUsers?.[appId] ?? []) {
        if (/^(DEPROVISIONED|UNASSIGNED|REVOKED|INACTIVE)$/i.test(str(au, 'status') ?? '')) continue
        if (text(au, 'profile', 'immutableId')) continue
        const user = ctx.index.oktaById.get(str(au, 'id') ?? '')
        blank.push(
          user
            ? oktaUserSubject(user)
            : {
                source: 'okta',
                type: 'user',
                id: str(au, 'id') ?? '',
                name: text(au, 'credentials', 'userName'),
              },
        )
      }
      if (blank.length) {
        findings.push(
          makeFinding(office365ImmutableIdMissing, {
            severity: 'high',
            title: `${blank.length} ${label} user${blank.length === 1 ? ' has' : 's have'} a blank ImmutableID`,
            detail: `These app users carry no immutableId, so their Office 365 sign-in fails with AADSTS90020 ("Your account has not been configured for this application").`,
            subjects: [oktaAppSubject(app), ...capSubjects(blank, ctx.thresholds.maxSubjects)],
            key: `${appId}:users`,
            evidence: { okta: { appId, total: blank.length }, aadsts: ['90020'] },
            steps: steps(label, appId),
            links: [LINKS.oktaOffice365, LINKS.oktaAppUsers, LINKS.aadstsCodes],
          }),
        )
      }
    }
    return findings
  },
}
