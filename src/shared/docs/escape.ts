/**
 * Making tenant data inert in documents. Any value may be a display name someone chose:
 * HTML, Markdown syntax, a spreadsheet formula, control characters or bidirectional
 * overrides. Controls, bidi marks and line separators are shown escaped (`\u202e`) by the
 * terminal printer's value escape, then each format escapes its own syntax.
 */
import { escapeJsonForTerminal, escapeTerminalValue } from '../text/terminal'

/** Text for HTML element content or a quoted attribute. */
export function html(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return ''
  return escapeTerminalValue(String(value))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/**
 * Text for Markdown prose or a table cell: HTML and Markdown syntax characters
 * backslash-escaped, so a name renders as the characters it holds.
 */
export function md(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return ''
  return escapeTerminalValue(String(value)).replace(/[\\`*_{}[\]<>#|~!&$]/g, (c) => `\\${c}`)
}

/** A value as a Markdown code span (identifiers, URLs, expressions), inert in tables too. */
export function mdCode(value: string | number | undefined | null): string {
  if (value === undefined || value === null || value === '') return ''
  const text = escapeTerminalValue(String(value)).replace(/\|/g, '\\|')
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/** JSON text for a document: valid JSON whose bidi and C1 characters are `\u` escapes. */
export function inertJson(value: unknown, indent?: number): string {
  return escapeJsonForTerminal(JSON.stringify(value, null, indent))
}

/** Code for a Markdown fenced block: the fence can never be closed by the content. */
export function mdFence(code: string, language = 'json'): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${language}\n${escapeTerminalTextLines(code)}\n${fence}`
}

function escapeTerminalTextLines(code: string): string {
  return code
    .split('\n')
    .map((line) => escapeTerminalValue(line))
    .join('\n')
}
