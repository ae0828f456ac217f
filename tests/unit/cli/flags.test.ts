import { describe, expect, it } from 'vitest'
import { CliError } from '../../../src/cli/command'
import { listValue, readFlags } from '../../../src/cli/flags'

function read(args: string[]): { format?: string; out?: string; operands: string[] } {
  const seen: { format?: string; out?: string; operands: string[] } = { operands: [] }
  readFlags(
    'try',
    args,
    (flag) => {
      if (flag.name === '--format') seen.format = flag.oneOf(['md', 'json'], (v) => v.toLowerCase())
      else if (flag.name === '--out') seen.out = flag.value()
      else return false
      return true
    },
    (operand) => seen.operands.push(operand),
  )
  return seen
}

describe('readFlags', () => {
  it('reads flags with their value next or inline, and operands in order', () => {
    expect(read(['a.json', '--format', 'MD', '--out=x.md', '-'])).toEqual({
      format: 'md',
      out: 'x.md',
      operands: ['a.json', '-'],
    })
  })

  it('says which flag lacks its value, which value is out of its list, and which option is unknown', () => {
    expect(() => read(['--out'])).toThrow(new CliError('--out needs a value.'))
    expect(() => read(['--out='])).toThrow(new CliError('--out needs a value.'))
    expect(() => read(['--format', 'pdf'])).toThrow(
      new CliError('--format must be one of md, json (got "pdf").'),
    )
    expect(() => read(['--wat'])).toThrow(
      new CliError('Unknown option --wat. Run crosswalk try --help.'),
    )
    expect(() => read(['-x'])).toThrow(/Unknown option -x/)
  })

  it('splits list values without empty items', () => {
    expect(listValue(' a, b,,c ')).toEqual(['a', 'b', 'c'])
  })
})
