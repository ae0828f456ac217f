/**
 * The diff of two snapshots, grouped by object kind (the resource), filtered by role and
 * text; each change with who made it, when and through what, or why that is not known.
 * Below it, the mapping audit against the older snapshot as baseline, saved as Markdown,
 * HTML, CSV or JSON through the documentation renderers.
 */
import { useMemo, useState } from 'react'
import { Button } from 'react-aria-components'
import { resourceLabel } from '../../../../shared/model/resources'
import {
  type Attribution,
  describeAttribution,
  displayValue,
  renderMappingAudit,
  type AuditedMapping,
  type ObjectDiff,
  type SnapshotDiff,
} from '../../../../shared/diff'
import { DateTime } from '../../components/date-time'
import { downloadFile } from '../../download'
import { ColumnHeads } from '../../components/column-heads'

const ROLES = ['all', 'configuration', 'people', 'groups'] as const
type RoleFilter = (typeof ROLES)[number]

function changeText(c: ObjectDiff['changes'][number]): string {
  if (c.op === 'added') return `added ${displayValue(c.after)}`
  if (c.op === 'removed') return `removed ${displayValue(c.before)}`
  return `${displayValue(c.before)} → ${displayValue(c.after)}`
}

/** Who made a change, when (in the app's date format) and through what; or why that is not known. */
function AttributionText({ a }: { a: Attribution }) {
  if (a.status !== 'attributed') return <>{describeAttribution(a)}</>
  return (
    <>
      <strong>{a.actor}</strong>, <DateTime iso={a.at} />
      <br />
      <span className="muted">
        {a.activity}
        {a.via ? ` · via ${a.via}` : ''}
      </span>
    </>
  )
}

export function HistoryDiff({ diff, audit }: { diff: SnapshotDiff; audit: AuditedMapping[] }) {
  const [role, setRole] = useState<RoleFilter>('all')
  const [query, setQuery] = useState('')
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase()
    const out = new Map<string, ObjectDiff[]>()
    for (const o of diff.objects) {
      if (role !== 'all' && o.role !== role) continue
      if (
        q &&
        !`${o.name} ${o.id} ${o.changes.map((c) => c.path).join(' ')}`.toLowerCase().includes(q)
      )
        continue
      const list = out.get(o.resource)
      if (list) list.push(o)
      else out.set(o.resource, [o])
    }
    return [...out.entries()]
  }, [diff, role, query])
  const meta = { collectedAt: diff.new.collectedAt, baseline: diff.old.collectedAt }
  const save = (format: 'md' | 'html' | 'csv' | 'json') =>
    downloadFile(`mapping-audit.${format}`, [renderMappingAudit(audit, meta, format)], 'text/plain')
  const c = diff.counts
  return (
    <section
      className="wb-card hist-diff"
      aria-labelledby="hist-diff-title"
      data-testid="history-diff"
    >
      <h2 id="hist-diff-title">Changes</h2>
      <p>
        Configuration: {c.configuration.changed} changed, {c.configuration.added} added,{' '}
        {c.configuration.removed} removed · People: {c.people.changed} changed, {c.people.added}{' '}
        added, {c.people.removed} removed · Groups:{' '}
        {c.groups.changed + c.groups.added + c.groups.removed}
        {diff.drift ? ' · configuration drift' : ' · no configuration drift'}
      </p>
      {diff.findings && (
        <p>
          Findings: {diff.findings.appeared.length} appeared, {diff.findings.resolved.length}{' '}
          resolved, {diff.findings.persisting.length} persisting
        </p>
      )}
      <div className="hist-filters">
        <label>
          Show{' '}
          <select value={role} onChange={(e) => setRole(e.target.value as RoleFilter)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r === 'all' ? 'every kind' : r}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
      </div>
      {groups.length === 0 && (
        <p>No changes{role !== 'all' || query ? ' match the filters' : ''}.</p>
      )}
      {groups.map(([resource, objects]) => (
        <section key={resource} className="hist-kind">
          <h3>
            {resourceLabel(resource)} ({objects.length})
          </h3>
          <table className="table hist-table">
            <ColumnHeads labels={['Object', 'Attribute', 'Change', 'Who, when, through what']} />
            <tbody>
              {objects.flatMap((o) =>
                o.changes.map((change) => (
                  <tr key={`${o.key}|${change.path}`} data-testid="history-change">
                    <td>{o.name || o.id}</td>
                    <td>
                      <code>{change.path || '(the object)'}</code>
                    </td>
                    <td className="hist-value">{changeText(change)}</td>
                    <td>
                      <AttributionText a={change.attribution} />
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </section>
      ))}
      {diff.unavailable.length > 0 && (
        <ul>
          {diff.unavailable.map((u) => (
            <li key={u.resource}>
              Not compared: {u.label} ({u.reason})
            </li>
          ))}
        </ul>
      )}
      <h2 id="hist-audit-title">Mapping audit</h2>
      <p>Every mapping that decides the seam, with its changes since the older snapshot.</p>
      <div className="hist-filters">
        {(['md', 'html', 'csv', 'json'] as const).map((f) => (
          <Button key={f} className="button" onPress={() => save(f)}>
            Save {f.toUpperCase()}
          </Button>
        ))}
      </div>
      <table
        className="table hist-table"
        aria-labelledby="hist-audit-title"
        data-testid="mapping-audit"
      >
        <ColumnHeads labels={['Kind', 'Owner', 'Target', 'Source', 'Changes']} />
        <tbody>
          {audit.map((m) => (
            <tr key={`${m.resource}|${m.key}|${m.path}`}>
              <td>{m.kind}</td>
              <td>{m.owner}</td>
              <td>
                <code>{m.target}</code>
              </td>
              <td>
                <code>{m.source}</code>
              </td>
              <td>
                {m.changes.length === 0
                  ? 'unchanged'
                  : m.changes
                      .map((ch) => `${changeText(ch)}: ${describeAttribution(ch.attribution)}`)
                      .join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
