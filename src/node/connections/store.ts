/**
 * Per-workspace connections: which vault entries hold a workspace's Entra and Okta
 * credentials, with their non-secret metadata and the custom CA, in
 * `<dataDir>/connections.json` (written atomically, one operation at a time). The
 * secrets themselves live only in the vault; this file and every reply hold hints,
 * thumbprints and expiry dates, never a secret.
 *
 * Saving replaces a side's vault entry (vault entries are immutable): the new entry is
 * stored, the mapping written, then the old entry removed, so a crash leaves at worst an
 * orphaned entry, never a mapping to nothing. An omitted credential keeps the stored one.
 */
import { readFile, rename } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type {
  ConnectionInfo,
  ConnectionsSaveInput,
  EntraCredentialInput,
  OktaCredentialInput,
} from '../../shared/ipc/connections'
import { Cloud } from '../../shared/model/snapshot'
import { writeFileAtomic } from '../atomic-file'
import { HandlerError } from '../ipc/handler-error'
import type { Logger } from '../log'
import type { EntraCredential, OktaCredential } from '../profile/credentials'
import type { CredentialMetadata, Vault } from '../vault/vault'
import type { VaultSession } from './vault-session'

export const CONNECTIONS_FILE = 'connections.json'

const EntraMapping = z.object({
  vaultId: z.string(),
  tenantId: z.string(),
  clientId: z.string(),
  cloud: Cloud,
  authorityHost: z.string().optional(),
  graphBaseUrl: z.string().optional(),
  authKind: z.enum(['clientSecret', 'certificate']),
  secretHint: z.string().optional(),
  certificateThumbprint: z.string().optional(),
  certificateExpiresAt: z.string().optional(),
  savedAt: z.string(),
})
const OktaMapping = z.object({
  vaultId: z.string(),
  orgUrl: z.string(),
  authKind: z.enum(['apiToken', 'privateKey']),
  tokenHint: z.string().optional(),
  clientId: z.string().optional(),
  keyId: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  savedAt: z.string(),
})
const WorkspaceConnection = z.object({
  entra: EntraMapping.optional(),
  okta: OktaMapping.optional(),
  caPem: z.string().optional(),
})
export type WorkspaceConnection = z.infer<typeof WorkspaceConnection>

const ConnectionsFile = z.object({
  format: z.literal('crosswalk.connections'),
  version: z.literal(1),
  workspaces: z.record(z.string(), WorkspaceConnection),
})
type ConnectionsFile = z.infer<typeof ConnectionsFile>

export interface ConnectionStore {
  get: (workspaceId: string) => Promise<ConnectionInfo>
  save: (input: ConnectionsSaveInput) => Promise<ConnectionInfo>
  /** the stored mapping (src/node only) */
  read: (workspaceId: string) => Promise<WorkspaceConnection | undefined>
  /** deletes the workspace's vault entries and mapping; works while the vault is locked */
  remove: (workspaceId: string) => Promise<void>
}

export const OVERRIDES_REFUSED =
  'This build does not accept custom endpoints or a custom CA certificate: they could send your credentials elsewhere. Use a development build, or start browser mode with --allow-endpoint-overrides.'

export function createConnectionStore(options: {
  dataDir: string
  session: VaultSession
  log: Logger
  endpointOverrides: boolean
}): ConnectionStore {
  const file = path.join(options.dataDir, CONNECTIONS_FILE)
  const { session, log } = options
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run)
    queue = next.catch(() => undefined)
    return next
  }

  const load = async (): Promise<ConnectionsFile> => {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty()
      throw error
    }
    const parsed = ConnectionsFile.safeParse(safeJson(text))
    if (parsed.success) return parsed.data
    // Keep a damaged file for inspection rather than overwrite it.
    const aside = `${file}.damaged-${Date.now()}`
    await rename(file, aside)
    log.warn('connections.file-damaged', { movedTo: aside })
    return empty()
  }
  const store = (data: ConnectionsFile) =>
    writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`)

  return {
    get: async (workspaceId) => info(workspaceId, (await load()).workspaces[workspaceId]),
    read: async (workspaceId) => (await load()).workspaces[workspaceId],
    save: (input) =>
      serial(async () => {
        const overrides = input.entra?.authorityHost ?? input.entra?.graphBaseUrl ?? input.caPem
        if (overrides !== undefined && !options.endpointOverrides) {
          throw new HandlerError('unavailable', OVERRIDES_REFUSED)
        }
        const vault = await session.vault()
        const data = await load()
        const before = data.workspaces[input.workspaceId] ?? {}
        const next: WorkspaceConnection = { ...before }
        const replaced: string[] = []
        if (input.entra) {
          const { credential, ...connection } = input.entra
          const secret = credential
            ? toEntraCredential(credential)
            : await reuse<EntraCredential>(vault, before.entra?.vaultId, 'entra')
          registerSecret(log, secret)
          const meta = await putChecked(vault, { side: 'entra', ...connection, credential: secret })
          next.entra = {
            vaultId: meta.id,
            ...connection,
            authKind: secret.kind === 'secret' ? 'clientSecret' : 'certificate',
            ...(meta.secretHint ? { secretHint: meta.secretHint } : {}),
            ...(meta.certificateThumbprint
              ? { certificateThumbprint: meta.certificateThumbprint }
              : {}),
            ...(meta.certificateExpiresAt
              ? { certificateExpiresAt: meta.certificateExpiresAt }
              : {}),
            savedAt: meta.createdAt,
          }
          if (before.entra) replaced.push(before.entra.vaultId)
        }
        if (input.okta) {
          const orgUrl = input.okta.orgUrl.replace(/\/+$/, '')
          const given = input.okta.credential
          const previous = before.okta
          const secret: OktaCredential = given
            ? toOktaCredential(given)
            : await reuse<OktaCredential>(vault, previous?.vaultId, 'okta')
          registerSecret(log, secret)
          const service =
            given?.kind === 'privateKey'
              ? {
                  clientId: given.clientId,
                  scopes: given.scopes,
                  ...(given.keyId ? { keyId: given.keyId } : {}),
                }
              : !given && secret.kind === 'privateKey' && previous
                ? {
                    ...(previous.clientId ? { clientId: previous.clientId } : {}),
                    ...(previous.scopes ? { scopes: previous.scopes } : {}),
                    ...(previous.keyId ? { keyId: previous.keyId } : {}),
                  }
                : {}
          const meta = await putChecked(vault, {
            side: 'okta',
            orgUrl,
            ...(service.clientId ? { clientId: service.clientId } : {}),
            ...(service.scopes ? { scopes: service.scopes } : {}),
            credential: secret,
          })
          next.okta = {
            vaultId: meta.id,
            orgUrl,
            authKind: secret.kind,
            ...(meta.secretHint ? { tokenHint: meta.secretHint } : {}),
            ...service,
            savedAt: meta.createdAt,
          }
          if (previous) replaced.push(previous.vaultId)
        }
        if (input.caPem) next.caPem = input.caPem
        else delete next.caPem
        data.workspaces[input.workspaceId] = next
        await store(data)
        for (const id of replaced) await vault.remove(id)
        log.info('connections.saved', {
          workspaceId: input.workspaceId,
          entra: input.entra
            ? input.entra.credential
              ? 'new-credential'
              : 'kept-credential'
            : 'unchanged',
          okta: input.okta
            ? input.okta.credential
              ? 'new-credential'
              : 'kept-credential'
            : 'unchanged',
        })
        return info(input.workspaceId, next)
      }),
    remove: (workspaceId) =>
      serial(async () => {
        const data = await load()
        const entry = data.workspaces[workspaceId]
        if (!entry) return
        const vault = session.removalVault()
        for (const side of [entry.entra, entry.okta]) if (side) await vault.remove(side.vaultId)
        delete data.workspaces[workspaceId]
        await store(data)
        log.info('connections.removed', { workspaceId })
      }),
  }
}

/** Registers every secret of a credential with the log, so no later line can carry it. */
export function registerSecret(log: Logger, credential: EntraCredential | OktaCredential): void {
  switch (credential.kind) {
    case 'secret':
      return log.addSecret(credential.clientSecret)
    case 'apiToken':
      return log.addSecret(credential.token)
    case 'certificate':
      return log.addSecret(credential.privateKeyPem)
    case 'privateKey':
      return log.addSecret(credential.privateKeyPem)
  }
}

function info(workspaceId: string, entry: WorkspaceConnection | undefined): ConnectionInfo {
  const { vaultId: _e, ...entra } = entry?.entra ?? { vaultId: '' }
  const { vaultId: _o, ...okta } = entry?.okta ?? { vaultId: '' }
  return {
    workspaceId,
    ...(entry?.entra ? { entra: entra as Omit<z.infer<typeof EntraMapping>, 'vaultId'> } : {}),
    ...(entry?.okta ? { okta: okta as Omit<z.infer<typeof OktaMapping>, 'vaultId'> } : {}),
    ...(entry?.caPem ? { caPem: entry.caPem } : {}),
  }
}

async function reuse<T extends EntraCredential | OktaCredential>(
  vault: Vault,
  vaultId: string | undefined,
  side: 'entra' | 'okta',
): Promise<T> {
  const what =
    side === 'entra' ? 'a client secret or certificate' : 'an API token or a service app key'
  if (!vaultId)
    throw new HandlerError('not-found', `Enter ${what}: none is stored for this workspace yet.`)
  const opened = await vault.open(vaultId)
  if (!opened.ok)
    throw new HandlerError('not-found', `${opened.problem.message} Enter ${what} again.`)
  return opened.credential as T
}

async function putChecked(
  vault: Vault,
  input: Parameters<Vault['put']>[0],
): Promise<CredentialMetadata> {
  try {
    return await vault.put(input)
  } catch (error) {
    // describeCertificate's messages name the problem, never the key material.
    if (
      input.credential.kind === 'certificate' &&
      error instanceof Error &&
      /certificate|private key/i.test(error.message)
    ) {
      throw new HandlerError('conflict', error.message)
    }
    throw error
  }
}

/** The vault's form of a typed Entra credential. */
export function toEntraCredential(input: EntraCredentialInput): EntraCredential {
  return input.kind === 'secret'
    ? { kind: 'secret', clientSecret: input.clientSecret }
    : {
        kind: 'certificate',
        certificatePem: input.certificatePem,
        privateKeyPem: input.privateKeyPem,
      }
}

/** The vault's form of a typed Okta credential. */
export function toOktaCredential(input: OktaCredentialInput): OktaCredential {
  return input.kind === 'apiToken'
    ? { kind: 'apiToken', token: input.token }
    : {
        kind: 'privateKey',
        privateKeyPem: input.privateKeyPem,
        ...(input.keyId ? { keyId: input.keyId } : {}),
      }
}

function empty(): ConnectionsFile {
  return { format: 'crosswalk.connections', version: 1, workspaces: {} }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
