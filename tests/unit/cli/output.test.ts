import { describe, expect, it } from 'vitest'
import { createOutput } from '../../../src/cli/output'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return {
    print: createOutput({ stdout: (t) => out.push(t), stderr: (t) => err.push(t) }),
    out,
    err,
  }
}

describe('createOutput', () => {
  it('escapes every control in text except its line feeds, on both streams', () => {
    const c = capture()
    c.print.out('a\x1b[2J\nb\u202e\n')
    c.print.err('c\x07\n')
    expect(c.out).toEqual(['a\\x1b[2J\nb\\u202e\n'])
    expect(c.err).toEqual(['c\\x07\n'])
  })

  it('writes JSON that parses to the same value with no raw control left', () => {
    const c = capture()
    const value = { name: '\x9b2J\u202e\x7f' }
    c.print.json(value)
    expect(c.out[0]).not.toMatch(/[\x7f-\x9f\u202e]/)
    expect(JSON.parse(c.out[0] ?? '')).toEqual(value)
  })

  it('redraws with our clear-line sequence and nothing from the line itself', () => {
    const c = capture()
    c.print.redraw('3 records\r\x1b[2Kfake')
    expect(c.out).toEqual(['\r\x1b[2K3 records\\r\\x1b[2Kfake'])
  })
})
