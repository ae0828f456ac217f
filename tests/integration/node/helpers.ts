/**
 * Shared setup for connector integration tests: a started emulator, its profile parsed by
 * our own profile loader, and the credentials its environment names.
 */
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index'
import { loadProfile, type Profile } from '../../../src/node/profile/profile'
import { readCa, resolveCredentials, type Credentials } from '../../../src/node/profile/credentials'
import type { Snapshot } from '../../../src/shared/model/snapshot'

export interface Harness {
  emulator: Emulator
  profile: Profile
  credentials: Credentials
  ca: string
}

export async function startHarness(options: EmulatorOptions): Promise<Harness> {
  const emulator = await startEmulator(options)
  const profile = await loadProfile(emulator.profileFile)
  const credentials = await resolveCredentials(profile, emulator.env)
  const ca = (await readCa(profile)) ?? ''
  return { emulator, profile, credentials, ca }
}

/** The Okta System Log window around the scenario's clock (scenario dates are not wall-clock dates). */
export function logWindow(emulator: Emulator): { logsSince: string; logsUntil: string } {
  const now = Date.parse(emulator.scenario.now)
  return {
    logsSince: new Date(now - 90 * 86_400_000).toISOString(),
    logsUntil: new Date(now + 86_400_000).toISOString(),
  }
}

/** Sorted ids of a record list, for count/identity comparisons. */
export function ids(records: readonly { id?: unknown }[] | undefined): string[] {
  return (records ?? []).map((r) => String(r.id)).sort()
}

/** Every string the run must never leak: planted secrets and tokens. */
export function plantedSecrets(h: Harness): string[] {
  const s = h.emulator.scenario
  return [
    s.credentials.entra.clientSecret,
    s.credentials.okta.apiToken,
    ...s.entra.secrets.map((x) => x.secretText),
    ...s.okta.apiTokens.map((t) => t.token),
  ].filter((v) => v.length >= 6)
}

/** A snapshot's record counts per resource, for comparisons with the scenario. */
export function counts(snapshot: Snapshot): Record<string, number> {
  const out: Record<string, number> = {}
  for (const side of ['entra', 'okta'] as const) {
    const data = snapshot[side] as Record<string, unknown> | undefined
    for (const [key, value] of Object.entries(data ?? {})) {
      if (Array.isArray(value)) out[`${side}.${key}`] = value.length
      else if (value && typeof value === 'object' && key !== 'userSchema')
        out[`${side}.${key}`] = Object.values(value).reduce(
          (n: number, v) => n + (Array.isArray(v) ? v.length : 0),
          0,
        )
    }
  }
  return out
}
