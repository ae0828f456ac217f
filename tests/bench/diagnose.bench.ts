/**
 * Diagnosis at scale: every rule over 100k Entra × 100k Okta users with about 1%
 * planted problems, against a floor of one linear pass over the same Entra users
 * building a Map by lower-cased UPN (the least any rule set that indexes users
 * must do). Extra figures: the same diagnosis over the first 10k and 50k people
 * (growth should be linear), resident memory, the heap the snapshot occupies before
 * diagnosis and the heap one diagnosis adds, and how many findings.
 *
 * The timed run follows a full garbage collection (so the memory figures show what the
 * process holds), as a diagnosis in the app's worker follows the collection that freed the
 * previous snapshot; `msBackToBack` is the same diagnosis run again straight after it.
 *
 * The population is the emulator's `large` scenario (`CROSSWALK_BENCH_USERS` people a
 * side, default 100k); `CROSSWALK_BENCH_SYNTHETIC=1` uses a synthetic population with
 * the same kinds of planted problems on the healthy seam fixture instead, and the
 * `syntheticPopulation` figure says so (1).
 */
import type { Snapshot } from '../../src/shared/model'
import { diagnose } from '../../src/shared/rules'
import { seamSnapshot } from '../fixtures/snapshots/seam-snapshot'
import { benchUsers, largeSnapshot } from './large-snapshot'
import { collectGarbage } from './gc'
import type { Benchmark } from './types'

type J = Record<string, unknown>

/** The healthy fixture's configuration with `count` generated people, 1 in 100 carrying a problem. */
export function syntheticSnapshot(count: number): Snapshot {
  const base = seamSnapshot()
  const entraUsers: J[] = []
  const oktaUsers: J[] = []
  const o365: J[] = []
  const syncedAt = '2026-06-01T11:50:00Z'
  for (let i = 0; i < count; i++) {
    const local = `user.${i.toString(36)}`
    let upn = `${local}@contoso.com`
    let mail: string | null = upn
    let login = upn
    let immutable = `SU1NVVRBQkxF${i.toString(36)}==`
    let oktaImmutable = immutable
    let lastSync = syncedAt
    let syncState = 'SYNCHRONIZED'
    const problem = i % 100 === 99 ? (i / 100) | 0 : -1
    switch (problem % 8) {
      case 0:
        mail = `user.${(i - 1).toString(36)}@contoso.com` // duplicate mail
        break
      case 1:
        upn = `${local}&x@contoso.com` // IdFix character
        login = upn
        break
      case 2:
        oktaImmutable = `V1JPTkc${i.toString(36)}==` // immutable ID mismatch
        break
      case 3:
        mail = null // mail missing in Entra
        break
      case 4:
        mail = `${local}@corp.local` // non-routable TLD
        break
      case 5:
        login = `u${i.toString(36)}@contoso.com` // UPN ≠ Okta login
        break
      case 6:
        lastSync = '2026-05-01T00:00:00Z' // user sync lag
        break
      case 7:
        syncState = 'ERROR' // Okta push failed
        break
    }
    const id = `e-${i}`
    const oktaId = `00u${i.toString(36)}`
    entraUsers.push({
      id,
      userPrincipalName: upn,
      displayName: `User ${i}`,
      givenName: 'User',
      surname: String(i),
      mail,
      mailNickname: local,
      proxyAddresses: mail ? [`SMTP:${mail}`, `smtp:${local}@contoso.onmicrosoft.com`] : [],
      accountEnabled: true,
      userType: 'Member',
      onPremisesSyncEnabled: true,
      onPremisesImmutableId: immutable,
      onPremisesLastSyncDateTime: lastSync,
      onPremisesUserPrincipalName: upn,
      onPremisesSamAccountName: local,
      onPremisesProvisioningErrors: [],
    })
    oktaUsers.push({
      id: oktaId,
      status: 'ACTIVE',
      profile: { login, email: upn, firstName: 'User', lastName: String(i), secondEmail: null },
    })
    o365.push({
      id: oktaId,
      status: 'PROVISIONED',
      syncState,
      credentials: { userName: login },
      profile: { immutableId: oktaImmutable },
    })
    immutable = ''
  }
  const entra = base.entra as NonNullable<Snapshot['entra']>
  const okta = base.okta as NonNullable<Snapshot['okta']>
  return {
    ...base,
    entra: { ...entra, users: entraUsers },
    okta: { ...okta, users: oktaUsers, appUsers: { ...okta.appUsers, '0oaO365': o365 } },
  }
}

/** The first `count` people of a snapshot on both sides (and their app assignments). */
function firstPeople(snapshot: Snapshot, count: number): Snapshot {
  const entra = snapshot.entra
  const okta = snapshot.okta
  if (!entra || !okta) return snapshot
  const oktaUsers = (okta.users ?? []).slice(0, count)
  const ids = new Set(oktaUsers.map((u) => u['id']))
  const appUsers = Object.fromEntries(
    Object.entries(okta.appUsers ?? {}).map(([app, list]) => [
      app,
      list.filter((u) => ids.has(u['id'])),
    ]),
  )
  return {
    ...snapshot,
    entra: { ...entra, users: (entra.users ?? []).slice(0, count) },
    okta: { ...okta, users: oktaUsers, appUsers },
  }
}

let full: Snapshot | undefined
let tenK: Snapshot | undefined
let fiftyK: Snapshot | undefined
let synthetic = 0
let sink = 0

function timed(snapshot: Snapshot): { ms: number; findings: number; heapGrowth: number } {
  const heapBefore = process.memoryUsage().heapUsed
  const start = performance.now()
  const findings = diagnose(snapshot)
  const ms = performance.now() - start
  return { ms, findings: findings.length, heapGrowth: process.memoryUsage().heapUsed - heapBefore }
}

export const benchmark: Benchmark = {
  name: 'diagnose',
  description: 'all rules over 100k × 100k users with ~1% planted problems, vs one Map-by-UPN pass',
  runs: 5,
  async setup() {
    if (process.env.CROSSWALK_BENCH_SYNTHETIC === '1') {
      full = syntheticSnapshot(benchUsers())
      synthetic = 1
    } else {
      full = await largeSnapshot()
    }
    tenK = firstPeople(full, 10_000)
    fiftyK = firstPeople(full, 50_000)
    diagnose(tenK) // warm the JIT on a realistic shape
  },
  async floor() {
    const start = performance.now()
    const map = new Map<string, Record<string, unknown>>()
    for (const u of full?.entra?.users ?? []) {
      const upn = u['userPrincipalName']
      if (typeof upn === 'string') map.set(upn.toLowerCase(), u)
    }
    sink += map.size
    return { ms: performance.now() - start }
  },
  async measure() {
    if (!full || !tenK || !fiftyK) throw new Error('setup did not run')
    const small = timed(tenK)
    const medium = timed(fiftyK)
    collectGarbage()
    const dataHeap = process.memoryUsage().heapUsed
    const dataRss = process.memoryUsage().rss
    const large = timed(full)
    const memory = process.memoryUsage()
    // the same diagnosis again at once, with no full collection between (see the header)
    const again = timed(full)
    return {
      ms: large.ms,
      extra: {
        msBackToBack: again.ms,
        ms10k: small.ms,
        ms50k: medium.ms,
        perUserMicrosFull: (large.ms * 1000) / benchUsers(),
        perUserMicros10k: (small.ms * 1000) / 10_000,
        findings: large.findings,
        rssMiB: memory.rss / 2 ** 20,
        rssBeforeMiB: dataRss / 2 ** 20,
        heapBeforeMiB: dataHeap / 2 ** 20,
        diagnoseHeapMiB: large.heapGrowth / 2 ** 20,
        syntheticPopulation: synthetic,
      },
    }
  },
  async teardown() {
    full = tenK = fiftyK = undefined
    if (sink < 0) console.log(sink)
  },
  targets: [
    { figure: 'ms', max: 1000, label: 'all rules over 100k × 100k users under 1 s' },
    { figure: 'ratio', max: 25, label: 'within 25× one indexing pass, the join inside' },
    // the whole process: the 100k × 100k snapshot in memory plus what diagnosing it takes
    { figure: 'rssMiB', max: 1024, label: 'the process stays under 1 GiB while diagnosing' },
  ],
}
