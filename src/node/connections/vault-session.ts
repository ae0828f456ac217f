/**
 * The vault as one host holds it: locked until a cipher is available, then a `Vault` over
 * `<dataDir>/vault.json`.
 *
 * - `passphrase` (browser mode, CLI-like hosts): scrypt + AES-256-GCM. A passphrase that
 *   opens none of the stored entries is refused and the vault stays locked; nothing is
 *   deleted, so the right passphrase still opens every entry later.
 * - `safe-storage` (Electron): the OS keychain through `safeStorage`. On Linux without a
 *   keyring (backend `basic_text`) secrets would be sealed with a hard-coded key, so the
 *   vault stays locked until the user accepts that warning (`acceptPlaintext`); the consent
 *   lasts for this launch only.
 * https://www.electronjs.org/docs/latest/api/safe-storage
 */
import path from 'node:path'
import type { VaultStatus, VaultUnlockInput } from '../../shared/ipc/connections'
import { HandlerError } from '../ipc/handler-error'
import type { Logger } from '../log'
import {
  CipherUnavailableError,
  PLAINTEXT_BACKEND_WARNING,
  createPassphraseCipher,
  createSafeStorageCipher,
  type Cipher,
  type SafeStorageLike,
} from '../vault/ciphers'
import { createVault, type Vault } from '../vault/vault'

/** Where the vault's key comes from on this host. */
export type VaultKeySource =
  | { kind: 'safe-storage'; storage: SafeStorageLike; platform?: NodeJS.Platform }
  | {
      kind: 'passphrase'
      /** read at start, e.g. from CROSSWALK_VAULT_PASSPHRASE */ passphrase?: string
    }

export interface VaultSession {
  status: () => Promise<VaultStatus>
  unlock: (input: VaultUnlockInput) => Promise<VaultStatus>
  /** the open vault; throws `HandlerError('unavailable')` while locked */
  vault: () => Promise<Vault>
  /** the vault for removals only: deleting an entry needs no key, so it works while locked */
  removalVault: () => Vault
}

// Removal filters entries by id and never unseals one, so it needs no key.
const NO_KEY: Cipher = {
  id: 'none',
  encrypt: () => Promise.reject(new Error('The vault is locked.')),
  decrypt: () => Promise.reject(new Error('The vault is locked.')),
}

export const VAULT_FILE = 'vault.json'

export function createVaultSession(options: {
  dataDir: string
  source: VaultKeySource
  log: Logger
  endpointOverrides: boolean
}): VaultSession {
  const { source, log } = options
  const file = path.join(options.dataDir, VAULT_FILE)
  let open: Vault | undefined
  let warning: string | undefined
  let needsPlaintextConsent = false
  let problems: string[] = []
  let started: Promise<void> | undefined

  const tryPassphrase = async (passphrase: string): Promise<string | undefined> => {
    log.addSecret(passphrase)
    let cipher: Cipher
    try {
      cipher = createPassphraseCipher(passphrase)
    } catch (error) {
      return (error as Error).message
    }
    const vault = createVault({ file, cipher })
    let listed
    try {
      listed = await vault.list()
    } catch (error) {
      log.error('vault.unreadable', { error })
      return 'The vault file cannot be read; the log has the details.'
    }
    if (listed.entries.length === 0 && listed.problems.length > 0) {
      return 'That passphrase does not open this vault: none of its stored credentials decrypt with it. Nothing was changed; try again.'
    }
    open = vault
    problems = listed.problems.map((p) => p.message)
    return undefined
  }

  const trySafeStorage = (accept: boolean): string | undefined => {
    if (source.kind !== 'safe-storage') return 'This host has no OS keychain.'
    try {
      const cipher = createSafeStorageCipher(source.storage, {
        ...(source.platform ? { platform: source.platform } : {}),
        acceptPlaintextBackend: accept,
        onWarning: (text) => log.warn('vault.plaintext-backend-accepted', { text }),
      })
      open = createVault({ file, cipher })
      needsPlaintextConsent = false
      return undefined
    } catch (error) {
      if (!(error instanceof CipherUnavailableError)) throw error
      if (error.message === PLAINTEXT_BACKEND_WARNING) {
        warning = PLAINTEXT_BACKEND_WARNING
        needsPlaintextConsent = true
      }
      return error.message
    }
  }

  // Lazily, so a host that never touches credentials never asks the OS keychain.
  const start = (): Promise<void> => {
    started ??= (async () => {
      if (source.kind === 'safe-storage') {
        const refused = trySafeStorage(false)
        if (refused && !needsPlaintextConsent) problems = [refused]
      } else if (source.passphrase) {
        const refused = await tryPassphrase(source.passphrase)
        if (refused) {
          problems = [refused]
          log.warn('vault.start-passphrase-refused')
        }
      }
    })()
    return started
  }

  const status = async (): Promise<VaultStatus> => {
    await start()
    return {
      kind: source.kind,
      unlocked: open !== undefined,
      ...(warning ? { warning } : {}),
      ...(needsPlaintextConsent ? { needsPlaintextConsent: true } : {}),
      problems,
      endpointOverrides: options.endpointOverrides,
    }
  }

  return {
    status,
    unlock: async (input) => {
      await start()
      if (open) return status()
      let refused: string | undefined
      if (source.kind === 'passphrase') {
        if (!input.passphrase) throw new HandlerError('unavailable', 'Enter the vault passphrase.')
        refused = await tryPassphrase(input.passphrase)
      } else {
        if (needsPlaintextConsent && !input.acceptPlaintext) {
          throw new HandlerError('unavailable', PLAINTEXT_BACKEND_WARNING)
        }
        refused = trySafeStorage(input.acceptPlaintext === true)
      }
      if (refused) throw new HandlerError('unavailable', refused)
      log.info('vault.unlocked', { kind: source.kind })
      return status()
    },
    vault: async () => {
      await start()
      if (!open) {
        throw new HandlerError(
          'unavailable',
          source.kind === 'passphrase'
            ? 'The credential vault is locked: enter its passphrase first.'
            : needsPlaintextConsent
              ? 'The credential vault is locked: no OS keyring is available; accept the warning or install a keyring first.'
              : 'The credential vault is unavailable: the operating system offers no encryption.',
        )
      }
      return open
    },
    removalVault: () => open ?? createVault({ file, cipher: NO_KEY }),
  }
}
