/**
 * The comparison charts of activity (numbers from src/shared/compare/charts.ts): provisioning
 * outcomes, app users by sync state, sign-in failures by cause; the expiry chart is in
 * expiry-chart.tsx. Each comes with a table of the same numbers (chart-figure.tsx).
 */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import {
  type DailySeries,
  type FailureSeries,
  type ProvisioningKey,
  type SyncStateRow,
} from '../../../shared/compare/charts'
import { formatNumber } from '../format'
import { ChartFigure, chartNumber } from './chart-figure'
import { useChartPalette } from './chart-theme'

const PROVISIONING_LABELS: Record<ProvisioningKey, string> = {
  entraSuccess: 'Entra success',
  entraFailure: 'Entra failure',
  entraSkipped: 'Entra skipped',
  oktaSuccess: 'Okta success',
  oktaFailure: 'Okta failure',
}

/** Provisioning outcomes of both sides per day. */
export function ProvisioningChart({
  series,
  labelledBy,
}: {
  series: DailySeries<ProvisioningKey>
  labelledBy: string
}) {
  const palette = useChartPalette()
  const colour: Record<ProvisioningKey, string> = {
    entraSuccess: palette.entra,
    entraFailure: palette.failure,
    entraSkipped: palette.neutral,
    oktaSuccess: palette.okta,
    oktaFailure: palette.series[5] ?? palette.failure,
  }
  return (
    <ChartFigure
      labelledBy={labelledBy}
      height={260}
      caption={`Provisioning outcomes per ${series.bucketDays === 1 ? 'day' : `${series.bucketDays} days`}`}
      chart={
        <BarChart
          responsive
          style={{ width: '100%', height: 260 }}
          data={series.points}
          margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
        >
          <CartesianGrid stroke={palette.grid} vertical={false} />
          <XAxis dataKey="day" stroke={palette.text} tick={{ fill: palette.text, fontSize: 12 }} />
          <YAxis
            allowDecimals={false}
            stroke={palette.text}
            tick={{ fill: palette.text }}
            width={36}
          />
          <Tooltip formatter={chartNumber} />
          <Legend wrapperStyle={{ color: palette.text }} />
          {series.keys.map((k) => (
            <Bar
              key={k}
              dataKey={k}
              name={PROVISIONING_LABELS[k]}
              stackId={k.startsWith('entra') ? 'entra' : 'okta'}
              fill={colour[k]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {series.keys.map((k) => (
                <th key={k} scope="col">
                  {PROVISIONING_LABELS[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.points.map((p) => (
              <tr key={p.day}>
                <th scope="row">{p.day}</th>
                {series.keys.map((k) => (
                  <td key={k}>{formatNumber(p[k])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  )
}

/** Okta app users per app by sync state. */
export function SyncStateChart({
  data,
  labelledBy,
}: {
  data: { states: string[]; rows: SyncStateRow[] }
  labelledBy: string
}) {
  const palette = useChartPalette()
  const rows = data.rows.map((r) => ({ app: r.app, ...r.states }))
  const height = Math.max(120, 34 * rows.length + 60)
  const colour = (state: string, i: number) =>
    state === 'SYNCHRONIZED'
      ? palette.success
      : state === 'ERROR'
        ? palette.failure
        : (palette.series[(i + 1) % palette.series.length] ?? palette.neutral)
  return (
    <ChartFigure
      labelledBy={labelledBy}
      height={height}
      caption="Okta app users by sync state"
      chart={
        <BarChart
          responsive
          style={{ width: '100%', height }}
          data={rows}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
        >
          <CartesianGrid stroke={palette.grid} horizontal={false} />
          <XAxis
            type="number"
            allowDecimals={false}
            stroke={palette.text}
            tick={{ fill: palette.text }}
          />
          <YAxis
            type="category"
            dataKey="app"
            width={180}
            stroke={palette.text}
            tick={{ fill: palette.text, fontSize: 12 }}
          />
          <Tooltip formatter={chartNumber} />
          <Legend wrapperStyle={{ color: palette.text }} />
          {data.states.map((s, i) => (
            <Bar
              key={s}
              dataKey={s}
              name={s}
              stackId="state"
              fill={colour(s, i)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">App</th>
              {data.states.map((s) => (
                <th key={s} scope="col">
                  {s}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.app}>
                <th scope="row">{r.app}</th>
                {data.states.map((s) => (
                  <td key={s}>{formatNumber(r.states[s] ?? 0)}</td>
                ))}
                <td>{formatNumber(r.total)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  )
}

/** Failures per day, stacked by cause (AADSTS code or Okta reason). */
export function FailuresChart({
  series,
  labelledBy,
  caption,
}: {
  series: FailureSeries
  labelledBy: string
  caption: string
}) {
  const palette = useChartPalette()
  return (
    <ChartFigure
      labelledBy={labelledBy}
      height={260}
      caption={caption}
      chart={
        <BarChart
          responsive
          style={{ width: '100%', height: 260 }}
          data={series.points}
          margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
        >
          <CartesianGrid stroke={palette.grid} vertical={false} />
          <XAxis dataKey="day" stroke={palette.text} tick={{ fill: palette.text, fontSize: 12 }} />
          <YAxis
            allowDecimals={false}
            stroke={palette.text}
            tick={{ fill: palette.text }}
            width={36}
          />
          <Tooltip formatter={chartNumber} />
          <Legend wrapperStyle={{ color: palette.text }} />
          {series.keys.map((k, i) => (
            <Bar
              key={k}
              dataKey={k}
              name={series.labels[k] ?? k}
              stackId="cause"
              fill={palette.series[i % palette.series.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {series.keys.map((k) => (
                <th key={k} scope="col">
                  {series.labels[k] ?? k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.points.map((p) => (
              <tr key={p.day}>
                <th scope="row">{p.day}</th>
                {series.keys.map((k) => (
                  <td key={k}>{formatNumber(Number(p[k] ?? 0))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  )
}
