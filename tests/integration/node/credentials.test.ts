import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectSnapshot } from '../../../src/node/collect/collect-snapshot'
import { runDoctor } from '../../../src/node/doctor/doctor'
import type { Profile } from '../../../src/node/profile/profile'
import { counts, logWindow, startHarness, type Harness } from './helpers'
import { expectedCounts } from './truth'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ scenario: 'healthy' })
})
afterAll(async () => {
  await h?.emulator.close()
})

describe('certificate and OAuth service-app credentials', () => {
  it('collects Entra with the reader app’s certificate (PS256 assertion, x5t#S256)', async () => {
    const cert = h.emulator.scenario.credentials.entra.certificate
    expect(cert?.privateKeyPem).toBeDefined()
    const snap = await collectSnapshot({
      profile: { entra: h.profile.entra },
      credentials: {
        entra: {
          kind: 'certificate',
          certificatePem: cert!.certificatePem,
          privateKeyPem: cert!.privateKeyPem!,
        },
      },
      ca: h.ca,
    })
    expect(snap.collection.errors).toEqual([])
    expect(snap.entra?.users?.length).toBe(h.emulator.scenario.entra.users.length)
  })

  it('collects Okta with the service app (private_key_jwt) and reports the granted scopes', async () => {
    const app = h.emulator.scenario.credentials.okta.serviceApp
    expect(app?.privateKeyPem).toBeDefined()
    const profile: Profile = {
      okta: {
        orgUrl: h.emulator.oktaOrgUrl,
        clientId: app!.clientId,
        privateKeyFile: 'unused',
        keyId: app!.keyId,
        scopes: app!.grantedScopes,
      },
    }
    const snap = await collectSnapshot({
      profile,
      credentials: {
        okta: { kind: 'privateKey', privateKeyPem: app!.privateKeyPem!, keyId: app!.keyId },
      },
      ca: h.ca,
      ...logWindow(h.emulator),
    })
    expect(snap.collection.errors).toEqual([])
    expect(snap.collection.grantedPermissions.okta).toEqual([...app!.grantedScopes].sort())
    const want = expectedCounts(h.emulator.scenario, logWindow(h.emulator))
    const got = counts(snap)
    for (const key of Object.keys(got)) expect(got[key]).toBe(want[key])
  })

  it('the doctor names a scope the service app was not granted', async () => {
    const app = h.emulator.scenario.credentials.okta.serviceApp!
    const profile: Profile = {
      okta: {
        orgUrl: h.emulator.oktaOrgUrl,
        clientId: app.clientId,
        privateKeyFile: 'unused',
        keyId: app.keyId,
        scopes: app.grantedScopes.filter((s) => s !== 'okta.logs.read'),
      },
    }
    const report = await runDoctor({
      profile,
      credentials: {
        okta: { kind: 'privateKey', privateKeyPem: app.privateKeyPem!, keyId: app.keyId },
      },
      ca: h.ca,
      now: () => Date.parse(h.emulator.scenario.now),
    })
    expect(report.okta?.missingPermissions).toEqual(['okta.logs.read'])
    expect(report.okta?.problems.map((p) => p.code)).toEqual(['missing-scope:okta.logs.read'])
    expect(report.okta?.problems[0]?.field).toBe('okta.scopes')
  })
})
