/**
 * One evidence value in words: dates in the app's one format (UTC on hover), immutable IDs
 * with the GUID they encode, short lists inline, and records behind a "raw" toggle instead
 * of JSON in a table cell.
 */
import { immutableIdGuid } from '../../../../shared/util/guid'
import { DateTime } from '../../components/date-time'
import { formatNumber } from '../../format'

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

/** A value that says nothing: absent, empty text, an empty list or record. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true
  if (Array.isArray(value)) return value.length === 0
  return isPlainObject(value) && Object.keys(value).length === 0
}

function Text({ value }: { value: string }) {
  if (ISO_INSTANT.test(value)) return <DateTime iso={value} />
  const guid = immutableIdGuid(value)
  if (guid)
    return (
      <>
        <code>{value}</code> <span className="muted wb-guid">(GUID {guid})</span>
      </>
    )
  return <>{value}</>
}

const ISO_IN_TEXT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g

/** Free text (a rule's note) with the instants in it written in the app's date format. */
export function NoteText({ text }: { text: string }) {
  const parts: (string | { iso: string })[] = []
  let last = 0
  for (const m of text.matchAll(ISO_IN_TEXT)) {
    const at = m.index ?? 0
    if (at > last) parts.push(text.slice(last, at))
    parts.push({ iso: m[0] })
    last = at + m[0].length
  }
  if (last < text.length) parts.push(text.slice(last))
  return <>{parts.map((p, i) => (typeof p === 'string' ? p : <DateTime key={i} iso={p.iso} />))}</>
}

/** A record or a list of records, summarised, with its JSON one click away. */
function Raw({ value }: { value: unknown }) {
  const summary = Array.isArray(value)
    ? `${formatNumber(value.length)} item${value.length === 1 ? '' : 's'}`
    : `${formatNumber(Object.keys(value as object).length)} fields`
  return (
    <details className="wb-raw">
      <summary>{summary}</summary>
      <pre className="wb-record">{JSON.stringify(value, null, 2)}</pre>
    </details>
  )
}

/** One value; `empty` is what an absent value reads as here ("not set", "none"). */
export function EvidenceValue({ value, empty = 'none' }: { value: unknown; empty?: string }) {
  if (isEmptyValue(value)) return <span className="muted">{empty}</span>
  if (typeof value === 'string') return <Text value={value} />
  if (typeof value === 'number') return <code>{formatNumber(value)}</code>
  if (typeof value === 'boolean') return <code>{String(value)}</code>
  if (Array.isArray(value) && value.every(isScalar)) {
    return (
      <>
        {value.map((v, i) => (
          <span key={i}>
            {i > 0 && ', '}
            {typeof v === 'string' ? <Text value={v} /> : String(v)}
          </span>
        ))}
      </>
    )
  }
  return <Raw value={value} />
}

/** A key/value table of the values that say something; empty ones are left out. */
export function KeyValueTable({
  data,
  caption,
}: {
  data: Record<string, unknown>
  caption: string
}) {
  const entries = Object.entries(data).filter(([, v]) => !isEmptyValue(v))
  if (entries.length === 0) return <p className="muted">No values.</p>
  return (
    <table className="wb-kv">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>
              <EvidenceValue value={value} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
