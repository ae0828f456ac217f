import { it } from 'vitest'
import { diagnose } from '../../src/shared/rules'
import { buildScenario } from '../emulator/scenarios'
import { scenarioSnapshot } from '../fixtures/scenario-snapshot'
const ORIGINS = {
  authorityHost: 'https://localhost:41001',
  graphBaseUrl: 'https://localhost:41002',
  oktaOrgUrl: 'https://localhost:41003',
}
it('dbg', async () => {
  const name = (process.env.SCEN ?? 'broken') as 'broken'
  const sc = await buildScenario(name, { seed: 1, origins: ORIGINS })
  const fs = diagnose(scenarioSnapshot(sc, ORIGINS))
  const want = (process.env.PROBS ?? '').split(',')
  for (const e of sc.answerKey.filter((e) => want.includes(e.problem)))
    console.log('KEY', JSON.stringify(e))
  for (const f of fs.filter((f) => (process.env.RULES ?? '').split(',').includes(f.rule)))
    console.log('FIND', f.rule, f.severity, f.title, JSON.stringify(f.subjects.slice(0, 8)))
}, 60000)
