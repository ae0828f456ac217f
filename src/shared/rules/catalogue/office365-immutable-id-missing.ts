/**
 * office365-immutable-id-missing — the Okta Office 365 app sends no ImmutableID: its
 * Okta-to-app profile mapping has no (or a blank) `immutableId` expression, or builds it
 * from an attribute that changes (email, login, names) instead of the AD source anchor,
 * or assigned app users have a blank `profile.immutableId`. Entra rejects the WS-Fed
 * token: AADSTS90020 (SAML 1.1 assertion missing ImmutableID) / "Your account has not
 * been configured for this application".
 * Reads: okta.apps, okta.appUsers; okta.mappings, okta.users, entra.users and
 * entra.domains when collected.
 * Population: ACTIVE Office 365 apps. A blank app user is judged when its Okta user can
 * sign in and its Entra account (found by the app username) is an enabled person on a
 * federated domain: Okta fills a blank value itself for people it creates in Entra, so
 * a blank value matters only where Entra already expects one.
 * False positives: a mapping list without this app's mapping is not reported (the
 * collector may have skipped it).
 */
import type { Finding, Subject } from '../../model'
import { type Rec, domainOf, norm, str, text } from '../../util/access'
import {
  CLASS_REASONS,
  PopulationCounter,
  classifyEntraUser,
  classifyOktaUser,
} from '../../compare/population'
import type { SnapshotIndex } from '../../compare/snapshot-index'
import { LINKS } from '../links'
import { isEnabledAssignment } from '../../compare/app-users'
import { capSubjects, defineRule, makeFinding } from '../rule'
import {
  activeOffice365Apps,
  office365Domains,
  oktaAppSubject,
  oktaUserSubject,
} from '../../compare/seam'

const RECOMMENDED =
  'hasDirectoryUser()?findDirectoryUser().externalId:user.getInternalProperty("id")'

function appMapping(mappings: Rec[], appId: string): Rec | undefined {
  return mappings.find(
    (m) => str(m, 'target', 'id') === appId && norm(str(m, 'source', 'type')) === 'user',
  )
}

/** Okta user attributes a person's life changes: an ImmutableID drawn from one breaks on change. */
const MUTABLE =
  /\buser\.(email|login|secondEmail|firstName|lastName|displayName|nickName|userName|mobilePhone|title|department)\b/
/** What a source anchor is read from: the AD object's GUID (externalId), an explicit anchor attribute. */
const ANCHOR = /externalId|objectGUID|ConsistencyGuid|immutable|getInternalProperty\(\s*"id"\s*\)/i

/** The mutable attribute an immutableId expression is built from, or undefined. */
export function mutableSource(expression: string): string | undefined {
  if (ANCHOR.test(expression)) return undefined
  return MUTABLE.exec(expression)?.[0]
}

/** Why a blank app user is not judged, or undefined when it is. */
function leftOut(index: SnapshotIndex, au: Rec, okta: Rec | undefined): string | undefined {
  if (okta && classifyOktaUser(okta) !== 'person') return CLASS_REASONS[classifyOktaUser(okta)]
  const upn = norm(str(au, 'credentials', 'userName'))
  const entra = upn ? index.entraByUpn.one(upn) : undefined
  if (!entra) return 'app users with no Entra account yet (Okta creates it, with an ImmutableID)'
  const cls = classifyEntraUser(entra)
  if (cls !== 'person') return CLASS_REASONS[cls]
  if (index.domainAuthentication(domainOf(upn)) !== 'federated')
    return 'people on a managed domain (their sign-in does not use the ImmutableID)'
  return undefined
}

export const office365ImmutableIdMissing = defineRule({
  id: 'office365-immutable-id-missing',
  title: 'Office 365 app sends no ImmutableID',
  category: 'attribute-mapping',
  severity: 'critical',
  reads: ['okta.apps', 'okta.appUsers'],
  optionalReads: ['okta.mappings', 'okta.users', 'entra.users', 'entra.domains'],
  evaluate(snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    const steps = (label: string, appId: string) => [
      `Okta Admin Console › Directory › Profile Editor › ${label} (Microsoft Office 365 User) › Mappings › Okta User to ${label}: map immutableId from ${RECOMMENDED}; save and apply to all users.`,
      "Entra: compare with the users' onPremisesImmutableId (Entra admin center › Users › user › Properties › On-premises immutable ID).",
      `API: POST {orgUrl}/api/v1/mappings/{mappingId} {"properties":{"immutableId":{"expression":"${RECOMMENDED.replace(/"/g, '\\"')}","pushStatus":"PUSH"}}} for the mapping whose target is app ${appId}.`,
    ]
    for (const app of activeOffice365Apps(ctx.index)) {
      const appId = str(app, 'id') ?? ''
      const label = str(app, 'label') ?? 'Microsoft Office 365'
      const mapping = snapshot.okta?.mappings
        ? appMapping(snapshot.okta.mappings, appId)
        : undefined
      if (mapping) {
        const expression = text(mapping, 'properties', 'immutableId', 'expression')
        const mutable = expression ? mutableSource(expression) : undefined
        if (expression && mutable) {
          const federated = office365Domains(app).some(
            (d) => ctx.index.domainAuthentication(d) === 'federated',
          )
          findings.push(
            makeFinding(office365ImmutableIdMissing, {
              severity: federated ? 'high' : 'medium',
              title: `Office 365 app "${label}" builds the ImmutableID from ${mutable}, which changes`,
              detail: `The Okta-to-${label} profile mapping ${str(mapping, 'id') ?? ''} maps immutableId from \`${expression}\`. An ImmutableID must be the source anchor Entra holds as onPremisesImmutableId (base64 of the AD objectGUID or ms-DS-ConsistencyGuid), which never changes. Every assignment and profile push now sends a value Entra does not know, so those people's sign-in fails with AADSTS51004${federated ? ' on the federated domain' : ''}, and a rename or new address breaks it again.`,
              subjects: [
                oktaAppSubject(app),
                { source: 'okta', type: 'mapping', id: str(mapping, 'id') ?? '' },
              ],
              cause: `${appId}:mutable-source`,
              evidence: {
                okta: {
                  appId,
                  mappingId: str(mapping, 'id'),
                  immutableIdExpression: expression,
                  mutableAttribute: mutable,
                  recommended: RECOMMENDED,
                },
                entra: { expects: 'onPremisesImmutableId of the user' },
                aadsts: ['51004'],
              },
              steps: steps(label, appId),
              links: [LINKS.oktaOffice365, LINKS.oktaMappings, LINKS.aadstsCodes],
            }),
          )
        }
        if (!expression || expression === 'null') {
          findings.push(
            makeFinding(office365ImmutableIdMissing, {
              severity: office365Domains(app).some(
                (d) => ctx.index.domainAuthentication(d) === 'federated',
              )
                ? 'critical'
                : 'medium',
              title: `Office 365 app "${label}" has no ImmutableID mapping`,
              detail: `The Okta-to-${label} profile mapping ${str(mapping, 'id') ?? ''} ${expression ? 'maps immutableId to null' : 'does not map immutableId'}. Okta then sends WS-Fed tokens without ImmutableID and Entra answers AADSTS90020.`,
              subjects: [
                oktaAppSubject(app),
                { source: 'okta', type: 'mapping', id: str(mapping, 'id') ?? '' },
              ],
              cause: `${appId}:mapping`,
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
      const counter = new PopulationCounter(
        'app users whose Okta and Entra accounts can sign in, on a federated domain',
      )
      for (const au of snapshot.okta?.appUsers?.[appId] ?? []) {
        if (!isEnabledAssignment(au)) continue
        if (text(au, 'profile', 'immutableId')) continue
        const user = ctx.index.oktaById.get(str(au, 'id') ?? '')
        const reason = leftOut(ctx.index, au, user)
        if (reason) {
          counter.leaveOut(reason)
          continue
        }
        counter.judge()
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
            cause: `${appId}:users`,
            evidence: {
              okta: { appId },
              total: blank.length,
              population: counter.summary(),
              aadsts: ['90020'],
            },
            steps: steps(label, appId),
            links: [LINKS.oktaOffice365, LINKS.oktaAppUsers, LINKS.aadstsCodes],
          }),
        )
      }
    }
    return findings
  },
})
