import { describe, expect, it } from 'vitest'
import {
  escapeJsonForTerminal,
  escapeTerminalText,
  escapeTerminalValue,
  term,
} from '../../../../src/shared/text/terminal'

/** Every character a terminal may act on, or that reorders or breaks what it shows. */
function unsafeChars(text: string, { lineFeeds }: { lineFeeds: boolean }): string[] {
  return [...text].filter((c) => {
    const code = c.codePointAt(0) ?? 0
    if (c === '\n') return !lineFeeds
    return (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      [0x061c, 0x200e, 0x200f, 0x2028, 0x2029].includes(code) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    )
  })
}

describe('escapeTerminalValue', () => {
  it('escapes every C0 control, DEL and C1 control visibly', () => {
    const all = Array.from({ length: 0xa0 }, (_, i) => String.fromCharCode(i)).join('')
    const out = escapeTerminalValue(all)
    expect(unsafeChars(out, { lineFeeds: false })).toEqual([])
    expect(out.startsWith('\\x00\\x01')).toBe(true)
    expect(out).toContain('\\t\\n\\x0b\\x0c\\r')
    expect(out).toContain('\\x1b')
    expect(out).toContain(' !"#')
    expect(out).toContain('~\\x7f\\x80')
    expect(out.endsWith('\\x9f')).toBe(true)
  })

  it('shows the escape sequences of a hostile app name as text', () => {
    const name =
      '\x1b]0;pwned\x07\x1b[2J\x1b[HNo findings.\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\\x9b31m'
    expect(escapeTerminalValue(name)).toBe(
      '\\x1b]0;pwned\\x07\\x1b[2J\\x1b[HNo findings.\\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\\\x9b31m',
    )
  })

  it('escapes bidi overrides, isolates and marks, and the line separators', () => {
    const upn = 'admin\u202egpj.exe\u202c@\u2066x\u2069\u200e\u200f\u061c\u2028\u2029'
    expect(escapeTerminalValue(upn)).toBe(
      'admin\\u202egpj.exe\\u202c@\\u2066x\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029',
    )
  })

  it('keeps a value on one line', () => {
    expect(escapeTerminalValue('alice@corp.example\nNo findings.\r\n')).toBe(
      'alice@corp.example\\nNo findings.\\r\\n',
    )
  })

  it('leaves ordinary text, accents and other scripts alone', () => {
    const text = 'Zoë Ångström — 東京 · Ελληνικά · עברית · العربية 🙂'
    expect(escapeTerminalValue(text)).toBe(text)
  })
})

describe('escapeTerminalText', () => {
  it('keeps our line feeds but escapes every other control', () => {
    expect(escapeTerminalText('a\nb\x1b[2Jc\r\u202e')).toBe('a\nb\\x1b[2Jc\\r\\u202e')
  })
})

describe('term', () => {
  it('escapes interpolated values whole and keeps the template as written', () => {
    const file = 'x\n\x1b[31mred.json'
    expect(term`Written to ${file}\n`).toBe('Written to x\\n\\x1b[31mred.json\n')
    expect(term`${3} records, ${undefined}`).toBe('3 records, undefined')
  })
})

describe('escapeJsonForTerminal', () => {
  it('keeps JSON valid and the value intact while no raw control remains', () => {
    const value = { name: 'a\x1b[2J\x9b\u202e\u2028b\x7f' }
    const out = escapeJsonForTerminal(JSON.stringify(value, null, 2))
    expect(unsafeChars(out, { lineFeeds: true })).toEqual([])
    expect(JSON.parse(out)).toEqual(value)
    expect(out).toContain('\\u009b')
  })
})
