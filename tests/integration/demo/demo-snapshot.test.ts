import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildDemoSnapshot } from '../../../scripts/demo-snapshot'
import { readSnapshotFile } from '../../../src/node/snapshot-file'
import { diagnose } from '../../../src/shared/rules'

const DEMO_FILE = path.resolve('resources/demo/demo.snapshot.json.gz')

describe('bundled demo snapshot', () => {
  it('is exactly what the script builds from the emulator today (run `npm run demo:build` after changing either)', async () => {
    const committed = await readSnapshotFile(DEMO_FILE)
    const fresh = await buildDemoSnapshot()
    expect(committed).toEqual(fresh)
  })

  it('has findings a newcomer can explore, the reader’s one permission gap, and no loopback hosts', async () => {
    const demo = await readSnapshotFile(DEMO_FILE)
    expect(demo.collection.errors.map((e) => `${e.source}.${e.resource} ${e.status}`)).toEqual([
      'entra.groups 403',
    ])
    const findings = diagnose(demo)
    expect(findings.filter((f) => f.severity === 'critical').length).toBeGreaterThan(0)
    expect(new Set(findings.map((f) => f.category)).size).toBeGreaterThanOrEqual(8)
    expect(JSON.stringify(demo)).not.toMatch(/localhost|127\.0\.0\.1/)
  })
})
