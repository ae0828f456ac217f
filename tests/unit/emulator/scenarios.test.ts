import { createHash, createPrivateKey, X509Certificate } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildScenario } from '../../emulator/scenarios'
import type { OktaRecord, Scenario, ScenarioOptions } from '../../emulator/scenarios/types'

const origins = {
  authorityHost: 'https://localhost:41001',
  graphBaseUrl: 'https://localhost:41002',
  oktaOrgUrl: 'https://localhost:41003',
}
const options: ScenarioOptions = { seed: 7, origins }
const DAY = 86_400_000

const hashOf = (s: Scenario): string => createHash('sha256').update(JSON.stringify(s)).digest('hex')
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const get = (r: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      r,
    )

function duplicates(values: (string | null | undefined)[]): string[] {
  const seen = new Set<string>()
  const dup: string[] = []
  for (const v of values) {
    if (!v) continue
    const k = v.toLowerCase()
    if (seen.has(k)) dup.push(v)
    seen.add(k)
  }
  return dup
}

describe('healthy scenario', () => {
  let s: Scenario
  beforeAll(async () => {
    s = await buildScenario('healthy', options)
  })

  it('is deterministic for a seed and differs across seeds', async () => {
    expect(hashOf(await buildScenario('healthy', options))).toBe(hashOf(s))
    expect(hashOf(await buildScenario('healthy', { ...options, seed: 8 }))).not.toBe(hashOf(s))
  })

  it('holds about 200 users a side and an empty answer key', () => {
    expect(s.entra.users.length).toBeGreaterThanOrEqual(190)
    expect(s.okta.users.length).toBeGreaterThanOrEqual(190)
    expect(s.answerKey).toEqual([])
    expect(s.entra.premiumLicense).toBe(true)
  })

  it('wires every Microsoft IdP to an Entra app with the current secret and Okta callback', () => {
    expect(s.okta.idps.length).toBeGreaterThan(0)
    for (const idp of s.okta.idps) {
      const clientId = str(get(idp, 'protocol.credentials.client.client_id'))
      const secret = str(get(idp, 'protocol.credentials.client.client_secret'))
      const app = s.entra.applications.find((a) => a.appId === clientId)
      expect(app, `app for ${clientId}`).toBeDefined()
      expect(app?.passwordCredentials?.some((p) => p.hint === secret.slice(0, 3))).toBe(true)
      expect(s.entra.secrets.some((x) => x.appId === clientId && x.secretText === secret)).toBe(
        true,
      )
      expect(app?.web?.redirectUris).toContain(`${origins.oktaOrgUrl}/oauth2/v1/authorize/callback`)
      expect(str(get(idp, 'protocol.endpoints.token.url'))).toBe(
        `${origins.authorityHost}/${s.entra.tenantId}/oauth2/v2.0/token`,
      )
      const sp = s.entra.servicePrincipals.find((x) => x.appId === clientId)
      const grant = s.entra.oauth2PermissionGrants.find((g) => g.clientId === sp?.id)
      expect(grant?.consentType).toBe('AllPrincipals')
      expect(grant?.scope?.split(' ')).toEqual(
        expect.arrayContaining(['openid', 'email', 'profile']),
      )
    }
  })

  it('federates the domain with the Office 365 app issuer, URIs and active signing key', () => {
    const federated = s.entra.domains.filter((d) => d.authenticationType === 'Federated')
    expect(federated.length).toBe(1)
    for (const domain of federated) {
      const fed = s.entra.federationConfigurations[domain.id ?? '']?.[0]
      const app = s.okta.apps.find(
        (a) => a['name'] === 'office365' && get(a, 'settings.app.domain') === domain.id,
      )
      expect(fed && app).toBeTruthy()
      const key = str(get(app, '_links.metadata.href')).split('/')[5]
      expect(key).toMatch(/^exk/)
      expect(fed?.issuerUri).toBe(`http://www.okta.com/${key}`)
      expect(fed?.passiveSignInUri).toBe(
        `${origins.oktaOrgUrl}/app/office365/${key}/sso/wsfed/passive`,
      )
      expect(fed?.activeSignInUri).toBe(
        `${origins.oktaOrgUrl}/app/office365/${key}/sso/wsfed/active`,
      )
      const kid = get(app, 'credentials.signing.kid')
      const active = s.okta.appKeys[str(app?.['id'])]?.find((k) => k['kid'] === kid)
      expect((active?.['x5c'] as string[])[0]).toBe(fed?.signingCertificate)
      const cert = new X509Certificate(Buffer.from(fed?.signingCertificate ?? '', 'base64'))
      expect(Date.parse(cert.validTo)).toBe(Date.parse(str(active?.['expiresAt'])))
    }
  })

  it('agrees on people: Okta login = UPN, email = mail, O365 immutableId = onPremisesImmutableId', () => {
    const o365 = s.okta.apps.find((a) => a['name'] === 'office365')
    const appUsers = s.okta.appUsers[str(o365?.['id'])] ?? []
    const entraById = new Map(s.entra.users.map((u) => [u.id, u]))
    const oktaById = new Map(s.okta.users.map((u) => [str(u['id']), u]))
    expect(appUsers.length).toBeGreaterThan(150)
    for (const au of appUsers) {
      const entra = entraById.get(str(au['externalId']))
      const okta = oktaById.get(str(au['id']))
      expect(entra?.onPremisesImmutableId).toBeTruthy()
      expect(get(au, 'profile.immutableId')).toBe(entra?.onPremisesImmutableId)
      expect(get(okta, 'profile.login')).toBe(entra?.userPrincipalName)
      expect(get(okta, 'profile.email')).toBe(entra?.mail)
      expect(get(okta, 'profile.immutableId')).toBe(entra?.onPremisesImmutableId)
    }
    const fedDomain = s.entra.domains.find((d) => d.authenticationType === 'Federated')?.id ?? ''
    for (const u of s.entra.users.filter((x) => x.userPrincipalName?.endsWith('@' + fedDomain))) {
      expect(u.onPremisesImmutableId, u.userPrincipalName ?? '').toBeTruthy()
    }
  })

  it('has no duplicate UPNs, mail, proxyAddresses, immutable IDs, logins or emails', () => {
    const u = s.entra.users
    expect(duplicates(u.map((x) => x.userPrincipalName))).toEqual([])
    expect(duplicates(u.map((x) => x.onPremisesUserPrincipalName))).toEqual([])
    expect(duplicates(u.map((x) => x.mail))).toEqual([])
    expect(
      duplicates(u.flatMap((x) => (x.proxyAddresses ?? []).map((p) => p.replace(/^smtp:/i, '')))),
    ).toEqual([])
    expect(duplicates(u.map((x) => x.onPremisesImmutableId))).toEqual([])
    expect(duplicates(s.okta.users.map((x) => str(get(x, 'profile.login'))))).toEqual([])
    expect(duplicates(s.okta.users.map((x) => str(get(x, 'profile.email'))))).toEqual([])
  })

  it('has no credential expiring within 90 days and a recent Entra Connect sync', () => {
    const now = Date.parse(s.now)
    const horizon = now + 90 * DAY
    for (const a of s.entra.applications) {
      for (const c of [...(a.passwordCredentials ?? []), ...(a.keyCredentials ?? [])]) {
        expect(Date.parse(c.endDateTime ?? ''), a.displayName ?? '').toBeGreaterThan(horizon)
      }
    }
    for (const keys of Object.values(s.okta.appKeys)) {
      for (const k of keys) expect(Date.parse(str(k['expiresAt']))).toBeGreaterThan(horizon)
    }
    const lastSync = Date.parse(s.entra.organization[0]?.onPremisesLastSyncDateTime ?? '')
    expect(now - lastSync).toBeLessThan(30 * 60_000)
    for (const u of s.entra.users.filter((x) => x.onPremisesSyncEnabled)) {
      expect(lastSync - Date.parse(u.onPremisesLastSyncDateTime ?? '')).toBeLessThan(30 * 60_000)
    }
  })

  it('grants the reader app every Graph role it needs, by ids the Graph service principal lists', () => {
    const reader = s.entra.applications.find((a) => a.appId === s.credentials.entra.clientId)
    const sp = s.entra.servicePrincipals.find((x) => x.appId === reader?.appId)
    const graph = s.entra.servicePrincipals.find(
      (x) => x.appId === '00000003-0000-0000-c000-000000000000',
    )
    const granted = (s.entra.appRoleAssignments[sp?.id ?? ''] ?? []).map(
      (a) => graph?.appRoles?.find((r) => r.id === a.appRoleId)?.value,
    )
    expect(granted).toEqual(
      expect.arrayContaining([
        'User.Read.All',
        'Group.Read.All',
        'Directory.Read.All',
        'Application.Read.All',
        'AuditLog.Read.All',
        'Domain.Read.All',
        'Organization.Read.All',
        'Synchronization.Read.All',
        'Policy.Read.All',
        'DelegatedPermissionGrant.Read.All',
        'OnPremDirectorySynchronization.Read.All',
      ]),
    )
    expect(s.entra.secrets).toContainEqual(
      expect.objectContaining({
        appId: reader?.appId,
        secretText: s.credentials.entra.clientSecret,
      }),
    )
    const cert = s.credentials.entra.certificate
    expect(cert?.privateKeyPem).toContain('PRIVATE KEY')
    expect(
      new X509Certificate(cert?.certificatePem ?? '').checkPrivateKey(
        createPrivateKey(cert?.privateKeyPem ?? ''),
      ),
    ).toBe(true)
    expect(s.okta.apiTokens.find((t) => t.token === s.credentials.okta.apiToken)).toMatchObject({
      admin: true,
    })
    expect(s.okta.apiTokens.some((t) => t.revoked)).toBe(true)
    expect(s.okta.apiTokens.some((t) => !t.admin)).toBe(true)
  })

  it('names real users and apps in every sign-in and System Log event', () => {
    expectActivityReferencesExist(s)
    expect(s.entra.signIns.every((x) => x.status?.errorCode === 0)).toBe(true)
    expect(s.okta.logs.every((e) => get(e, 'outcome.result') === 'SUCCESS')).toBe(true)
  })
})

function expectActivityReferencesExist(s: Scenario): void {
  const entraUsers = new Set(s.entra.users.map((u) => u.id))
  const appIds = new Set(s.entra.servicePrincipals.map((x) => x.appId))
  expect(s.entra.signIns.length).toBeGreaterThan(0)
  for (const x of s.entra.signIns) {
    expect(entraUsers.has(x.userId)).toBe(true)
    expect(appIds.has(x.appId)).toBe(true)
  }
  const ids = new Set<string>([
    ...s.okta.users.map((u) => str(u['id'])),
    ...s.okta.apps.map((a) => str(a['id'])),
    ...s.okta.idps.map((i) => str(i['id'])),
  ])
  expect(s.okta.logs.length).toBeGreaterThan(0)
  for (const e of s.okta.logs) {
    for (const t of (e['target'] as OktaRecord[]) ?? []) {
      if (t['type'] === 'User' || t['type'] === 'AppInstance' || t['type'] === 'IdentityProvider') {
        expect(ids.has(str(t['id'])), `${str(e['eventType'])} target ${str(t['id'])}`).toBe(true)
      }
    }
    const actor = e['actor'] as OktaRecord
    if (actor['type'] === 'User' && actor['id'] !== 'unknown')
      expect(ids.has(str(actor['id']))).toBe(true)
  }
  const spIds = new Set(s.entra.servicePrincipals.map((x) => x.id))
  for (const spId of Object.keys(s.entra.synchronizationJobs)) expect(spIds.has(spId)).toBe(true)
  for (const p of s.entra.provisioningLogs) {
    expect(spIds.has(p.servicePrincipal?.id ?? '')).toBe(true)
    expect(entraUsers.has(p.sourceIdentity?.id ?? '')).toBe(true)
  }
}
