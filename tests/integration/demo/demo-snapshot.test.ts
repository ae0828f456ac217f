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

  it('is a complete collection with findings a newcomer can explore, and no loopback hosts', async () => {
    const demo = await readSnapshotFile(DEMO_FILE)
    // collected with the administrator's API token, which reads everything
    expect(demo.collection.errors).toEqual([])
    expect(demo.collection.complete).toBe(true)
    const findings = diagnose(demo)
    expect(findings.filter((f) => f.severity === 'critical').length).toBeGreaterThan(0)
    expect(new Set(findings.map((f) => f.category)).size).toBeGreaterThanOrEqual(8)
    expect(JSON.stringify(demo)).not.toMatch(/localhost|127\.0\.0\.1/)
  })
})
