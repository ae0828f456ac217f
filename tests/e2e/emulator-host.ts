/**
 * A tenant emulator for the specs of one describe block, and the environment the
 * browser-mode host needs to reach it: the host the `app` fixture spawns inherits
 * the vault passphrase and permission for custom endpoints.
 */
import { test } from '@playwright/test'
import {
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type ScenarioName,
} from '../emulator/index'
import { buildScenario } from '../emulator/scenarios/index'
import { GRAPH_APP_ROLES } from '../emulator/scenarios/constants'
import type { ScenarioBuilder } from '../emulator/scenarios/types'

export const E2E_VAULT_PASSPHRASE = 'e2e vault passphrase'

export interface EmulatorHandle {
  /** the running emulator; throws once it was stopped */
  readonly current: Emulator
  /** stops it early (offline tests); the block's teardown then has nothing left to do */
  stop: () => Promise<void>
}

/**
 * `broken` with the reader app's Synchronization.Read.All consent withdrawn: every
 * collection of it ends partial, Entra's provisioning jobs refused with 403.
 */
export const BROKEN_WITHOUT_SYNC_CONSENT: ScenarioBuilder = async (options) => {
  const scenario = await buildScenario('broken', options)
  const role = GRAPH_APP_ROLES.find((r) => r.value === 'Synchronization.Read.All')?.id
  const reader = scenario.entra.servicePrincipals.find(
    (sp) => sp.appId === scenario.credentials.entra.clientId,
  )
  const assignments = scenario.entra.appRoleAssignments[reader?.id ?? ''] ?? []
  scenario.entra.appRoleAssignments[reader?.id ?? ''] = assignments.filter(
    (a) => a.appRoleId !== role,
  )
  return scenario
}

/** The message the Collect screen shows for that refusal (the jobs' schemas go with them). */
export const SYNC_CONSENT_GAP =
  'Entra provisioning jobs and Entra provisioning attribute mappings: the reader lacks the Microsoft Graph application permission Synchronization.Read.All'

/** Starts `scenario` before the block's tests (`options`: the emulator's other settings). */
export function useEmulator(
  scenario: ScenarioName | ScenarioBuilder,
  options: Omit<EmulatorOptions, 'scenario'> = {},
): EmulatorHandle {
  let emulator: Emulator | undefined
  test.beforeAll(async () => {
    // the host collects with the real clock: the tenant's "now" is this moment, as live
    emulator = await startEmulator({ now: new Date().toISOString(), ...options, scenario })
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
