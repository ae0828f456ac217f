import { ConfidentialClientApplication, type ServerError } from '@azure/msal-node'
import { createHash, X509Certificate } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../../emulator/index'
import { msalNetworkClient } from '../../emulator/testing/clients'
import { FIXTURE } from '../../emulator/testing/fixture'
import { startFixtureEmulator } from '../../emulator/testing/start'
import { selfSignedCertificate } from '../../emulator/tls'

let emu: Emulator
beforeAll(async () => {
  emu = await startFixtureEmulator()
})
afterAll(() => emu?.close())

const SCOPES = ['https://graph.microsoft.com/.default']
const decode = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >

function app(auth: {
  clientId?: string
  clientSecret?: string
  clientCertificate?: { thumbprintSha256: string; privateKey: string }
  tenant?: string
}) {
  return new ConfidentialClientApplication({
    auth: {
      clientId: auth.clientId ?? FIXTURE.readerAppId,
      authority: `${emu.authorityHost}/${auth.tenant ?? emu.tenantId}`,
      knownAuthorities: [new URL(emu.authorityHost).host],
      ...(auth.clientSecret ? { clientSecret: auth.clientSecret } : {}),
      ...(auth.clientCertificate ? { clientCertificate: auth.clientCertificate } : {}),
    },
    system: { networkClient: msalNetworkClient(emu.caPem) },
  })
}

async function failure(p: Promise<unknown>): Promise<ServerError> {
  try {
    await p
  } catch (e) {
    return e as ServerError
  }
  throw new Error('expected a failure')
}

describe('msal-node against the emulated login host', () => {
  it('gets a Graph token with a client secret, carrying the granted roles', async () => {
    const r = await app({ clientSecret: FIXTURE.secret }).acquireTokenByClientCredential({
      scopes: SCOPES,
    })
    expect(r?.accessToken).toBeTruthy()
    const claims = decode(r?.accessToken ?? '')
    expect(claims.aud).toBe('https://graph.microsoft.com')
    expect(claims.iss).toBe(`https://sts.windows.net/${FIXTURE.tenantId}/`)
    expect(claims.tid).toBe(FIXTURE.tenantId)
    expect(claims.appid).toBe(FIXTURE.readerAppId)
    expect(claims.oid).toBe(FIXTURE.readerSpId)
    expect(claims.roles).toContain('User.Read.All')
    expect(claims.roles).toContain('AuditLog.Read.All')
  })

  it('accepts a verified domain name as the tenant, in any case', async () => {
    const r = await app({
      clientSecret: FIXTURE.secret,
      tenant: FIXTURE.domain.toUpperCase(),
    }).acquireTokenByClientCredential({ scopes: SCOPES })
    expect(decode(r?.accessToken ?? '').tid).toBe(FIXTURE.tenantId)
  })

  it('grants only the consented roles to a limited app', async () => {
    const r = await app({
      clientId: FIXTURE.limitedAppId,
      clientSecret: FIXTURE.limitedSecret,
    }).acquireTokenByClientCredential({ scopes: SCOPES })
    expect(decode(r?.accessToken ?? '').roles).toEqual(['User.Read.All'])
  })

  it('gets a token with a certificate assertion (PS256, x5t#S256)', async () => {
    const cert = emu.scenario.credentials.entra.certificate
    if (!cert?.privateKeyPem) throw new Error('fixture has a certificate')
    const thumbprintSha256 = createHash('sha256')
      .update(new X509Certificate(cert.certificatePem).raw)
      .digest('hex')
    const r = await app({
      clientCertificate: { thumbprintSha256, privateKey: cert.privateKeyPem },
    }).acquireTokenByClientCredential({ scopes: SCOPES })
    expect(decode(r?.accessToken ?? '').appidacr).toBe('2')
  })

  it('AADSTS7000215 for a wrong secret', async () => {
    const e = await failure(
      app({ clientSecret: 'wrong' }).acquireTokenByClientCredential({ scopes: SCOPES }),
    )
    expect(e.errorCode).toBe('invalid_client')
    expect(String(e.errorNo)).toBe('7000215')
    expect(e.errorMessage).toContain('AADSTS7000215')
  })

  it('AADSTS7000222 for an expired secret (scenario clock)', async () => {
    const e = await failure(
      app({ clientSecret: FIXTURE.expiredSecret }).acquireTokenByClientCredential({
        scopes: SCOPES,
      }),
    )
    expect(String(e.errorNo)).toBe('7000222')
  })

  it('AADSTS700016 for an unknown app', async () => {
    const e = await failure(
      app({
        clientId: '99999999-0000-4000-8000-000000000000',
        clientSecret: 'x',
      }).acquireTokenByClientCredential({ scopes: SCOPES }),
    )
    expect(e.errorCode).toBe('unauthorized_client')
    expect(String(e.errorNo)).toBe('700016')
  })

  it('AADSTS90002 for an unknown tenant: discovery fails, and the token endpoint answers 90002', async () => {
    const e = await failure(
      app({
        clientSecret: FIXTURE.secret,
        tenant: 'nowhere.example',
      }).acquireTokenByClientCredential({ scopes: SCOPES }),
    )
    expect(e.errorCode).toBe('endpoints_resolution_error')
    // with authority metadata supplied, msal skips discovery and reaches the token endpoint
    const base = `${emu.authorityHost}/nowhere.example`
    const metadata = {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      issuer: `${base}/v2.0`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    }
    const direct = new ConfidentialClientApplication({
      auth: {
        clientId: FIXTURE.readerAppId,
        clientSecret: FIXTURE.secret,
        authority: base,
        knownAuthorities: [new URL(emu.authorityHost).host],
        authorityMetadata: JSON.stringify(metadata),
      },
      system: { networkClient: msalNetworkClient(emu.caPem) },
    })
    const t = await failure(direct.acquireTokenByClientCredential({ scopes: SCOPES }))
    expect(t.errorCode).toBe('invalid_request')
    expect(String(t.errorNo)).toBe('90002')
  })

  it('accepts the deprecated SHA-1 thumbprint form (RS256 with x5t)', async () => {
    const cert = emu.scenario.credentials.entra.certificate
    if (!cert?.privateKeyPem) throw new Error('fixture has a certificate')
    const thumbprint = createHash('sha1')
      .update(new X509Certificate(cert.certificatePem).raw)
      .digest('hex')
    const r = await new ConfidentialClientApplication({
      auth: {
        clientId: FIXTURE.readerAppId,
        authority: `${emu.authorityHost}/${emu.tenantId}`,
        knownAuthorities: [new URL(emu.authorityHost).host],
        clientCertificate: { thumbprint, privateKey: cert.privateKeyPem },
      },
      system: { networkClient: msalNetworkClient(emu.caPem) },
    }).acquireTokenByClientCredential({ scopes: SCOPES })
    expect(decode(r?.accessToken ?? '').appidacr).toBe('2')
  })

  it('AADSTS700027 for an assertion that is not a JWT', async () => {
    const e = await failure(
      new ConfidentialClientApplication({
        auth: {
          clientId: FIXTURE.readerAppId,
          authority: `${emu.authorityHost}/${emu.tenantId}`,
          knownAuthorities: [new URL(emu.authorityHost).host],
          clientAssertion: 'not-a-jwt',
        },
        system: { networkClient: msalNetworkClient(emu.caPem) },
      }).acquireTokenByClientCredential({ scopes: SCOPES }),
    )
    expect(String(e.errorNo)).toBe('700027')
  })

  it('AADSTS700027 for a certificate the app does not hold', async () => {
    const other = selfSignedCertificate('stranger')
    const thumbprintSha256 = createHash('sha256')
      .update(new X509Certificate(other.certPem).raw)
      .digest('hex')
    const e = await failure(
      app({
        clientCertificate: { thumbprintSha256, privateKey: other.keyPem },
      }).acquireTokenByClientCredential({ scopes: SCOPES }),
    )
    expect(String(e.errorNo)).toBe('700027')
  })

  it('AADSTS1002012 and 70011 for bad scopes', async () => {
    const a = app({ clientSecret: FIXTURE.secret })
    const notDefault = await failure(
      a.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/User.Read'] }),
    )
    expect(String(notDefault.errorNo)).toBe('1002012')
    const twoResources = await failure(
      a.acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/.default', 'https://vault.azure.net/.default'],
      }),
    )
    expect(String(twoResources.errorNo)).toBe('70011')
  })
})
