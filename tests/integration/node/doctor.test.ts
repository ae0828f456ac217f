import { createServer, type Server } from 'node:https'
import forge from 'node-forge'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDoctor } from '../../../src/node/doctor/doctor'
import { DoctorReport } from '../../../src/node/doctor/types'
import type { Credentials } from '../../../src/node/profile/credentials'
import type { Profile } from '../../../src/node/profile/profile'
import { plantedSecrets, startHarness, type Harness } from './helpers'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ scenario: 'healthy' })
})
afterAll(async () => {
  await h?.emulator.close()
})

const doctor = async (
  profile: Profile = h.profile,
  credentials: Credentials = h.credentials,
): Promise<DoctorReport> => {
  const report = await runDoctor({
    profile,
    credentials,
    ca: h.ca,
    now: () => Date.parse(h.emulator.scenario.now),
  })
  expect(DoctorReport.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true)
  const text = JSON.stringify(report)
  for (const secret of plantedSecrets(h)) expect(text).not.toContain(secret)
  return report
}
const codes = (side: DoctorReport['entra']): string[] => (side?.problems ?? []).map((p) => p.code)
const entraWith = (clientSecret: string): Credentials => ({
  ...h.credentials,
  entra: { kind: 'secret', clientSecret },
})
const readerSp = (): string =>
  String(
    h.emulator.scenario.entra.servicePrincipals.find(
      (sp) => sp.appId === h.emulator.scenario.credentials.entra.clientId,
    )?.id,
  )

describe('connection doctor against the emulator', () => {
  it('a healthy pair is ok on both sides with the granted permissions', async () => {
    const r = await doctor()
    expect(r.entra?.ok).toBe(true)
    expect(r.okta?.ok).toBe(true)
    expect(r.entra?.missingPermissions).toEqual([])
    expect(r.entra?.grantedPermissions).toContain('AuditLog.Read.All')
    expect(r.okta?.grantedPermissions).toContain('okta.users.read')
  })

  it('explains a secret ID pasted instead of the value', async () => {
    const keyId =
      h.emulator.scenario.entra.secrets.find((s) => s.appId === h.profile.entra?.clientId)?.keyId ??
      ''
    expect(keyId).toMatch(/^[0-9a-f-]{36}$/)
    const r = await doctor(h.profile, entraWith(keyId))
    expect(r.entra?.ok).toBe(false)
    expect(codes(r.entra)).toEqual(['secret-id-instead-of-value'])
    expect(r.entra?.problems[0]?.field).toBe('entra.clientSecret')
  })

  it('explains a wrong secret (AADSTS7000215)', async () => {
    const r = await doctor(h.profile, entraWith('xyz8Q~not-the-right-secret-value-000000'))
    expect(codes(r.entra)).toEqual(['aadsts-7000215'])
    expect(r.entra?.problems[0]?.fix).toMatch(/Value/)
  })

  it('explains an expired secret (AADSTS7000222)', async () => {
    const s = h.emulator.scenario
    const appId = String(h.profile.entra?.clientId)
    const app = s.entra.applications.find((a) => a.appId === appId)
    const keyId = '0d6c1b8e-0000-4000-8000-00000000e5e1'
    const secretText = 'Exp8Q~expired-secret-value-for-doctor-test'
    const past = new Date(Date.parse(s.now) - 86_400_000).toISOString()
    const originalSecrets = s.entra.secrets
    h.emulator.mutate.entra.update('applications', String(app?.id), {
      passwordCredentials: [
        ...(app?.passwordCredentials ?? []),
        {
          keyId,
          hint: 'Exp',
          displayName: 'old',
          startDateTime: '2024-01-01T00:00:00Z',
          endDateTime: past,
        },
      ],
    })
    h.emulator.mutate.entra.set('secrets', [...originalSecrets, { appId, keyId, secretText }])
    try {
      const r = await doctor(h.profile, entraWith(secretText))
      expect(codes(r.entra)).toEqual(['aadsts-7000222'])
    } finally {
      h.emulator.mutate.entra.set('secrets', originalSecrets)
      h.emulator.mutate.entra.update('applications', String(app?.id), {
        passwordCredentials: app?.passwordCredentials ?? [],
      })
    }
  })

  it('explains an app that is not in this tenant (AADSTS700016)', async () => {
    const profile = {
      ...h.profile,
      entra: { ...h.profile.entra!, clientId: '5e0c2f7a-1111-4222-8333-944455556666' },
    }
    const r = await doctor(profile)
    expect(codes(r.entra)).toEqual(['aadsts-700016'])
    expect(r.entra?.problems[0]?.field).toBe('entra.clientId')
  })

  it('explains a wrong tenant (AADSTS90002 / discovery failure)', async () => {
    const profile = {
      ...h.profile,
      entra: { ...h.profile.entra!, tenantId: '0f0f0f0f-1111-4222-8333-944455556666' },
    }
    const r = await doctor(profile)
    expect(codes(r.entra)).toEqual(['tenant-not-found'])
    expect(r.entra?.problems[0]?.field).toBe('entra.tenantId')
  })

  it('tells an unreachable login host (wrong cloud or host) from an unknown tenant', async () => {
    const profile = {
      ...h.profile,
      entra: { ...h.profile.entra!, authorityHost: 'https://localhost:1' },
    }
    const r = await doctor(profile)
    expect(codes(r.entra)).toEqual(['login-unreachable'])
    expect(r.entra?.problems[0]?.field).toBe('entra.authorityHost')
  })

  it('explains missing admin consent and each missing Graph permission by name', async () => {
    const original = h.emulator.scenario.entra.appRoleAssignments
    const sp = readerSp()
    try {
      h.emulator.mutate.entra.set('appRoleAssignments', { ...original, [sp]: [] })
      const none = await doctor()
      expect(codes(none.entra)).toEqual(['admin-consent-missing'])
      expect(none.entra?.missingPermissions).toContain('Directory.Read.All')

      h.emulator.mutate.entra.set('appRoleAssignments', {
        ...original,
        [sp]: (original[sp] ?? []).filter(
          (a) => a.appRoleId !== 'b0afded3-3588-46d8-8b3d-9842eff778da',
        ),
      })
      const some = await doctor()
      expect(codes(some.entra)).toEqual(['missing-permission:AuditLog.Read.All'])
      expect(some.entra?.problems[0]?.message).toMatch(/sign-in logs/)
    } finally {
      h.emulator.mutate.entra.set('appRoleAssignments', original)
    }
  })

  it('explains a revoked Okta token (E0000011) with the 30-day expiry', async () => {
    const revoked = h.emulator.scenario.okta.apiTokens.find((t) => t.revoked)?.token ?? ''
    const r = await doctor(h.profile, {
      ...h.credentials,
      okta: { kind: 'apiToken', token: revoked },
    })
    expect(codes(r.okta)).toEqual(['okta-token-invalid'])
    expect(r.okta?.problems[0]?.message).toMatch(/30 days/)
  })

  it('explains an Okta token without admin rights (E0000006)', async () => {
    const user = h.emulator.scenario.okta.apiTokens.find((t) => !t.admin && !t.revoked)?.token ?? ''
    const r = await doctor(h.profile, { ...h.credentials, okta: { kind: 'apiToken', token: user } })
    expect(codes(r.okta)).toEqual(['okta-token-not-admin'])
  })

  it('corrects an -admin org host with a warning and still connects', async () => {
    const url = new URL(h.emulator.oktaOrgUrl)
    const profile = {
      ...h.profile,
      okta: { ...h.profile.okta!, orgUrl: `https://localhost-admin:${url.port}/` },
    }
    const r = await doctor(profile)
    expect(r.okta?.ok).toBe(true)
    expect(codes(r.okta)).toEqual(['okta-admin-host'])
  })

  it('explains an org URL that does not resolve, refuses connections, or is not Okta', async () => {
    const dns = await doctor({
      ...h.profile,
      entra: undefined,
      okta: { ...h.profile.okta!, orgUrl: 'https://no-such-org.invalid' },
    })
    expect(codes(dns.okta)).toEqual(['okta-org-not-found'])
    const refused = await doctor({
      ...h.profile,
      entra: undefined,
      okta: { ...h.profile.okta!, orgUrl: 'https://localhost:1' },
    })
    expect(codes(refused.okta)).toEqual(['okta-org-unreachable'])
    // a web server that answers HTML, not the Okta API
    const server = await htmlServer()
    try {
      const port = (server.address() as { port: number }).port
      const notOkta = await runDoctor({
        profile: { okta: { orgUrl: `https://localhost:${port}`, apiTokenEnv: 'X' } },
        credentials: { okta: { kind: 'apiToken', token: 'whatever-token' } },
        ca: tlsFixture.cert,
      })
      expect(codes(notOkta.okta)).toEqual(['not-okta'])
    } finally {
      server.close()
    }
  })
})

// A self-signed loopback certificate for the "not Okta" stub, made once per run.
const tlsFixture = (() => {
  const keys = forge.pki.rsa.generateKeyPair(2048)
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = '01'
  cert.validity.notBefore = new Date(Date.now() - 60_000)
  cert.validity.notAfter = new Date(Date.now() + 86_400_000)
  const attrs = [{ name: 'commonName', value: 'localhost' }]
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  cert.setExtensions([{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] }])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return { cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(keys.privateKey) }
})()

function htmlServer(): Promise<Server> {
  const server = createServer({ key: tlsFixture.key, cert: tlsFixture.cert }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end('<html><body>Welcome to the intranet</body></html>')
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}
