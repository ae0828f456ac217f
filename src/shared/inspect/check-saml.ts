/**
 * Checks of a SAML message against the snapshot. A message for Entra (a WS-Federation result
 * with its SAML 1.1 assertion, or a SAML 2.0 response to a SAML-P federation) is checked the
 * way Entra reads it (api-facts §G; Microsoft's "expected inbound assertions" and "SAML 2.0
 * IdP" pages): issuer = the domain federation's issuerUri, signed with its signingCertificate
 * (or nextSigningCertificate), audience urn:federation:MicrosoftOnline, the NameID (persistent
 * in SAML 2.0) and ImmutableID attribute = the person's onPremisesImmutableId, the UPN (SAML
 * 1.1 `UPN`, SAML 2.0 `IDPEmail`) = their userPrincipalName, and the validity window at the
 * capture's time. A response for an Okta SAML app is checked against that app's settings.
 */
import { domainSubject, oktaAppSubject, wsFedKey } from '../compare/seam'
import type { SnapshotIndex } from '../compare/snapshot-index'
import type { Snapshot } from '../model'
import { type DomainFederation, domainFederations } from '../rules/federation'
import { type Rec, domainOf, norm, str, text } from '../util/access'
import type { InspectedMessage, SamlArtefact } from './artefact'
import { DEFAULT_SKEW_MS, entraByImmutableId, judgeAt, peopleOf, validityCheck } from './common'
import { type InspectCheck, type InspectReport, report } from './report'
import { signatureCheck } from './check-signature'
import { samlAppReport } from './check-saml-app'
import { IMMUTABLE_CLAIM, UPN_CLAIMS, attributeValue, personChecks } from './check-saml-person'

export const MICROSOFT_ONLINE = 'urn:federation:MicrosoftOnline'

/** True when the message is meant for Entra (Microsoft Online) rather than a SAML app. */
function isForEntra(artefact: SamlArtefact, snapshot: Snapshot, index: SnapshotIndex): boolean {
  if (artefact.container === 'wsfed' || artefact.assertion.version === '1.1') return true
  if (artefact.assertion.conditions.audiences.includes(MICROSOFT_ONLINE)) return true
  const matchedApps = artefact.signature.matched
    .filter((m) => m.kind === 'okta-app-key')
    .map((m) => m.id.split(':')[1])
  if (matchedApps.length > 0)
    return matchedApps.some((id) => {
      const app = index.oktaAppsById.get(id ?? '')
      return app !== undefined && /office365/i.test(str(app, 'name') ?? '')
    })
  return (
    artefact.signature.matched.some((m) => m.kind !== 'okta-app-key') ||
    domainFederations(snapshot, index).some(
      (f) => str(f.config, 'issuerUri') === artefact.assertion.issuer,
    )
  )
}

/** The federation the message is for: by issuer, by the person's domain, by the certificate that signed it. */
function targetFederation(
  artefact: SamlArtefact,
  federations: readonly DomainFederation[],
  upn: string | undefined,
): { federation: DomainFederation; by: 'issuer' | 'domain' | 'certificate' | 'only' } | undefined {
  const byIssuer = federations.find((f) => str(f.config, 'issuerUri') === artefact.assertion.issuer)
  if (byIssuer) return { federation: byIssuer, by: 'issuer' }
  const domain = domainOf(upn)
  const byDomain = domain ? federations.find((f) => f.domain === domain) : undefined
  if (byDomain) return { federation: byDomain, by: 'domain' }
  const signedBy = artefact.signature.matched.find((m) => m.kind.startsWith('federation'))
  const byCert = signedBy
    ? federations.find((f) => signedBy.id.endsWith(`:${f.domain}`))
    : undefined
  if (byCert) return { federation: byCert, by: 'certificate' }
  return federations.length === 1 && federations[0]
    ? { federation: federations[0], by: 'only' }
    : undefined
}

/** The checks of a SAML message; see the file header. */
export function checkSaml(
  message: InspectedMessage,
  artefact: SamlArtefact,
  snapshot: Snapshot,
  index: SnapshotIndex,
): InspectReport {
  if (!isForEntra(artefact, snapshot, index))
    return samlAppReport(message, artefact, snapshot, index)
  const a = artefact.assertion
  const saml2 = a.version === '2.0'
  const upnClaim = attributeValue(artefact, UPN_CLAIMS)
  const federations = domainFederations(snapshot, index)
  const target = targetFederation(artefact, federations, upnClaim)
  const f = target?.federation
  const fedLabel = f ? `Entra domain federation of ${f.domain}` : 'Entra domain federation'
  const fedFix = (steps: string[]) =>
    f ? { fix: { object: domainSubject(f.domain), label: fedLabel, steps } } : {}
  const app = f?.apps[0]
  const appFix = (steps: string[]) =>
    app
      ? {
          fix: {
            object: oktaAppSubject(app),
            label: `Okta app "${text(app, 'label') ?? 'Microsoft Office 365'}"`,
            steps,
          },
        }
      : {}
  const checks: InspectCheck[] = []
  checks.push(signatureCheck(artefact.signature, { federation: f, snapshot, app }))
  if (saml2 && artefact.signature.signedPart === 'assertion')
    checks.push({
      id: 'signed-part',
      title: 'Signed element',
      status: 'pass',
      summary: 'The assertion itself is signed, as Entra requires.',
    })
  if (saml2 && artefact.signature.signedPart === 'response')
    checks.push({
      id: 'signed-part',
      title: 'Signed element',
      status: 'fail',
      summary: 'Only the response is signed; Entra requires the assertion itself to be signed.',
      expected: 'a signature inside the Assertion',
      actual: 'a signature on the Response only',
      aadsts: '50008',
      ...appFix([
        'Okta Admin Console › the app › Sign On: sign the assertion (Assertion Signature: Signed).',
      ]),
    })

  // issuer
  const issuerUri = f ? str(f.config, 'issuerUri') : undefined
  if (!f)
    checks.push({
      id: 'issuer',
      title: 'Issuer',
      status: federations.length ? 'fail' : 'skip',
      summary: federations.length
        ? 'No domain federation has this issuer, and none serves the user’s domain.'
        : 'The snapshot holds no domain federation (not collected, or no domain is federated).',
      actual: a.issuer ?? '(none)',
      ...(federations.length
        ? { aadsts: '50107', rule: 'federation-issuer-mismatch' as const }
        : {}),
    })
  else if (a.issuer === issuerUri)
    checks.push({
      id: 'issuer',
      title: 'Issuer',
      status: 'pass',
      summary: `The issuer is the issuerUri of ${f.domain}'s federation.`,
      expected: issuerUri,
      actual: a.issuer,
    })
  else {
    const sameKey = wsFedKey(a.issuer) !== undefined && wsFedKey(a.issuer) === wsFedKey(issuerUri)
    checks.push({
      id: 'issuer',
      title: 'Issuer',
      status: 'fail',
      summary: sameKey
        ? `The issuer differs from ${f.domain}'s issuerUri only in spelling; Entra compares it exactly.`
        : `The issuer is not the issuerUri of ${f.domain}'s federation: Entra finds no federation for it (AADSTS50107).`,
      expected: issuerUri ?? '(the federation has no issuerUri)',
      actual: a.issuer ?? '(none)',
      aadsts: '50107',
      rule: 'federation-issuer-mismatch',
      ...fedFix([
        `Okta Admin Console › Applications › ${app ? (text(app, 'label') ?? 'Microsoft Office 365') : 'Microsoft Office 365'} › Sign On: "Re-run automatic setup" (WS-Federation), so Okta writes its issuer and sign-in URIs to Entra.`,
        `Or in Entra: Update-MgDomainFederationConfiguration -DomainId ${f.domain} -IssuerUri "${a.issuer ?? ''}" (only if this Okta app is the one that should sign ${f.domain} in).`,
      ]),
    })
  }

  // audience
  const audiences = a.conditions.audiences
  checks.push(
    audiences.includes(MICROSOFT_ONLINE)
      ? {
          id: 'audience',
          title: 'Audience',
          status: 'pass',
          summary: 'The audience is Microsoft Online.',
          expected: MICROSOFT_ONLINE,
          actual: audiences.join(', '),
        }
      : {
          id: 'audience',
          title: 'Audience',
          status: 'fail',
          summary:
            'Entra accepts only tokens for urn:federation:MicrosoftOnline; this one is for another relying party.',
          expected: MICROSOFT_ONLINE,
          actual: audiences.join(', ') || '(no audience restriction)',
          aadsts: '50008',
          ...appFix([
            'Okta Admin Console › Applications › Microsoft Office 365 › Sign On: clear any audience override, then "Re-run automatic setup".',
          ]),
        },
  )

  // protocol the federation expects
  const preferred = f ? norm(str(f.config, 'preferredAuthenticationProtocol')) : undefined
  if (preferred) {
    const sent = saml2 ? 'saml' : 'wsfed'
    checks.push(
      preferred === sent
        ? {
            id: 'protocol',
            title: 'Protocol',
            status: 'pass',
            summary: `${saml2 ? 'SAML 2.0' : 'WS-Federation'}, as the federation expects.`,
            expected: str(f?.config, 'preferredAuthenticationProtocol'),
            actual: saml2 ? 'SAML 2.0 (saml)' : 'WS-Federation (wsFed)',
          }
        : {
            id: 'protocol',
            title: 'Protocol',
            status: 'fail',
            summary: `The federation of ${f?.domain} expects ${preferred === 'saml' ? 'SAML 2.0' : 'WS-Federation'}; this is ${saml2 ? 'SAML 2.0' : 'WS-Federation'}.`,
            expected: str(f?.config, 'preferredAuthenticationProtocol'),
            actual: saml2 ? 'saml' : 'wsFed',
            aadsts: '50008',
            ...fedFix([
              'Make the Okta app and the domain federation use one protocol: re-run automatic setup in Okta, or set preferredAuthenticationProtocol on the federation.',
            ]),
          },
    )
  }
  checks.push(...personChecks(artefact, index, { f, app, appFix, upnClaim, saml2 }))
  const judged = judgeAt(message.capturedAt, a.issueInstant)
  checks.push(validityCheck(a.conditions, judged, DEFAULT_SKEW_MS, { aadsts: '500133' }))

  const people = personOf(artefact, index, upnClaim)
  return report(saml2 ? 'saml2-federation' : 'wsfed', checks, {
    ...(f
      ? {
          target: {
            label: `${fedLabel}${target.by === 'issuer' ? '' : ` (found by ${target.by})`}`,
            subject: domainSubject(f.domain),
          },
        }
      : {}),
    ...(judged ? { judgedAt: { at: judged.at.toISOString(), source: judged.source } } : {}),
    people,
  })
}

/** The person the assertion names, on both sides. */
function personOf(artefact: SamlArtefact, index: SnapshotIndex, upnClaim: string | undefined) {
  const immutable =
    artefact.assertion.nameId?.value ?? attributeValue(artefact, [IMMUTABLE_CLAIM, 'ImmutableID'])
  const holders = immutable ? entraByImmutableId(index, immutable) : []
  const entra =
    holders.length === 1 ? holders[0] : upnClaim ? index.entraByUpn.one(norm(upnClaim)) : undefined
  const office = officeUsers(index)
  return peopleOf(index, entra ? { entra } : {}, (o) => office.get(str(o, 'id') ?? ''))
}

/** Office 365 app users by Okta user id (their immutableId and userName). */
function officeUsers(index: SnapshotIndex): Map<string, Rec> {
  return index.cached('inspect:office-users', () => {
    const out = new Map<string, Rec>()
    for (const app of index.oktaApps) {
      if (!/office365/i.test(str(app, 'name') ?? '')) continue
      for (const au of index.snapshot.okta?.appUsers?.[str(app, 'id') ?? ''] ?? []) {
        const id = str(au, 'id')
        if (id && !out.has(id)) out.set(id, au)
      }
    }
    return out
  })
}
