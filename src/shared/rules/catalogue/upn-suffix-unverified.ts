/**
 * upn-suffix-unverified — users whose UPN suffix is not a verified domain of the
 * tenant. Entra never stores a UPN on an unverified domain (Entra Connect falls back
 * to the initial *.onmicrosoft.com domain), so the AD value in
 * `onPremisesUserPrincipalName` is where the suffix shows; the cloud UPN is checked
 * too. Those users sign in to Entra with a different name than in AD and Okta, and
 * cannot be federated. One finding per suffix, listing at most `maxSubjects` users;
 * suffixes Entra lists as unverified domains are domain-unverified's finding.
 * Reads: entra.users, entra.domains; entra.organization when collected (its
 * verifiedDomains).
 * Population: enabled members; a disabled leaver or a guest signs in with nothing here.
 * False positives: none known; subdomains of a verified domain count as verified.
 */
import type { Finding } from '../../model'
import { asStr, domainOf, str } from '../../util/access'
import { Grouper } from '../grouped'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import { entraUserSubject } from '../../compare/seam'
import { isGuest } from '../../compare/population'

export const upnSuffixUnverified = defineRule({
  id: 'upn-suffix-unverified',
  title: 'UPN suffix is not a verified domain',
  category: 'domain-federation',
  severity: 'medium',
  reads: ['entra.users', 'entra.domains'],
  optionalReads: ['entra.organization'],
  evaluate(_snapshot, ctx): Finding[] {
    if (ctx.index.domainsById.size === 0) return []
    const g = new Grouper(ctx.thresholds.maxSubjects)
    // a tenant has a handful of suffixes; judge each once
    const judged = new Map<string, boolean>()
    const reportable = (suffix: string) => {
      let r = judged.get(suffix)
      if (r === undefined) {
        r = !ctx.index.isVerifiedDomain(suffix) && !ctx.index.domainsById.has(suffix)
        judged.set(suffix, r)
      }
      return r
    }
    // most UPNs end in a verified domain exactly; test those without slicing strings
    const verified = [...ctx.index.domainsById]
      .filter(([, d]) => d['isVerified'] === true)
      .map(([name]) => name)
    const plainlyVerified = (v: string | undefined) => {
      if (v === undefined) return true
      const at = v.lastIndexOf('@')
      if (at < 0) return true
      for (const d of verified) if (v.length - at - 1 === d.length && v.endsWith(d)) return true
      return false
    }
    for (const u of ctx.index.entraUsers) {
      if (u['accountEnabled'] === false || isGuest(u)) continue
      const onPrem = asStr(u['onPremisesUserPrincipalName'])
      const cloud = asStr(u['userPrincipalName'])
      // most AD UPNs are the cloud UPN as it is: one test serves both
      if (plainlyVerified(cloud) && (onPrem === cloud || plainlyVerified(onPrem))) continue
      const onPremSuffix = domainOf(onPrem)
      const cloudSuffix = onPrem === cloud ? onPremSuffix : domainOf(cloud)
      // registered-but-unverified domains are domain-unverified's finding
      if (onPremSuffix && reportable(onPremSuffix)) {
        g.add(onPremSuffix, entraUserSubject(u), {
          id: str(u, 'id'),
          attribute: 'onPremisesUserPrincipalName',
          value: onPrem ?? null,
          userPrincipalName: cloud ?? null,
        })
      }
      if (cloudSuffix && cloudSuffix !== onPremSuffix && reportable(cloudSuffix)) {
        g.add(cloudSuffix, entraUserSubject(u), {
          id: str(u, 'id'),
          attribute: 'userPrincipalName',
          value: cloud ?? null,
          userPrincipalName: cloud ?? null,
        })
      }
    }
    const findings: Finding[] = []
    for (const group of g.groups.values()) {
      const suffix = group.key
      findings.push(
        makeFinding(upnSuffixUnverified, {
          title: `UPN suffix ${suffix} of ${group.total} user${group.total === 1 ? '' : 's'} is not a domain of the tenant`,
          detail: `${suffix} is not added to the tenant. Entra replaces such UPNs with the *.onmicrosoft.com domain, so these users' Entra UPN differs from AD and from their Okta login, and they cannot use federation.`,
          subjects: group.subjects,
          cause: suffix,
          evidence: { entra: { suffix, total: group.total, examples: group.examples } },
          steps: [
            `Either add and verify ${suffix} (Entra admin center › Identity › Settings › Domain names › Add custom domain) or change the users' UPN suffix in AD to a verified domain (AD Domains and Trusts › UPN suffixes, then the users' Account tab).`,
            'Non-routable suffixes such as .local cannot be verified; move those users to a routable suffix.',
            `API: POST https://graph.microsoft.com/v1.0/domains {"id":"${suffix}"} then POST /v1.0/domains/${suffix}/verify.`,
          ],
          links: [LINKS.customDomain, LINKS.upnPolicy, LINKS.idFix],
        }),
      )
    }
    return findings
  },
})
