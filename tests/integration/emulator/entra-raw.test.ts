import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../../emulator/index'
import { callJson } from '../../emulator/testing/clients'
import { FIXTURE } from '../../emulator/testing/fixture'
import { startFixtureEmulator } from '../../emulator/testing/start'

type AadError = {
  error: string
  error_description: string
  error_codes: number[]
  timestamp: string
  trace_id: string
  correlation_id: string
  error_uri: string
}

let emu: Emulator
beforeAll(async () => {
  emu = await startFixtureEmulator()
})
afterAll(() => emu?.close())

const post = (tenant: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  callJson<AadError & { access_token?: string; expires_in?: number; token_type?: string }>(
    `${emu.authorityHost}/${tenant}/oauth2/v2.0/token`,
    {
      ca: emu.caPem,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    },
  )
const base = { grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }

describe('Entra login host, raw', () => {
  it('serves discovery with an issuer on its own origin, for GUID and domain tenants', async () => {
    for (const tenant of [FIXTURE.tenantId.toUpperCase(), FIXTURE.domain]) {
      const r = await callJson<Record<string, string>>(
        `${emu.authorityHost}/${tenant}/v2.0/.well-known/openid-configuration`,
        { ca: emu.caPem },
      )
      expect(r.status).toBe(200)
      expect(r.json.issuer).toBe(`${emu.authorityHost}/${FIXTURE.tenantId}/v2.0`)
      expect(r.json.token_endpoint).toBe(
        `${emu.authorityHost}/${FIXTURE.tenantId}/oauth2/v2.0/token`,
      )
      expect(r.json.authorization_endpoint).toBeTruthy()
      expect(r.headers['cache-control']).toBe('max-age=86400, private')
    }
    const keys = await callJson<{ keys: { kid: string; n: string; e: string }[] }>(
      `${emu.authorityHost}/${FIXTURE.tenantId}/discovery/v2.0/keys`,
      { ca: emu.caPem },
    )
    expect(keys.json.keys[0]?.kid).toBeTruthy()
    expect(keys.json.keys[0]?.e).toBe('AQAB')
  })

  it('issues a token with HTTP Basic client authentication and ignores telemetry parameters', async () => {
    const basic = Buffer.from(
      `${encodeURIComponent(FIXTURE.readerAppId)}:${encodeURIComponent(FIXTURE.secret)}`,
    ).toString('base64')
    const r = await post(
      FIXTURE.tenantId,
      { ...base, 'x-client-SKU': 'msal.js.node', 'x-client-current-telemetry': '5|771,2,,,|,' },
      { authorization: `Basic ${basic}` },
    )
    expect(r.status).toBe(200)
    expect(r.json.token_type).toBe('Bearer')
    expect(typeof r.json.expires_in).toBe('number')
  })

  it('shapes errors like Entra: AADSTS description with trace footer, numeric codes, echoed correlation id', async () => {
    const r = await post(FIXTURE.tenantId, {
      ...base,
      client_id: FIXTURE.readerAppId,
      'client-request-id': 'corr-42',
    })
    expect(r.status).toBe(401)
    expect(r.json.error).toBe('invalid_client')
    expect(r.json.error_codes).toEqual([7000218])
    expect(r.json.error_description).toMatch(
      /^AADSTS7000218: .+\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: corr-42\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/,
    )
    expect(r.json.correlation_id).toBe('corr-42')
    expect(r.json.trace_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(r.json.timestamp).toMatch(/Z$/)
    expect(r.json.error_uri).toContain('code=7000218')
  })

  it('answers 90002 for an unknown tenant on both discovery and token routes', async () => {
    const d = await callJson<AadError>(
      `${emu.authorityHost}/nowhere.example/v2.0/.well-known/openid-configuration`,
      { ca: emu.caPem },
    )
    expect(d.status).toBe(400)
    expect(d.json.error_codes).toEqual([90002])
    const t = await post('nowhere.example', {
      ...base,
      client_id: FIXTURE.readerAppId,
      client_secret: FIXTURE.secret,
    })
    expect(t.json.error).toBe('invalid_request')
    expect(t.json.error_codes).toEqual([90002])
  })

  it('rejects an unverified domain as a tenant and a resource not in the tenant', async () => {
    expect(
      (
        await post('unverified.example', {
          ...base,
          client_id: FIXTURE.readerAppId,
          client_secret: FIXTURE.secret,
        })
      ).json.error_codes,
    ).toEqual([90002])
    const r = await post(FIXTURE.tenantId, {
      ...base,
      scope: 'https://vault.azure.net/.default',
      client_id: FIXTURE.readerAppId,
      client_secret: FIXTURE.secret,
    })
    expect(r.json.error_codes).toEqual([500011])
  })

  it('refuses a secret whose credential was removed from the app', async () => {
    const app = emu.scenario.entra.applications[0]
    if (!app?.id) throw new Error('fixture app')
    const kept = (app.passwordCredentials ?? []).filter((p) => p.displayName !== 'valid')
    emu.mutate.entra.update('applications', app.id, { passwordCredentials: kept })
    const r = await post(FIXTURE.tenantId, {
      ...base,
      client_id: FIXTURE.readerAppId,
      client_secret: FIXTURE.secret,
    })
    expect(r.json.error_codes).toEqual([7000215])
  })
})

describe('profiles', () => {
  it('writes a secret-free profile and a key profile whose files authenticate', async () => {
    const { readFile } = await import('node:fs/promises')
    const plain = await readFile(emu.profileFile, 'utf8')
    expect(plain).not.toContain(FIXTURE.secret)
    expect(JSON.parse(plain)).toMatchObject({
      entra: {
        tenantId: FIXTURE.tenantId,
        cloud: 'global',
        clientSecretEnv: 'CROSSWALK_EMULATOR_ENTRA_CLIENT_SECRET',
      },
      okta: { apiTokenEnv: 'CROSSWALK_EMULATOR_OKTA_API_TOKEN' },
    })
    const keys = emu.keyProfile
    if (!keys || !emu.keyProfileFile) throw new Error('the fixture has key credentials')
    expect(JSON.parse(await readFile(emu.keyProfileFile, 'utf8'))).toEqual(keys)
    expect(await readFile(keys.entra.certificateFile, 'utf8')).toContain('BEGIN CERTIFICATE')
    expect(await readFile(keys.entra.privateKeyFile, 'utf8')).toContain('PRIVATE KEY')
    expect(keys.okta).toMatchObject({ clientId: FIXTURE.serviceClientId })
  })
})

describe('fixed ports', () => {
  it('listens on N, N+1 and N+2 of 127.0.0.1 when a port is given', async () => {
    const port = 42000 + Math.floor(Math.random() * 6000)
    const fixed = await startFixtureEmulator({ port })
    try {
      expect(fixed.authorityHost).toBe(`https://localhost:${port}`)
      expect(fixed.graphBaseUrl).toBe(`https://localhost:${port + 1}`)
      expect(fixed.oktaOrgUrl).toBe(`https://localhost:${port + 2}`)
      expect(fixed.profile.entra.authorityHost).toBe(fixed.authorityHost)
      const r = await callJson<{ issuer: string }>(
        `https://127.0.0.1:${port}/${FIXTURE.tenantId}/v2.0/.well-known/openid-configuration`,
        { ca: fixed.caPem },
      )
      expect(r.json.issuer).toBe(`https://localhost:${port}/${FIXTURE.tenantId}/v2.0`)
    } finally {
      await fixed.close()
    }
  })
})
