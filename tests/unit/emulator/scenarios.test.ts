import { createHash, createPrivateKey, X509Certificate } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildScenario } from '../../emulator/scenarios'
import { subjectExists } from '../../emulator/scenarios/answer-key'
import type { OktaRecord, Scenario, ScenarioOptions } from '../../emulator/scenarios/types'
import { expectPendingChanges, get, str } from './scenario-checks'

const origins = {
  authorityHost: 'https://localhost:41001',
  graphBaseUrl: 'https://localhost:41002',
  oktaOrgUrl: 'https://localhost:41003',
}
const options: ScenarioOptions = { seed: 7, origins }
const DAY = 86_400_000

const hashOf = (s: Scenario): string => createHash('sha256').update(JSON.stringify(s)).digest('hex')

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

const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,17})$/i
const UPN_BAD =
  /[\s\\%&*+/=?{}|<>();:,[\]"'\u00e4\u00eb\u00ef\u00f6\u00fc\u00ff\u00c4\u00cb\u00cf\u00d6\u00dc\u0178]/
const NICK_BAD = /[\s\\!#$%&*+/=?^`{}|~<>()';:,[\]"@]/

/** A reduced IdFix pass (rule-facts 5.1) over both sides; returns the offending ids. */
function idFixViolations(s: Scenario): Set<string> {
  const bad = new Set<string>()
  const routable = (v: string) => EMAIL.test(v) && !/\.local$/i.test(v)
  for (const u of s.entra.users) {
    const id = u.id ?? ''
    const upn = u.userPrincipalName ?? ''
    const [local = '', domain = ''] = upn.split('@')
    if (UPN_BAD.test(upn) || !routable(upn) || local.length >= 64 || domain.length >= 48)
      bad.add(id)
    if (u.mail !== null && u.mail !== undefined && !routable(u.mail)) bad.add(id)
    const nick = u.mailNickname ?? ''
    if (
      !nick ||
      NICK_BAD.test(nick) ||
      nick.startsWith('.') ||
      nick.endsWith('.') ||
      nick.length >= 64
    )
      bad.add(id)
    for (const p of u.proxyAddresses ?? []) {
      if (/^smtp:/i.test(p) && (!routable(p.slice(5)) || p.length > 256)) bad.add(id)
    }
  }
  for (const u of s.okta.users) {
    const login = str(get(u, 'profile.login'))
    const email = str(get(u, 'profile.email'))
    if (UPN_BAD.test(login) || !routable(login) || !routable(email)) bad.add(str(u['id']))
  }
  return bad
}

describe('healthy scenario', { timeout: 60_000 }, () => {
  let s: Scenario
  beforeAll(async () => {
    s = await buildScenario('healthy', options)
  }, 60_000)

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

  it('licenses people with Office 365 E3 or E5, and no service, device or mailbox account', () => {
    const skus = ['6fd2c87f-b296-42f0-b197-1e91e994b900', 'c7df2760-2c81-4ef7-b578-5b5392b571df']
    for (const u of s.entra.users) {
      const held = (u.assignedLicenses ?? []).map((l) => l.skuId)
      if (u.onPremisesSyncEnabled) {
        expect(held).toHaveLength(1)
        expect(skus).toContain(held[0])
        expect(u.employeeType).toBe('Employee')
        expect(u.department && u.jobTitle && u.companyName).toBeTruthy()
      } else {
        expect(held, u.userPrincipalName ?? '').toEqual([])
        expect(u.employeeType).toBeNull()
      }
    }
  })

  it('passes the IdFix format rules on both sides', () => {
    expect([...idFixViolations(s)]).toEqual([])
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
  })

  it('has per-user export times on sync cycles, mostly months old, with no newer Okta change', () => {
    const lastSync = Date.parse(s.entra.organization[0]?.onPremisesLastSyncDateTime ?? '')
    const oktaByLogin = new Map(s.okta.users.map((u) => [str(get(u, 'profile.login')), u]))
    const ages: number[] = []
    for (const u of s.entra.users.filter((x) => x.onPremisesSyncEnabled)) {
      const exported = Date.parse(u.onPremisesLastSyncDateTime ?? '')
      expect(exported).toBeGreaterThan(Date.parse(u.createdDateTime ?? ''))
      expect((lastSync - exported) % (30 * 60_000)).toBe(0)
      ages.push(lastSync - exported)
      // Okta imported the person's last AD change before Entra Connect exported it
      const okta = oktaByLogin.get(u.userPrincipalName ?? '')
      expect(Date.parse(str(okta?.['lastUpdated']))).toBeLessThanOrEqual(exported)
    }
    expect(ages.filter((a) => a > 30 * DAY).length / ages.length).toBeGreaterThan(0.6)
    expect(ages.some((a) => a < DAY)).toBe(true)
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

describe('broken scenario', { timeout: 60_000 }, () => {
  let s: Scenario
  beforeAll(async () => {
    s = await buildScenario('broken', options)
  }, 60_000)
  const entry = (problem: string) => {
    const e = s.answerKey.find((x) => x.problem === problem)
    if (!e) throw new Error(`no answer-key entry ${problem}`)
    return e
  }
  const idpOf = (problem: string): OktaRecord | undefined => {
    const id = entry(problem).subjects.find((x) => x.type === 'idp')?.id
    return s.okta.idps.find((i) => i['id'] === id)
  }
  const appOf = (problem: string) => {
    const id = entry(problem).subjects.find((x) => x.type === 'application')?.id
    return s.entra.applications.find((a) => a.id === id)
  }
  const usersOf = (problem: string) =>
    entry(problem)
      .subjects.filter((x) => x.source === 'entra' && x.type === 'user')
      .map((x) => s.entra.users.find((u) => u.id === x.id))

  it('is deterministic for a seed', async () => {
    expect(hashOf(await buildScenario('broken', options))).toBe(hashOf(s))
  })

  it('covers every problem category with uniquely named entries', () => {
    expect(new Set(s.answerKey.map((e) => e.category))).toEqual(
      new Set([
        'credential-mismatch',
        'credential-expiry',
        'attribute-mapping',
        'duplicate',
        'data-validation',
        'sync',
        'permission',
        'domain-federation',
        'sign-in',
        'provisioning',
        'configuration',
      ]),
    )
    const names = s.answerKey.map((e) => e.problem)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toEqual(
      expect.arrayContaining([
        'idp-client-id-unknown',
        'idp-secret-is-secret-id',
        'idp-secret-hint-mismatch',
        'idp-endpoint-wrong-tenant',
        'idp-endpoint-common-single-tenant',
        'app-redirect-missing-okta-callback',
        'federation-issuer-mismatch',
        'federation-signing-cert-mismatch',
        'entra-secret-expired',
        'idp-app-secret-expiring',
        'entra-certificate-expiring',
        'okta-app-signing-key-expiring',
        'federation-signing-cert-expiring',
        'saml-nameid-attribute-empty',
        'saml-nameid-format-not-email',
        'o365-immutableid-mapping-missing',
        'immutableid-mismatch',
        'idp-email-match-blank-email',
        'idp-mapping-missing-attributes',
        'upn-login-mismatch',
        'entra-duplicate-upn',
        'entra-duplicate-mail',
        'entra-duplicate-proxyaddress',
        'entra-duplicate-immutableid',
        'okta-duplicate-login',
        'okta-duplicate-email',
        'idp-match-ambiguous',
        'upn-invalid-character',
        'mail-leading-trailing-space',
        'upn-bad-format',
        'mail-non-routable-domain',
        'upn-length',
        'mailnickname-blank',
        'mailnickname-leading-period',
        'proxyaddress-invalid-character',
        'okta-login-invalid',
        'okta-email-non-routable',
        'connect-sync-delayed',
        'user-sync-lag',
        'onprem-property-conflict',
        'sync-job-quarantine',
        'okta-app-user-sync-error',
        'okta-o365-push-failure',
        'entra-provisioning-log-failure',
        'idp-app-missing-scopes',
        'idp-app-missing-admin-consent',
        'upn-suffix-unverified',
        'domain-unverified',
        'federated-domain-without-o365-app',
        'o365-app-domain-not-federated',
        'federated-user-without-immutableid',
        'entra-signin-50107',
        'entra-signin-50008',
        'entra-signin-90020',
        'entra-signin-51004',
        'entra-signin-7000215',
        'entra-signin-50126',
        'entra-signin-53003',
        'okta-idp-unmatched-username',
      ]),
    )
  })

  it('names only subjects that exist in the scenario', () => {
    // only a problem of the collection itself (the reader's missing consent) has no object subjects
    const collectionLevel = new Set(['reader-lacks-group-read'])
    for (const e of s.answerKey) {
      if (!collectionLevel.has(e.problem)) expect(e.subjects.length, e.problem).toBeGreaterThan(0)
      expect(e.planted.length).toBeGreaterThan(10)
      for (const sub of e.subjects)
        expect(subjectExists(s, sub), `${e.problem} ${sub.type} ${sub.id}`).toBe(true)
    }
  })

  it('plants the seam mismatches the entries describe', () => {
    const appIds = new Set(s.entra.applications.map((a) => a.appId))
    expect(
      appIds.has(str(get(idpOf('idp-client-id-unknown'), 'protocol.credentials.client.client_id'))),
    ).toBe(false)
    const secretIdApp = appOf('idp-secret-is-secret-id')
    expect(secretIdApp?.passwordCredentials?.map((p) => p.keyId)).toContain(
      str(get(idpOf('idp-secret-is-secret-id'), 'protocol.credentials.client.client_secret')),
    )
    const hint = str(
      get(idpOf('idp-secret-hint-mismatch'), 'protocol.credentials.client.client_secret'),
    ).slice(0, 3)
    expect(
      appOf('idp-secret-hint-mismatch')?.passwordCredentials?.map((p) => p.hint),
    ).not.toContain(hint)
    expect(
      str(get(idpOf('idp-endpoint-wrong-tenant'), 'protocol.endpoints.token.url')),
    ).not.toContain(s.entra.tenantId)
    expect(
      str(get(idpOf('idp-endpoint-common-single-tenant'), 'protocol.endpoints.authorization.url')),
    ).toContain('/common/')
    expect(appOf('idp-endpoint-common-single-tenant')?.signInAudience).toBe('AzureADMyOrg')
    expect(appOf('app-redirect-missing-okta-callback')?.web?.redirectUris).not.toContain(
      `${origins.oktaOrgUrl}/oauth2/v1/authorize/callback`,
    )
    const certDomain =
      entry('federation-signing-cert-mismatch').subjects.find((x) => x.type === 'domain')?.id ?? ''
    const certApp = s.okta.apps.find((a) => get(a, 'settings.app.domain') === certDomain)
    const active = s.okta.appKeys[str(certApp?.['id'])]?.find(
      (k) => k['kid'] === get(certApp, 'credentials.signing.kid'),
    )
    const fed = s.entra.federationConfigurations[certDomain]?.[0]
    expect((active?.['x5c'] as string[])[0]).not.toBe(fed?.signingCertificate)
    const issuerDomain =
      entry('federation-issuer-mismatch').subjects.find((x) => x.type === 'domain')?.id ?? ''
    const issuerFed = s.entra.federationConfigurations[issuerDomain]?.[0]
    expect(issuerFed?.passiveSignInUri).not.toContain(str(issuerFed?.issuerUri).split('/').pop())
    const grants = s.entra.oauth2PermissionGrants
    const consentSp = entry('idp-app-missing-admin-consent').subjects.find(
      (x) => x.type === 'servicePrincipal',
    )?.id
    expect(grants.some((g) => g.clientId === consentSp)).toBe(false)
  })

  it('plants expiring and expired credentials inside their windows', () => {
    const now = Date.parse(s.now)
    const ends = (problem: string) =>
      (appOf(problem)?.passwordCredentials ?? [])
        .concat(appOf(problem)?.keyCredentials ?? [])
        .map((c) => Date.parse(c.endDateTime ?? ''))
    expect(Math.max(...ends('entra-secret-expired'))).toBeLessThan(now)
    expect(Math.max(...ends('idp-app-secret-expiring'))).toBeLessThan(now + 30 * DAY)
    expect(Math.max(...ends('entra-certificate-expiring'))).toBeLessThan(now + 60 * DAY)
    const kid = entry('okta-app-signing-key-expiring').subjects.find((x) => x.type === 'appKey')?.id
    const key = Object.values(s.okta.appKeys)
      .flat()
      .find((k) => k['kid'] === kid)
    expect(Date.parse(str(key?.['expiresAt']))).toBeLessThan(now + 30 * DAY)
  })

  it('fails the IdFix format rules exactly where data-validation problems are planted', () => {
    const bad = idFixViolations(s)
    const planted = s.answerKey
      .filter((e) => e.category === 'data-validation')
      .flatMap((e) => e.subjects.filter((x) => x.type === 'user').map((x) => x.id))
    expect(planted.length).toBeGreaterThan(10)
    for (const id of planted) expect(bad.has(id), id).toBe(true)
  })

  it('plants people problems visible in the data', () => {
    const [a, b] = usersOf('entra-duplicate-immutableid')
    expect(a?.onPremisesImmutableId).toBe(b?.onPremisesImmutableId)
    const [c, d] = usersOf('entra-duplicate-mail')
    expect(c?.mail?.toLowerCase()).toBe(d?.mail?.toLowerCase())
    const [e, f] = usersOf('entra-duplicate-upn')
    expect(e?.onPremisesUserPrincipalName?.toLowerCase()).toBe(
      f?.onPremisesUserPrincipalName?.toLowerCase(),
    )
    expect(f?.onPremisesProvisioningErrors?.[0]?.category).toBe('PropertyConflict')
    const long = usersOf('upn-length')[0]?.userPrincipalName ?? ''
    expect(long.split('@')[0]?.length).toBeGreaterThanOrEqual(64)
    expect(usersOf('mailnickname-blank')[0]?.mailNickname).toBe('')
    expect(usersOf('idp-email-match-blank-email').every((u) => u?.mail === null)).toBe(true)
    expect(usersOf('federated-user-without-immutableid')[0]?.onPremisesImmutableId).toBeNull()
    const mismatch = usersOf('immutableid-mismatch')[0]
    const o365 = s.okta.apps.find(
      (x) => x['name'] === 'office365' && get(x, 'settings.app.domain') === 'northwindtraders.com',
    )
    const appUser = s.okta.appUsers[str(o365?.['id'])]?.find(
      (x) => x['externalId'] === mismatch?.id,
    )
    expect(get(appUser, 'profile.immutableId')).not.toBe(mismatch?.onPremisesImmutableId)
    const lastSync = Date.parse(s.entra.organization[0]?.onPremisesLastSyncDateTime ?? '')
    expect(Date.parse(s.now) - lastSync).toBeGreaterThan(60 * 60_000)
    expectPendingChanges(s, entry('user-sync-lag'))
    const jobs = Object.values(s.entra.synchronizationJobs).flat()
    expect(jobs.some((j) => j.status?.code === 'Quarantine')).toBe(true)
  })

  it('plants every sign-in failure code and names real users and apps in activity', () => {
    const codes = s.entra.signIns.map((x) => x.status?.errorCode)
    for (const code of [50107, 50008, 90020, 51004, 7000215, 50126, 53003])
      expect(codes).toContain(code)
    const unmatched = s.okta.logs.find(
      (e) => get(e, 'outcome.reason') === 'Unable to match transformed username',
    )
    expect(unmatched?.['eventType']).toBe('user.authentication.auth_via_IDP')
    const push = s.okta.logs.find(
      (e) =>
        e['eventType'] === 'application.provision.user.push_profile' &&
        get(e, 'outcome.result') === 'FAILURE',
    )
    expect(str(get(push, 'outcome.reason'))).toContain('Request_BadRequest')
    expect(str(get(push, 'outcome.reason')).length).toBeLessThanOrEqual(255)
    expectActivityReferencesExist(s)
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
