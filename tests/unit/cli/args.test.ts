import { describe, expect, it } from 'vitest'
import { forEachArg, oneOf } from '../../../src/cli/args'
import { CliError } from '../../../src/cli/command'

/** Reads every argument, taking a value for the options named in `withValue`. */
function read(args: string[], withValue: string[]): string[] {
  const seen: string[] = []
  forEachArg(args, ({ flag, arg, value }) => {
    seen.push(withValue.includes(flag) ? `${flag}=${value()}` : `${arg}`)
  })
  return seen
}

describe('the command line', () => {
  it('reads an option’s value after = or from the next argument, the rest as positionals', () => {
    expect(
      read(['a.json', '--format=csv', '--only', 'ambiguous', '--flag'], ['--format', '--only']),
    ).toEqual(['a.json', '--format=csv', '--only=ambiguous', '--flag'])
  })

  it('refuses an option without its value, and a value that is not one of the choices', () => {
    expect(() => read(['--format'], ['--format'])).toThrow(new CliError('--format needs a value.'))
    expect(() => read(['--format='], ['--format'])).toThrow(/needs a value/)
    expect(oneOf('--format', 'csv', ['table', 'csv'] as const)).toBe('csv')
    expect(() => oneOf('--format', 'xml', ['table', 'csv'] as const)).toThrow(
      '--format must be one of table, csv (got "xml").',
    )
  })
})
