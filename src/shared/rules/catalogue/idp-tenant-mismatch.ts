/**
 * idp-tenant-mismatch — a Microsoft IdP's authorize/token/issuer URLs name another
 * tenant than the snapshot's (AADSTS700016: the app is not found there), or name
 * `/common` / `/organizations` while the app registration is single-tenant
 * (AADSTS50194), or `/consumers` (personal accounts only).
 * Reads: okta.idps, entra.applications; entra.domains when collected (vanity domains).
 * An IdP that federates with another tenant (its client ID is no app of this one) is not
 * judged here: idp-client-id-unknown notes it.
 * False positives: a vanity domain in the URL is accepted when it is a domain of the
 * tenant; a domain Crosswalk does not know is reported.
 */
import type { Finding } from '../../model'
import { isGuid, norm, str, text } from '../../util/access'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import {
  applicationSubject,
  authorityTenant,
  idpSeverity,
  idpSubject,
  inactiveNote,
  microsoftIdps,
} from '../../compare/seam'

export const idpTenantMismatch = defineRule({
  id: 'idp-tenant-mismatch',
  title: 'Okta Microsoft IdP points at the wrong Entra tenant or authority',
  category: 'credential-mismatch',
  severity: 'critical',
  reads: ['okta.idps', 'entra.applications'],
  optionalReads: ['entra.domains'],
  evaluate(snapshot, ctx): Finding[] {
    const findings = []
    const tenantId = norm(snapshot.entra?.tenantId)
    for (const m of microsoftIdps(snapshot, ctx.index)) {
      // an IdP of another tenant (its client ID is no app here) is not pointing at the wrong one
      if (m.foreignTenant) continue
      const audience = m.application ? norm(str(m.application, 'signInAudience')) : undefined
      const problems: { url: string; tenant: string; reason: string; aadsts: string }[] = []
      for (const url of m.authorityUrls) {
        const tenant = authorityTenant(url)
        if (!tenant || tenant === '{tenant}' || tenant === '{tenantid}') continue
        if (tenant === 'common' || tenant === 'organizations') {
          if (audience === 'azureadmyorg') {
            problems.push({
              url,
              tenant,
              reason: `uses /${tenant} but the app registration is single-tenant (signInAudience AzureADMyOrg)`,
              aadsts: '50194',
            })
          }
        } else if (tenant === 'consumers') {
          problems.push({
            url,
            tenant,
            reason: 'uses /consumers, which accepts personal Microsoft accounts only',
            aadsts: '700016',
          })
        } else if (isGuid(tenant)) {
          if (tenantId && tenant !== tenantId) {
            problems.push({
              url,
              tenant,
              reason: `names tenant ${tenant}, not ${tenantId}`,
              aadsts: '700016',
            })
          }
        } else if (
          tenant.includes('.') &&
          ctx.index.domainsById.size > 0 &&
          !ctx.index.domainsById.has(tenant)
        ) {
          problems.push({
            url,
            tenant,
            reason: `names domain ${tenant}, which is not a domain of this tenant`,
            aadsts: '700016',
          })
        }
      }
      if (problems.length === 0) continue
      const codes = [...new Set(problems.map((p) => p.aadsts))]
      findings.push(
        makeFinding(idpTenantMismatch, {
          cause: `idp:${m.id}`,
          severity: idpSeverity(m, 'critical'),
          title: `Okta IdP "${m.name}"${inactiveNote(m)} ${problems[0]?.reason ?? 'points at the wrong authority'}`,
          detail: `${problems.map((p) => `${p.url} ${p.reason}`).join('; ')}. Entra answers AADSTS${codes.join(' / AADSTS')}.`,
          subjects: m.application
            ? [idpSubject(m), applicationSubject(m.application)]
            : [idpSubject(m)],
          evidence: {
            entra: {
              tenantId: snapshot.entra?.tenantId,
              appId: m.application ? str(m.application, 'appId') : null,
              signInAudience: m.application ? (str(m.application, 'signInAudience') ?? null) : null,
            },
            okta: {
              idpId: m.id,
              clientId: m.clientId,
              urls: problems.map((p) => ({ url: p.url, tenant: p.tenant })),
            },
            aadsts: codes,
          },
          steps: [
            codes.includes('50194')
              ? `Entra admin center › App registrations › ${text(m.application, 'displayName') ?? m.clientId} › Authentication › Supported account types: choose "Accounts in any organizational directory (multitenant)" (signInAudience AzureADMultipleOrgs), as Okta's Microsoft IdP requires.`
              : `Entra admin center › Overview: copy the Tenant ID (${snapshot.entra?.tenantId ?? 'the tenant id'}).`,
            `Okta Admin Console › Security › Identity Providers › ${m.name} › Edit: make the authorize and token endpoints https://login.microsoftonline.com/${snapshot.entra?.tenantId ?? '{tenantId}'}/oauth2/v2.0/authorize|token (or use /organizations with a multitenant app).`,
            codes.includes('50194')
              ? `API: PATCH https://graph.microsoft.com/v1.0/applications/${m.application ? (str(m.application, 'id') ?? '{id}') : '{id}'} {"signInAudience":"AzureADMultipleOrgs"}.`
              : `API: GET then PUT {orgUrl}/api/v1/idps/${m.id} with protocol.endpoints.authorization.url, token.url and issuer.url naming the tenant.`,
          ],
          links: [LINKS.oktaMicrosoftIdp, LINKS.supportedAccounts, LINKS.aadstsCodes],
        }),
      )
    }
    return findings
  },
})
