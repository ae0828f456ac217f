/**
 * `npm run emulator:keys`: builds every scenario, then writes the key pairs they
 * used to tests/fixtures/keys/scenario-keys.json, so later builds reuse them and
 * stay byte-identical across processes. Test-only keys: they sign nothing real.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { buildScenario, SCENARIO_NAMES } from '../tests/emulator/scenarios/index'
import { usedKeyPairs } from '../tests/emulator/scenarios/pki'

const origins = {
  authorityHost: 'https://localhost:1',
  graphBaseUrl: 'https://localhost:2',
  oktaOrgUrl: 'https://localhost:3',
}
for (const name of SCENARIO_NAMES) await buildScenario(name, { seed: 1, origins, users: 2_000 })
const pairs = Object.fromEntries(
  Object.entries(usedKeyPairs()).sort(([a], [b]) => a.localeCompare(b)),
)
const out = path.resolve('tests/fixtures/keys/scenario-keys.json')
await writeFile(out, `${JSON.stringify(pairs, null, 2)}\n`)
console.log(`wrote ${Object.keys(pairs).length} key pairs to ${out}`)
