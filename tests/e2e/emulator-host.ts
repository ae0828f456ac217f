/**
 * A tenant emulator for the specs of one describe block, and the environment the
 * browser-mode host needs to reach it: the host the `app` fixture spawns inherits
 * the vault passphrase and permission for custom endpoints.
 */
import { test } from '@playwright/test'
import { startEmulator, type Emulator, type ScenarioName } from '../emulator/index'

export const E2E_VAULT_PASSPHRASE = 'e2e vault passphrase'

export interface EmulatorHandle {
  /** the running emulator; throws once it was stopped */
  readonly current: Emulator
  /** stops it early (offline tests); the block's teardown then has nothing left to do */
  stop: () => Promise<void>
}

export function useEmulator(scenario: ScenarioName): EmulatorHandle {
  let emulator: Emulator | undefined
  test.beforeAll(async () => {
    emulator = await startEmulator({ scenario })
    process.env.CROSSWALK_VAULT_PASSPHRASE = E2E_VAULT_PASSPHRASE
    process.env.CROSSWALK_ALLOW_ENDPOINT_OVERRIDES = '1'
  })
  test.afterAll(async () => {
    delete process.env.CROSSWALK_VAULT_PASSPHRASE
    delete process.env.CROSSWALK_ALLOW_ENDPOINT_OVERRIDES
    await emulator?.close()
  })
  return {
    get current() {
      if (!emulator) throw new Error('The emulator is not running.')
      return emulator
    },
    stop: async () => {
      await emulator?.close()
      emulator = undefined
    },
  }
}
