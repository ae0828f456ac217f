import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../../emulator/index'
import { callJson, graphToken } from '../../emulator/testing/clients'
import { FIXTURE, GRAPH_ROLES } from '../../emulator/testing/constants'
import { startFixtureEmulator } from '../../emulator/testing/start'
import { signJwt } from '../../emulator/jwt'
import { selfSignedCertificate } from '../../emulator/tls'

type Page = {
  '@odata.context': string
  '@odata.nextLink'?: string
  '@odata.deltaLink'?: string
  '@odata.count'?: number
  value: Record<string, unknown>[]
}
type GraphErr = { error: { code: string; message: string; innerError: Record<string, string> } }

let emu: Emulator
let token: string
let limited: string
beforeAll(async () => {
  emu = await startFixtureEmulator({ users: 2100 })
  token = await graphToken(emu, FIXTURE.readerAppId, FIXTURE.secret)
  limited = await graphToken(emu, FIXTURE.limitedAppId, FIXTURE.limitedSecret)
})
afterAll(() => emu?.close())

const get = <T = Page>(path: string, headers: Record<string, string> = {}, bearer = token) =>
  callJson<T>(
    path.startsWith('https:') ? path : `${emu.graphBaseUrl}/v1.0/${path.replace(/ /g, '%20')}`,
    { ca: emu.caPem, headers: { authorization: `Bearer ${bearer}`, ...headers } },
  )

describe('Graph v1.0 emulation', () => {
  it('returns the default user property set without $select, and request-id headers', async () => {
    const r = await get('users?$top=2', { 'client-request-id': 'abc-123' })
    expect(r.status).toBe(200)
    expect(r.headers['client-request-id']).toBe('abc-123')
    expect(r.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(r.headers.date).toBeTruthy()
    expect(r.headers['x-ms-resource-unit']).toBe('1')
    expect((await get('users')).headers['x-ms-resource-unit']).toBe('2')
    expect(r.json['@odata.context']).toBe(`${emu.graphBaseUrl}/v1.0/$metadata#users`)
    expect(Object.keys(r.json.value[0] ?? {}).sort()).toEqual([
      'businessPhones',
      'displayName',
      'givenName',
      'id',
      'jobTitle',
      'mail',
      'mobilePhone',
      'officeLocation',
      'preferredLanguage',
      'surname',
      'userPrincipalName',
    ])
  })

  it('projects $select with null for unset properties and pages with an absolute nextLink', async () => {
    const seen: string[] = []
    let url: string | undefined = 'users?$select=id,onPremisesImmutableId,faxNumber&$top=999'
    let pages = 0
    while (url) {
      const r: { json: Page } = await get(url)
      pages++
      for (const u of r.json.value) {
        expect(Object.keys(u)).toEqual(['id', 'onPremisesImmutableId', 'faxNumber'])
        expect(u.faxNumber).toBeNull()
        seen.push(String(u.id))
      }
      url = r.json['@odata.nextLink']
      if (url)
        expect(
          url.startsWith(`${emu.graphBaseUrl}/v1.0/users?`) && url.includes('$skiptoken='),
        ).toBe(true)
    }
    expect(pages).toBe(3)
    expect(seen).toEqual(emu.scenario.entra.users.map((u) => u.id))
  })

  it('enforces the $top maxima (999, 500 with signInActivity)', async () => {
    expect((await get('users?$top=1000')).status).toBe(400)
    expect((await get('users?$top=999&$select=id,signInActivity')).status).toBe(400)
    const ok = await get('users?$top=500&$select=id,signInActivity')
    expect(ok.json.value).toHaveLength(500)
    expect(ok.json.value[0]?.signInActivity).toBeTruthy()
  })

  it('needs ConsistencyLevel: eventual for $count', async () => {
    const bad = await get<GraphErr>('users?$count=true')
    expect(bad.status).toBe(400)
    expect(bad.json.error.code).toBe('Request_UnsupportedQuery')
    const ok = await get('users?$count=true&$top=5', { consistencylevel: 'eventual' })
    expect(ok.json['@odata.count']).toBe(2100)
    const next = await get(String(ok.json['@odata.nextLink']))
    expect(next.status).toBe(200)
    expect(next.json['@odata.count']).toBeUndefined()
    const plain = await callJson<number>(`${emu.graphBaseUrl}/v1.0/users/$count`, {
      ca: emu.caPem,
      headers: { authorization: `Bearer ${token}`, consistencylevel: 'eventual' },
    })
    expect(plain.json).toBe(2100)
    expect(plain.headers['content-type']).toMatch(/text\/plain/)
  })

  it('filters servicePrincipals by appId and sign-ins by date, newest first', async () => {
    const sp = await get(`servicePrincipals?$filter=appId eq '${FIXTURE.readerAppId}'`)
    expect(sp.json.value.map((s) => s.id)).toEqual([FIXTURE.readerSpId])
    const since = new Date(Date.parse(FIXTURE.now) - 2.5 * 3600_000).toISOString()
    const si = await get(`auditLogs/signIns?$filter=createdDateTime ge ${since}`)
    expect(si.json.value.map((s) => s.id)).toEqual(['si-0', 'si-1'])
    const audits = await get(
      `auditLogs/directoryAudits?$filter=activityDateTime ge ${new Date(Date.parse(FIXTURE.now) - 2 * 86400_000).toISOString()}`,
    )
    expect(audits.json.value.map((a) => a.id)).toEqual(['Directory_2'])
  })

  it('serves the nested and singleton resources', async () => {
    expect(
      (await get(`servicePrincipals/${FIXTURE.readerSpId}/appRoleAssignments`)).json.value.length,
    ).toBe(Object.keys(GRAPH_ROLES).length)
    expect(
      (await get(`servicePrincipals/${FIXTURE.provisioningSpId}/synchronization/jobs`)).json
        .value[0]?.id,
    ).toBe('okta.e0e0.job')
    const fed = await get(`domains/${FIXTURE.federatedDomain}/federationConfiguration`)
    expect(fed.json['@odata.context']).toContain(
      `domains('${FIXTURE.federatedDomain}')/federationConfiguration`,
    )
    expect(fed.json.value[0]?.issuerUri).toBe('http://www.okta.com/exk1fedemulator')
    // Graph serves the sync settings to no application permission, only to a signed-in Global Administrator
    const sync = await get<{ error?: { code?: string } }>('directory/onPremisesSynchronization')
    expect(sync.status).toBe(403)
    expect(sync.json.error?.code).toBe('Authorization_RequestDenied')
    expect((await get('organization')).json.value[0]?.id).toBe(FIXTURE.tenantId)
    expect((await get('oauth2PermissionGrants')).json.value).toHaveLength(1)
    expect((await get('auditLogs/provisioning')).json.value).toHaveLength(1)
    const apps = await get('applications')
    const creds = apps.json.value[0]?.keyCredentials as { key: unknown }[]
    expect(creds[0]?.key).toBeNull()
    const one = await get<Record<string, unknown>>(
      `applications(appId='${FIXTURE.readerAppId}')?$select=keyCredentials`,
    )
    expect((one.json.keyCredentials as { key: unknown }[])[0]?.key).toBeTruthy()
    expect((await get<GraphErr>('users/nobody@nowhere')).json.error.code).toBe(
      'Request_ResourceNotFound',
    )
  })

  it('answers 403 Authorization_RequestDenied per endpoint from the token roles', async () => {
    expect((await get('users?$top=1', {}, limited)).status).toBe(200)
    for (const path of [
      'groups',
      'applications',
      'auditLogs/directoryAudits',
      'domains',
      'organization',
      `servicePrincipals/${FIXTURE.provisioningSpId}/synchronization/jobs`,
      'oauth2PermissionGrants',
      'directory/onPremisesSynchronization',
    ]) {
      const r = await get<GraphErr>(path, { 'client-request-id': 'cr-1' }, limited)
      expect(r.status, path).toBe(403)
      expect(r.json.error.code).toBe('Authorization_RequestDenied')
      expect(r.json.error.innerError['client-request-id']).toBe('cr-1')
      expect(r.json.error.innerError['request-id']).toBeTruthy()
      expect(r.json.error.innerError.date).toBeTruthy()
    }
    expect((await get('users?$select=id,signInActivity', {}, limited)).status).toBe(403)
  })

  it('answers 401 InvalidAuthenticationToken for bad, expired and wrong-audience tokens', async () => {
    const stranger = selfSignedCertificate('x')
    const now = Math.floor(Date.now() / 1000)
    const forged = signJwt(
      { alg: 'RS256', kid: 'k' },
      { aud: 'https://graph.microsoft.com', tid: FIXTURE.tenantId, exp: now + 60 },
      stranger.key,
    )
    const other = await callJson<{ access_token: string }>(
      `${emu.authorityHost}/${emu.tenantId}/oauth2/v2.0/token`,
      {
        ca: emu.caPem,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: FIXTURE.readerAppId,
          client_secret: FIXTURE.secret,
          grant_type: 'client_credentials',
          scope: 'api://okta-provisioning/.default',
        }).toString(),
      },
    )
    expect(other.status).toBe(200)
    const wrongAudience = await get<GraphErr>('users', {}, other.json.access_token)
    expect(wrongAudience.json.error.message).toMatch(/audience/)
    for (const bearer of [
      'garbage',
      forged,
      `${token.slice(0, -4)}AAAA`,
      other.json.access_token,
    ]) {
      const r = await get<GraphErr>('users', {}, bearer)
      expect(r.status).toBe(401)
      expect(r.json.error.code).toBe('InvalidAuthenticationToken')
    }
    emu.setFaults('tokenLifetime=1')
    const short = await graphToken(emu, FIXTURE.readerAppId, FIXTURE.secret)
    emu.setFaults('none')
    await new Promise((r) => setTimeout(r, 1100))
    expect((await get<GraphErr>('users', {}, short)).json.error.message).toMatch(/expired/)
  })

  it('tracks changes for users/delta and groups/delta after mutations', async () => {
    let url: string | undefined = 'users/delta?$select=id,displayName'
    let deltaLink = ''
    let count = 0
    while (url) {
      const r: { json: Page } = await get(url, { prefer: 'odata.maxpagesize=999' })
      count += r.json.value.length
      url = r.json['@odata.nextLink']
      if (r.json['@odata.deltaLink']) deltaLink = r.json['@odata.deltaLink']
    }
    expect(count).toBe(2100)
    expect(deltaLink).toContain('$deltatoken=')
    const users = emu.scenario.entra.users
    const changedId = String(users[10]?.id)
    const removedId = String(users[11]?.id)
    emu.mutate.entra.update('users', changedId, { displayName: 'Renamed' })
    emu.mutate.entra.remove('users', removedId, 'changed')
    emu.mutate.entra.add('users', {
      id: 'new-user-1',
      displayName: 'New',
      userPrincipalName: 'new@contoso.example',
    })
    const r = await get(deltaLink)
    expect(r.json.value).toEqual([
      { id: changedId, displayName: 'Renamed' },
      { id: 'new-user-1', displayName: 'New' },
      { '@odata.type': '#microsoft.graph.user', id: removedId, '@removed': { reason: 'changed' } },
    ])
    const again = await get(String(r.json['@odata.deltaLink']))
    expect(again.json.value).toEqual([])
    const groups = await get('groups/delta?$select=displayName,members')
    expect(Object.keys(groups.json.value[0] ?? {})).toEqual(['displayName', 'id', 'members@delta'])
    expect(groups.json.value[0]?.['members@delta']).toEqual([
      { '@odata.type': '#microsoft.graph.user', id: emu.scenario.entra.users[0]?.id },
      { '@odata.type': '#microsoft.graph.user', id: emu.scenario.entra.users[1]?.id },
    ])
  })
})

describe('Graph without a premium licence', () => {
  let basic: Emulator
  beforeAll(async () => {
    basic = await startFixtureEmulator({ premium: false })
  })
  afterAll(() => basic?.close())

  it('refuses sign-in logs and signInActivity with Authentication_RequestFromNonPremiumTenantOrB2CTenant', async () => {
    const t = await graphToken(basic, FIXTURE.readerAppId, FIXTURE.secret)
    for (const path of ['auditLogs/signIns', 'users?$select=id,signInActivity']) {
      const r = await callJson<GraphErr>(`${basic.graphBaseUrl}/v1.0/${path}`, {
        ca: basic.caPem,
        headers: { authorization: `Bearer ${t}` },
      })
      expect(r.status).toBe(403)
      expect(r.json.error.code).toBe('Authentication_RequestFromNonPremiumTenantOrB2CTenant')
    }
  })
})
