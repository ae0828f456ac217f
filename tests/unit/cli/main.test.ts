import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'
import { CliError, type CliCommand, type CliIo } from '../../../src/cli/command'

function io(env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const value: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    cwd: '/',
    isTty: false,
  }
  return { io: value, out, err }
}

const seen: { args: readonly string[]; env: CliIo['env'] }[] = []
const echo: CliCommand = {
  name: 'echo',
  summary: 'prints its arguments',
  usage: 'Usage: crosswalk echo [ARGS]',
  run: async (args, cliIo) => {
    seen.push({ args, env: cliIo.env })
    cliIo.stdout(args.join(' '))
    return 0
  },
}
const failing: CliCommand = {
  name: 'fail',
  summary: 'fails',
  usage: 'Usage: crosswalk fail',
  run: async () => {
    throw new CliError('The snapshot file is not valid JSON.\nFix it.', 2)
  },
}
const crashing: CliCommand = {
  name: 'crash',
  summary: 'crashes',
  usage: 'Usage: crosswalk crash',
  run: async () => {
    throw new TypeError('boom')
  },
}
const commands = [echo, failing, crashing]

describe('runCli', () => {
  it('prints help listing every command, with exit 0', async () => {
    const t = io()
    expect(await runCli(['--help'], t.io, commands)).toBe(0)
    expect(t.out.join('')).toContain('echo')
    expect(t.out.join('')).toContain('prints its arguments')
  })

  it('prints the version', async () => {
    const t = io()
    expect(await runCli(['--version'], t.io, commands)).toBe(0)
    expect(t.out.join('')).toMatch(/^\d+\.\d+\.\d+\n$/)
  })

  it('exits 2 with one line on stderr for an unknown command', async () => {
    const t = io()
    expect(await runCli(['nope'], t.io, commands)).toBe(2)
    expect(t.err.join('').trim().split('\n')).toHaveLength(1)
    expect(t.err.join('')).toContain('Unknown command "nope"')
  })

  it('exits 2 with help on stderr when no command is given', async () => {
    const t = io()
    expect(await runCli([], t.io, commands)).toBe(2)
    expect(t.err.join('')).toContain('Usage:')
  })

  it('passes arguments through and applies --data-dir to the environment', async () => {
    const t = io()
    expect(await runCli(['--data-dir', '/tmp/x', 'echo', 'a', 'b'], t.io, commands)).toBe(0)
    expect(t.out.join('')).toBe('a b')
    expect(seen.at(-1)?.env.CROSSWALK_DATA_DIR).toBe('/tmp/x')
  })

  it('shows a command’s usage for COMMAND --help and for help COMMAND', async () => {
    const a = io()
    expect(await runCli(['echo', '--help'], a.io, commands)).toBe(0)
    expect(a.out.join('')).toContain('Usage: crosswalk echo')
    const b = io()
    expect(await runCli(['help', 'fail'], b.io, commands)).toBe(0)
    expect(b.out.join('')).toContain('Usage: crosswalk fail')
  })

  it('turns a CliError into one line on stderr with its exit code', async () => {
    const t = io()
    expect(await runCli(['fail'], t.io, commands)).toBe(2)
    expect(t.err).toEqual(['crosswalk fail: The snapshot file is not valid JSON. Fix it.\n'])
  })

  it('never lets an unexpected error escape as a stack trace', async () => {
    const t = io()
    expect(await runCli(['crash'], t.io, commands)).toBe(2)
    expect(t.err).toEqual(['crosswalk crash: unexpected failure: boom\n'])
  })

  it('refuses an unknown global option', async () => {
    const t = io()
    expect(await runCli(['--frobnicate', 'echo'], t.io, commands)).toBe(2)
  })
})
