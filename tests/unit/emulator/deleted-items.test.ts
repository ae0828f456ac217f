/**
 * `GET /v1.0/directory/deletedItems/microsoft.graph.user`, answered in-process: paging,
 * `$select`, `$top` limits and the permission the Graph docs state (User.Read.All or
 * Directory.Read.All, ReadWrite forms included).
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { EmulatorContext } from '../../emulator/context'
import { FaultEngine } from '../../emulator/faults'
import { graphService } from '../../emulator/graph/server'
import type { EmuRequest, EmuResponse } from '../../emulator/http'
import { signJwt } from '../../emulator/jwt'
import { createSigningKey } from '../../emulator/keys'
import { Store } from '../../emulator/store'
import { FIXTURE, buildFixtureScenario } from '../../emulator/testing/fixture'
import { fixtureDeletedUser } from '../../emulator/testing/people'

const GRAPH = 'https://localhost:41002'
const PATH = '/v1.0/directory/deletedItems/microsoft.graph.user'
type Page = {
  '@odata.context': string
  '@odata.nextLink'?: string
  value: Record<string, unknown>[]
}

let ctx: EmulatorContext
let service: ReturnType<typeof graphService>

beforeAll(() => {
  const scenario = buildFixtureScenario({
    seed: 1,
    origins: {
      authorityHost: 'https://localhost:41001',
      graphBaseUrl: GRAPH,
      oktaOrgUrl: 'https://localhost:41003',
    },
  })
  const now = Date.parse(FIXTURE.now)
  scenario.entra.deletedUsers = Array.from({ length: 250 }, (_, i) =>
    fixtureDeletedUser(100 + i, now),
  )
  const store = new Store(scenario)
  ctx = {
    scenario,
    store,
    signing: createSigningKey(),
    faults: new FaultEngine(1),
    origins: { authorityHost: 'https://localhost:41001', graphBaseUrl: GRAPH, oktaOrgUrl: '' },
    tenantId: scenario.entra.tenantId,
    oktaTokens: new Map(),
    oktaRateLimits: {},
    oktaRateWindowSeconds: 60,
  }
  service = graphService(ctx)
})

function token(roles: string[]): string {
  const now = Math.floor(Date.now() / 1000)
  return signJwt(
    { typ: 'JWT', alg: 'RS256', kid: ctx.signing.kid },
    {
      aud: 'https://graph.microsoft.com',
      tid: ctx.tenantId,
      appid: FIXTURE.readerAppId,
      roles,
      iat: now,
      nbf: now,
      exp: now + 600,
    },
    ctx.signing.privateKey,
  )
}

async function get(url: string, roles = ['User.Read.All']): Promise<EmuResponse & { json: Page }> {
  const u = new URL(url, GRAPH)
  const req: EmuRequest = {
    method: 'GET',
    url: u,
    path: decodeURIComponent(u.pathname),
    query: u.searchParams,
    headers: { authorization: `Bearer ${token(roles)}` },
    body: '',
    requestId: randomUUID(),
    clientRequestId: undefined,
    origin: GRAPH,
  }
  const res = await service.resolve(req).handle()
  return { ...res, json: JSON.parse(res.body ?? '{}') as Page }
}

describe('deleted users in the recycle bin', () => {
  it('pages 100 at a time by default, with an absolute nextLink that keeps the query', async () => {
    const ids: unknown[] = []
    let url: string | undefined = PATH
    let pages = 0
    while (url) {
      const r = await get(url)
      expect(r.status).toBe(200)
      expect(r.json['@odata.context']).toBe(
        `${GRAPH}/v1.0/$metadata#directory/deletedItems/microsoft.graph.user`,
      )
      ids.push(...r.json.value.map((u) => u['id']))
      url = r.json['@odata.nextLink']
      if (url) expect(url.startsWith(`${GRAPH}${PATH}?`)).toBe(true)
      pages++
    }
    expect(pages).toBe(3)
    expect(new Set(ids).size).toBe(250)
  })

  it('returns the default user set plus deletedDateTime, or exactly the selected properties', async () => {
    const plain = await get(`${PATH}?$top=2`)
    expect(Object.keys(plain.json.value[0] ?? {})).toContain('deletedDateTime')
    expect(Object.keys(plain.json.value[0] ?? {})).toContain('userPrincipalName')
    expect(Object.keys(plain.json.value[0] ?? {})).not.toContain('onPremisesImmutableId')
    const select =
      'id,userPrincipalName,deletedDateTime,onPremisesImmutableId,department,assignedLicenses'
    const r = await get(`${PATH}?$select=${select}&$top=999`)
    expect(r.json['@odata.context']).toContain(`microsoft.graph.user(${select})`)
    expect(r.json.value).toHaveLength(250)
    const first = r.json.value[0] ?? {}
    expect(Object.keys(first)).toEqual(select.split(','))
    // a soft-deleted user keeps its licences for a restore
    expect(first['assignedLicenses']).toEqual([
      { disabledPlans: [], skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900' },
    ])
    expect(first['department']).toBeTruthy()
    expect(String(first['userPrincipalName'])).toMatch(/^[0-9a-f]{32}.+@contoso\.example$/)
    expect(Date.parse(String(first['deletedDateTime']))).toBeLessThan(Date.parse(FIXTURE.now))
  })

  it('caps $top at 999 and refuses a path without the OData cast', async () => {
    expect((await get(`${PATH}?$top=1000`)).status).toBe(400)
    expect((await get(`${PATH}?$top=0`)).status).toBe(400)
    expect((await get('/v1.0/directory/deletedItems')).status).toBe(400)
  })

  it('needs User.Read.All or Directory.Read.All (ReadWrite forms count)', async () => {
    for (const roles of [['User.Read.All'], ['Directory.Read.All'], ['User.ReadWrite.All']])
      expect((await get(PATH, roles)).status, roles[0]).toBe(200)
    for (const roles of [['Group.Read.All'], ['Application.Read.All'], ['AuditLog.Read.All'], []]) {
      const r = await get(PATH, roles)
      expect(r.status, roles[0] ?? 'no roles').toBe(403)
      expect(r.body).toContain('Authorization_RequestDenied')
    }
  })
})
