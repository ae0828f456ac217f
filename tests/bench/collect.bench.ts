/**
 * Full collection of the `large` scenario (CROSSWALK_BENCH_COLLECT_USERS per side, default
 * 100,000) with a 20 ms latency fault and the Okta users bucket at 600/min (our share 50%).
 * The floor is a lower bound computed from the scenario's record counts: for every
 * sequential page chain, pages × latency inside its Okta bucket's budget (share × limit per
 * wall-clock minute window, as the emulator counts), and for every bucket the window its
 * last request must wait for. Both start at a fresh minute window (the floor waits for one,
 * unmeasured). The emulator runs in a child process, so the peak RSS (sampled every 50 ms)
 * is the collector's; an unmeasured first run learns the page counts for the floor.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startEmulator, type Emulator } from '../emulator/index'
import { collectSnapshot, recordCounts } from '../../src/node/collect/collect-snapshot'
import { loadProfile, type Profile } from '../../src/node/profile/profile'
import { readCa, resolveCredentials, type Credentials } from '../../src/node/profile/credentials'
import type { Snapshot } from '../../src/shared/model/snapshot'
import type { Benchmark, Figures } from './types'

export const USERS = Number(process.env.CROSSWALK_BENCH_COLLECT_USERS ?? 100_000)
export const LATENCY_MS = 20
export const SHARE = 0.5
const WINDOW_MS = 60_000
const OKTA_LIMITS: Record<string, number> = {
  users: 600,
  groups: 500,
  apps: 100,
  idps: 200,
  logs: 120,
  mappings: 100,
  schemas: 100,
}

export interface BenchContext {
  profile: Profile
  credentials: Credentials
  ca: string
  window: { logsSince: string; logsUntil: string }
  close: () => Promise<void>
}

/** The in-process emulator (its data can be mutated: the refresh benchmark churns it). */
export async function startBenchEmulator(): Promise<BenchContext & { emulator: Emulator }> {
  const emulator = await startEmulator({
    scenario: 'large',
    users: USERS,
    seed: 1,
    faults: `latency=${LATENCY_MS}`,
    oktaRateLimits: { users: 600 },
  })
  const profile = await loadProfile(emulator.profileFile)
  const credentials = await resolveCredentials(profile, emulator.env)
  const ca = (await readCa(profile)) ?? ''
  const now = Date.parse(emulator.scenario.now)
  const window = {
    logsSince: new Date(now - 7 * 86_400_000).toISOString(),
    logsUntil: new Date(now + 86_400_000).toISOString(),
  }
  return { emulator, profile, credentials, ca, window, close: () => emulator.close() }
}

/**
 * The emulator in a child process (`npm run emulator -- --json`), so the RSS this process
 * reports is the collector's own. The Okta users bucket is the emulator's default 600/min.
 */
export async function startChildEmulator(): Promise<BenchContext> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('../emulator/cli.ts', import.meta.url)),
      '--scenario',
      'large',
      '--users',
      String(USERS),
      '--seed',
      '1',
      '--faults',
      `latency=${LATENCY_MS}`,
      '--json',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk
      const i = buffer.indexOf('\n')
      if (i >= 0) resolve(buffer.slice(0, i))
    })
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)))
  })
  const info = JSON.parse(line) as { profileFile: string; env: Record<string, string> }
  const profile = await loadProfile(info.profileFile)
  const credentials = await resolveCredentials(profile, info.env)
  const ca = (await readCa(profile)) ?? ''
  const now = Date.now()
  // a wide window: the scenario's dates lie before the wall clock
  const window = {
    logsSince: new Date(now - 365 * 86_400_000).toISOString(),
    logsUntil: new Date(now).toISOString(),
  }
  return {
    profile,
    credentials,
    ca,
    window,
    close: async () => {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    },
  }
}

/**
 * What the floor needs: records per resource, app users per app, the Office 365 apps
 * (one group-assignment and one push-mapping request each) and members per Okta group read.
 */
export interface Counts {
  records: Record<string, number>
  appUsersPerApp: number[]
  officeApps: number
  membersPerOktaGroup: number[]
}

export function countsOf(snapshot: Snapshot): Counts {
  return {
    records: recordCounts(snapshot),
    appUsersPerApp: (snapshot.okta?.apps ?? []).map(
      (a) => snapshot.okta?.appUsers?.[String(a.id)]?.length ?? 0,
    ),
    officeApps: Object.keys(snapshot.okta?.appGroups ?? {}).length,
    membersPerOktaGroup: Object.values(snapshot.okta?.groupMembers ?? {}).map((m) => m.length),
  }
}

/** Time for one sequential chain of `pages` requests in a bucket with `budget` per window, from `t0`. */
export function chainMs(pages: number, budget: number, t0: number, latency = LATENCY_MS): number {
  let t = t0
  let window = Math.floor(t / WINDOW_MS)
  let used = 0
  for (let i = 0; i < pages; i++) {
    const w = Math.floor(t / WINDOW_MS)
    if (w !== window) {
      window = w
      used = 0
    }
    if (used >= budget) {
      t = (window + 1) * WINDOW_MS
      window += 1
      used = 0
    }
    t += latency
    used++
  }
  return t - t0
}

/** A bucket's bound: its last request cannot start before the window that has room for it. */
export function bucketMs(
  requests: number,
  budget: number,
  t0: number,
  latency = LATENCY_MS,
): number {
  if (requests <= budget) return requests > 0 ? latency : 0
  const windowsAfterFirst = Math.ceil(requests / budget) - 1
  const firstEnd = (Math.floor(t0 / WINDOW_MS) + 1) * WINDOW_MS
  return firstEnd + (windowsAfterFirst - 1) * WINDOW_MS - t0 + latency
}

/** Our share of an Okta bucket's requests per minute window. */
export function oktaBudget(bucket: string): number {
  return Math.max(1, Math.floor((OKTA_LIMITS[bucket] ?? 600) * SHARE))
}

/** Lower bound (ms) for collecting `counts`, starting at `t0`. */
export function collectionFloorMs(
  counts: Counts,
  t0: number,
): { ms: number; okta: Record<string, number> } {
  const n = (key: string): number => counts.records[key] ?? 0
  const pages = (records: number, size: number): number => Math.max(1, Math.ceil(records / size))
  const budget = oktaBudget
  const appUserPages = counts.appUsersPerApp.map((c) => pages(c, 500))
  const memberPages = counts.membersPerOktaGroup.map((c) => pages(c, 1000))
  const okta = {
    users: Math.max(
      chainMs(pages(n('okta.users'), 200), budget('users'), t0),
      bucketMs(pages(n('okta.users'), 200), budget('users'), t0),
    ),
    // the group list, then the members of each group read (the longest chain, and all pages)
    groups: Math.max(
      chainMs(pages(n('okta.groups'), 1000) + Math.max(0, ...memberPages), budget('groups'), t0),
      bucketMs(
        pages(n('okta.groups'), 1000) + memberPages.reduce((a, b) => a + b, 0),
        budget('groups'),
        t0,
      ),
    ),
    apps: Math.max(
      chainMs(1 + Math.max(0, ...appUserPages), budget('apps'), t0),
      bucketMs(
        1 + appUserPages.reduce((a, b) => a + b, 0) + appUserPages.length + 2 * counts.officeApps,
        budget('apps'),
        t0,
      ),
    ),
    logs: chainMs(pages(n('okta.logs'), 1000), budget('logs'), t0),
  }
  const entra =
    Math.max(
      pages(n('entra.users'), 999),
      pages(n('entra.groups'), 999),
      pages(n('entra.signIns'), 1000),
    ) * LATENCY_MS
  return { ms: Math.max(entra, ...Object.values(okta)), okta }
}

/** Waits (unmeasured) for the next minute window so runs do not share Okta budgets. */
export async function waitForFreshWindow(): Promise<void> {
  await new Promise((r) => setTimeout(r, WINDOW_MS - (Date.now() % WINDOW_MS) + 50))
}

/** Runs `work` while sampling RSS; returns elapsed ms and peak RSS in MiB. */
export async function timedWithMemory<T>(
  work: () => Promise<T>,
): Promise<{ ms: number; peakRssMiB: number; result: T }> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 50)
  const t = performance.now()
  try {
    const result = await work()
    return {
      ms: performance.now() - t,
      peakRssMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20),
      result,
    }
  } finally {
    clearInterval(timer)
  }
}

export function collectOnce(ctx: BenchContext, since?: Snapshot): Promise<Snapshot> {
  return collectSnapshot({
    profile: ctx.profile,
    credentials: ctx.credentials,
    ca: ctx.ca,
    ...ctx.window,
    ...(since ? { since } : {}),
  })
}

let ctx: BenchContext | undefined
let counts: Counts | undefined

export const benchmark: Benchmark = {
  name: 'collect',
  description: `Full collection, large scenario, ${USERS.toLocaleString('en')} users a side, ${LATENCY_MS} ms latency, Okta users 600/min at ${SHARE * 100}% share`,
  runs: Number(process.env.CROSSWALK_BENCH_COLLECT_RUNS ?? 3),
  async setup() {
    ctx = await startChildEmulator()
    // one unmeasured run learns the page counts the floor is computed from
    counts = countsOf(await collectOnce(ctx))
  },
  async floor(): Promise<Figures> {
    if (!counts) throw new Error('setup did not run')
    await waitForFreshWindow()
    const { ms, okta } = collectionFloorMs(counts, Date.now())
    return {
      ms,
      extra: Object.fromEntries(
        Object.entries(okta).map(([k, v]) => [`okta_${k}_ms`, Math.round(v)]),
      ),
    }
  },
  async measure(): Promise<Figures> {
    if (!ctx) throw new Error('setup did not run')
    const c = ctx
    const { ms, peakRssMiB, result } = await timedWithMemory(() => collectOnce(c))
    if (!result.collection.complete)
      throw new Error(`incomplete: ${JSON.stringify(result.collection.errors)}`)
    return {
      ms,
      extra: {
        peakRssMiB,
        users: (result.entra?.users?.length ?? 0) + (result.okta?.users?.length ?? 0),
        appUsers: Object.values(result.okta?.appUsers ?? {}).reduce((n, v) => n + v.length, 0),
      },
    }
  },
  async teardown() {
    await ctx?.close()
    ctx = undefined
  },
  targets: [
    {
      figure: 'ratio',
      max: 1.25,
      label: 'full collection within 1.25× the pages/latency/rate-limit floor',
    },
    { figure: 'peakRssMiB', max: 1024, label: 'peak RSS of the collecting process under 1 GiB' },
  ],
}
