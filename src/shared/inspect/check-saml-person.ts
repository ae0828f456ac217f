/**
 * The person checks of a SAML message for Entra: the NameID (present; persistent in SAML
 * 2.0), the immutable ID it carries against Entra's `onPremisesImmutableId` (one holder, the
 * person the UPN names), and the UPN claim against that user's userPrincipalName.
 */
import type { SnapshotIndex } from '../compare/snapshot-index'
import type { DomainFederation } from '../rules/federation'
import { type Rec, norm, str } from '../util/access'
import type { SamlArtefact } from './artefact'
import { entraByImmutableId } from './common'
import type { InspectCheck } from './report'

export const UPN_CLAIMS = ['http://schemas.xmlsoap.org/claims/UPN', 'IDPEmail', 'UPN']
export const IMMUTABLE_CLAIM = 'http://schemas.microsoft.com/LiveID/Federation/2008/05/ImmutableID'
const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'

/** An attribute's first value, by full name (`namespace/name`) or bare name. */
export function attributeValue(
  artefact: SamlArtefact,
  names: readonly string[],
): string | undefined {
  for (const a of artefact.assertion.attributes) {
    const full = a.namespace ? `${a.namespace.replace(/\/+$/, '')}/${a.name}` : a.name
    if (
      names.some(
        (n) => n.toLowerCase() === full.toLowerCase() || n.toLowerCase() === a.name.toLowerCase(),
      )
    )
      return a.values[0]
  }
  return undefined
}

/** NameID, immutable ID and UPN against the person in both directories. */
export function personChecks(
  artefact: SamlArtefact,
  index: SnapshotIndex,
  ctx: {
    f: DomainFederation | undefined
    app: Rec | undefined
    appFix: (steps: string[]) => Pick<InspectCheck, 'fix'>
    upnClaim: string | undefined
    saml2: boolean
  },
): InspectCheck[] {
  const a = artefact.assertion
  const checks: InspectCheck[] = []
  const immutable = a.nameId?.value ?? attributeValue(artefact, [IMMUTABLE_CLAIM, 'ImmutableID'])
  const mappingFix = ctx.appFix([
    'Okta Admin Console › Directory › Profile Editor › Mappings (Okta User → Microsoft Office 365): map immutableId from the user’s AD objectGUID, e.g. hasDirectoryUser() ? findDirectoryUser().externalId : user.getInternalProperty("id"), then push the users again.',
  ])
  if (!a.nameId) {
    checks.push({
      id: 'name-id',
      title: 'NameID (immutable ID)',
      status: 'fail',
      summary: `The assertion carries no ${ctx.saml2 ? 'NameID' : 'NameIdentifier'}: Entra cannot tell who signs in (AADSTS90020).`,
      expected: "the person's onPremisesImmutableId",
      actual: '(missing)',
      aadsts: '90020',
      rule: 'office365-immutable-id-missing',
      ...mappingFix,
    })
  } else if (ctx.saml2 && a.nameId.format !== PERSISTENT) {
    checks.push({
      id: 'name-id',
      title: 'NameID format',
      status: 'fail',
      summary: 'Entra accepts only the persistent NameID format for SAML 2.0 federation.',
      expected: PERSISTENT,
      actual: a.nameId.format ?? '(unspecified)',
      aadsts: '50008',
      ...ctx.appFix(['Okta: send the NameID in the persistent format, carrying the immutable ID.']),
    })
  } else {
    checks.push({
      id: 'name-id',
      title: ctx.saml2 ? 'NameID' : 'NameIdentifier',
      status: 'pass',
      summary: 'Present: it carries the immutable ID Entra looks the user up by.',
      actual: `${a.nameId.value}${a.nameId.format ? ` (${a.nameId.format})` : ''}`,
    })
  }
  const byUpn = ctx.upnClaim ? index.entraByUpn.one(norm(ctx.upnClaim)) : undefined
  if (!immutable) return [...checks, ...upnChecks(byUpn, ctx, index)]
  const holders = entraByImmutableId(index, immutable)
  const attribute = attributeValue(artefact, [IMMUTABLE_CLAIM, 'ImmutableID'])
  if (!ctx.saml2 && attribute !== undefined && a.nameId && attribute !== a.nameId.value)
    checks.push({
      id: 'immutable-id',
      title: 'ImmutableID attribute',
      status: 'warn',
      summary: 'The ImmutableID attribute and the NameIdentifier differ.',
      expected: a.nameId.value,
      actual: attribute,
    })
  if (holders.length === 1) {
    checks.push({
      id: 'immutable-id',
      title: 'Immutable ID',
      status: 'pass',
      summary: `Entra user ${str(holders[0], 'userPrincipalName') ?? ''} holds this onPremisesImmutableId.`,
      expected: immutable,
      actual: str(holders[0], 'onPremisesImmutableId'),
    })
  } else if (holders.length > 1) {
    checks.push({
      id: 'immutable-id',
      title: 'Immutable ID',
      status: 'fail',
      summary: `${holders.length} Entra users hold this onPremisesImmutableId; Entra cannot tell which one signs in.`,
      actual: immutable,
      aadsts: '51004',
      rule: 'immutable-id-shared',
    })
  } else {
    const own = byUpn ? str(byUpn, 'onPremisesImmutableId') : undefined
    checks.push({
      id: 'immutable-id',
      title: 'Immutable ID',
      status: 'fail',
      summary: byUpn
        ? own
          ? `No Entra user holds this immutable ID; ${str(byUpn, 'userPrincipalName')} (the UPN the assertion names) holds ${own}. Entra answers AADSTS51004.`
          : `No Entra user holds this immutable ID, and ${str(byUpn, 'userPrincipalName')} (the UPN the assertion names) has none. Entra answers AADSTS51004.`
        : 'No Entra user holds this immutable ID: Entra answers AADSTS51004 (user not in the directory).',
      expected: own ?? "an Entra user's onPremisesImmutableId",
      actual: immutable,
      aadsts: '51004',
      rule: byUpn && !own ? 'federated-user-no-immutable-id' : 'immutable-id-mismatch',
      ...ctx.appFix([
        "Make Okta's value equal Entra's: fix the Office 365 app user's immutableId (Okta › Microsoft Office 365 › Assignments, or the profile mapping), or, if Entra's is wrong, correct onPremisesImmutableId (move the UPN to a managed domain first).",
      ]),
    })
  }
  return [...checks, ...upnChecks(holders.length === 1 ? holders[0] : byUpn, ctx, index)]
}

function upnChecks(
  user: Rec | undefined,
  ctx: {
    appFix: (steps: string[]) => Pick<InspectCheck, 'fix'>
    upnClaim: string | undefined
    saml2: boolean
  },
  index: SnapshotIndex,
): InspectCheck[] {
  const name = ctx.saml2 ? 'IDPEmail' : 'UPN'
  if (!ctx.upnClaim)
    return [
      {
        id: 'upn',
        title: `${name} claim`,
        status: 'fail',
        summary: `The assertion carries no ${name} attribute; Entra needs the user's UPN in it.`,
        expected: "the person's userPrincipalName",
        actual: '(missing)',
        aadsts: '50008',
        ...ctx.appFix([
          `Okta: the Office 365 app sends ${name} from the app user's userName; check its username format and mapping.`,
        ]),
      },
    ]
  const upn = user ? str(user, 'userPrincipalName') : undefined
  if (!user || !upn)
    return [
      {
        id: 'upn',
        title: `${name} claim`,
        status: index.entraUsers.length ? 'info' : 'skip',
        summary: index.entraUsers.length
          ? 'No Entra user to compare it with.'
          : 'Entra users were not collected.',
        actual: ctx.upnClaim,
      },
    ]
  return [
    norm(upn) === norm(ctx.upnClaim)
      ? {
          id: 'upn',
          title: `${name} claim`,
          status: 'pass',
          summary: "It is the Entra user's userPrincipalName.",
          expected: upn,
          actual: ctx.upnClaim,
        }
      : {
          id: 'upn',
          title: `${name} claim`,
          status: 'warn',
          summary:
            "It is not the userPrincipalName of the Entra user the immutable ID names: Okta's username for the person and Entra's UPN have drifted apart.",
          expected: upn,
          actual: ctx.upnClaim,
          ...ctx.appFix([
            "Okta › Microsoft Office 365 › Assignments: correct the person's username to the Entra UPN (or fix the UPN in AD and let it sync).",
          ]),
        },
  ]
}
