/**
 * Entra configuration a tenant accumulates without breaking anything: an unverified domain
 * nobody uses, rotated secrets and certificates whose old half is still listed, and app
 * registrations left behind by finished projects.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { Draft } from './base'
import type { ClutterLog } from './clutter'
import { DOCS } from './clutter'
import { subject } from './answer-key'
import { domain } from './entra-config'
import { addApp, addCertificate, addSecret, grantAppRoles } from './entra-apps'
import { issueCertificate } from './pki'
import { MS } from './random'

export const UNUSED_UNVERIFIED_DOMAIN = 'nwtraders.org'

/** A secret whose first three characters differ from the other secrets of the app. */
function expiredSecret(d: Draft, app: MG.Application, startDaysAgo: number, endDaysAgo: number) {
  const { rng, nowMs: now } = d.ctx
  const hints = new Set((app.passwordCredentials ?? []).map((c) => c.hint))
  let secretText = rng.entraSecret()
  while (hints.has(secretText.slice(0, 3))) secretText = rng.entraSecret()
  addSecret(d.ctx, d.entra, app, {
    displayName: 'Okta IdP (previous)',
    startMs: now - startDaysAgo * MS.day,
    endMs: now - endDaysAgo * MS.day,
    secretText,
  })
  // Graph lists credentials oldest first
  app.passwordCredentials = [...(app.passwordCredentials ?? [])].sort((a, b) =>
    String(a.startDateTime).localeCompare(String(b.startDateTime)),
  )
}

export function addEntraConfigClutter(d: Draft, clutter: ClutterLog): void {
  const { ctx } = d
  const now = ctx.nowMs
  const cert = (label: string, cn: string, fromDays: number, toDays: number) =>
    issueCertificate({
      seed: ctx.seed,
      label,
      commonName: cn,
      notBeforeMs: now + fromDays * MS.day,
      notAfterMs: now + toDays * MS.day,
    })

  d.entra.domains.push(
    domain(UNUSED_UNVERIFIED_DOMAIN, { authenticationType: 'Managed', isVerified: false }),
  )
  clutter.note(
    'unverified-domain-unused',
    `${UNUSED_UNVERIFIED_DOMAIN} was added years ago and never verified; no UPN, mail, proxy address, app or federation uses it, so it affects nobody.`,
    DOCS.domains,
    [[subject.entraDomain(UNUSED_UNVERIFIED_DOMAIN)]],
  )

  const idpApp = d.idp.registration.application
  expiredSecret(d, idpApp, 960, 230)
  const payroll = d.entra.applications.find((a) => a.displayName === 'Payroll Connector')
  if (!payroll) throw new Error('no Payroll Connector')
  expiredSecret(d, payroll, 900, 170)
  clutter.note(
    'expired-secret-beside-current',
    'App registrations still listing the secret they rotated away from (expired months ago) next to the current one; the Okta IdP holds the current secret (its hint matches the newer credential), so nothing presents the expired one.',
    DOCS.appCredentials,
    [[subject.entraApp(idpApp), subject.oktaIdp(d.idp.idp)], [subject.entraApp(payroll)]],
  )

  const leftovers = [
    { name: 'Tenant Migration Tool (2022)', created: 1500, ended: 760, roles: ['User.Read.All'] },
    { name: 'Intranet SSO (retired)', created: 2400, ended: 1100, roles: [] },
    { name: 'Graph Explorer test', created: 980, ended: 420, roles: [] },
  ].map((l, i) => {
    const reg = addApp(ctx, d.entra, {
      displayName: l.name,
      createdMs: now - l.created * MS.day,
      roles: l.roles,
    })
    if (i === 1)
      addCertificate(
        ctx,
        d.entra,
        reg.application,
        cert('entra-leftover-intranet', 'intranet.northwindtraders.com', -l.created, -l.ended),
        'CN=intranet.northwindtraders.com',
      )
    else
      addSecret(ctx, d.entra, reg.application, {
        displayName: 'default',
        startMs: now - l.created * MS.day,
        endMs: now - l.ended * MS.day,
      })
    if (l.roles.length)
      grantAppRoles(ctx, d.entra, reg.servicePrincipal, l.roles, now - l.created * MS.day)
    return [subject.entraApp(reg.application)]
  })
  clutter.note(
    'leftover-app-expired-long-ago',
    'App registrations from finished projects whose only credential expired more than a year ago and that nobody signs in with: candidates for clean-up, not a failure anyone meets.',
    DOCS.appCleanup,
    leftovers,
  )

  const fine = [
    {
      name: 'Reporting Export',
      label: 'entra-reporting-export',
      cn: 'reports.northwindtraders.com',
      from: -150,
      to: 580,
    },
    {
      name: 'Document Archive',
      label: 'entra-document-archive',
      cn: 'archive.northwindtraders.com',
      from: -400,
      to: 330,
    },
  ].map((a) => {
    const reg = addApp(ctx, d.entra, {
      displayName: a.name,
      createdMs: now + a.from * MS.day,
      roles: ['User.Read.All'],
    })
    addCertificate(ctx, d.entra, reg.application, cert(a.label, a.cn, a.from, a.to), `CN=${a.cn}`)
    grantAppRoles(ctx, d.entra, reg.servicePrincipal, ['User.Read.All'], now + a.from * MS.day)
    return [subject.entraApp(reg.application)]
  })
  clutter.note(
    'app-certificate-valid',
    'Daemon apps that authenticate with a certificate valid for many months more.',
    DOCS.appCredentials,
    fine,
  )

  const servicedesk = d.entra.applications.find((a) => a.displayName === 'ServiceDesk Integration')
  if (!servicedesk) throw new Error('no ServiceDesk Integration')
  addCertificate(
    ctx,
    d.entra,
    servicedesk,
    cert('entra-servicedesk-previous', 'servicedesk.northwindtraders.com', -930, -170),
    'CN=servicedesk.northwindtraders.com (2023)',
  )
  const backup = addApp(ctx, d.entra, {
    displayName: 'Backup Service',
    createdMs: now - 1300 * MS.day,
    roles: ['User.Read.All'],
  })
  addCertificate(
    ctx,
    d.entra,
    backup.application,
    cert('entra-backup-previous', 'backup.northwindtraders.com', -1300, -40),
    'CN=backup.northwindtraders.com (previous)',
  )
  addCertificate(
    ctx,
    d.entra,
    backup.application,
    cert('entra-backup-current', 'backup.northwindtraders.com', -70, 660),
    'CN=backup.northwindtraders.com',
  )
  grantAppRoles(ctx, d.entra, backup.servicePrincipal, ['User.Read.All'], now - 1300 * MS.day)
  clutter.note(
    'app-certificate-rolled-over',
    'Apps whose certificate was renewed before it expired; the expired predecessor is still listed beside the valid one, which the daemon uses.',
    DOCS.appCredentials,
    [[subject.entraApp(servicedesk)], [subject.entraApp(backup.application)]],
  )
}
