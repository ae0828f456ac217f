/**
 * Incremental refresh on the `large` scenario, from a full collection measured in the same
 * round (the floor):
 *
 * - `ms`: after 1% churn (the emulator's `churn`: title moves, renames, leavers, joiners,
 *   with their Okta, Office 365 app-user and System Log changes). Target: under 10% of the
 *   full time. App users have no change filter: those the System Log or a changed Okta user
 *   names are read by id, or their app re-read when that is cheaper, so `appUsersMs` shows
 *   where the time goes.
 * - `churnBoundMs` / `churnBoundRatio`: the least time an exact refresh after that churn
 *   can take. Okta's app users have no change filter, so every app user the churn added,
 *   changed or removed must be read again, by id or with its app's pages (whichever is
 *   fewer requests), and each of those requests goes through the `apps` bucket (100 a
 *   minute, our share 50%). The changes are counted from the emulator's own records before
 *   and after the churn. Target: the refresh within 1.25× of that bound, as the full
 *   collection is of its own floor.
 * - `fixRefreshMs` / `fixRefreshRatio`: a consultant's loop, a refresh after fixing
 *   `FIXED_PEOPLE` people (department moves and UPN renames), from the churned snapshot and
 *   at a fresh rate-limit window. Target: under 10% of the full time.
 */
import {
  churn,
  mutateScenarioBatch,
  type ChangeSink,
  type ScenarioMutation,
} from '../emulator/scenarios/mutations'
import {
  bucketMs,
  collectOnce,
  oktaBudget,
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
let fullMs = 0
let round = 0
let churnBoundMs = 0

type AppUserPrints = Map<string, Map<string, string>>

/** Every app user of the emulator's Okta org as JSON, by app and user id. */
function appUserPrints(emulator: Emulator): AppUserPrints {
  const out: AppUserPrints = new Map()
  for (const [app, list] of Object.entries(emulator.scenario.okta.appUsers))
    out.set(app, new Map(list.map((au) => [String(au['id']), JSON.stringify(au)])))
  return out
}

/**
 * The least `apps` bucket requests an exact refresh needs: the list of apps, then for each
 * app the app users that were added, changed or removed, or its pages when fewer.
 */
function appRequestsAfter(before: AppUserPrints, after: AppUserPrints): number {
  let requests = 1
  for (const app of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(app) ?? new Map<string, string>()
    const now = after.get(app) ?? new Map<string, string>()
    let changed = 0
    for (const [id, json] of now) if (old.get(id) !== json) changed++
    for (const id of old.keys()) if (!now.has(id)) changed++
    requests += Math.min(changed, Math.max(1, Math.ceil(now.size / 500)))
  }
  return requests
}

/** people a consultant fixes between two refreshes */
export const FIXED_PEOPLE = 20

/** Department moves and UPN renames of Office 365 users, different people every round. */
function fixes(emulator: Emulator, seed: number): ScenarioMutation[] {
  const o365 = emulator.scenario.okta.apps.find((a) => a['name'] === 'office365')
  const people = (emulator.scenario.okta.appUsers[String(o365?.['id'])] ?? [])
    .slice(seed * FIXED_PEOPLE, (seed + 1) * FIXED_PEOPLE)
    .map((au) => String(au['externalId']))
  const upns = new Map(emulator.scenario.entra.users.map((u) => [u.id, u.userPrincipalName]))
  return people.map((entraId, i): ScenarioMutation => {
    if (i % 2 === 0) return { kind: 'updateUser', entraId, changes: { department: 'Finance' } }
    const [local, domain] = (upns.get(entraId) ?? 'user@example.com').split('@')
    return { kind: 'renameUser', entraId, upn: `${local ?? 'user'}.fixed@${domain ?? ''}` }
  })
}

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
    fullMs = ms
    const before = appUserPrints(c.emulator)
    churn(c.emulator.scenario, 0.01, 100 + round++, {
      sink: c.emulator.mutate as unknown as ChangeSink,
    })
    const requests = appRequestsAfter(before, appUserPrints(c.emulator))
    await waitForFreshWindow()
    // the refresh starts at a fresh window, as the full collection does
    churnBoundMs = bucketMs(requests, oktaBudget('apps'), Date.now())
    return { ms, extra: { churnAppRequests: requests } }
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
    const deltaUsersGroupsMs = at('entra.users', 'entra.groups', 'okta.users', 'okta.groups')
    const appUsersMs = at('okta.appUsers')

    mutateScenarioBatch(c.emulator.scenario, fixes(c.emulator, round), {
      sink: c.emulator.mutate as unknown as ChangeSink,
      seed: round,
    })
    await waitForFreshWindow()
    const fix = await timedWithMemory(() =>
      collectSnapshot({
        profile: c.profile,
        credentials: c.credentials,
        ca: c.ca,
        ...c.window,
        since: result,
      }),
    )
    if (!fix.result.collection.complete)
      throw new Error(`incomplete: ${JSON.stringify(fix.result.collection.errors)}`)
    return {
      ms,
      extra: {
        churnBoundMs: Math.round(churnBoundMs),
        churnBoundRatio: ms / churnBoundMs,
        peakRssMiB,
        deltaUsersGroupsMs,
        appUsersMs,
        fixRefreshMs: Math.round(fix.ms),
        fixRefreshRatio: fix.ms / fullMs,
      },
    }
  },
  async teardown() {
    await ctx?.close()
    ctx = undefined
  },
  targets: [
    { figure: 'ratio', max: 0.1, label: 'refresh after 1% churn under 10% of the full collection' },
    {
      figure: 'churnBoundRatio',
      max: 1.25,
      label: "refresh after 1% churn within 1.25× of the apps bucket's bound for it",
    },
    {
      figure: 'fixRefreshRatio',
      max: 0.1,
      label: `refresh after fixing ${FIXED_PEOPLE} people under 10% of the full collection`,
    },
  ],
}
