/**
 * Incremental refresh after 1% churn (the emulator's `churn`: title moves, renames,
 * leavers, joiners, with their Okta and Office 365 app-user changes) on the `large`
 * scenario. The floor is the full collection measured in the same round; the figure is the
 * refresh from that snapshot. Target: under 10% of the full time. Extra figures show when
 * the delta/lastUpdated resources finished and when the app users (re-read in full: Okta
 * has no lastUpdated filter on /apps/{id}/users) did.
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
import { collectSnapshot } from '../../src/node/collect/collect-snapshot'
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
    // when each resource finished, to show where a refresh spends its time
    const done = new Map<string, number>()
    const started = performance.now()
    const { ms, peakRssMiB, result } = await timedWithMemory(() =>
      collectSnapshot({
        profile: c.profile,
        credentials: c.credentials,
        ca: c.ca,
        ...c.window,
        since,
        onEvent: (e) => {
          if (e.type === 'progress')
            done.set(`${e.source}.${e.resource}`, performance.now() - started)
        },
      }),
    )
    if (!result.collection.complete)
      throw new Error(`incomplete: ${JSON.stringify(result.collection.errors)}`)
    const at = (...keys: string[]): number =>
      Math.round(Math.max(0, ...keys.map((k) => done.get(k) ?? 0)))
    return {
      ms,
      extra: {
        peakRssMiB,
        deltaUsersGroupsMs: at('entra.users', 'entra.groups', 'okta.users', 'okta.groups'),
        appUsersMs: at('okta.appUsers'),
      },
    }
  },
  async teardown() {
    await ctx?.close()
    ctx = undefined
  },
  targets: [
    { figure: 'ratio', max: 0.1, label: 'refresh after 1% churn under 10% of the full collection' },
  ],
}
