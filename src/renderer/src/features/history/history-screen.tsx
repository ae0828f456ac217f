/**
 * History: the workspace's snapshots on a timeline with trend charts (findings by severity,
 * people per side, how long before each collection the tenants last synchronised; tables of
 * the same numbers for screen readers), any two chosen to diff, pins, findings since when,
 * and the retention policy, which never removes a snapshot without the consultant's word.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { Button } from 'react-aria-components'
import { SEVERITIES } from '../../../../shared/model/finding'
import { SEVERITY_LABELS } from '../../../../shared/overview/summary'
import { DEFAULT_RETENTION, type RetentionPolicy } from '../../../../shared/history'
import { useChartPalette } from '../../charts/chart-theme'
import { DateTime } from '../../components/date-time'
import { firstSeen, listHistory, setPinned, type SnapshotRow } from '../../db'
import { useWorkbench } from '../workbench/workbench-context'
import { HistoryDiff } from './history-diff'
import { HistoryRetention } from './history-retention'
import { TrendChart } from './trend-chart'
import { useHistoryDiff } from './use-history-diff'
import './history.css'
import { ColumnHeads } from '../../components/column-heads'

const label = (iso: string): string => iso.slice(0, 16).replace('T', ' ')

function trendRows(rows: readonly SnapshotRow[]) {
  return rows.map((r) => {
    const t = r.diagnosis?.trend
    return {
      at: label(r.collectedAt),
      ...Object.fromEntries(SEVERITIES.map((s) => [s, t ? (t.bySeverity[s] ?? 0) : undefined])),
      entraUsers: t?.people.entra ?? r.counts['entra.users'],
      oktaUsers: t?.people.okta ?? r.counts['okta.users'],
      entraConnect: t?.syncLagMinutes.entraConnect,
      provisioning: t?.syncLagMinutes.provisioning,
    }
  })
}

export function HistoryScreen() {
  const { workspaceId, services, load } = useWorkbench()
  const palette = useChartPalette()
  const [rows, setRows] = useState<SnapshotRow[] | undefined>()
  const [older, setOlder] = useState<string>()
  const [newer, setNewer] = useState<string>()
  const [policy, setPolicy] = useState<RetentionPolicy>(DEFAULT_RETENTION)
  const [since, setSince] = useState<Map<string, string>>(new Map())
  const { state, run } = useHistoryDiff(services)
  const currentId = load.status === 'ready' ? load.snapshot?.id : undefined

  const read = useCallback(async () => {
    const db = await services.openDb()
    const list = await listHistory(db, workspaceId)
    const ws = await db.workspaces.get(workspaceId)
    return { list, retention: ws?.retention, since: await firstSeen(db, list) }
  }, [services, workspaceId])
  const show = useCallback((r: Awaited<ReturnType<typeof read>>) => {
    if (r.retention) setPolicy(r.retention)
    setRows(r.list)
    setOlder((o) => (o && r.list.some((x) => x.id === o) ? o : r.list.at(-2)?.id))
    setNewer((n) => (n && r.list.some((x) => x.id === n) ? n : r.list.at(-1)?.id))
    setSince(r.since)
  }, [])
  const refresh = useCallback(async () => show(await read()), [read, show])
  useEffect(() => {
    let live = true
    read().then(
      (r) => live && show(r),
      () => live && setRows([]),
    )
    return () => {
      live = false
    }
  }, [read, show])
  const trend = useMemo(() => trendRows(rows ?? []), [rows])

  if (!rows) return <p aria-busy="true">Reading the history…</p>
  const byId = new Map(rows.map((r) => [r.id, r]))
  const compare = () => {
    const [a, b] = [byId.get(older ?? ''), byId.get(newer ?? '')]
    if (a && b) void (a.collectedAt <= b.collectedAt ? run(a.id, b.id) : run(b.id, a.id))
  }
  const togglePin = async (row: SnapshotRow) => {
    await setPinned(await services.openDb(), row.id, !row.pinned)
    await refresh()
  }
  const findings = load.status === 'ready' ? load.findings : []
  return (
    <div className="wb-screen hist" data-testid="history-screen" data-snapshots={rows.length}>
      <h1>History</h1>
      {rows.length < 2 && (
        <p>Collect or import a second snapshot of this tenant pair to compare two.</p>
      )}
      <section aria-labelledby="hist-trend-title" className="wb-card">
        <h2 id="hist-trend-title">Trends</h2>
        <div className="hist-trends">
          <TrendChart
            title="Findings by severity"
            rows={trend}
            palette={palette}
            series={SEVERITIES.map((s) => ({
              key: s,
              label: SEVERITY_LABELS[s],
              color: palette.severity[s],
            }))}
          />
          <TrendChart
            title="People"
            rows={trend}
            palette={palette}
            series={[
              { key: 'entraUsers', label: 'Entra users', color: palette.severity.low },
              { key: 'oktaUsers', label: 'Okta users', color: palette.severity.high },
            ]}
          />
          <TrendChart
            title="Minutes since the last sync, at collection"
            rows={trend}
            palette={palette}
            series={[
              { key: 'entraConnect', label: 'Entra Connect', color: palette.severity.medium },
              { key: 'provisioning', label: 'Provisioning jobs', color: palette.severity.info },
            ]}
          />
        </div>
      </section>
      <section aria-labelledby="hist-timeline-title" className="wb-card">
        <h2 id="hist-timeline-title">Timeline</h2>
        <table
          className="table hist-table"
          aria-labelledby="hist-timeline-title"
          data-testid="history-timeline"
        >
          <ColumnHeads labels={['Collected', 'Findings', 'Older', 'Newer', 'Pin']} />
          <tbody>
            {[...rows].reverse().map((r) => (
              <tr key={r.id} data-testid="history-snapshot">
                <td>
                  <DateTime iso={r.collectedAt} />
                  {r.id === currentId ? ' (current)' : ''}
                  {r.status === 'partial' ? ' (partial)' : ''}
                </td>
                <td>{r.diagnosis?.findings ?? 'not diagnosed'}</td>
                <td>
                  <input
                    type="radio"
                    name="hist-older"
                    aria-label={`Older: ${label(r.collectedAt)}`}
                    checked={older === r.id}
                    onChange={() => setOlder(r.id)}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="hist-newer"
                    aria-label={`Newer: ${label(r.collectedAt)}`}
                    checked={newer === r.id}
                    onChange={() => setNewer(r.id)}
                  />
                </td>
                <td>
                  <Button
                    className="button"
                    aria-pressed={!!r.pinned}
                    aria-label={`${r.pinned ? 'Unpin' : 'Pin'} ${label(r.collectedAt)}`}
                    onPress={() => void togglePin(r)}
                  >
                    {r.pinned ? 'Pinned' : 'Pin'}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Button
          className="button button--primary"
          isDisabled={!older || !newer || older === newer || state.status === 'running'}
          onPress={compare}
        >
          {state.status === 'running' ? 'Comparing…' : 'Compare'}
        </Button>
      </section>
      {state.status === 'failed' && (
        <p role="alert" className="wb-notice">
          The snapshots cannot be compared: {state.message}
        </p>
      )}
      {state.status === 'ready' && <HistoryDiff diff={state.diff} audit={state.audit} />}
      <section aria-labelledby="hist-since-title" className="wb-card">
        <h2 id="hist-since-title">Findings since when</h2>
        {findings.length === 0 ? (
          <p>No findings in the current snapshot.</p>
        ) : (
          <ul data-testid="history-since">
            {findings.map((f) => (
              <li key={f.id}>
                {f.title}: since{' '}
                {since.get(f.id) ? <DateTime iso={since.get(f.id) ?? ''} /> : 'this snapshot'}
              </li>
            ))}
          </ul>
        )}
      </section>
      <HistoryRetention
        workspaceId={workspaceId}
        services={services}
        rows={rows}
        {...(currentId ? { currentId } : {})}
        policy={policy}
        onPolicy={setPolicy}
        onRemoved={refresh}
      />
    </div>
  )
}
