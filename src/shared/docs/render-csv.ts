/**
 * The document's tables as CSV through the one CSV writer (RFC 4180, formula-safe): findings,
 * credentials (the rotation calendar) and profile mappings, one file each. Controls and bidi
 * characters in values are shown escaped, as in every other format.
 */
import { escapeTerminalValue } from '../text/terminal'
import { type CsvValue, toCsv } from '../text/csv'
import type { ConfigDocument } from './model'

/** The CSV files a document gives: file name → content. */
export type CsvFiles = Record<'findings.csv' | 'credentials.csv' | 'mappings.csv', string>

const inert = (v: CsvValue): CsvValue => (typeof v === 'string' ? escapeTerminalValue(v) : v)
const rows = (list: CsvValue[][]): CsvValue[][] => list.map((r) => r.map(inert))

/** Renders the three CSV files (a table is empty, header only, when its section was not asked for). */
export function renderCsv(doc: ConfigDocument): CsvFiles {
  return {
    'findings.csv': toCsv(
      ['severity', 'category', 'rule', 'title', 'detail', 'objects', 'fix', 'links', 'id'],
      rows(
        (doc.findings ?? []).map((f) => [
          f.severity,
          f.category,
          f.rule,
          f.title,
          f.detail,
          f.subjects.join('; '),
          f.steps.join(' / '),
          f.links.join(' '),
          f.id,
        ]),
      ),
    ),
    'credentials.csv': toCsv(
      ['expires', 'rotate_by', 'days_left', 'status', 'side', 'object', 'kind', 'credential'],
      rows(
        (doc.rotation ?? []).map((r) => [
          r.expires,
          r.rotationDue,
          r.daysLeft,
          r.status,
          r.side,
          r.object,
          r.kind,
          r.credential,
        ]),
      ),
    ),
    'mappings.csv': toCsv(
      ['direction', 'source', 'target', 'target_attribute', 'expression', 'push', 'mapping_id'],
      rows(
        (doc.mappings ?? []).flatMap((m) =>
          m.rows.map((r) => [
            m.direction,
            m.source.name,
            m.target.name,
            r.target,
            r.expression,
            r.pushStatus,
            m.id,
          ]),
        ),
      ),
    ),
  }
}
