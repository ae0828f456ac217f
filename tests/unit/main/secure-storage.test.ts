import { describe, expect, it } from 'vitest'
import { createSecureStorage } from '../../../src/main/secure-storage'
import { createFakeElectron } from './fake-electron'

describe('createSecureStorage', () => {
  it('round-trips through safeStorage with a real keyring', () => {
    const storage = createSecureStorage(createFakeElectron('/x').safeStorage, 'linux')
    expect(storage.isEncryptionAvailable()).toBe(true)
    expect(storage.getSelectedStorageBackend()).toBe('gnome_libsecret')
    expect(storage.decryptString(storage.encryptString('s3cret'))).toBe('s3cret')
  })

  it('reports the basic_text fallback as unavailable and refuses to use it', () => {
    const safe = {
      ...createFakeElectron('/x').safeStorage,
      getSelectedStorageBackend: () => 'basic_text' as const,
    }
    const storage = createSecureStorage(safe, 'linux')
    expect(storage.isEncryptionAvailable()).toBe(false)
    expect(() => storage.encryptString('s3cret')).toThrow(/not available/)
  })

  it('names the platform store outside Linux', () => {
    const safe = createFakeElectron('/x').safeStorage
    expect(createSecureStorage(safe, 'darwin').getSelectedStorageBackend()).toBe('keychain')
    expect(createSecureStorage(safe, 'win32').getSelectedStorageBackend()).toBe('dpapi')
  })
})
