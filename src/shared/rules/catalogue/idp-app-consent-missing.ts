/**
 * idp-app-consent-missing — the app registration Okta signs in through has no consent
 * for the delegated Graph permissions Okta's Microsoft IdP asks for (its `protocol.scopes`,
 * openid email profile by default): no tenant-wide (AllPrincipals) grant and no user's
 * own grant for the app's service principal. Every user then meets a consent prompt, or
 * AADSTS65001 / 90094 where user consent is off. One finding per app registration.
 * Reads: okta.idps, entra.applications; entra.servicePrincipals and
 * entra.oauth2PermissionGrants when collected (without them consent cannot be judged,
 * and only the app's requested permissions are noted).
 * False positives: none above info known: consent given by users one at a time, and
 * permissions consented but absent from the app's requiredResourceAccess (Okta requests
 * scopes dynamically), are info notes.
 */
import type { Finding } from '../../model'
import type { Rec } from '../../util/access'
import { norm, recs, str, strs, text } from '../../util/access'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import {
  GRAPH_APP_ID,
  GRAPH_SCOPE_NAMES,
  type MicrosoftIdp,
  applicationSubject,
  consentOf,
  groupIdpsByCause,
  idpNames,
  idpSubject,
  microsoftIdps,
  servicePrincipalSubject,
} from '../../compare/seam'

const DEFAULT_SCOPES = ['openid', 'email', 'profile']

/** The Graph delegated permissions an IdP asks for, lower-cased (`https://graph.microsoft.com/User.Read` → `user.read`). */
function askedScopes(m: MicrosoftIdp): string[] {
  const scopes = strs(m.idp, 'protocol', 'scopes')
    .map((s) =>
      s
        .toLowerCase()
        .replace(/^https:\/\/graph\.microsoft\.(com|us)\//, '')
        .replace(/^00000003-0000-0000-c000-000000000000\//, ''),
    )
    .filter((s) => s && !s.includes('/') && !s.includes(':'))
  return scopes.length ? scopes : DEFAULT_SCOPES
}

function requestedScopes(app: Rec, names: Map<string, string>): Set<string> {
  const requested = new Set<string>()
  for (const rra of recs(app, 'requiredResourceAccess')) {
    if (norm(str(rra, 'resourceAppId')) !== GRAPH_APP_ID) continue
    for (const ra of recs(rra, 'resourceAccess')) {
      if (norm(str(ra, 'type')) !== 'scope') continue
      const name = names.get(norm(str(ra, 'id')) ?? '')
      if (name) requested.add(name)
    }
  }
  return requested
}

export const idpAppConsentMissing = defineRule({
  id: 'idp-app-consent-missing',
  title: 'App registration for Okta lacks consent for the scopes Okta asks for',
  category: 'permission',
  severity: 'high',
  reads: ['okta.idps', 'entra.applications'],
  optionalReads: ['entra.servicePrincipals', 'entra.oauth2PermissionGrants'],
  evaluate(snapshot, ctx): Finding[] {
    // the Graph SP's own scope list is authoritative when collected
    const graphSp = ctx.index.servicePrincipalsByAppId.get(GRAPH_APP_ID)
    const names = new Map(
      Object.entries(GRAPH_SCOPE_NAMES).map(([id, value]) => [id, value.toLowerCase()]),
    )
    for (const s of recs(graphSp, 'oauth2PermissionScopes')) {
      const id = norm(str(s, 'id'))
      const value = norm(str(s, 'value'))
      if (id && value) names.set(id, value)
    }
    const judgeable =
      !!snapshot.entra?.oauth2PermissionGrants && !!snapshot.entra?.servicePrincipals
    const groups = groupIdpsByCause(microsoftIdps(snapshot, ctx.index), (m) => {
      if (!m.application) return undefined
      const asked = askedScopes(m)
      const requested = requestedScopes(m.application, names)
      const spId = m.servicePrincipal ? str(m.servicePrincipal, 'id') : undefined
      const consent = judgeable ? consentOf(snapshot, spId) : undefined
      const granted = (s: string) =>
        !!consent && (consent.tenantWide.has(s) || consent.byUsers.has(s))
      const noConsent = consent ? asked.filter((s) => !granted(s)) : []
      const notRequested = asked.filter((s) => !requested.has(s) && !consent?.tenantWide.has(s))
      const onlyUsers = consent
        ? asked.filter((s) => !consent.tenantWide.has(s) && consent.byUsers.has(s))
        : []
      if (noConsent.length === 0 && notRequested.length === 0 && onlyUsers.length === 0)
        return undefined
      return {
        key: `${str(m.application, 'id') ?? m.clientId}:${noConsent.join(' ')}|${notRequested.join(' ')}|${onlyUsers.join(' ')}`,
        detail: {
          app: m.application,
          sp: m.servicePrincipal,
          spId,
          asked,
          requested,
          consent,
          noConsent,
          notRequested,
          onlyUsers,
        },
      }
    })
    return groups.map(({ key, idps, active, detail: d }) => {
      const appName = text(d.app, 'displayName') ?? str(d.app, 'appId') ?? '?'
      const blocking = d.noConsent.length > 0
      const first = idps[0] as MicrosoftIdp
      const facts: string[] = []
      if (blocking)
        facts.push(
          `${d.sp ? 'No administrator or user has consented to' : 'The app has no service principal in the tenant, so nobody has consented to'} ${d.noConsent.join(', ')}: every user meets a consent prompt, or AADSTS65001 / AADSTS90094 where users may not consent.`,
        )
      if (d.onlyUsers.length)
        facts.push(
          `${d.consent?.users ?? 0} user${d.consent?.users === 1 ? '' : 's'} consented to ${d.onlyUsers.join(', ')} for themselves; each new user still meets a consent prompt until an administrator consents for the tenant.`,
        )
      if (!d.consent)
        facts.push(
          'Delegated permission grants were not collected, so consent could not be judged.',
        )
      if (d.notRequested.length)
        facts.push(
          `The app's API permissions do not list ${d.notRequested.join(', ')} (Okta asks for them at sign-in, so this matters only for the admin-consent screen).`,
        )
      return makeFinding(idpAppConsentMissing, {
        severity: active && blocking ? 'high' : 'info',
        cause: key,
        title: blocking
          ? `App "${appName}" has no consent for ${d.noConsent.join(', ')}, which ${idpNames(idps)} ask${idps.length === 1 ? 's' : ''} for${active ? '' : ' (inactive)'}`
          : `App "${appName}": consent for ${idpNames(idps)} is not tenant-wide or not listed in its API permissions`,
        detail: `Okta's ${idpNames(idps)} ask${idps.length === 1 ? 's' : ''} Entra for ${d.asked.join(' ')}. ${facts.join(' ')}`,
        subjects: [
          ...idps.map(idpSubject),
          applicationSubject(d.app),
          ...(d.sp ? [servicePrincipalSubject(d.sp)] : []),
        ],
        evidence: {
          entra: {
            appId: str(d.app, 'appId'),
            requestedScopes: [...d.requested],
            tenantWideConsent: d.consent ? [...d.consent.tenantWide] : null,
            userConsent: d.consent
              ? { scopes: [...d.consent.byUsers], users: d.consent.users }
              : null,
            servicePrincipalId: d.spId ?? null,
          },
          okta: {
            idps: idps.map((m) => ({ idpId: m.id, scopes: strs(m.idp, 'protocol', 'scopes') })),
          },
          aadsts: blocking ? ['65001', '90094'] : [],
        },
        steps: [
          `Entra admin center › App registrations › ${appName} › API permissions › Add a permission › Microsoft Graph › Delegated permissions: ${d.asked.join(', ')}.`,
          `Same page: "Grant admin consent for the tenant" (or Enterprise applications › ${appName} › Permissions › Grant admin consent).`,
          `API: POST https://graph.microsoft.com/v1.0/oauth2PermissionGrants {"clientId":"${d.spId ?? '{appSpId}'}","consentType":"AllPrincipals","resourceId":"${graphSp ? str(graphSp, 'id') : '{graphSpId}'}","scope":"${d.asked.join(' ')}"}.`,
          `Okta: ${first.name} asks for the scopes listed under Security › Identity Providers › ${first.name} › Scopes.`,
        ],
        links: [LINKS.adminConsent, LINKS.graphPermissions, LINKS.oktaMicrosoftIdp],
      })
    })
  },
})
