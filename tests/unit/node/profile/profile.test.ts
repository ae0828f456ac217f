import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadProfile, parseProfile, ProfileError } from '../../../../src/node/profile/profile'
import { CredentialError, resolveCredentials } from '../../../../src/node/profile/credentials'
import { makeCertificate } from '../entra/fixtures'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosswalk-profile-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const entra = {
  tenantId: 'contoso.onmicrosoft.com',
  clientId: '00000000-0000-0000-0000-000000000001',
  clientSecretEnv: 'ENTRA_SECRET',
}
const okta = { orgUrl: 'https://acme.okta.com', apiTokenEnv: 'OKTA_TOKEN' }

describe('parseProfile', () => {
  it('accepts the DESIGN.md shape, defaults the cloud, resolves file paths against the profile folder', () => {
    const p = parseProfile(
      {
        entra: {
          ...entra,
          clientSecretEnv: undefined,
          certificateFile: 'c.pem',
          privateKeyFile: 'k.pem',
        },
        okta,
        caFile: 'ca.pem',
      },
      '/etc/cw',
    )
    expect(p.entra?.cloud).toBe('global')
    expect(p.entra?.certificateFile).toBe('/etc/cw/c.pem')
    expect(p.caFile).toBe('/etc/cw/ca.pem')
  })

  it('names every field at fault', () => {
    const fail = (v: unknown): string => {
      try {
        parseProfile(v, '/')
        return ''
      } catch (e) {
        expect(e).toBeInstanceOf(ProfileError)
        return (e as Error).message
      }
    }
    expect(fail({})).toMatch(/needs an entra or an okta section/)
    expect(fail({ entra: { ...entra, cloud: 'mars' } })).toMatch(/entra\.cloud/)
    expect(fail({ entra: { ...entra, certificateFile: 'c.pem' } })).toMatch(
      /entra\.clientSecretEnv: give either/,
    )
    expect(fail({ entra: { tenantId: 't', clientId: 'c', certificateFile: 'c.pem' } })).toMatch(
      /entra\.privateKeyFile/,
    )
    expect(fail({ okta: { orgUrl: 'http://acme.okta.com', apiTokenEnv: 'X' } })).toMatch(
      /okta\.orgUrl: must be an https/,
    )
    expect(fail({ okta: { orgUrl: 'https://acme.okta.com', clientId: 'x' } })).toMatch(
      /clientId, privateKeyFile and scopes/,
    )
  })

  it('loads a file and says when it is not JSON', async () => {
    await writeFile(join(dir, 'p.json'), JSON.stringify({ okta }))
    expect((await loadProfile(join(dir, 'p.json'))).okta?.orgUrl).toBe('https://acme.okta.com')
    await writeFile(join(dir, 'bad.json'), '{ nope')
    await expect(loadProfile(join(dir, 'bad.json'))).rejects.toThrow(/not valid JSON/)
    await expect(loadProfile(join(dir, 'missing.json'))).rejects.toThrow(/Cannot read profile/)
  })
})

describe('resolveCredentials', () => {
  it('reads secrets from the named environment variables', async () => {
    const p = parseProfile({ entra, okta }, dir)
    const c = await resolveCredentials(p, { ENTRA_SECRET: ' abc8Q~value ', OKTA_TOKEN: '00tok' })
    expect(c).toEqual({
      entra: { kind: 'secret', clientSecret: 'abc8Q~value' },
      okta: { kind: 'apiToken', token: '00tok' },
    })
    const missing = await resolveCredentials(p, { OKTA_TOKEN: 'x' }).catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(CredentialError)
    expect(missing).toMatchObject({ side: 'entra', field: 'clientSecretEnv' })
  })

  it('reads PEM and PFX certificates and checks the key', async () => {
    const cert = makeCertificate()
    await writeFile(join(dir, 'c.pem'), cert.certificatePem)
    await writeFile(join(dir, 'k.pem'), cert.privateKeyPem)
    await writeFile(join(dir, 'c.pfx'), cert.pfx('pw-123'))
    const pem = parseProfile(
      {
        entra: {
          ...entra,
          clientSecretEnv: undefined,
          certificateFile: 'c.pem',
          privateKeyFile: 'k.pem',
        },
      },
      dir,
    )
    expect((await resolveCredentials(pem, {})).entra?.kind).toBe('certificate')
    const pfx = parseProfile(
      {
        entra: {
          ...entra,
          clientSecretEnv: undefined,
          certificateFile: 'c.pfx',
          certificatePasswordEnv: 'PFX_PW',
        },
      },
      dir,
    )
    expect((await resolveCredentials(pfx, { PFX_PW: 'pw-123' })).entra?.kind).toBe('certificate')
    await expect(resolveCredentials(pfx, { PFX_PW: 'nope' })).rejects.toThrow(/wrong password/)
  })
})
