/**
 * The People comparison at scale: 100k Entra × 100k Okta users (the emulator's `large`
 * scenario, `CROSSWALK_BENCH_USERS` a side), the code the snapshot worker runs. The floor
 * is the people join itself (`peopleJoin` on a fresh index); the figure is what comes
 * beyond it on the same index: the rows (status, deciding key, keys in doubt, class),
 * every attribute pair compared under the tenant's mappings, and the packing for the trip
 * to the UI thread. Extra figures: rows, pairs, the packed text in MiB, and the join +
 * rows total.
 */
import { peopleJoin } from '../../src/shared/compare/join'
import { packPeople } from '../../src/shared/compare/people-packed'
import { peopleTable } from '../../src/shared/compare/people-rows'
import { SnapshotIndex } from '../../src/shared/compare/snapshot-index'
import type { Snapshot } from '../../src/shared/model'
import { benchUsers, largeSnapshot } from './large-snapshot'
import type { Benchmark } from './types'

let snapshot: Snapshot | undefined

export const benchmark: Benchmark = {
  name: 'compare-rows',
  description:
    'People rows with every attribute pair compared and packed, 100k × 100k, beyond the people join itself',
  runs: 5,
  async setup() {
    snapshot = await largeSnapshot()
  },
  async floor() {
    if (!snapshot) throw new Error('setup did not run')
    const index = new SnapshotIndex(snapshot)
    const t0 = performance.now()
    const join = peopleJoin(index)
    return { ms: performance.now() - t0, extra: { entraRows: join.entra.length } }
  },
  async measure() {
    if (!snapshot) throw new Error('setup did not run')
    const index = new SnapshotIndex(snapshot)
    const t0 = performance.now()
    peopleJoin(index)
    const t1 = performance.now()
    const table = peopleTable(index)
    const packed = packPeople(table)
    const t2 = performance.now()
    let chars = packed.search.text.length
    for (const c of packed.columns) chars += c.entra.text.length + c.okta.text.length
    return {
      ms: t2 - t1,
      extra: {
        rows: packed.count,
        pairs: packed.pairs.length,
        packedTextMiB: (chars * 2) / 2 ** 20,
        joinAndRowsMs: t2 - t0,
        usersPerSide: benchUsers(),
      },
    }
  },
  async teardown() {
    // the benchmarks after this one measure their own memory
    snapshot = undefined
  },
  targets: [
    {
      figure: 'ms',
      max: 1000,
      label: 'rows with attribute comparison for 100k × 100k under 1 s beyond the join',
    },
  ],
}
