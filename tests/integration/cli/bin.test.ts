/**
 * The `crosswalk` executable as a user runs it: the built bundle behind
 * bin/crosswalk.mjs, real files, real exit codes. `npm test` builds it first.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../fixtures/temp-dirs'

const temp = useTempDirs('cw-bin-')

const BIN = path.resolve('bin/crosswalk.mjs')
const BUILT = existsSync(path.resolve('out/cli/index.js'))
const DEMO = path.resolve('resources/demo/demo.snapshot.json.gz')

function crosswalk(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe.skipIf(!BUILT)('crosswalk executable (needs `npm run build:node`)', () => {
  it('prints its version and lists every command', () => {
    expect(crosswalk('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    const help = crosswalk('--help')
    expect(help.code).toBe(0)
    for (const name of ['doctor', 'collect', 'diagnose', 'explain'])
      expect(help.stdout).toContain(name)
  })

  it('diagnoses the demo snapshot as JSON and fails on critical findings when asked', () => {
    const run = crosswalk('diagnose', DEMO, '--format', 'json')
    expect(run.code).toBe(0)
    const findings = JSON.parse(run.stdout) as { severity: string; rule: string }[]
    expect(findings.some((f) => f.severity === 'critical')).toBe(true)
    expect(crosswalk('diagnose', DEMO, '--fail-on', 'critical').code).toBe(1)
  })

  it('writes SARIF a code-scanning tool can read', () => {
    const sarif = JSON.parse(crosswalk('diagnose', DEMO, '--format', 'sarif').stdout) as {
      version: string
      runs: { results: unknown[] }[]
    }
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(0)
  })

  it('explains an AADSTS code offline', () => {
    const run = crosswalk('explain', 'AADSTS7000215')
    expect(run.code).toBe(0)
    expect(run.stdout.toLowerCase()).toContain('secret')
  })

  it('answers a bad file with one clear line on stderr and exit code 2', async () => {
    const dir = await temp.make()
    const bad = path.join(dir, 'bad.json')
    await writeFile(bad, JSON.stringify({ format: 'crosswalk.snapshot', version: 9 }))
    const run = crosswalk('diagnose', bad)
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/version/i)
    expect(crosswalk('frobnicate').code).toBe(2)
  })
})
