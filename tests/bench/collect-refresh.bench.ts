/**
 * Incremental refresh after 1% churn (the emulator's `churn`: title moves, renames,
 * leavers, joiners, with their Okta and Office 365 app-user changes) on the `large`
 * scenario. The floor is the full collection measured in the same round; the figure is the
 * refresh from that snapshot. Target: under 10% of the full time.
 */
import { churn, type ChangeSink } from '../emulator/scenarios/mutations'
import {
  collectOnce,
  startBenchEmulator,
  timedWithMemory,
  USERS,
  waitForFreshWindow,
  type BenchContext,
} from './collect.bench'
import type { Snapshot } from '../../src/shared/model/snapshot'
import type { Emulator } from '../emulator/index'
import type { Benchmark, Figures } from './types'

let ctx: (BenchContext & { emulator: Emulator }) | undefined
let previous: Snapshot | undefined
let round = 0

export const benchmark: Benchmark = {
  name: 'collect-refresh',
  description: `Incremental refresh after 1% churn, large scenario, ${USERS.toLocaleString('en')} users a side`,
  runs: Number(process.env.CROSSWALK_BENCH_COLLECT_RUNS ?? 3),
  async setup() {
    ctx = await startBenchEmulator()
  },
  async floor(): Promise<Figures> {
    if (!ctx) throw new Error('setup did not run')
    const c = ctx
    await waitForFreshWindow()
    const { ms, result } = await timedWithMemory(() => collectOnce(c))
    previous = result
    churn(c.emulator.scenario, 0.01, 100 + round++, {
      sink: c.emulator.mutate as unknown as ChangeSink,
    })
    await waitForFreshWindow()
    return { ms }
  },
  async measure(): Promise<Figures> {
    if (!ctx || !previous) throw new Error('setup did not run')
    const c = ctx
    const since = previous
    const { ms, peakRssMiB, result } = await timedWithMemory(() => collectOnce(c, since))
    if (!result.collection.complete)
      throw new Error(`incomplete: ${JSON.stringify(result.collection.errors)}`)
    return { ms, extra: { peakRssMiB } }
  },
  async teardown() {
    await ctx?.close()
    ctx = undefined
  },
  targets: [
    { figure: 'ratio', max: 0.1, label: 'refresh after 1% churn under 10% of the full collection' },
  ],
}
