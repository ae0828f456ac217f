/**
 * Planted people problems for `realistic-broken`, each hidden among look-alike clutter: pending
 * AD changes next to changes that landed, a stale Okta login next to renamed mail aliases, a
 * missing mail next to service accounts without one, an ImmutableID mismatch whose sign-ins
 * fail with no later success next to interrupts that succeed, a duplicate mail, umlauts next to
 * apostrophes, an unverified UPN suffix next to an unused unverified domain, and a federated
 * cloud user without an ImmutableID next to users converted to cloud-only.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { Draft } from './base'
import type { PlantKit } from './plant-kit'
import { plant, subject } from './answer-key'
import { entraSignIn } from './activity'
import { domain } from './entra-config'
import { DEPARTMENTS, LAST_NAMES } from './constants'
import { type PeopleFactory, SYNC_CYCLE_MS, entraCloudUser, licencesOf } from './people'
import { applyPendingChange, nextTitle } from './pending-change'
import { MS, immutableIdFromGuid } from './random'

export const PLANTED_UNVERIFIED_DOMAIN = 'northwindtraders.ie'

export function plantPeopleProblems(d: Draft, kit: PlantKit, factory: PeopleFactory): void {
  const { ctx, answerKey: key } = d
  const { rng, nowMs: now } = ctx
  const fed = ctx.federatedDomain
  const { add, both } = kit

  // --- sync: AD changes Okta imported hours ago that Entra Connect has not exported since ---
  const pending = [
    { exportedDaysAgo: 210, changedAgoMs: 5 * MS.hour, attribute: 'title' as const },
    { exportedDaysAgo: 95, changedAgoMs: 30 * MS.hour, attribute: 'department' as const },
  ].map((c) => {
    const r = add(() => {}, {
      lastSyncMs: d.orgLastSyncMs - c.exportedDaysAgo * 48 * SYNC_CYCLE_MS,
    })
    const value =
      c.attribute === 'title'
        ? nextTitle(r.p)
        : (DEPARTMENTS.map(([name]) => name).find((n) => n !== r.p.department) ?? 'Operations')
    const event = applyPendingChange(
      ctx,
      r.oktaUser,
      { attribute: c.attribute, value, atMs: now - c.changedAgoMs },
      r.appUser,
    )
    d.okta.logs.push(event)
    return [...both(r), subject.oktaLog(event)]
  })
  plant(
    key,
    'sync',
    'user-sync-lag',
    'Okta imported a new AD title and a new AD department 5 and 30 hours ago; Entra still holds the old values and last exported both users months ago, although Entra Connect ran 14 minutes ago.',
    pending.flat(),
  )

  // --- attribute-mapping -------------------------------------------------------------------
  let oldLocal = ''
  const stale = add((p) => {
    oldLocal = p.mailNickname
    let surname = rng.pick(LAST_NAMES)
    while (surname === p.surname) surname = rng.pick(LAST_NAMES)
    const local = factory.localPart(p.given, surname)
    Object.assign(p, {
      surname,
      displayName: `${p.given} ${surname}`,
      upn: `${local}@${fed}`,
      mail: `${local}@${fed}`,
      mailNickname: local,
    })
  })
  const oldLogin = `${oldLocal}@${fed}`
  ;(stale.oktaUser['profile'] as Record<string, unknown>)['login'] = oldLogin
  stale.appUser['credentials'] = { userName: oldLogin }
  plant(
    key,
    'attribute-mapping',
    'upn-login-mismatch',
    `AD renamed ${oldLogin} to ${stale.p.upn} (UPN and mail); Entra has the new UPN but the Okta login is still the old one, and the Microsoft IdP matches USERNAME on idpuser.userPrincipalName.`,
    [...both(stale), subject.oktaIdp(d.idp.idp)],
  )

  const noMail = add()
  Object.assign(noMail.entraUser, { mail: null, proxyAddresses: [] } satisfies MG.User)
  plant(
    key,
    'attribute-mapping',
    'entra-mail-missing',
    `The licensed synced user ${noMail.p.upn} has no mail or proxy address in Entra while Okta holds the email ${noMail.p.mail ?? ''}.`,
    both(noMail),
  )

  const mismatch = add()
  ;(mismatch.appUser['profile'] as Record<string, unknown>)['immutableId'] = immutableIdFromGuid(
    rng.guid(),
  )
  plant(
    key,
    'attribute-mapping',
    'immutableid-mismatch',
    `The Office 365 app user of ${mismatch.p.upn} carries an immutableId that differs from the Entra onPremisesImmutableId.`,
    [...both(mismatch), subject.oktaApp(d.o365.app)],
  )
  const officeHome = d.firstParty[2]
  if (!officeHome) throw new Error('no OfficeHome service principal')
  const failures = [55, 12].map((ago) =>
    entraSignIn(d, {
      user: mismatch.entraUser,
      sp: officeHome,
      atMs: now - ago * MS.minute,
      errorCode: 51004,
      failureReason: 'The user account does not exist in the directory.',
    }),
  )
  d.entra.signIns.push(...failures)
  plant(
    key,
    'sign-in',
    'entra-signin-51004',
    `${mismatch.p.upn} failed to sign in to OfficeHome twice with AADSTS51004 and has not signed in since.`,
    [
      ...failures.map((s) => subject.entraSignIn(s)),
      subject.entraUser(mismatch.entraUser),
      subject.entraSp(officeHome),
    ],
  )

  // --- duplicate ------------------------------------------------------------------------------
  const mailOwner = add()
  const mailTwin = add(
    (p) => (p.mail = (mailOwner.p.mail ?? '').replace(/^./, (c) => c.toUpperCase())),
  )
  mailTwin.entraUser.proxyAddresses = [`SMTP:${mailTwin.p.mailNickname}@${fed}`]
  plant(
    key,
    'duplicate',
    'entra-duplicate-mail',
    `Two synced users have the mail ${mailOwner.p.mail ?? ''} (case-insensitively).`,
    [...both(mailOwner), ...both(mailTwin)],
  )

  // --- data-validation ---------------------------------------------------------------------
  const umlaut = add((p) => {
    Object.assign(p, { given: 'Björn', surname: 'Sänger', displayName: 'Björn Sänger' })
    p.upn = `björn.sänger@${fed}`
    p.mail = `bjoern.saenger@${fed}`
    p.mailNickname = 'bjoern.saenger'
  })
  plant(
    key,
    'data-validation',
    'upn-invalid-character',
    `The AD UPN ${umlaut.p.upn} contains umlauts, which a UPN may not (unlike an apostrophe); it reaches Entra and the Okta login alike.`,
    both(umlaut),
  )

  // --- domain-federation ---------------------------------------------------------------------
  d.entra.domains.push(
    domain(PLANTED_UNVERIFIED_DOMAIN, { authenticationType: 'Managed', isVerified: false }),
  )
  const irish = [0, 1].map(() => {
    const r = add((p) => (p.upn = `${p.mailNickname}@${PLANTED_UNVERIFIED_DOMAIN}`))
    r.entraUser.userPrincipalName = `${r.p.mailNickname}@${ctx.initialDomain}`
    return r
  })
  plant(
    key,
    'domain-federation',
    'upn-suffix-unverified',
    `Two Dublin users have the AD UPN suffix ${PLANTED_UNVERIFIED_DOMAIN}, added to the tenant 5 days ago but not verified: Entra fell back to ${ctx.initialDomain}, while their Okta logins keep the .ie UPN.`,
    [subject.entraDomain(PLANTED_UNVERIFIED_DOMAIN), ...irish.flatMap(both)],
  )

  const noAnchor = entraCloudUser(
    ctx,
    {
      entraId: rng.guid(),
      given: 'Noor',
      surname: 'Haddad',
      displayName: 'Noor Haddad',
      upn: `noor.haddad@${fed}`,
      mail: `noor.haddad@${fed}`,
      mailNickname: 'noor.haddad',
      createdMs: now - 12 * MS.day,
      department: 'Marketing',
      jobTitle: 'Marketing Specialist',
      employeeType: 'Contractor',
      assignedLicenses: licencesOf('Marketing'),
    },
    d.dates,
  )
  d.entra.users.push(noAnchor)
  plant(
    key,
    'domain-federation',
    'federated-user-without-immutableid',
    `The licensed cloud-only user noor.haddad@${fed} was created on the federated domain without an onPremisesImmutableId, so Okta's federation cannot sign her in.`,
    [subject.entraUser(noAnchor)],
  )
}
