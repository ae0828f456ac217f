import { Client } from '@okta/okta-sdk-nodejs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../../emulator/index'
import { CaRequestExecutor } from '../../emulator/testing/clients'
import { FIXTURE } from '../../emulator/testing/fixture'
import { startFixtureEmulator } from '../../emulator/testing/start'

let emu: Emulator
beforeAll(async () => {
  emu = await startFixtureEmulator({ users: 450, oktaRateWindowSeconds: 2 })
})
afterAll(() => emu?.close())

function sswsClient(token: string = FIXTURE.oktaToken): Client {
  return new Client({
    orgUrl: emu.oktaOrgUrl,
    token,
    cacheMiddleware: null,
    requestExecutor: new CaRequestExecutor(emu.caPem),
  })
}

async function all<T>(collection: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of collection) out.push(item)
  return out
}

describe('@okta/okta-sdk-nodejs against the emulated org', () => {
  it('pages through users with SSWS (200 per page, Link rel=next followed verbatim)', async () => {
    emu.clearLog()
    const users = await all(await sswsClient().userApi.listUsers())
    const active = emu.scenario.okta.users.filter((u) => u.status !== 'DEPROVISIONED')
    expect(users.map((u) => u?.id)).toEqual(active.map((u) => u.id))
    expect(emu.stats()['GET /api/v1/users']).toBe(3)
  })

  it('filters users by lastUpdated and includes DEPROVISIONED ones', async () => {
    const since = new Date(Date.parse(FIXTURE.now) - 5 * 3600_000 - 1).toISOString()
    const users = await all(
      await sswsClient().userApi.listUsers({ filter: `lastUpdated gt "${since}"` }),
    )
    const expected = emu.scenario.okta.users.filter(
      (u) => Date.parse(String(u.lastUpdated)) > Date.parse(since),
    )
    expect(users.length).toBe(expected.length)
    expect(users.length).toBeGreaterThan(0)
    expect(users.length).toBeLessThan(emu.scenario.okta.users.length)
  })

  it('lists apps, app users, keys, idps, mappings, schema and a bounded log window', async () => {
    const c = sswsClient()
    const apps = await all(await c.applicationApi.listApplications())
    expect(apps.map((a) => a?.id)).toEqual(emu.scenario.okta.apps.map((a) => a.id))
    const appId = String(emu.scenario.okta.apps[0]?.id)
    const appUsers = await all(await c.applicationApi.listApplicationUsers({ appId }))
    expect(appUsers.length).toBe(emu.scenario.okta.appUsers[appId]?.length)
    const keys = await all(await c.applicationApi.listApplicationKeys({ appId }))
    expect(keys[0]?.kid).toBe('okta-o365-kid-1')
    const idps = await all(await c.identityProviderApi.listIdentityProviders())
    expect(idps[0]?.type).toBe('MICROSOFT')
    const mappings = await all(await c.profileMappingApi.listProfileMappings())
    expect(mappings.length).toBe(2)
    const full = await c.profileMappingApi.getProfileMapping({ mappingId: String(mappings[0]?.id) })
    expect(Object.keys(full.properties ?? {})).toContain('immutableId')
    const schema = await c.schemaApi.getUserSchema({ schemaId: 'default' })
    expect(schema.name).toBe('user')
    const now = Date.parse(FIXTURE.now)
    const logs = await all(
      await c.systemLogApi.listLogEvents({
        since: new Date(now - 86400_000).toISOString(),
        until: new Date(now).toISOString(),
      }),
    )
    expect(logs.length).toBe(5)
  })

  it('surfaces E0000011 for a revoked token and E0000006 for a non-admin one', async () => {
    await expect(
      all(await sswsClient(FIXTURE.oktaRevokedToken).userApi.listUsers()),
    ).rejects.toMatchObject({ status: 401, errorCode: 'E0000011' })
    await expect(
      all(await sswsClient(FIXTURE.oktaUserToken).userApi.listUsers()),
    ).rejects.toMatchObject({ status: 403, errorCode: 'E0000006' })
  })

  it('authorizes a service app with private_key_jwt (authorizationMode PrivateKey)', async () => {
    const svc = emu.scenario.credentials.okta.serviceApp
    if (!svc?.privateKeyPem) throw new Error('fixture has a service app')
    const c = new Client({
      orgUrl: emu.oktaOrgUrl,
      authorizationMode: 'PrivateKey',
      clientId: svc.clientId,
      scopes: ['okta.users.read', 'okta.apps.read', 'okta.idps.read', 'okta.logs.read'],
      privateKey: svc.privateKeyPem,
      keyId: svc.keyId,
      cacheMiddleware: null,
      requestExecutor: new CaRequestExecutor(emu.caPem),
    })
    const users = await all(await c.userApi.listUsers({ limit: 200 }))
    expect(users.length).toBe(emu.scenario.okta.users.length - 1)
    const idps = await all(await c.identityProviderApi.listIdentityProviders())
    expect(idps.length).toBe(1)
    // groups were not among the requested scopes
    await expect(all(await c.groupApi.listGroups())).rejects.toMatchObject({
      status: 403,
      errorCode: 'E0000006',
    })
    expect(emu.stats()['POST /oauth2/v1/token']).toBe(1)
  })

  it('retries a 429 with X-Rate-Limit-Reset and Date, then succeeds', async () => {
    emu.setOktaRateLimit('idps', 1)
    try {
      const c = sswsClient()
      await all(await c.identityProviderApi.listIdentityProviders())
      const started = Date.now()
      const again = await all(await c.identityProviderApi.listIdentityProviders())
      expect(again.length).toBe(1)
      expect(Date.now() - started).toBeGreaterThan(500)
      expect(emu.requestLog.some((e) => e.route === 'GET /api/v1/idps' && e.status === 429)).toBe(
        true,
      )
    } finally {
      emu.setOktaRateLimit('idps', 200)
    }
  }, 20_000)

  it('rides out injected 429s: the SDK waits for X-Rate-Limit-Reset and finishes the listing', async () => {
    emu.setFaults('okta429=0.4')
    try {
      emu.clearLog()
      const c = new Client({
        orgUrl: emu.oktaOrgUrl,
        token: FIXTURE.oktaToken,
        cacheMiddleware: null,
        requestExecutor: new CaRequestExecutor(emu.caPem, { maxRetries: 6 }),
      })
      const users = await all(await c.userApi.listUsers())
      expect(users.length).toBe(emu.scenario.okta.users.length - 1)
      expect(emu.requestLog.some((e) => e.fault === 'throttle')).toBe(true)
    } finally {
      emu.setFaults('none')
    }
  }, 30_000)
})
