/**
 * Checks of the browser legs of a sign-in that carry no token: Okta's authorize request to
 * Entra (the Microsoft IdP uses the authorization-code flow, so Entra's ID token itself never
 * crosses the browser) — client ID, tenant, redirect URI and scopes against the IdP and its
 * app registration; the error Entra sends back, explained from the offline AADSTS dictionary;
 * Entra's WS-Federation request to Okta — its endpoint and realm against the domain federation.
 */
import { aadstsEntry, lookupCode } from '../codes'
import {
  applicationSubject,
  consentOf,
  domainSubject,
  idpRedirectUri,
  idpSubject,
  microsoftIdps,
  type MicrosoftIdp,
} from '../compare/seam'
import type { SnapshotIndex } from '../compare/snapshot-index'
import type { RuleId } from '../rules'
import type { Snapshot } from '../model'
import { domainFederations } from '../rules/federation'
import { isGuid, norm, str, strs } from '../util/access'
import type {
  AuthnRequestArtefact,
  AuthorizeArtefact,
  ErrorArtefact,
  WsFedRequestArtefact,
} from './artefact'
import { MICROSOFT_ONLINE } from './check-saml'
import { type InspectCheck, type InspectReport, report } from './report'

function idpFix(m: MicrosoftIdp, steps: string[]): Pick<InspectCheck, 'fix'> {
  return { fix: { object: idpSubject(m), label: `Okta identity provider "${m.name}"`, steps } }
}

/** The checks of an authorize request. */
export function checkAuthorize(
  a: AuthorizeArtefact,
  snapshot: Snapshot,
  index: SnapshotIndex,
): InspectReport {
  const idps = microsoftIdps(snapshot, index)
  const idp = idps.find((m) => norm(m.clientId) === norm(a.clientId))
  const app = a.clientId ? index.applicationsByAppId.get(norm(a.clientId) ?? '') : undefined
  const checks: InspectCheck[] = []
  checks.push(
    app
      ? {
          id: 'client-id',
          title: 'Client ID',
          status: 'pass',
          summary: `App registration "${str(app, 'displayName') ?? ''}"${idp ? `, used by Okta identity provider "${idp.name}"` : ''}.`,
          actual: a.clientId,
        }
      : {
          id: 'client-id',
          title: 'Client ID',
          status: snapshot.entra?.applications ? 'fail' : 'skip',
          summary: snapshot.entra?.applications
            ? 'No app registration of this tenant has this client ID: Entra answers AADSTS700016.'
            : 'App registrations were not collected.',
          actual: a.clientId ?? '(none)',
          ...(snapshot.entra?.applications
            ? { aadsts: '700016', rule: 'idp-client-id-unknown' as const }
            : {}),
          ...(idp
            ? idpFix(idp, [
                "Okta › Security › Identity Providers › the IdP: set the Client ID to the app registration's Application (client) ID.",
              ])
            : {}),
        },
  )
  const tenant = a.tenant?.toLowerCase()
  const own = norm(snapshot.entra?.tenantId)
  if (tenant && own) {
    const single = app ? norm(str(app, 'signInAudience')) === 'azureadmyorg' : false
    const mine = tenant === own || index.isVerifiedDomain(tenant)
    const multi = tenant === 'common' || tenant === 'organizations'
    const fail = (summary: string, aadsts: string): InspectCheck => ({
      id: 'tenant',
      title: 'Tenant',
      status: 'fail',
      summary,
      expected: own,
      actual: a.tenant,
      aadsts,
      rule: 'idp-tenant-mismatch',
      ...(idp
        ? idpFix(idp, [
            `Okta › the IdP: use https://login.microsoftonline.com/${own}/oauth2/v2.0/authorize (and …/token).`,
          ])
        : {}),
    })
    checks.push(
      mine
        ? {
            id: 'tenant',
            title: 'Tenant',
            status: 'pass',
            summary: "This snapshot's tenant.",
            expected: own,
            actual: a.tenant,
          }
        : multi
          ? single
            ? fail(
                `/${tenant} with a single-tenant app registration: Entra answers AADSTS50194.`,
                '50194',
              )
            : {
                id: 'tenant',
                title: 'Tenant',
                status: 'info',
                summary: `/${tenant}: anyone from any tenant may sign in; the app is multi-tenant.`,
                actual: a.tenant,
              }
          : fail(
              `The request names ${isGuid(tenant) ? 'another tenant' : 'a domain this tenant does not have'}: ${a.tenant}.`,
              isGuid(tenant) ? '700016' : '90002',
            ),
    )
  }
  if (a.redirectUri) {
    const uris = app ? strs(app, 'web', 'redirectUris') : []
    const expected = idp ? idpRedirectUri(idp.idp, snapshot.okta?.orgUrl) : undefined
    checks.push(
      !app
        ? {
            id: 'redirect-uri',
            title: 'Redirect URI',
            status: 'skip',
            summary: 'No app registration to compare it with.',
            actual: a.redirectUri,
          }
        : uris.includes(a.redirectUri)
          ? {
              id: 'redirect-uri',
              title: 'Redirect URI',
              status: 'pass',
              summary: 'The app registration lists it.',
              actual: a.redirectUri,
            }
          : {
              id: 'redirect-uri',
              title: 'Redirect URI',
              status: 'fail',
              summary: `The app registration does not list this redirect URI: Entra answers AADSTS50011.${expected && expected !== a.redirectUri ? ` Okta's callback for this IdP is ${expected}.` : ''}`,
              expected: uris.join(', ') || '(no web redirect URI)',
              actual: a.redirectUri,
              aadsts: '50011',
              rule: 'idp-redirect-uri-missing',
              fix: {
                object: applicationSubject(app),
                label: `App registration "${str(app, 'displayName') ?? ''}"`,
                steps: [
                  `Entra admin center › App registrations › ${str(app, 'displayName') ?? ''} › Authentication › Web: add ${expected ?? a.redirectUri}.`,
                ],
              },
            },
    )
  }
  const wanted = ['openid', 'email', 'profile']
  const lacking = wanted.filter((s) => !a.scopes.includes(s))
  const sp = a.clientId ? index.servicePrincipalsByAppId.get(norm(a.clientId) ?? '') : undefined
  const consent = consentOf(snapshot, str(sp, 'id'))
  const unconsented = wanted.filter((s) => a.scopes.includes(s) && !consent.tenantWide.has(s))
  checks.push(
    lacking.includes('openid')
      ? {
          id: 'scopes',
          title: 'Scopes',
          status: 'fail',
          summary:
            'No openid scope: this is not an OpenID Connect sign-in, and no ID token comes back.',
          actual: a.scopes.join(' ') || '(none)',
          rule: 'idp-app-consent-missing',
        }
      : lacking.length
        ? {
            id: 'scopes',
            title: 'Scopes',
            status: 'warn',
            summary: `Without ${lacking.join(' and ')}, the ID token lacks the claims Okta maps (email, name).`,
            expected: wanted.join(' '),
            actual: a.scopes.join(' '),
            rule: 'idp-app-consent-missing',
            ...(idp ? idpFix(idp, ['Okta › the IdP › Scopes: openid email profile.']) : {}),
          }
        : sp && snapshot.entra?.oauth2PermissionGrants && unconsented.length && consent.users === 0
          ? {
              id: 'scopes',
              title: 'Scopes',
              status: 'warn',
              summary: `No admin consent for ${unconsented.join(', ')} on Microsoft Graph: each user is asked to consent (or is refused, AADSTS65001).`,
              actual: a.scopes.join(' '),
              aadsts: '65001',
              rule: 'idp-app-consent-missing',
            }
          : {
              id: 'scopes',
              title: 'Scopes',
              status: 'pass',
              summary: 'openid, email and profile.',
              actual: a.scopes.join(' '),
            },
  )
  return report('authorize', checks, {
    ...(idp
      ? { target: { label: `Okta identity provider "${idp.name}"`, subject: idpSubject(idp) } }
      : app
        ? {
            target: {
              label: `App registration "${str(app, 'displayName') ?? ''}"`,
              subject: applicationSubject(app),
            },
          }
        : {}),
  })
}

/** The checks of an error redirect: each AADSTS or Okta code, from the offline dictionary. */
export function checkError(
  e: ErrorArtefact,
  snapshot: Snapshot,
  index: SnapshotIndex,
): InspectReport {
  const checks: InspectCheck[] = []
  for (const code of e.aadsts) {
    const entry = aadstsEntry(code)
    const rule = entry?.rules[0] as RuleId | undefined
    checks.push({
      id: 'error-code',
      title: `AADSTS${code}`,
      status: 'fail',
      summary: entry
        ? `${entry.name}: ${entry.meaning} Usual cause: ${entry.cause}`
        : (e.description ?? e.error),
      actual: e.description ?? e.error,
      aadsts: code,
      ...(rule ? { rule } : {}),
    })
  }
  for (const code of e.okta) {
    const entry = lookupCode(code)
    checks.push({
      id: 'error-code',
      title: code,
      status: 'fail',
      summary: entry ? `${entry.name}: ${entry.meaning}` : (e.description ?? e.error),
      okta: code,
    })
  }
  if (checks.length === 0)
    checks.push({
      id: 'error-code',
      title: e.error,
      status: 'fail',
      summary: e.description ?? `The identity provider answered ${e.error}.`,
      actual: e.error,
    })
  const idp = microsoftIdps(snapshot, index).find(
    (m) => idpRedirectUri(m.idp, snapshot.okta?.orgUrl) === e.endpoint,
  )
  return report(
    'error',
    checks,
    idp
      ? {
          target: {
            label: `Okta identity provider "${idp.name}" (its callback)`,
            subject: idpSubject(idp),
          },
        }
      : {},
  )
}

/** The checks of Entra's WS-Federation request to the IdP: endpoint and realm against the federation. */
export function checkWsFedRequest(
  w: WsFedRequestArtefact,
  snapshot: Snapshot,
  index: SnapshotIndex,
): InspectReport {
  const federations = domainFederations(snapshot, index)
  const f = federations.find((x) => str(x.config, 'passiveSignInUri')?.split('?')[0] === w.endpoint)
  const checks: InspectCheck[] = [
    w.realm === MICROSOFT_ONLINE
      ? {
          id: 'realm',
          title: 'Realm',
          status: 'pass',
          summary: 'Microsoft Online asks for a token for itself.',
          actual: w.realm,
        }
      : {
          id: 'realm',
          title: 'Realm',
          status: 'warn',
          summary:
            'Not the realm Entra sends (urn:federation:MicrosoftOnline): this request comes from another relying party.',
          expected: MICROSOFT_ONLINE,
          actual: w.realm ?? '(none)',
        },
    f
      ? {
          id: 'issuer',
          title: 'Passive sign-in URI',
          status: 'pass',
          summary: `The passiveSignInUri of ${f.domain}'s federation.`,
          actual: w.endpoint,
        }
      : {
          id: 'issuer',
          title: 'Passive sign-in URI',
          status: federations.length ? 'warn' : 'skip',
          summary: federations.length
            ? 'No domain federation sends users to this endpoint.'
            : 'No domain federation in the snapshot.',
          expected:
            federations
              .map((x) => str(x.config, 'passiveSignInUri') ?? '')
              .filter(Boolean)
              .join(', ') || undefined,
          actual: w.endpoint,
          ...(federations.length ? { rule: 'federation-issuer-mismatch' as const } : {}),
        },
  ]
  return report(
    'wsfed-request',
    checks,
    f
      ? {
          target: {
            label: `Entra domain federation of ${f.domain}`,
            subject: domainSubject(f.domain),
          },
        }
      : {},
  )
}

/** An AuthnRequest is shown decoded; its issuer says who asks. */
export function checkAuthnRequest(r: AuthnRequestArtefact): InspectReport {
  return report('authn-request', [
    {
      id: 'issuer',
      title: 'Requested by',
      status: 'info',
      summary:
        r.issuer === MICROSOFT_ONLINE
          ? 'Entra (Microsoft Online) asks the IdP to sign someone in.'
          : `Service provider ${r.issuer ?? '(unnamed)'} asks for a sign-in.`,
      actual: r.issuer,
    },
  ])
}
