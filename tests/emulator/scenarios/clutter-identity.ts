/**
 * Identity data that differs from the textbook but agrees across the seam: mail renamed while
 * the UPN kept the old name, Okta logins that differ from the UPN in letter case only, users
 * converted to cloud-only, Exchange proxy addresses, a second managed domain, apostrophes in
 * UPNs, months-old per-user sync times, AD changes that reached both sides, and Okta-only
 * profile edits.
 */
import type { Json, OktaRecord } from './types'
import type { Draft, PersonRecords } from './base'
import { addPerson } from './base'
import type { ClutterLog } from './clutter'
import { DOCS } from './clutter'
import { type Subject, subject } from './answer-key'
import { type PeopleFactory, type Person, exportAfter } from './people'
import { applyPendingChange, nextTitle } from './pending-change'
import { oktaEvent, oktaUserActor } from './okta-events'
import { LAST_NAMES } from './constants'
import { MS } from './random'

export interface IdentityHandles {
  /** people on the managed (password hash sync) domain: they type their password into Entra */
  managed: PersonRecords[]
}

const both = (r: PersonRecords): Subject[] => [
  subject.entraUser(r.entraUser),
  subject.oktaUser(r.oktaUser),
]
const profileOf = (u: OktaRecord): Record<string, Json> => u['profile'] as Record<string, Json>

export function addIdentityClutter(
  d: Draft,
  factory: PeopleFactory,
  people: Person[],
  clutter: ClutterLog,
): IdentityHandles {
  const { ctx } = d
  const { rng, nowMs: now } = ctx
  const fed = ctx.federatedDomain
  const person = (domain = fed, edit: (p: Person) => void = () => {}): Person => {
    const p = factory.person({ domain, orgLastSyncMs: d.orgLastSyncMs })
    edit(p)
    return p
  }
  const exported = (ms: number) => exportAfter(d.orgLastSyncMs, ms)

  const renamed = [40, 110, 260].map((days) => {
    const p = person()
    let surname = rng.pick(LAST_NAMES)
    while (surname === p.surname) surname = rng.pick(LAST_NAMES)
    const oldLocal = p.mailNickname
    const local = factory.localPart(p.given, surname)
    const renamedMs = exported(now - days * MS.day)
    Object.assign(p, {
      surname,
      displayName: `${p.given} ${surname}`,
      mail: `${local}@${fed}`,
      mailNickname: local,
      createdMs: Math.min(p.createdMs, renamedMs - 200 * MS.day),
      lastSyncMs: renamedMs,
    })
    const r = addPerson(d, p)
    r.entraUser.proxyAddresses = [
      `SMTP:${p.mail ?? ''}`,
      `smtp:${oldLocal}@${fed}`,
      `smtp:${local}@${ctx.mailRoutingDomain}`,
    ]
    return both(r)
  })
  clutter.note(
    'mail-renamed-upn-kept',
    'People who changed their surname: mail, surname and display name moved to the new name while the UPN kept the old one (the old address stays a proxy). Okta login = UPN and Okta email = mail, so the username-matching IdP and the Office 365 app still agree with Entra.',
    DOCS.upnPlanning,
    renamed,
  )

  const cased = [0, 1, 2].map(() => {
    const r = addPerson(d, person())
    const upn = r.entraUser.userPrincipalName ?? ''
    const [local = '', domain = ''] = upn.split('@')
    const login = `${local.replace(/(^|\.)([a-z])/g, (_m, dot: string, c: string) => dot + c.toUpperCase())}@${domain}`
    profileOf(r.oktaUser)['login'] = login
    r.entraUser.onPremisesUserPrincipalName = login
    if (r.appUser) r.appUser['credentials'] = { userName: login }
    return both(r)
  })
  clutter.note(
    'okta-login-case-differs',
    "AD UPNs whose case was changed after the first export (Entra kept the original case, Okta's import took the new one): UPNs and Okta usernames compare case-insensitively, so matching is unaffected.",
    DOCS.upnPlanning,
    cased,
  )

  const converted = [150, 350].map((days) => {
    const convertedMs = exported(now - days * MS.day)
    const p = person(fed, (x) => {
      x.createdMs = Math.min(x.createdMs, convertedMs - 400 * MS.day)
      x.lastSyncMs = convertedMs
    })
    const r = addPerson(d, p)
    r.entraUser.onPremisesSyncEnabled = false
    return both(r)
  })
  clutter.note(
    'converted-to-cloud-only',
    'Users taken out of Entra Connect and restored as cloud-managed (onPremisesSyncEnabled false): the ImmutableID and the on-premises attributes stay, and Okta still sends that ImmutableID, so federation keeps working.',
    DOCS.userResource,
    converted,
  )

  const proxied = [0, 1, 2, 3, 4, 5].map(() => {
    const r = addPerson(d, person())
    const u = r.entraUser
    const mail = u.mail ?? ''
    const sam = u.onPremisesSamAccountName ?? ''
    r.entraUser.proxyAddresses = [
      `SMTP:${mail}`,
      `smtp:${sam}@${fed}`,
      `smtp:${u.mailNickname ?? ''}@${ctx.mailRoutingDomain}`,
      `SIP:${mail}`,
      `EUM:${4000 + rng.int(100, 999)};phone-context=NWT-Dialplan.${ctx.adDomain}`,
      `X500:/o=NWTCORP/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${sam}`,
    ]
    return [subject.entraUser(r.entraUser)]
  })
  clutter.note(
    'proxy-addresses-exchange',
    'Mailboxes migrated from Exchange on-premises: besides SMTP/smtp aliases they carry SIP:, EUM: and X500: proxy addresses (the SIP address equals the primary SMTP one). Only smtp values take part in mail uniqueness.',
    DOCS.proxyAddresses,
    proxied,
  )

  const managed = [0, 1, 2, 3].map(() => addPerson(d, person(ctx.managedDomain), { o365: false }))
  clutter.note(
    'managed-domain-users',
    `People on ${ctx.managedDomain}, a verified managed domain (password hash sync) that Okta does not federate: no Office 365 assignment in Okta, and their Okta login is still their UPN.`,
    DOCS.managedDomain,
    managed.map(both),
  )

  const apostrophes = [
    ['Siobhan', "O'Brien"],
    ['Kieran', "D'Souza"],
  ].map(([given = '', surname = '']) => {
    const p = person(fed, (x) => {
      x.given = given
      x.surname = surname
      x.displayName = `${given} ${surname}`
    })
    p.upn = `${given}.${surname}`.toLowerCase() + `@${fed}`
    p.mail = p.upn
    return both(addPerson(d, p))
  })
  clutter.note(
    'upn-with-apostrophe',
    "UPNs and mail with an apostrophe (o'brien): Entra allows ' in a username and RFC 5322 in an address, and Okta logins accept it. Only the mailNickname drops it.",
    DOCS.usernamePolicy,
    apostrophes,
  )

  const stale = people
    .map((p) => d.entra.users.find((u) => u.id === p.entraId))
    .filter(
      (u) => u && d.orgLastSyncMs - Date.parse(u.onPremisesLastSyncDateTime ?? '') > 180 * MS.day,
    )
    .map((u) => [subject.entraUser(u ?? {})])
  clutter.note(
    'per-user-sync-months-old',
    "Synced users whose onPremisesLastSyncDateTime is months or years old: Entra Connect exports a user only when the AD object changes, and both sides hold the same values. The tenant's last sync is minutes old.",
    DOCS.syncTechnical,
    stale,
  )

  const landed = [2, 5, 9].map((days) => {
    const changedMs = exported(now - days * MS.day - 3 * MS.hour)
    const p = person(fed, (x) => (x.lastSyncMs = changedMs))
    const r = addPerson(d, p)
    const title = nextTitle(p)
    const event = applyPendingChange(ctx, r.oktaUser, {
      attribute: 'title',
      value: title,
      atMs: changedMs - 5 * MS.minute,
    })
    d.okta.logs.push(event)
    r.entraUser.jobTitle = title
    return [...both(r), subject.oktaLog(event)]
  })
  clutter.note(
    'ad-change-landed-both-sides',
    "Recent AD title changes that reached both sides: Okta's import (a user.account.update_profile event) and Entra Connect's export of the same value minutes apart.",
    DOCS.syncScheduler,
    landed,
  )

  const edited = [5 * MS.hour, 2 * MS.day, 6 * MS.day].map((ago) => {
    const r = addPerson(d, person())
    const at = now - ago
    const value = `${r.entraUser.givenName ?? ''}.${rng.int(10, 99)}@outlook.com`.toLowerCase()
    profileOf(r.oktaUser)['secondEmail'] = value
    r.oktaUser['lastUpdated'] = d.dates.o(at)
    const actor = oktaUserActor(r.oktaUser)
    const event = oktaEvent(d, {
      eventType: 'user.account.update_profile',
      displayMessage: 'Update user profile for Okta',
      atMs: at,
      result: 'SUCCESS',
      actor,
      targets: [actor],
    })
    const [target] = event['target'] as OktaRecord[]
    if (target)
      target['changeDetails'] = { from: { secondEmail: null }, to: { secondEmail: value } }
    d.okta.logs.push(event)
    return [...both(r), subject.oktaLog(event)]
  })
  clutter.note(
    'okta-profile-edit-okta-only',
    "People who added a recovery email (secondEmail, an Okta-only attribute) to their Okta profile after Entra Connect's last export of them: Okta's lastUpdated is newer than the Entra sync time, yet no attribute Entra holds differs.",
    DOCS.oktaUsers,
    edited,
  )

  return { managed }
}
