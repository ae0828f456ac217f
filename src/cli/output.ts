/**
 * The terminal printer: every line the CLI writes goes through it, so tenant data (an app
 * registration named with escape sequences, a UPN with a bidi override or a newline) reaches
 * the terminal inert. Text is ours with values interpolated by `term` (which escapes each
 * value whole, newlines included); this last pass escapes any control left except our own
 * line feeds. JSON stays valid JSON with the same characters as `\uXXXX`.
 */
import {
  escapeJsonForTerminal,
  escapeTerminalCsv,
  escapeTerminalText,
  escapeTerminalValue,
} from '../shared/text/terminal'
import type { CliIo } from './command'

/** What commands print with; `io.stdout` and `io.stderr` are written only here. */
export interface CliOutput {
  /** text of ours (values interpolated with `term`) on stdout */
  out: (text: string) => void
  /** text of ours on stderr: warnings, errors, progress for pipes */
  err: (text: string) => void
  /** a value as indented JSON on stdout, followed by a newline */
  json: (value: unknown) => void
  /** CSV from the CSV writer (src/shared/text/csv.ts) on stdout, its CRLF records kept */
  csv: (text: string) => void
  /** one line that replaces the terminal's current line (progress on a TTY) */
  redraw: (line: string) => void
}

/** Clears the current line and returns to its start (CSI 2K after a carriage return). */
const CLEAR_LINE = '\r\x1b[2K'

/** The printer over a command's io. */
export function createOutput(io: Pick<CliIo, 'stdout' | 'stderr'>): CliOutput {
  return {
    out: (text) => io.stdout(escapeTerminalText(text)),
    err: (text) => io.stderr(escapeTerminalText(text)),
    json: (value) => io.stdout(`${escapeJsonForTerminal(JSON.stringify(value, null, 2))}\n`),
    csv: (text) => io.stdout(escapeTerminalCsv(text)),
    redraw: (line) => io.stdout(`${CLEAR_LINE}${escapeTerminalValue(line)}`),
  }
}
