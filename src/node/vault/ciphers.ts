/**
 * Ciphers for the credential vault. Each turns a UTF-8 string into printable ciphertext and
 * back. Two kinds: an adapter over Electron's `safeStorage` (injected, so this file never
 * imports electron) and a passphrase cipher (scrypt → AES-256-GCM) for the CLI and the
 * browser-mode host. https://www.electronjs.org/docs/latest/api/safe-storage
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto'

/** Encrypts strings for the vault; implementations must authenticate (detect tampering). */
export interface Cipher {
  /** stored in the vault file so a vault is never opened with the wrong kind of cipher */
  readonly id: string
  encrypt: (plain: string) => Promise<string>
  /** rejects when the ciphertext is damaged or was sealed with another key */
  decrypt: (sealed: string) => Promise<string>
}

/** The shape of Electron's `safeStorage` that the adapter needs. */
export interface SafeStorageLike {
  isEncryptionAvailable: () => boolean
  encryptString: (plainText: string) => Buffer
  decryptString: (encrypted: Buffer) => string
  /** Linux only: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown' */
  getSelectedStorageBackend?: () => string
}

/** Shown (and thrown) when Linux has no keyring and safeStorage would store plain text. */
export const PLAINTEXT_BACKEND_WARNING =
  'No OS keyring is available (Electron safeStorage backend "basic_text"): secrets would be stored ' +
  'with a hard-coded key, readable by anyone who can read the file. Install and unlock a keyring ' +
  '(GNOME Keyring / KWallet), or use a passphrase vault; accept this only on a machine you trust.'

/** The requested cipher cannot protect secrets on this machine. */
export class CipherUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CipherUnavailableError'
  }
}

/** Adapts Electron's `safeStorage` (injected); refuses Linux `basic_text` unless accepted explicitly. */
export function createSafeStorageCipher(
  safeStorage: SafeStorageLike,
  options: {
    platform?: NodeJS.Platform
    acceptPlaintextBackend?: boolean
    onWarning?: (text: string) => void
  } = {},
): Cipher {
  const platform = options.platform ?? process.platform
  if (!safeStorage.isEncryptionAvailable()) {
    throw new CipherUnavailableError(
      'Encryption is not available from the operating system (safeStorage).',
    )
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    if (!options.acceptPlaintextBackend) throw new CipherUnavailableError(PLAINTEXT_BACKEND_WARNING)
    options.onWarning?.(PLAINTEXT_BACKEND_WARNING)
  }
  return {
    id: 'safe-storage',
    encrypt: async (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: async (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  }
}

const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFKC'), salt, 32, SCRYPT, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

/**
 * scrypt (N=2^15, r=8, p=1) → AES-256-GCM with a random 16-byte salt and 12-byte nonce per
 * secret. Format: `v1.` + base64(salt | nonce | tag | ciphertext).
 */
export function createPassphraseCipher(passphrase: string): Cipher {
  if (passphrase.length < 8)
    throw new CipherUnavailableError('The vault passphrase must be at least 8 characters.')
  return {
    id: 'passphrase-scrypt-aes256gcm',
    encrypt: async (plain) => {
      const salt = randomBytes(16)
      const nonce = randomBytes(12)
      const key = await deriveKey(passphrase, salt)
      const cipher = createCipheriv('aes-256-gcm', key, nonce)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return `v1.${Buffer.concat([salt, nonce, cipher.getAuthTag(), body]).toString('base64')}`
    },
    decrypt: async (sealed) => {
      if (!sealed.startsWith('v1.')) throw new Error('unknown ciphertext format')
      const raw = Buffer.from(sealed.slice(3), 'base64')
      if (raw.length < 44) throw new Error('ciphertext too short')
      const key = await deriveKey(passphrase, raw.subarray(0, 16))
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(16, 28))
      decipher.setAuthTag(raw.subarray(28, 44))
      return Buffer.concat([decipher.update(raw.subarray(44)), decipher.final()]).toString('utf8')
    },
  }
}
