/**
 * The servers against the scenario library's named scenarios (all but `large`): the real SDKs
 * connect with each scenario's ready credentials, and every response fits the references.
 */
import { ConfidentialClientApplication } from '@azure/msal-node'
import { Client } from '@okta/okta-sdk-nodejs'
import { createHash, X509Certificate } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../emulator/index'
import { CaRequestExecutor, msalNetworkClient } from '../../emulator/testing/clients'
import { loadCsdl, type Csdl } from '../../emulator/testing/graph-csdl'
import { loadOktaSpec, type OktaSpec } from '../../emulator/testing/okta-openapi'
import { crawlGraph, crawlOkta } from './fidelity-crawl'

const REFERENCE = resolve(process.env.CROSSWALK_REFERENCE_DIR ?? '../shared/reference')
const present =
  existsSync(join(REFERENCE, 'okta-management.yaml')) &&
  existsSync(join(REFERENCE, 'graph-v1.0.csdl'))
if (!present)
  console.warn(`reference checks of named scenarios skipped: no reference files in ${REFERENCE}`)

let okta: OktaSpec | undefined
let csdl: Csdl | undefined
beforeAll(() => {
  if (!present) return
  okta = loadOktaSpec(join(REFERENCE, 'okta-management.yaml'))
  csdl = loadCsdl(join(REFERENCE, 'graph-v1.0.csdl'))
})

async function all<T>(c: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of c) out.push(x)
  return out
}

const NAMED = ['healthy', 'broken', 'realistic', 'realistic-broken'] as const

describe.each(NAMED)('scenario %s', (name) => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ scenario: name, seed: 7 })
  })
  afterAll(() => emu?.close())

  const msal = (auth: {
    clientSecret?: string
    clientCertificate?: { thumbprintSha256: string; privateKey: string }
  }) =>
    new ConfidentialClientApplication({
      auth: {
        clientId: emu.scenario.credentials.entra.clientId,
        authority: `${emu.authorityHost}/${emu.tenantId}`,
        knownAuthorities: [new URL(emu.authorityHost).host],
        ...auth,
      },
      system: { networkClient: msalNetworkClient(emu.caPem) },
    })

  it('msal-node gets a token with the ready secret, and with the certificate when there is one', async () => {
    const r = await msal({
      clientSecret: emu.env.CROSSWALK_EMULATOR_ENTRA_CLIENT_SECRET ?? '',
    }).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })
    const claims = JSON.parse(
      Buffer.from(r?.accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as { roles: string[] }
    expect(claims.roles.length).toBeGreaterThan(0)
    const cert = emu.scenario.credentials.entra.certificate
    if (cert?.privateKeyPem) {
      const thumbprintSha256 = createHash('sha256')
        .update(new X509Certificate(cert.certificatePem).raw)
        .digest('hex')
      const c = await msal({
        clientCertificate: { thumbprintSha256, privateKey: cert.privateKeyPem },
      }).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })
      expect(c?.accessToken).toBeTruthy()
    }
  })

  it('the Okta SDK pages users, apps, idps and a bounded log window', async () => {
    const c = new Client({
      orgUrl: emu.oktaOrgUrl,
      token: emu.env.CROSSWALK_EMULATOR_OKTA_API_TOKEN ?? '',
      cacheMiddleware: null,
      requestExecutor: new CaRequestExecutor(emu.caPem),
    })
    const users = await all(await c.userApi.listUsers())
    expect(users.length).toBe(
      emu.scenario.okta.users.filter((u) => u.status !== 'DEPROVISIONED').length,
    )
    expect((await all(await c.applicationApi.listApplications())).length).toBe(
      emu.scenario.okta.apps.length,
    )
    expect((await all(await c.identityProviderApi.listIdentityProviders())).length).toBe(
      emu.scenario.okta.idps.length,
    )
    const now = Date.parse(emu.scenario.now)
    const logs = await all(
      await c.systemLogApi.listLogEvents({
        since: new Date(now - 90 * 86400_000).toISOString(),
        until: new Date(now + 60_000).toISOString(),
      }),
    )
    expect(logs.length).toBeGreaterThan(0)
  })

  it.skipIf(!present)('every Graph and Okta response fits the references', async () => {
    if (!okta || !csdl) throw new Error('references not loaded')
    const token = await msal({
      clientSecret: emu.env.CROSSWALK_EMULATOR_ENTRA_CLIENT_SECRET ?? '',
    }).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })
    const g = await crawlGraph(emu, token?.accessToken ?? '', csdl)
    const o = await crawlOkta(emu, okta)
    expect([...g.errors, ...o.errors]).toEqual([])
  })
})
