/**
 * The diff at scale: two snapshots of 100k Entra × 100k Okta people (the diagnosis bench's
 * synthetic population), the newer with 1% of the people renamed and one app registration
 * changed. As the CLI does, the older is indexed and let go, so the process holds one parsed
 * snapshot and the index; parsing is excluded (one such file takes about 2.5 s to parse) and
 * so is diagnosis (its own bench). Floor: one `JSON.stringify` of every record of the newer
 * snapshot, the least a text comparison of each record must do. Figures: the diff with the
 * index built (`ms`), the index alone, and the process's resident memory while it holds the
 * newer snapshot and the index (measured once, the older snapshot let go).
 */
import { diffSnapshots, indexSnapshot, type SnapshotIndex } from '../../src/shared/diff'
import type { Snapshot } from '../../src/shared/model'
import { syntheticSnapshot } from './diagnose.bench'
import { collectGarbage } from './gc'
import type { Benchmark } from './types'

const USERS = Number(process.env.CROSSWALK_BENCH_USERS ?? 100_000)
let older: Snapshot | undefined
let newer: Snapshot | undefined
let rssMiB = 0
function changed(s: Snapshot): Snapshot {
  const users = s.entra?.users ?? []
  for (let i = 0; i < users.length; i += 100) {
    const u = users[i]
    if (u) users[i] = { ...u, displayName: `${String(u.displayName)} (renamed)` }
  }
  const apps = s.entra?.applications ?? []
  if (apps[0]) apps[0] = { ...apps[0], notes: 'changed for the bench' }
  return s
}

function records(s: Snapshot): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (const side of [s.entra, s.okta] as Record<string, unknown>[])
    for (const v of Object.values(side ?? {})) {
      if (Array.isArray(v)) out.push(...(v as Record<string, unknown>[]))
      else if (v && typeof v === 'object')
        for (const l of Object.values(v))
          if (Array.isArray(l)) out.push(...(l as Record<string, unknown>[]))
    }
  return out
}

export const benchmark: Benchmark = {
  name: 'diff',
  description: `diff of two ${USERS / 1000}k + ${USERS / 1000}k snapshots (1% renamed), one parsed and an index of the other`,
  runs: 3,
  setup: async () => {
    // what the CLI holds: the older snapshot indexed and let go, the newer one parsed
    {
      collectGarbage()
      const index: SnapshotIndex = indexSnapshot(syntheticSnapshot(USERS))
      newer = changed(syntheticSnapshot(USERS))
      collectGarbage()
      diffSnapshots(index, newer)
      rssMiB = process.memoryUsage().rss / 2 ** 20
    }
    // the timed rounds index the older snapshot each time, so it is kept for them
    older = syntheticSnapshot(USERS)
  },
  floor: async () => {
    const start = performance.now()
    let n = 0
    for (const r of records(newer as Snapshot)) n += JSON.stringify(r).length
    return { ms: performance.now() - start, extra: { chars: n } }
  },
  measure: async () => {
    const start = performance.now()
    const index = indexSnapshot(older as Snapshot)
    const indexMs = performance.now() - start
    const diff = diffSnapshots(index, newer as Snapshot)
    const ms = performance.now() - start
    return {
      ms,
      extra: {
        indexMs,
        changedPeople: diff.counts.people.changed,
        changedConfiguration: diff.counts.configuration.changed,
        rssMiB,
      },
    }
  },
  teardown: async () => {
    older = undefined
    newer = undefined
  },
  targets: [
    { figure: 'ms', max: 2000, label: 'diff under 2 s' },
    { figure: 'rssMiB', max: 1024, label: 'process under 1 GiB' },
  ],
}
