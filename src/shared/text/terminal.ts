/**
 * Text for a terminal, made inert. Tenant data is shaped by whoever can name an Entra app or
 * an Okta user, so any value may carry escape sequences (retitle the window, clear the
 * screen, plant OSC 8 hyperlinks), bidirectional overrides that reorder what is shown, or
 * newlines that forge extra lines. Every such character is shown visibly escaped instead:
 * C0 controls and DEL as `\xHH` (`\n`, `\r`, `\t` by name), C1 controls as `\xHH`, bidi
 * marks, embeddings, overrides and isolates and the Unicode line separators as `\uHHHH`.
 *
 * Two levels: {@link escapeTerminalValue} for a value (newlines escaped too, so one value
 * is one line) and {@link escapeTerminalText} for a whole output whose own line breaks are
 * ours. {@link term} builds a line from a template whose literal parts are ours and whose
 * interpolations are values. {@link escapeJsonForTerminal} keeps JSON valid while making
 * it inert (`\u009b` instead of a raw C1 CSI).
 */

/** Bidi controls: ALM, LRM, RLM, embeddings and overrides (LRE…RLO), isolates (LRI…PDI). */
const BIDI = '\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069'
/** Line and paragraph separators: some renderers break lines on them. */
const SEPARATORS = '\u2028\u2029'

// Everything a value may not carry: C0, DEL, C1, bidi controls, separators.
const VALUE_UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI}${SEPARATORS}]`, 'g')
// The same minus the line feed, for text whose line breaks are ours.
const TEXT_UNSAFE = new RegExp(
  `[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f${BIDI}${SEPARATORS}]`,
  'g',
)
// What JSON.stringify leaves raw but a terminal may act on: DEL, C1, bidi, separators.
const JSON_UNSAFE = new RegExp(`[\\u007f-\\u009f${BIDI}${SEPARATORS}]`, 'g')

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function visible(char: string): string {
  const named = NAMED[char]
  if (named) return named
  const code = char.charCodeAt(0)
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}

/** One value as one inert line: every control, bidi control and line break escaped. */
export function escapeTerminalValue(value: string): string {
  return value.replace(VALUE_UNSAFE, visible)
}

/** A whole output made inert; its line feeds are kept as line breaks. */
export function escapeTerminalText(text: string): string {
  return text.replace(TEXT_UNSAFE, visible)
}

// The same as TEXT_UNSAFE for CSV, whose records end in CRLF: a CR is kept only before a LF.
const CSV_UNSAFE = new RegExp(
  `[\\u0000-\\u0009\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${BIDI}${SEPARATORS}]|\\r(?!\\n)`,
  'g',
)

/**
 * CSV text made inert for a terminal: as {@link escapeTerminalText}, keeping the CRLF that
 * ends each record (and CRLF inside a quoted field, which only breaks a line); a lone CR,
 * which would send the cursor back over a line, is escaped.
 */
export function escapeTerminalCsv(text: string): string {
  return text.replace(CSV_UNSAFE, visible)
}

/** JSON text made inert for a terminal while staying valid JSON (`\u009b`, `\u202e`). */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** What {@link term} interpolates: text values are escaped, numbers printed as they are. */
export type TermValue = string | number | boolean | null | undefined

/**
 * A template whose literal parts are ours and whose interpolations are values:
 * term`Written to ${file}` escapes `file` whole (newlines included).
 */
export function term(strings: TemplateStringsArray, ...values: readonly TermValue[]): string {
  let out = strings[0] ?? ''
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    out += typeof value === 'string' ? escapeTerminalValue(value) : String(value)
    out += strings[i + 1] ?? ''
  }
  return out
}

/**
 * The width a value takes once escaped, in UTF-16 code units; what table columns align on.
 * (East Asian wide characters count as one: alignment is best effort, never a safety matter.)
 */
export function terminalWidth(value: string): number {
  return escapeTerminalValue(value).length
}
