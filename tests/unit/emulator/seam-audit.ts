/**
 * A test's own audit of a scenario's seam: the invariants a working Entra–Okta pair keeps,
 * written from what the scenarios promise (not from the product's rules). `realistic` must
 * keep them all; every object a broken scenario violates them with must be in its answer key.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { OktaRecord, Scenario } from '../../emulator/scenarios/types'
import { get, str } from './scenario-checks'

export interface Violation {
  check: string
  /** ids of the objects involved (Entra object ids, Okta ids, domain names, kids) */
  ids: string[]
}

const DAY = 86_400_000
const lower = (v: unknown): string => str(v).toLowerCase()

export function auditSeam(s: Scenario): Violation[] {
  const out: Violation[] = []
  const flag = (check: string, ...ids: (string | null | undefined)[]) =>
    out.push({ check, ids: ids.filter((x): x is string => !!x) })
  const now = Date.parse(s.now)
  const e = s.entra
  const o = s.okta
  const oktaById = new Map(o.users.map((u) => [str(u['id']), u]))
  const entraById = new Map(e.users.map((u) => [u.id ?? '', u]))
  const byUpn = new Map(e.users.map((u) => [lower(u.userPrincipalName), u]))
  const verified = new Set(e.domains.filter((d) => d.isVerified).map((d) => lower(d.id)))
  const federated = new Set(
    e.domains.filter((d) => d.authenticationType === 'Federated').map((d) => lower(d.id)),
  )
  const domainOf = (v: unknown) => lower(v).split('@')[1] ?? ''
  const licensed = (u: MG.User) => (u.assignedLicenses ?? []).length > 0
  const adSourced = (u: OktaRecord) => get(u, 'credentials.provider.type') === 'ACTIVE_DIRECTORY'
  const o365 = o.apps.find(
    (a) =>
      a['name'] === 'office365' &&
      a['status'] === 'ACTIVE' &&
      federated.has(lower(get(a, 'settings.app.domain'))),
  )
  const o365Users = o365 ? (o.appUsers[str(o365['id'])] ?? []) : []
  const appUserOf = new Map(o365Users.map((a) => [str(a['id']), a]))

  // people: an AD-sourced Okta user and the Entra user with its UPN (or its recycled object)
  for (const u of o.users.filter(adSourced)) {
    const login = get(u, 'profile.login')
    const status = str(u['status'])
    const entra = byUpn.get(lower(login))
    const changed = Date.parse(str(u['statusChanged']))
    const appUser = appUserOf.get(str(u['id']))
    if (!entra) {
      if (status !== 'DEPROVISIONED')
        flag('okta-login-is-no-entra-upn', str(u['id']), str(appUser?.['externalId']))
      continue
    }
    const closed =
      status === 'DEPROVISIONED' || (status === 'SUSPENDED' && now - changed > 30 * DAY)
    if (closed && entra.accountEnabled && licensed(entra))
      flag('okta-closed-entra-open', str(u['id']), entra.id)
    if (status === 'ACTIVE' && entra.accountEnabled === false && entra.userType === 'Member')
      flag('entra-closed-okta-active', str(u['id']), entra.id)
    const exported = Date.parse(entra.onPremisesLastSyncDateTime ?? '')
    if (entra.onPremisesSyncEnabled && Date.parse(str(u['lastUpdated'])) > exported) {
      const pairs: [string, unknown][] = [
        ['title', entra.jobTitle],
        ['department', entra.department],
        ['lastName', entra.surname],
        ['displayName', entra.displayName],
      ]
      if (pairs.some(([a, v]) => get(u, `profile.${a}`) !== v))
        flag('pending-change', str(u['id']), entra.id)
    }
    if (entra.mail === null && get(u, 'profile.email'))
      flag('entra-mail-missing', str(u['id']), entra.id)
  }
  for (const d of e.deletedUsers) {
    const live = o365Users.find((a) => a['externalId'] === d.id)
    if (live && oktaById.get(str(live['id']))?.['status'] === 'ACTIVE')
      flag('deleted-okta-active', d.id, str(live['id']))
  }

  // Office 365 app users: one Okta user per Entra account, with that account's ImmutableID
  const anchors = new Map<string, string[]>()
  for (const a of o365Users) {
    const id = str(get(a, 'profile.immutableId'))
    anchors.set(id, [...(anchors.get(id) ?? []), str(a['id'])])
    const entra = entraById.get(str(a['externalId']))
    if (entra && entra.onPremisesImmutableId !== id)
      flag('o365-immutableid-mismatch', str(a['id']), entra.id)
  }
  for (const [id, owners] of anchors) {
    const entra = e.users.find((u) => u.onPremisesImmutableId === id)
    if (owners.length > 1) flag('o365-immutableid-shared', entra?.id, ...owners)
  }

  // Entra people
  const seen = new Map<string, string>()
  for (const u of e.users) {
    const values = [
      u.userPrincipalName,
      u.mail,
      ...(u.proxyAddresses ?? []).filter((p) => /^smtp:/i.test(p)).map((p) => p.slice(5)),
    ]
    for (const v of new Set(values.map(lower).filter(Boolean))) {
      const other = seen.get(v)
      if (other && other !== u.id) flag('entra-duplicate-address', other, u.id)
      seen.set(v, u.id ?? '')
    }
    const upn = u.onPremisesUserPrincipalName ?? u.userPrincipalName ?? ''
    if (/[\s\\%&*+/=?{}|<>();:,[\]"äëïöüÿÄËÏÖÜŸ]/.test(upn)) flag('upn-invalid-character', u.id)
    if (u.onPremisesUserPrincipalName && !verified.has(domainOf(u.onPremisesUserPrincipalName)))
      flag('upn-suffix-unverified', u.id, domainOf(u.onPremisesUserPrincipalName))
    if (
      federated.has(domainOf(u.userPrincipalName)) &&
      u.accountEnabled &&
      !u.onPremisesImmutableId
    )
      flag('federated-user-without-immutableid', u.id)
  }

  // the IdPs Okta signs people in with, and the apps behind them
  for (const idp of o.idps.filter((i) => i['type'] === 'MICROSOFT' && i['status'] === 'ACTIVE')) {
    const app = e.applications.find(
      (a) => a.appId === get(idp, 'protocol.credentials.client.client_id'),
    )
    const hint = str(get(idp, 'protocol.credentials.client.client_secret')).slice(0, 3)
    const held = app?.passwordCredentials?.find((c) => c.hint === hint)
    if (!held) flag('idp-secret-unknown', str(idp['id']), app?.id)
    else if (Date.parse(held.endDateTime ?? '') < now)
      flag('idp-secret-expired', str(idp['id']), app?.id)
    const sp = e.servicePrincipals.find((x) => x.appId === app?.appId)
    if (!e.oauth2PermissionGrants.some((g) => g.clientId === sp?.id))
      flag('idp-app-not-consented', str(idp['id']), app?.id)
  }
  for (const a of o.apps.filter((x) => x['status'] === 'ACTIVE')) {
    const kid = get(a, 'credentials.signing.kid')
    const key = (o.appKeys[str(a['id'])] ?? []).find((k) => k['kid'] === kid)
    if (key && Date.parse(str(key['expiresAt'])) < now + 90 * DAY)
      flag('active-key-expiring', str(a['id']), str(kid))
  }
  for (const d of e.domains.filter((x) => !x.isVerified)) {
    const id = lower(d.id)
    const used = e.users.some((u) =>
      [
        u.userPrincipalName,
        u.onPremisesUserPrincipalName,
        u.mail,
        ...(u.proxyAddresses ?? []),
      ].some((v) => lower(v).endsWith(`@${id}`)),
    )
    if (used) flag('unverified-domain-in-use', d.id)
  }

  // every failed sign-in is followed by a success of the same flow
  for (const f of e.signIns.filter((x) => x.status?.errorCode)) {
    const ok = e.signIns.some(
      (x) =>
        x.correlationId === f.correlationId &&
        x.status?.errorCode === 0 &&
        (x.createdDateTime ?? '') > (f.createdDateTime ?? ''),
    )
    if (!ok) flag('signin-failure-without-success', f.id, f.userId)
  }
  return out
}
