/**
 * domain-unverified — domains added to the tenant but never verified. Entra will not
 * accept UPNs or federation on them, so users whose AD UPN, mail or proxy addresses
 * use the domain, Okta users whose login or email use it, and Okta Office 365 apps naming
 * it are listed: medium when in use, an info note when merely left over.
 * Reads: entra.domains; entra.users, okta.users and okta.apps when collected.
 * False positives: a domain added moments before the snapshot, awaiting DNS.
 */
import type { Finding, Subject } from '../../model'
import { domainOf, str, strs } from '../../util/access'
import { LINKS } from '../links'
import { capSubjects, defineRule, makeFinding } from '../rule'
import {
  domainSubject,
  entraUserSubject,
  office365Apps,
  office365Domains,
  oktaAppSubject,
} from '../../compare/seam'
import { smtpAddress } from '../../compare/multi-index'

export const domainUnverified = defineRule({
  id: 'domain-unverified',
  title: 'Domain added to the tenant but not verified',
  category: 'domain-federation',
  severity: 'medium',
  reads: ['entra.domains'],
  optionalReads: ['entra.users', 'okta.users', 'okta.apps'],
  evaluate(snapshot, ctx): Finding[] {
    const unverified = new Map<string, { users: Subject[]; total: number }>()
    for (const d of snapshot.entra?.domains ?? []) {
      const id = str(d, 'id')?.toLowerCase()
      if (id && d['isVerified'] === false) unverified.set(id, { users: [], total: 0 })
    }
    if (unverified.size === 0) return []
    for (const u of ctx.index.entraUsers) {
      const used = new Set<string>()
      for (const value of [
        str(u, 'userPrincipalName'),
        str(u, 'onPremisesUserPrincipalName'),
        str(u, 'mail'),
      ]) {
        const d = domainOf(value)
        if (d) used.add(d)
      }
      for (const p of strs(u, 'proxyAddresses')) {
        const d = domainOf(smtpAddress(p))
        if (d) used.add(d)
      }
      for (const d of used) {
        const entry = unverified.get(d)
        if (!entry) continue
        entry.total++
        if (entry.users.length < ctx.thresholds.maxSubjects) entry.users.push(entraUserSubject(u))
      }
    }
    const oktaUsing = new Map<string, number>()
    for (const u of ctx.index.oktaUsers) {
      const used = new Set([
        domainOf(str(u, 'profile', 'login')),
        domainOf(str(u, 'profile', 'email')),
      ])
      for (const d of used)
        if (d && unverified.has(d)) oktaUsing.set(d, (oktaUsing.get(d) ?? 0) + 1)
    }
    const findings: Finding[] = []
    for (const [domain, usage] of unverified) {
      const apps = office365Apps(ctx.index).filter((a) => office365Domains(a).includes(domain))
      const okta = oktaUsing.get(domain) ?? 0
      const inUse = usage.total > 0 || apps.length > 0 || okta > 0
      findings.push(
        makeFinding(domainUnverified, {
          severity: inUse ? 'medium' : 'info',
          title: inUse
            ? `Unverified domain ${domain} is in use by ${usage.total} user${usage.total === 1 ? '' : 's'}${apps.length ? ' and Okta' : ''}`
            : `Domain ${domain} was added but never verified`,
          detail: `Entra does not let ${domain} carry sign-in names or federation until its DNS record is verified.${usage.total ? ` ${usage.total} user${usage.total === 1 ? '' : 's'} use it in UPN, mail or proxy addresses; their Entra UPN falls back to *.onmicrosoft.com.` : ''}${apps.length ? ' An Okta Office 365 app is configured for it.' : ''}${inUse ? '' : ' Verify it or remove it.'}`,
          subjects: capSubjects(
            [domainSubject(domain), ...apps.map(oktaAppSubject), ...usage.users],
            ctx.thresholds.maxSubjects,
          ),
          cause: domain,
          evidence: {
            entra: { domain, isVerified: false, usersUsingIt: usage.total },
            okta: { office365Apps: apps.map((a) => str(a, 'id')), usersUsingIt: okta },
          },
          steps: [
            `Entra admin center › Identity › Settings › Domain names › ${domain}: add the TXT (or MX) record shown at the DNS host, then Verify; or Delete the domain if it is not needed.`,
            `API: GET https://graph.microsoft.com/v1.0/domains/${domain}/verificationDnsRecords, publish the record, then POST /v1.0/domains/${domain}/verify.`,
          ],
          links: [LINKS.customDomain],
        }),
      )
    }
    return findings
  },
})
