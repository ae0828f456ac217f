/**
 * The hostile-input suite's harness: each case is one kind of hostile input, run with its
 * wall time and the process's peak memory watched; the suite prints how many kinds it tried
 * per category, and the slowest and heaviest, when it ends. Later issues add their inputs
 * and outputs as more cases.
 */
import { afterAll, expect, it } from 'vitest'
import type { CliIo } from '../../../src/cli/command'
import { COMMANDS } from '../../../src/cli/commands'
import { runCli } from '../../../src/cli/main'

export const CATEGORIES = [
  'snapshot file',
  'profile',
  'tenant data',
  'API response',
  'sign-in artefact',
] as const
export type Category = (typeof CATEGORIES)[number]
const PLURAL: Record<Category, string> = {
  'snapshot file': 'snapshot files',
  profile: 'profiles',
  'tenant data': 'tenant data',
  'API response': 'API responses',
  'sign-in artefact': 'sign-in artefacts',
}

export interface HostileCase {
  category: Category
  kind: string
  /** bounds for this case; default 10 s and 256 MiB of peak memory above the start */
  limits?: { ms?: number; mib?: number }
  /** makes the input (not timed) */
  prepare?: () => Promise<void>
  run: () => Promise<void>
}

const MiB = 1024 * 1024

/** Characters a terminal acts on, or that reorder or split a line (line feeds allowed). */
export const UNSAFE_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/

/** The CLI run in-process with captured output. */
export async function cli(
  argv: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    cwd,
    isTty: false,
  }
  const code = await runCli(argv, io, COMMANDS)
  return { code, out: out.join(''), err: err.join('') }
}

/** A usage or input error: exit 2, one inert line on stderr matching `message`, nothing on stdout. */
export function expectClearError(
  result: { code: number; out: string; err: string },
  message: RegExp,
): void {
  expect(result.code, result.err).toBe(2)
  expect(result.out).toBe('')
  expect(result.err.trimEnd().split('\n')).toHaveLength(1)
  expect(result.err).not.toMatch(UNSAFE_TEXT)
  expect(result.err).toMatch(message)
}

/** Registers every case as a test and prints the suite's counts once they ran. */
export function hostileSuite(cases: readonly HostileCase[]): void {
  const done: { c: HostileCase; ms: number; mib: number }[] = []
  const byKind = new Set<string>()
  for (const c of cases) {
    const name = `${c.category}: ${c.kind}`
    if (byKind.has(name)) throw new Error(`two cases named ${name}`)
    byKind.add(name)
    it(name, async () => {
      await c.prepare?.()
      const rssBefore = process.memoryUsage().rss
      const started = performance.now()
      await c.run()
      const ms = performance.now() - started
      // the process's peak since it started: an upper bound of what this case added
      const mib = Math.max(0, process.resourceUsage().maxRSS * 1024 - rssBefore) / MiB
      done.push({ c, ms, mib })
      expect(ms, 'wall time').toBeLessThan(c.limits?.ms ?? 10_000)
      expect(mib, 'peak memory above the start, MiB').toBeLessThan(c.limits?.mib ?? 256)
    })
  }
  afterAll(() => {
    const per = CATEGORIES.map(
      (k) => `${PLURAL[k]} ${cases.filter((c) => c.category === k).length}`,
    )
    const slowest = [...done].sort((a, b) => b.ms - a.ms)[0]
    const heaviest = [...done].sort((a, b) => b.mib - a.mib)[0]
    console.log(
      [
        `hostile-input suite: ${cases.length} kinds tried (${per.join(', ')}); ` +
          `${done.length} answered with a clear error or inert output.`,
        slowest
          ? `  slowest: ${(slowest.ms / 1000).toFixed(2)} s (${slowest.c.category}: ${slowest.c.kind})`
          : '',
        heaviest
          ? `  largest peak memory rise: ${Math.round(heaviest.mib)} MiB (${heaviest.c.category}: ${heaviest.c.kind})`
          : '',
      ]
        .filter(Boolean)
        .join('\n'),
    )
  })
}

/** RFC 4180 records as a spreadsheet reads them (quoted fields unquoted). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      record.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i++
    } else field += c
  }
  return records
}
