/**
 * The credential vault: connection credentials encrypted at rest in one JSON file, written
 * atomically (temp file + rename). Secrets never leave src/node: `list` and `put` return
 * metadata only (tenant, client ID, auth kind, a three-character secret hint as Entra shows
 * it, certificate thumbprint and expiry). A secret that no longer decrypts (another
 * machine's key, a changed passphrase, a damaged file) is reported and dropped, never thrown.
 */
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { describeCertificate } from '../entra/certificate'
import type { EntraCredential, OktaCredential } from '../profile/credentials'
import type { Cipher } from './ciphers'
import { writeFileAtomic } from '../atomic-file'

/** Where a secret lives: sealed in the vault, or in an environment variable read at use. */
export type StoredCredential =
  | EntraCredential
  | OktaCredential
  | { kind: 'env'; variable: string; as: 'clientSecret' | 'apiToken' }

/** A stored Entra connection's non-secret settings. */
export interface EntraConnection {
  side: 'entra'
  tenantId: string
  clientId: string
  cloud: 'global' | 'usgov' | 'china'
  authorityHost?: string
  graphBaseUrl?: string
}

/** A stored Okta connection's non-secret settings. */
export interface OktaConnection {
  side: 'okta'
  orgUrl: string
  clientId?: string
  scopes?: string[]
}

/** What `put` stores: the connection settings and its credential. */
export type VaultEntryInput = (EntraConnection | OktaConnection) & {
  label?: string
  credential: StoredCredential
}

/** What callers outside src/node may see of a stored credential. JSON-serialisable. */
export const CredentialMetadata = z.object({
  id: z.string(),
  side: z.enum(['entra', 'okta']),
  label: z.string().optional(),
  tenantId: z.string().optional(),
  clientId: z.string().optional(),
  cloud: z.string().optional(),
  orgUrl: z.string().optional(),
  authKind: z.enum(['clientSecret', 'certificate', 'apiToken', 'privateKey', 'environment']),
  /** the first three characters of a secret or token, as the Entra portal shows it */
  secretHint: z.string().optional(),
  /** environment variable name, for `environment` credentials */
  environmentVariable: z.string().optional(),
  certificateThumbprint: z.string().optional(),
  /** ISO-8601 */
  certificateExpiresAt: z.string().optional(),
  createdAt: z.string(),
})
export type CredentialMetadata = z.infer<typeof CredentialMetadata>

/** An entry that could not be read, in plain words. */
export interface VaultProblem {
  id: string
  message: string
}

const VaultFile = z.object({
  format: z.literal('crosswalk.vault'),
  version: z.literal(1),
  cipher: z.string(),
  entries: z.array(
    z.object({
      meta: CredentialMetadata,
      connection: z.record(z.string(), z.unknown()),
      sealed: z.string(),
    }),
  ),
})
type VaultFile = z.infer<typeof VaultFile>

/** The credential vault. */
export interface Vault {
  /** stores a credential; returns its metadata */
  put: (input: VaultEntryInput) => Promise<CredentialMetadata>
  /** metadata of every readable entry, plus problems for entries that no longer decrypt */
  list: () => Promise<{ entries: CredentialMetadata[]; problems: VaultProblem[] }>
  /** src/node only: the connection and its secret, or a problem */
  open: (
    id: string,
    env?: Readonly<Record<string, string | undefined>>,
  ) => Promise<
    | {
        ok: true
        connection: EntraConnection | OktaConnection
        credential: EntraCredential | OktaCredential
      }
    | { ok: false; problem: VaultProblem }
  >
  remove: (id: string) => Promise<boolean>
}

function describe(input: VaultEntryInput, id: string, createdAt: string): CredentialMetadata {
  const c = input.credential
  const base = {
    id,
    side: input.side,
    ...(input.label ? { label: input.label } : {}),
    ...(input.side === 'entra'
      ? { tenantId: input.tenantId, clientId: input.clientId, cloud: input.cloud }
      : { orgUrl: input.orgUrl, ...(input.clientId ? { clientId: input.clientId } : {}) }),
    createdAt,
  }
  switch (c.kind) {
    case 'secret':
      return { ...base, authKind: 'clientSecret', secretHint: c.clientSecret.slice(0, 3) }
    case 'apiToken':
      return { ...base, authKind: 'apiToken', secretHint: c.token.slice(0, 3) }
    case 'certificate': {
      const cert = describeCertificate(c.certificatePem, c.privateKeyPem)
      return {
        ...base,
        authKind: 'certificate',
        certificateThumbprint: cert.thumbprintSha1,
        certificateExpiresAt: cert.notAfter,
      }
    }
    case 'privateKey':
      return { ...base, authKind: 'privateKey' }
    case 'env':
      return { ...base, authKind: 'environment', environmentVariable: c.variable }
  }
}

/** Opens (or creates on first write) the vault file `file`, sealed with `cipher`. */
export function createVault(options: { file: string; cipher: Cipher; now?: () => Date }): Vault {
  const { file, cipher } = options
  const now = options.now ?? (() => new Date())
  let queue: Promise<unknown> = Promise.resolve()
  // one writer at a time: read-modify-write cycles must not interleave
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run)
    queue = next.catch(() => undefined)
    return next
  }

  const load = async (): Promise<VaultFile> => {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { format: 'crosswalk.vault', version: 1, cipher: cipher.id, entries: [] }
      throw error
    }
    const parsed = VaultFile.safeParse(JSON.parse(text))
    if (!parsed.success) throw new Error(`${file} is not a crosswalk vault.`)
    return parsed.data
  }

  const save = (data: VaultFile): Promise<void> =>
    writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`)

  const unseal = async (data: VaultFile, sealed: string): Promise<StoredCredential> => {
    if (data.cipher !== cipher.id)
      throw new Error(`the vault was sealed with ${data.cipher}, not ${cipher.id}`)
    return JSON.parse(await cipher.decrypt(sealed)) as StoredCredential
  }

  return {
    put: (input) =>
      serial(async () => {
        const data = await load()
        if (data.entries.length > 0 && data.cipher !== cipher.id) {
          throw new Error(`The vault was sealed with ${data.cipher}; open it with that cipher.`)
        }
        const id = randomUUID()
        const meta = describe(input, id, now().toISOString())
        const { credential, label: _label, ...connection } = input
        const sealed = await cipher.encrypt(JSON.stringify(credential))
        data.cipher = cipher.id
        data.entries.push({ meta, connection: connection as Record<string, unknown>, sealed })
        await save(data)
        return meta
      }),
    list: async () => {
      const data = await load()
      const entries: CredentialMetadata[] = []
      const problems: VaultProblem[] = []
      for (const entry of data.entries) {
        try {
          await unseal(data, entry.sealed)
          entries.push(entry.meta)
        } catch {
          problems.push({
            id: entry.meta.id,
            message: `The stored credential for ${entry.meta.tenantId ?? entry.meta.orgUrl ?? entry.meta.id} cannot be decrypted on this machine (another user, machine or passphrase sealed it); enter it again.`,
          })
        }
      }
      return { entries, problems }
    },
    open: async (id, env = {}) => {
      const data = await load()
      const entry = data.entries.find((e) => e.meta.id === id)
      if (!entry) return { ok: false, problem: { id, message: 'No such stored credential.' } }
      let stored: StoredCredential
      try {
        stored = await unseal(data, entry.sealed)
      } catch {
        return {
          ok: false,
          problem: {
            id,
            message: 'The stored credential cannot be decrypted on this machine; enter it again.',
          },
        }
      }
      const connection = entry.connection as unknown as EntraConnection | OktaConnection
      if (stored.kind !== 'env') return { ok: true, connection, credential: stored }
      const value = env[stored.variable]
      if (!value)
        return {
          ok: false,
          problem: { id, message: `The environment variable ${stored.variable} is not set.` },
        }
      const credential: EntraCredential | OktaCredential =
        stored.as === 'clientSecret'
          ? { kind: 'secret', clientSecret: value }
          : { kind: 'apiToken', token: value }
      return { ok: true, connection, credential }
    },
    remove: (id) =>
      serial(async () => {
        const data = await load()
        const before = data.entries.length
        data.entries = data.entries.filter((e) => e.meta.id !== id)
        if (data.entries.length === before) return false
        await save(data)
        return true
      }),
  }
}
