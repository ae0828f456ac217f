/**
 * Tenant data is written by whoever can register an app or name a user. Whatever it holds,
 * `diagnose --format table` and `explain --snapshot` must print it inert: no escape
 * sequence reaches the terminal, no bidi control reorders a line, no newline forges one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { CliIo } from '../../../src/cli/command'
import { COMMANDS } from '../../../src/cli/commands'
import { runCli } from '../../../src/cli/main'
import { at, obj, seamSnapshot } from '../../fixtures/snapshots/seam-snapshot'

const dir = mkdtempSync(join(tmpdir(), 'crosswalk-terminal-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Retitles the window, clears the screen, prints a fake verdict and plants a hyperlink. */
const HOSTILE_APP =
  'Okta IdP\x1b]0;Crosswalk: all clear\x07\x1b[2J\x1b[H\nNo findings.\n\x1b]8;;https://evil.example/\x1b\\Open fix\x1b]8;;\x1b\\\x9b2J'
/** A right-to-left override and a newline in a UPN. */
const HOSTILE_UPN = 'carol\u202emoc.liame\u202c@contoso.com\nNo findings.\u2066x\u2069'

const hostile = seamSnapshot((s) => {
  const app = s.entra?.applications?.[0] as Record<string, unknown>
  app['displayName'] = HOSTILE_APP
  const [secret] = app['passwordCredentials'] as Record<string, unknown>[]
  if (secret) secret['endDateTime'] = at(-1)
  obj(s.okta?.users?.[2], 'profile')['email'] = HOSTILE_UPN
  obj(s.okta?.users?.[2], 'profile')['login'] = HOSTILE_UPN
  const entraUser = s.entra?.users?.[2] as Record<string, unknown>
  entraUser['userPrincipalName'] = HOSTILE_UPN
  entraUser['mail'] = HOSTILE_UPN
})
writeFileSync(join(dir, 'hostile.json'), JSON.stringify(hostile))

/** Characters a terminal acts on, or that reorder or split a line. */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/

async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {},
    cwd: dir,
    isTty: false,
  }
  const code = await runCli(argv, io, COMMANDS)
  return { code, out: out.join(''), err: err.join('') }
}

describe('terminal output of hostile tenant data', () => {
  it('diagnose --format table shows the names escaped, on their own row', async () => {
    const r = await run(['diagnose', 'hostile.json', '--format', 'table'])
    expect(r.code).toBe(0)
    expect(r.out).not.toMatch(UNSAFE)
    expect(r.out.split('\n')).not.toContain('No findings.')
    expect(r.out).toContain('\\x1b]0;Crosswalk: all clear\\x07')
    const rows = r.out.split('\n')
    const summary = rows.findIndex((l) => /^\d+ findings?:/.test(l))
    // header, one row per finding, a blank line, the summary: nothing else
    expect(summary).toBe(Number(/^(\d+)/.exec(rows[summary] ?? '')?.[1]) + 2)
  })

  it('diagnose --format json stays valid JSON with the same names, and inert', async () => {
    const r = await run(['diagnose', 'hostile.json', '--format', 'json'])
    expect(r.out).not.toMatch(UNSAFE)
    const names = (JSON.parse(r.out) as { subjects: { name?: string }[] }[]).flatMap((f) =>
      f.subjects.map((s) => s.name),
    )
    expect(names).toContain(HOSTILE_APP)
    expect(names.some((n) => n?.includes('\u202emoc.liame\u202c'))).toBe(true)
  })

  it('explain --snapshot shows the app registration and the findings escaped', async () => {
    const r = await run(['explain', 'AADSTS7000222', '--snapshot', 'hostile.json'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Okta IdP\\u001b]0;')
    expect(r.out).not.toMatch(UNSAFE)
    expect(r.out.split('\n')).not.toContain('No findings.')
  })

  it('an error naming a hostile file name stays one inert line', async () => {
    const r = await run(['diagnose', 'missing\x1b[2J\nNo findings.\u202e.json'])
    expect(r.code).toBe(2)
    expect(r.err).not.toMatch(UNSAFE)
    expect(r.err.trimEnd().split('\n')).toHaveLength(1)
  })
})
