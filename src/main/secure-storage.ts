/**
 * The seam through which the vault reaches Electron's `safeStorage` (OS keychain,
 * DPAPI, libsecret/kwallet). On Linux, Electron falls back to `basic_text` — a
 * hard-coded key — when no keyring is running; that is reported as "encryption
 * unavailable" so the vault asks the user for a key instead of pretending.
 */
import type { SafeStorage } from 'electron'

export type StorageBackend =
  ReturnType<SafeStorage['getSelectedStorageBackend']> | 'keychain' | 'dpapi'

export interface SecureStorage {
  isEncryptionAvailable: () => boolean
  encryptString: (plainText: string) => Buffer
  decryptString: (encrypted: Buffer) => string
  getSelectedStorageBackend: () => StorageBackend
}

export function createSecureStorage(
  safeStorage: Pick<
    SafeStorage,
    'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
  >,
  platform: NodeJS.Platform = process.platform,
): SecureStorage {
  const backend = (): StorageBackend => {
    if (platform === 'darwin') return 'keychain'
    if (platform === 'win32') return 'dpapi'
    return safeStorage.getSelectedStorageBackend()
  }
  const available = () => safeStorage.isEncryptionAvailable() && backend() !== 'basic_text'
  return {
    isEncryptionAvailable: available,
    encryptString: (plainText) => {
      if (!available()) throw new Error('Secure storage is not available on this system.')
      return safeStorage.encryptString(plainText)
    },
    decryptString: (encrypted) => {
      if (!available()) throw new Error('Secure storage is not available on this system.')
      return safeStorage.decryptString(encrypted)
    },
    getSelectedStorageBackend: backend,
  }
}
