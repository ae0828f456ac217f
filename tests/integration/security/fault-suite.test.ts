/**
 * The fault suite: every fault the emulator can inject, collections killed part-way, and a
 * full disk at the moment the snapshot is written. Under each, a collection either completes
 * with every record and no secret anywhere, or leaves the last good snapshot exactly as it
 * was, with one clear line. Prints what it tried.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CliError, type CliIo } from '../../../src/cli/command'
import { collectCommand } from '../../../src/cli/commands/collect'
import type { WriterFs } from '../../../src/node/atomic-file'
import { collectSnapshot } from '../../../src/node/collect/collect-snapshot'
import type { CollectEvent, ProgressEvent } from '../../../src/node/collect/events'
import { NO_FAULTS, type FaultSpec } from '../../emulator/faults'
import { UNLIMITED_OKTA_RATE_LIMITS } from '../../emulator/okta/rate-limit'
import { counts, logWindow, plantedSecrets, startHarness, type Harness } from '../node/helpers'
import { expectedCounts } from '../node/truth'

const ROOT = path.resolve(import.meta.dirname, '../../..')

let h: Harness
let dir: string
const tried = { faults: 0, kills: 0, fullDisks: 0 }
beforeAll(async () => {
  // no run waits for a rate-limit window: faults are the subject here
  h = await startHarness({ scenario: 'healthy', oktaRateLimits: UNLIMITED_OKTA_RATE_LIMITS })
  dir = await mkdtemp(path.join(tmpdir(), 'crosswalk-faults-'))
}, 120_000)
afterAll(async () => {
  await h?.emulator.close()
  if (dir) await rm(dir, { recursive: true, force: true })
  console.log(
    `fault suite: ${tried.faults} emulator fault runs (every fault key), ${tried.kills} collections killed part-way, ` +
      `${tried.fullDisks} full-disk writes; each complete with every record and no secret, or the last good snapshot intact`,
  )
})

/** One run per fault key (some keys only shape another's faults); `auth` also hits sign-in. */
const FAULTS: readonly [keyof FaultSpec | 'auth (sign-in and discovery)', string, string][] = [
  ['latency', 'latency', 'latency=15'],
  ['jitter', 'latency with jitter', 'latency=5,jitter=10'],
  ['graph429', 'Graph 429 with Retry-After', 'graph429=0.15,graph429NoRetryAfter=0,retryAfter=0.3'],
  ['graph429NoRetryAfter', 'Graph 429 without Retry-After', 'graph429=0.15,graph429NoRetryAfter=1'],
  ['retryAfter', 'Graph 429 with long Retry-After values', 'graph429=0.2,retryAfter=1'],
  ['okta429', 'Okta 429', 'okta429=0.1,okta429Reset=0'],
  ['okta429Reset', 'Okta 429 with a reset a second away', 'okta429=0.05,okta429Reset=1'],
  ['serverError', '5xx', '5xx=0.15'],
  ['burst', '5xx bursts', '5xx=0.1,burst=3'],
  ['reset', 'connection resets', 'reset=0.1'],
  ['malformed', 'malformed JSON', 'malformed=0.1'],
  ['tokenLifetime', 'short token lifetime', 'tokenLifetime=1,latency=5'],
  ['slowBody', 'slow bodies', 'slowBody=20'],
  ['reports', "Graph's audit-log request limit", 'reports=5'],
  ['auth', 'sign-in and discovery 5xx', 'auth,5xx=0.3,burst=1'],
  ['auth (sign-in and discovery)', 'sign-in and discovery malformed JSON', 'auth,malformed=0.3'],
  ['auth (sign-in and discovery)', 'sign-in and discovery resets', 'auth,reset=0.3'],
]

describe('collection under every emulator fault', () => {
  it('has a run for every fault the emulator knows', () => {
    const covered = new Set(FAULTS.map(([key]) => key))
    expect(Object.keys(NO_FAULTS).filter((k) => !covered.has(k as keyof FaultSpec))).toEqual([])
  })

  for (const [, name, spec] of FAULTS) {
    it(`${name}: every record arrives, complete, no secret leaks`, async () => {
      h.emulator.setFaults(spec)
      const events: CollectEvent[] = []
      try {
        const snap = await collectSnapshot({
          profile: h.profile,
          credentials: h.credentials,
          ca: h.ca,
          ...logWindow(h.emulator),
          onEvent: (e) => events.push(e),
        })
        expect(snap.collection.errors).toEqual([])
        expect(snap.collection.complete).toBe(true)
        expect(counts(snap)).toEqual(expectedCounts(h.emulator.scenario, logWindow(h.emulator)))
        const text = JSON.stringify({ snap, events })
        for (const secret of plantedSecrets(h)) expect(text).not.toContain(secret)
        const last = new Map<string, ProgressEvent>()
        for (const e of events) if (e.type === 'progress') last.set(`${e.source}.${e.resource}`, e)
        const waits = [...last.values()].reduce((n, e) => n + e.throttleWaits + e.retries, 0)
        if (/429|5xx|reset|malformed/.test(name) && !name.startsWith('sign-in'))
          expect(waits).toBeGreaterThan(0)
        tried.faults++
      } finally {
        h.emulator.setFaults('none')
      }
    })
  }
})

/** The CLI in a child process, from source, so it can be killed like a real run. */
function spawnCollect(out: string): ReturnType<typeof spawn> {
  const w = logWindow(h.emulator)
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'src/cli/index.ts'),
      'collect',
      '--profile',
      h.emulator.profileFile,
      '--out',
      out,
      '--logs-since',
      w.logsSince,
      '--logs-until',
      w.logsUntil,
    ],
    { cwd: ROOT, env: { ...process.env, ...h.emulator.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
}

function exited(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

describe('collections killed part-way', () => {
  it('leave the last good snapshot untouched; the next run cleans up after them', async () => {
    const out = path.join(dir, 'killed.json')
    const good = '{"the":"last good snapshot"}\n'
    await writeFile(out, good)
    // a writer killed in the middle of its write: its temporary file, named with its pid
    const dead = spawn(process.execPath, ['-e', ''])
    const deadPid = dead.pid
    await exited(dead)
    const orphan = path.join(dir, `.killed.json.${deadPid}.0123456789ab.tmp`)
    await writeFile(orphan, '{"half": "writ')
    h.emulator.setFaults('latency=100')
    try {
      // killed after its 1st, 3rd, … progress line: always part-way through the collection
      for (const lines of [1, 3, 6, 10, 15]) {
        const child = spawnCollect(out)
        const gone = new Promise<NodeJS.Signals | null>((resolve) =>
          child.once('exit', (_code, signal) => resolve(signal)),
        )
        let seen = 0
        await new Promise<void>((resolve) => {
          child.stdout?.on('data', (d: Buffer) => {
            seen += d.toString().split('\n').length - 1
            if (seen >= lines) resolve()
          })
          void gone.then(() => resolve())
        })
        child.kill('SIGKILL')
        expect(await gone, `run killed after ${lines} progress lines`).toBe('SIGKILL')
        tried.kills++
        expect(await readFile(out, 'utf8')).toBe(good)
        expect(existsSync(`${out}.partial`)).toBe(false)
      }
    } finally {
      h.emulator.setFaults('none')
    }
    const child = spawnCollect(out)
    let stderr = ''
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
    expect(await exited(child), stderr).toBe(0)
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ format: 'crosswalk.snapshot' })
    expect(await readdir(dir)).toEqual(['killed.json'])
  }, 120_000)
})

/** The real file system, except that `step` fails as a full (or failing) disk does. */
function failingDisk(step: 'write' | 'sync' | 'rename', code: string): WriterFs {
  const fail = () => Promise.reject(Object.assign(new Error(`${code}: simulated`), { code }))
  return {
    open: async (file, flags, mode) => {
      const { open } = await import('node:fs/promises')
      const handle = await open(file, flags, mode)
      return {
        writeFile: (data) => (step === 'write' ? fail() : handle.writeFile(data)),
        sync: () => (step === 'sync' ? fail() : handle.sync()),
        close: () => handle.close(),
      }
    },
    rename: async (a, b) =>
      step === 'rename' ? fail() : (await import('node:fs/promises')).rename(a, b),
    rm: async (f, o) => (await import('node:fs/promises')).rm(f, o),
  }
}

describe('a full disk when the snapshot is written', () => {
  const cases: [string, 'write' | 'sync' | 'rename', string, string[]][] = [
    ['ENOSPC while writing', 'write', 'ENOSPC', []],
    ['EDQUOT (quota) while writing a gzip snapshot', 'write', 'EDQUOT', []],
    ['EIO on flush', 'sync', 'EIO', []],
    ['ENOSPC on rename', 'rename', 'ENOSPC', []],
    ['ENOSPC with --accept-partial', 'write', 'ENOSPC', ['--accept-partial']],
  ]
  for (const [name, step, code, extra] of cases) {
    it(`${name}: one clear line, the previous file intact, nothing left behind`, async () => {
      const folder = await mkdtemp(path.join(dir, 'disk-'))
      const out = path.join(folder, name.includes('gzip') ? 'snap.json.gz' : 'snap.json')
      await writeFile(out, 'previous good snapshot')
      const lines: string[] = []
      const io: CliIo = {
        stdout: () => undefined,
        stderr: (t) => lines.push(t),
        env: h.emulator.env,
        cwd: folder,
        isTty: false,
        writerFs: failingDisk(step, code),
      }
      const w = logWindow(h.emulator)
      const error = await collectCommand
        .run(
          [
            '--profile',
            h.emulator.profileFile,
            '--out',
            out,
            '--logs-since',
            w.logsSince,
            '--logs-until',
            w.logsUntil,
            ...extra,
          ],
          io,
        )
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(CliError)
      expect((error as CliError).message).toMatch(
        new RegExp(`Could not write .*\\(${code}\\).*unchanged`),
      )
      expect(await readFile(out, 'utf8')).toBe('previous good snapshot')
      expect(await readdir(folder)).toEqual([path.basename(out)])
      tried.fullDisks++
    })
  }
})
