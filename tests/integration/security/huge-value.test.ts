/**
 * One attribute of 50 MB (an app registration's name and an Okta login): diagnosis copies
 * it into findings shortened, so every output format still works and stays small. Its own
 * file, so its memory peak is measured alone: it reports the time and the peak.
 */
import { mkdtemp, open, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../../src/shared/model'
import { seamSnapshot, obj } from '../../fixtures/snapshots/seam-snapshot'
import { cli, UNSAFE_TEXT } from './harness'

const MiB = 1024 * 1024
const SIZE = 50 * MiB
const PLACEHOLDER = '\u0001HUGE\u0001'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'crosswalk-huge-'))
  const snapshot = seamSnapshot((s) => {
    ;(s.entra?.applications?.[0] as Record<string, unknown>)['displayName'] = PLACEHOLDER
    obj(s.okta?.users?.[2], 'profile')['login'] = `carol${PLACEHOLDER}@contoso.com`
  })
  // the value is written in place of a marker: the test never holds the whole file as one string
  const [head, middle, tail] = JSON.stringify(snapshot).split(
    JSON.stringify(PLACEHOLDER).slice(1, -1),
  )
  const huge = 'W'.repeat(SIZE)
  const file = await open(path.join(dir, 'huge.json'), 'w')
  try {
    for (const part of [head, huge, middle, huge, tail]) await file.write(part ?? '')
  } finally {
    await file.close()
  }
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a 50 MB attribute', () => {
  it('diagnoses in every format, each output shortened and inert', async () => {
    const started = performance.now()
    const outputs: Record<string, number> = {}
    for (const format of ['json', 'table', 'sarif'] as const) {
      const r = await cli(['diagnose', 'huge.json', '--format', format], dir)
      expect(r.code, r.err).toBe(0)
      expect(r.out).not.toMatch(UNSAFE_TEXT)
      outputs[format] = r.out.length
      expect(r.out.length).toBeLessThan(MiB)
      if (format === 'json') {
        const findings = JSON.parse(r.out) as Finding[]
        const names = findings.flatMap((f) => f.subjects.map((s) => s.name ?? ''))
        // carol + the value + @contoso.com
        expect(
          names.some((n) => n.endsWith(`(${(SIZE + 17).toLocaleString('en-US')} characters)`)),
        ).toBe(true)
      }
    }
    const seconds = (performance.now() - started) / 1000
    const peak = process.resourceUsage().maxRSS / 1024
    console.log(
      `a 50 MB attribute: diagnose json, table and sarif in ${seconds.toFixed(1)} s; outputs ${Object.entries(
        outputs,
      )
        .map(([f, n]) => `${f} ${(n / 1024).toFixed(0)} KiB`)
        .join(', ')}; peak memory of the process ${peak.toFixed(0)} MiB`,
    )
  }, 120_000)
})
