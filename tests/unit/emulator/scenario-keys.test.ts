import { describe, expect, it } from 'vitest'
import keyPool from '../../fixtures/keys/scenario-keys.json' with { type: 'json' }
import { buildScenario, SCENARIO_NAMES } from '../../emulator/scenarios/index'
import { usedKeyPairs } from '../../emulator/scenarios/pki'

describe('scenario key pool', () => {
  it('holds every key pair the scenarios use, so builds are identical across processes', async () => {
    const origins = {
      authorityHost: 'https://localhost:1',
      graphBaseUrl: 'https://localhost:2',
      oktaOrgUrl: 'https://localhost:3',
    }
    for (const name of SCENARIO_NAMES) await buildScenario(name, { seed: 7, origins, users: 500 })
    const used = usedKeyPairs()
    const missing = Object.keys(used).filter((label) => !(label in keyPool))
    expect(missing, 'run `npm run emulator:keys` to add them').toEqual([])
    for (const [label, pem] of Object.entries(used))
      expect(pem).toBe((keyPool as Record<string, string>)[label])
  })
})
