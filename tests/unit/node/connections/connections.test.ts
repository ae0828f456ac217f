import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resolveConnection } from '../../../../src/node/connections/resolve'
import { createConnectionStore, OVERRIDES_REFUSED } from '../../../../src/node/connections/store'
import {
  createVaultSession,
  type VaultKeySource,
} from '../../../../src/node/connections/vault-session'
import { HandlerError } from '../../../../src/node/ipc/handler-error'
import { createLogger } from '../../../../src/node/log'
import { PLAINTEXT_BACKEND_WARNING } from '../../../../src/node/vault/ciphers'

const WS = '7d1f1c2e-1111-4aaa-8bbb-000000000001'
const TENANT = '9f3c2a1b-0000-4000-8000-00000000aaaa'
const CLIENT = '1b2c3d4e-0000-4000-8000-00000000bbbb'
const SECRET = 'Zy7~first-secret-value-000'
const SECRET2 = 'Qw3~second-secret-value-111'
const TOKEN = '00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789'
const PASS = 'a long vault passphrase'

let dir: string
let lines: string[]
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-conn-'))
  lines = []
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function setup(
  source: VaultKeySource = { kind: 'passphrase', passphrase: PASS },
  endpointOverrides = true,
) {
  const log = createLogger({ write: (l) => lines.push(l), level: 'debug' })
  const session = createVaultSession({ dataDir: dir, source, log, endpointOverrides })
  const store = createConnectionStore({ dataDir: dir, session, log, endpointOverrides })
  const resolve = () => resolveConnection(WS, { store, session, log, endpointOverrides })
  return { log, session, store, resolve }
}

const entra = (clientSecret?: string) => ({
  tenantId: TENANT,
  clientId: CLIENT,
  cloud: 'global' as const,
  ...(clientSecret ? { credential: { kind: 'secret' as const, clientSecret } } : {}),
})

async function files(): Promise<string> {
  const read = (f: string) => readFile(path.join(dir, f), 'utf8').catch(() => '')
  return (await read('vault.json')) + (await read('connections.json'))
}

describe('connection store', () => {
  it('stores metadata only, keeps an omitted credential and replaces a given one', async () => {
    const { store, resolve } = setup()
    const saved = await store.save({
      workspaceId: WS,
      entra: entra(SECRET),
      okta: { orgUrl: 'https://contoso.okta.com/', credential: { kind: 'apiToken', token: TOKEN } },
    })
    expect(saved).toEqual({
      workspaceId: WS,
      entra: {
        tenantId: TENANT,
        clientId: CLIENT,
        cloud: 'global',
        authKind: 'clientSecret',
        secretHint: 'Zy7',
        savedAt: expect.any(String),
      },
      okta: {
        orgUrl: 'https://contoso.okta.com',
        authKind: 'apiToken',
        tokenHint: '00a',
        savedAt: expect.any(String),
      },
    })
    expect((await resolve()).credentials).toEqual({
      entra: { kind: 'secret', clientSecret: SECRET },
      okta: { kind: 'apiToken', token: TOKEN },
    })
    // only the Entra secret changes; the Okta token is kept
    await store.save({
      workspaceId: WS,
      entra: entra(SECRET2),
      okta: { orgUrl: 'https://contoso.okta.com' },
    })
    const resolved = await resolve()
    expect(resolved.credentials.entra).toEqual({ kind: 'secret', clientSecret: SECRET2 })
    expect(resolved.credentials.okta).toEqual({ kind: 'apiToken', token: TOKEN })
    expect(resolved.profile).toEqual({
      entra: { tenantId: TENANT, clientId: CLIENT, cloud: 'global' },
      okta: { orgUrl: 'https://contoso.okta.com' },
    })
    const vault = JSON.parse(await readFile(path.join(dir, 'vault.json'), 'utf8'))
    expect(vault.entries).toHaveLength(2)
    const text = await files()
    for (const s of [SECRET, SECRET2, TOKEN, PASS]) expect(text).not.toContain(s)
    for (const s of [SECRET, SECRET2, TOKEN, PASS]) expect(lines.join('\n')).not.toContain(s)
  })

  it('refuses to save a side without any credential', async () => {
    const { store } = setup()
    await expect(store.save({ workspaceId: WS, entra: entra() })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/client secret or certificate/),
    })
  })

  it('refuses custom endpoints and a CA where overrides are not allowed', async () => {
    const { store } = setup(undefined, false)
    for (const input of [
      { workspaceId: WS, entra: { ...entra(SECRET), authorityHost: 'https://127.0.0.1:4431' } },
      { workspaceId: WS, entra: { ...entra(SECRET), graphBaseUrl: 'https://127.0.0.1:4432' } },
      {
        workspaceId: WS,
        entra: entra(SECRET),
        caPem: '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----',
      },
    ]) {
      await expect(store.save(input)).rejects.toEqual(
        new HandlerError('unavailable', OVERRIDES_REFUSED),
      )
    }
    await expect(readFile(path.join(dir, 'connections.json'))).rejects.toMatchObject({
      code: 'ENOENT',
    })
  })

  it('removes a workspace’s vault entries and mapping, even while the vault is locked', async () => {
    await setup().store.save({ workspaceId: WS, entra: entra(SECRET) })
    const locked = setup({ kind: 'passphrase' })
    expect((await locked.session.status()).unlocked).toBe(false)
    await locked.store.remove(WS)
    const vault = JSON.parse(await readFile(path.join(dir, 'vault.json'), 'utf8'))
    expect(vault.entries).toEqual([])
    expect(
      JSON.parse(await readFile(path.join(dir, 'connections.json'), 'utf8')).workspaces,
    ).toEqual({})
  })

  it('moves a damaged connections file aside instead of overwriting it', async () => {
    await writeFile(path.join(dir, 'connections.json'), '{ not json')
    const { store } = setup()
    expect(await store.get(WS)).toEqual({ workspaceId: WS })
    await store.save({ workspaceId: WS, entra: entra(SECRET) })
    const { readdir } = await import('node:fs/promises')
    expect((await readdir(dir)).some((f) => f.startsWith('connections.json.damaged-'))).toBe(true)
  })
})

describe('vault session', () => {
  it('a wrong passphrase is refused, stays locked and deletes nothing', async () => {
    await setup().store.save({ workspaceId: WS, entra: entra(SECRET) })
    const before = await readFile(path.join(dir, 'vault.json'), 'utf8')
    const other = setup({ kind: 'passphrase', passphrase: 'another passphrase' })
    const status = await other.session.status()
    expect(status).toMatchObject({ kind: 'passphrase', unlocked: false })
    expect(status.problems[0]).toMatch(/does not open this vault/)
    await expect(other.session.unlock({ passphrase: 'yet another one' })).rejects.toMatchObject({
      code: 'unavailable',
    })
    await expect(other.resolve()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/locked/),
    })
    expect(await readFile(path.join(dir, 'vault.json'), 'utf8')).toBe(before)
    expect((await other.session.unlock({ passphrase: PASS })).unlocked).toBe(true)
    expect((await other.resolve()).credentials.entra).toEqual({
      kind: 'secret',
      clientSecret: SECRET,
    })
    expect(lines.join('\n')).not.toContain('another passphrase')
  })

  it('Electron on Linux without a keyring stays locked until the warning is accepted', async () => {
    const storage = {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: (s: string) => Buffer.from(`x${s}`),
      decryptString: (b: Buffer) => b.toString().slice(1),
    }
    const { session, store } = setup({ kind: 'safe-storage', storage, platform: 'linux' })
    expect(await session.status()).toMatchObject({
      kind: 'safe-storage',
      unlocked: false,
      needsPlaintextConsent: true,
      warning: PLAINTEXT_BACKEND_WARNING,
    })
    await expect(store.save({ workspaceId: WS, entra: entra(SECRET) })).rejects.toMatchObject({
      code: 'unavailable',
    })
    await expect(session.unlock({})).rejects.toMatchObject({
      code: 'unavailable',
      message: PLAINTEXT_BACKEND_WARNING,
    })
    expect((await session.unlock({ acceptPlaintext: true })).unlocked).toBe(true)
    await store.save({ workspaceId: WS, entra: entra(SECRET) })
    expect(lines.some((l) => l.includes('vault.plaintext-backend-accepted'))).toBe(true)
  })

  it('a host without OS encryption reports why and refuses to unlock', async () => {
    const storage = {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    }
    const { session } = setup({ kind: 'safe-storage', storage, platform: 'win32' })
    const status = await session.status()
    expect(status.unlocked).toBe(false)
    expect(status.problems[0]).toMatch(/not available/)
    await expect(session.unlock({ acceptPlaintext: true })).rejects.toMatchObject({
      code: 'unavailable',
    })
  })
})
