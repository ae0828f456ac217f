import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CipherUnavailableError,
  createPassphraseCipher,
  createSafeStorageCipher,
  PLAINTEXT_BACKEND_WARNING,
  type SafeStorageLike,
} from '../../../../src/node/vault/ciphers'
import { createVault, CredentialMetadata } from '../../../../src/node/vault/vault'
import { makeCertificate } from '../entra/fixtures'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosswalk-vault-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const SECRET = 'Abc8Q~very-secret-value-0123456789'
const TOKEN = '00okta-api-token-value-abcdef'

/** A fake safeStorage: XOR with a per-instance key (a different "machine" cannot decrypt). */
function fakeSafeStorage(backend = 'gnome_libsecret', key = 0x5a): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (s) => Buffer.from(Buffer.from(`ok:${s}`, 'utf8').map((b) => b ^ key)),
    decryptString: (b) => {
      const text = Buffer.from(b.map((x) => x ^ key)).toString('utf8')
      if (!text.startsWith('ok:'))
        throw new Error(
          'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
        )
      return text.slice(3)
    },
    getSelectedStorageBackend: () => backend,
  }
}

describe('passphrase cipher', () => {
  it('round-trips with a fresh salt and nonce per secret and fails with another passphrase', async () => {
    const c = createPassphraseCipher('correct horse battery')
    const a = await c.encrypt(SECRET)
    const b = await c.encrypt(SECRET)
    expect(a).not.toBe(b)
    expect(a).not.toContain(SECRET)
    expect(await c.decrypt(a)).toBe(SECRET)
    await expect(createPassphraseCipher('wrong passphrase!').decrypt(a)).rejects.toThrow()
    expect(() => createPassphraseCipher('short')).toThrow(CipherUnavailableError)
  })
})

describe('safeStorage adapter', () => {
  it('refuses the Linux basic_text backend unless explicitly accepted, with a warning', () => {
    expect(() =>
      createSafeStorageCipher(fakeSafeStorage('basic_text'), { platform: 'linux' }),
    ).toThrow(/basic_text/)
    const warnings: string[] = []
    const c = createSafeStorageCipher(fakeSafeStorage('basic_text'), {
      platform: 'linux',
      acceptPlaintextBackend: true,
      onWarning: (w) => warnings.push(w),
    })
    expect(c.id).toBe('safe-storage')
    expect(warnings).toEqual([PLAINTEXT_BACKEND_WARNING])
    expect(() =>
      createSafeStorageCipher({ ...fakeSafeStorage(), isEncryptionAvailable: () => false }),
    ).toThrow(/not available/)
    expect(() =>
      createSafeStorageCipher(fakeSafeStorage('basic_text'), { platform: 'darwin' }),
    ).not.toThrow()
  })
})

describe('createVault', () => {
  it('stores encrypted at rest and returns metadata only (hint, thumbprint, expiry)', async () => {
    const file = join(dir, 'v1.json')
    const vault = createVault({
      file,
      cipher: createSafeStorageCipher(fakeSafeStorage(), { platform: 'linux' }),
    })
    const cert = makeCertificate(new Date('2027-03-01T00:00:00Z'))
    const a = await vault.put({
      side: 'entra',
      tenantId: 'contoso.onmicrosoft.com',
      clientId: 'app-1',
      cloud: 'global',
      credential: { kind: 'secret', clientSecret: SECRET },
    })
    const b = await vault.put({
      side: 'okta',
      orgUrl: 'https://acme.okta.com',
      credential: { kind: 'apiToken', token: TOKEN },
    })
    const c = await vault.put({
      side: 'entra',
      tenantId: 't',
      clientId: 'app-2',
      cloud: 'usgov',
      credential: {
        kind: 'certificate',
        certificatePem: cert.certificatePem,
        privateKeyPem: cert.privateKeyPem,
      },
    })
    expect(a).toMatchObject({
      authKind: 'clientSecret',
      secretHint: 'Abc',
      tenantId: 'contoso.onmicrosoft.com',
    })
    expect(b).toMatchObject({ authKind: 'apiToken', secretHint: '00o' })
    expect(c).toMatchObject({
      authKind: 'certificate',
      certificateExpiresAt: '2027-03-01T00:00:00.000Z',
    })
    expect(c.certificateThumbprint).toMatch(/^[0-9A-F]{40}$/)
    const listed = await vault.list()
    expect(listed.problems).toEqual([])
    for (const m of listed.entries)
      expect(CredentialMetadata.strict().safeParse(m).success).toBe(true)
    const everything = JSON.stringify(listed) + (await readFile(file, 'utf8'))
    for (const s of [SECRET, TOKEN, cert.privateKeyPem.slice(40, 80)])
      expect(everything).not.toContain(s)
    const opened = await vault.open(a.id)
    expect(opened).toMatchObject({ ok: true, credential: { kind: 'secret', clientSecret: SECRET } })
    // atomic writes leave no temp files behind
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([])
    expect(await vault.remove(b.id)).toBe(true)
    expect((await vault.list()).entries.map((e) => e.id)).toEqual([a.id, c.id])
  })

  it('reports and drops a secret that no longer decrypts, never crashing', async () => {
    const file = join(dir, 'v2.json')
    const mine = createVault({ file, cipher: createPassphraseCipher('passphrase-one') })
    const entry = await mine.put({
      side: 'okta',
      orgUrl: 'https://acme.okta.com',
      credential: { kind: 'apiToken', token: TOKEN },
    })
    const other = createVault({ file, cipher: createPassphraseCipher('passphrase-two') })
    const listed = await other.list()
    expect(listed.entries).toEqual([])
    expect(listed.problems).toHaveLength(1)
    expect(listed.problems[0]?.message).toMatch(/cannot be decrypted/)
    expect(await other.open(entry.id)).toMatchObject({ ok: false })
    // a damaged ciphertext is reported the same way
    const raw = JSON.parse(await readFile(file, 'utf8')) as { entries: { sealed: string }[] }
    raw.entries[0]!.sealed = 'v1.AAAA'
    await writeFile(file, JSON.stringify(raw))
    expect((await mine.list()).problems).toHaveLength(1)
  })

  it('resolves environment-variable credentials at use and stores only the variable name', async () => {
    const file = join(dir, 'v3.json')
    const vault = createVault({ file, cipher: createPassphraseCipher('passphrase-env') })
    const m = await vault.put({
      side: 'entra',
      tenantId: 't',
      clientId: 'c',
      cloud: 'global',
      credential: { kind: 'env', variable: 'ENTRA_SECRET', as: 'clientSecret' },
    })
    expect(m).toMatchObject({ authKind: 'environment', environmentVariable: 'ENTRA_SECRET' })
    expect(await vault.open(m.id, { ENTRA_SECRET: SECRET })).toMatchObject({
      ok: true,
      credential: { clientSecret: SECRET },
    })
    expect(await vault.open(m.id, {})).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/ENTRA_SECRET/) },
    })
  })
})
