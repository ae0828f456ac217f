/** Starts the emulator on the fixture scenario (for the emulator's own tests). */
import { startEmulator, type Emulator, type EmulatorOptions } from '../index'
import { buildFixtureScenario, type FixtureOptions } from './fixture'

export function startFixtureEmulator(
  options: Omit<EmulatorOptions, 'scenario'> & Pick<FixtureOptions, 'premium'> = {},
): Promise<Emulator> {
  const { premium, ...rest } = options
  return startEmulator({
    ...rest,
    scenario: (o) => buildFixtureScenario({ ...o, ...(premium === undefined ? {} : { premium }) }),
  })
}
