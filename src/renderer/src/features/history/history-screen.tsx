/**
 * History: the workspace's snapshots on a timeline with trend charts (findings, people per
 * side; a table of the same numbers for screen readers), any two chosen to diff, pins, and
 * the retention policy, whose clean-up lists what it would remove and waits for the
 * consultant's confirmation. Findings of the current snapshot say since when they exist.
 */
import { useCallback, useEffect, useState } from 'react'
import { Button } from 'react-aria-components'
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import { DEFAULT_RETENTION, planRetention, type RetentionPolicy } from '../../../../shared/history'
import { useChartPalette } from '../../charts/chart-theme'
import { DateTime } from '../../components/date-time'
import {
  deleteSnapshot,
  firstSeen,
  listHistory,
  setPinned,
  setRetention,
  type SnapshotRow,
} from '../../db'
import { useWorkbench } from '../workbench/workbench-context'
import { HistoryDiff } from './history-diff'
import { useHistoryDiff } from './use-history-diff'
import './history.css'

interface Trend {
  at: string
  findings: number
  entraUsers: number
  oktaUsers: number
}

const trendOf = (r: SnapshotRow): Trend => ({
  at: r.collectedAt.slice(0, 16).replace('T', ' '),
  findings: r.diagnosis?.findings ?? 0,
  entraUsers: r.counts['entra.users'] ?? 0,
  oktaUsers: r.counts['okta.users'] ?? 0,
})

export function HistoryScreen() {
  const { workspaceId, services, load } = useWorkbench()
  const palette = useChartPalette()
  const [rows, setRows] = useState<SnapshotRow[] | undefined>()
  const [older, setOlder] = useState<string>()
  const [newer, setNewer] = useState<string>()
  const [policy, setPolicy] = useState<RetentionPolicy>(DEFAULT_RETENTION)
  const [proposed, setProposed] = useState<string[] | undefined>()
  const [since, setSince] = useState<Map<string, string>>(new Map())
  const { state, run } = useHistoryDiff(services.openDb)
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
    setOlder((o) => o ?? r.list.at(-2)?.id)
    setNewer((n) => n ?? r.list.at(-1)?.id)
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

  const togglePin = async (row: SnapshotRow) => {
    await setPinned(await services.openDb(), row.id, !row.pinned)
    await refresh()
  }
  const review = async () => {
    await setRetention(await services.openDb(), workspaceId, policy)
    const plan = planRetention(
      (rows ?? []).map((r) => ({
        id: r.id,
        collectedAt: r.collectedAt,
        pinned: !!r.pinned,
        current: r.id === currentId,
      })),
      policy,
    )
    setProposed(plan.remove)
  }
  const confirmRemoval = async () => {
    const db = await services.openDb()
    for (const id of proposed ?? []) await deleteSnapshot(db, id)
    setProposed(undefined)
    await refresh()
  }

  if (!rows) return <p aria-busy="true">Reading the history…</p>
  const trend = rows.map(trendOf)
  const byId = new Map(rows.map((r) => [r.id, r]))
  const currentFindings = load.status === 'ready' ? load.findings : []
  return (
    <div className="wb-screen hist" data-testid="history-screen">
      <h1>History</h1>
      {rows.length < 2 && (
        <p>Collect or import a second snapshot to compare: the history needs two.</p>
      )}
      <section aria-labelledby="hist-trend-title" className="card">
        <h2 id="hist-trend-title">Trends</h2>
        <figure className="wb-chart" aria-labelledby="hist-trend-title" style={{ margin: 0 }}>
          <div aria-hidden="true">
            <LineChart
              responsive
              style={{ width: '100%', height: 220 }}
              data={trend}
              margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
            >
              <CartesianGrid stroke={palette.grid} />
              <XAxis
                dataKey="at"
                stroke={palette.text}
                tick={{ fill: palette.text, fontSize: 11 }}
              />
              <YAxis allowDecimals={false} stroke={palette.text} tick={{ fill: palette.text }} />
              <Tooltip />
              <Legend wrapperStyle={{ color: palette.text }} />
              <Line
                dataKey="findings"
                name="Findings"
                stroke={palette.severity.high}
                isAnimationActive={false}
              />
              <Line
                dataKey="entraUsers"
                name="Entra users"
                stroke={palette.severity.low}
                isAnimationActive={false}
              />
              <Line
                dataKey="oktaUsers"
                name="Okta users"
                stroke={palette.severity.info}
                isAnimationActive={false}
              />
            </LineChart>
          </div>
          <div className="visually-hidden">
            <table>
              <caption>Findings and people per snapshot</caption>
              <thead>
                <tr>
                  <th scope="col">Collected</th>
                  <th scope="col">Findings</th>
                  <th scope="col">Entra users</th>
                  <th scope="col">Okta users</th>
                </tr>
              </thead>
              <tbody>
                {trend.map((t, i) => (
                  <tr key={rows[i]?.id}>
                    <td>{t.at}</td>
                    <td>{t.findings}</td>
                    <td>{t.entraUsers}</td>
                    <td>{t.oktaUsers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </figure>
      </section>
      <section aria-labelledby="hist-timeline-title" className="card">
        <h2 id="hist-timeline-title">Timeline</h2>
        <table className="table hist-table" data-testid="history-timeline">
          <thead>
            <tr>
              <th scope="col">Collected</th>
              <th scope="col">Findings</th>
              <th scope="col">Older</th>
              <th scope="col">Newer</th>
              <th scope="col">Pin</th>
            </tr>
          </thead>
          <tbody>
            {[...rows].reverse().map((r) => (
              <tr key={r.id} data-testid="history-snapshot">
                <td>
                  <DateTime iso={r.collectedAt} />
                  {r.id === currentId ? ' (current)' : ''}
                  {r.status === 'partial' ? ' (partial)' : ''}
                </td>
                <td>{r.diagnosis?.findings ?? '—'}</td>
                <td>
                  <input
                    type="radio"
                    name="hist-older"
                    aria-label={`Older: ${r.collectedAt}`}
                    checked={older === r.id}
                    onChange={() => setOlder(r.id)}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="hist-newer"
                    aria-label={`Newer: ${r.collectedAt}`}
                    checked={newer === r.id}
                    onChange={() => setNewer(r.id)}
                  />
                </td>
                <td>
                  <Button
                    className="button"
                    aria-pressed={!!r.pinned}
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
          onPress={() => {
            const [a, b] = [byId.get(older ?? ''), byId.get(newer ?? '')]
            if (a && b) void (a.collectedAt <= b.collectedAt ? run(a.id, b.id) : run(b.id, a.id))
          }}
        >
          {state.status === 'running' ? 'Comparing…' : 'Compare'}
        </Button>
      </section>
      {state.status === 'failed' && (
        <p role="alert">The snapshots cannot be compared: {state.message}</p>
      )}
      {state.status === 'ready' && <HistoryDiff diff={state.diff} audit={state.audit} />}
      <section aria-labelledby="hist-since-title" className="card">
        <h2 id="hist-since-title">Findings since when</h2>
        <ul data-testid="history-since">
          {currentFindings.slice(0, 50).map((f) => (
            <li key={f.id}>
              {f.title}: since{' '}
              {since.get(f.id) ? <DateTime iso={since.get(f.id) ?? ''} /> : 'this snapshot'}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="hist-retention-title" className="card">
        <h2 id="hist-retention-title">Retention</h2>
        <p>
          Keep the newest snapshots and one a month; pinned snapshots and the current one are always
          kept. Nothing is removed until you confirm.
        </p>
        <div className="hist-filters">
          <label>
            Keep the last{' '}
            <input
              type="number"
              min={1}
              value={policy.keepLast}
              onChange={(e) =>
                setPolicy({ ...policy, keepLast: Math.max(1, Number(e.target.value) || 1) })
              }
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={policy.monthly}
              onChange={(e) => setPolicy({ ...policy, monthly: e.target.checked })}
            />{' '}
            and one per month
          </label>
          <Button className="button" onPress={() => void review()}>
            Review clean-up
          </Button>
        </div>
        {proposed && proposed.length === 0 && <p>The policy keeps every snapshot.</p>}
        {proposed && proposed.length > 0 && (
          <div role="alert">
            <p>These {proposed.length} snapshots would be removed from this computer:</p>
            <ul>
              {proposed.map((id) => (
                <li key={id}>
                  <DateTime iso={byId.get(id)?.collectedAt ?? ''} />
                </li>
              ))}
            </ul>
            <Button className="button button--danger" onPress={() => void confirmRemoval()}>
              Remove {proposed.length} snapshots
            </Button>{' '}
            <Button className="button" onPress={() => setProposed(undefined)}>
              Keep them
            </Button>
          </div>
        )}
      </section>
    </div>
  )
}
