/**
 * The comparison charts (numbers from src/shared/compare/charts.ts). Each SVG is
 * decorative for assistive technology; the same numbers are in a visually hidden table
 * beside it.
 */
import type { ReactNode } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import {
  EXPIRY_MARKS,
  type DailySeries,
  type ExpirySeries,
  type FailureSeries,
  type ProvisioningKey,
  type SyncStateRow,
} from '../../../shared/compare/charts'
import { formatNumber } from '../format'
import { useChartPalette } from './chart-theme'

const number = (value: unknown) => formatNumber(Number(value))

/** A chart and its table of the same numbers. */
function Figure({
  labelledBy,
  height,
  chart,
  caption,
  table,
}: {
  labelledBy: string
  height: number
  chart: ReactNode
  caption: string
  table: ReactNode
}) {
  return (
    <figure className="wb-chart" aria-labelledby={labelledBy} style={{ margin: 0 }}>
      <div aria-hidden="true" style={{ height }}>
        {chart}
      </div>
      <div className="visually-hidden">
        <table>
          <caption>{caption}</caption>
          {table}
        </table>
      </div>
    </figure>
  )
}

/** Days after today shown on the expiry chart's axis; later ones are listed in its table. */
const EXPIRY_HORIZON = 365

/** Credentials of both sides by expiry day, with today and the 30/60/90-day lines. */
export function ExpiryChart({ series, labelledBy }: { series: ExpirySeries; labelledBy: string }) {
  const palette = useChartPalette()
  const shown = series.points.filter((p) => p.days <= EXPIRY_HORIZON)
  const min = Math.min(-30, ...shown.map((p) => p.days))
  return (
    <Figure
      labelledBy={labelledBy}
      height={280}
      caption={`Credential expiry of both sides, days from ${series.now}`}
      chart={
        <BarChart
          responsive
          style={{ width: '100%', height: 280 }}
          data={shown}
          margin={{ top: 16, right: 16, bottom: 4, left: 0 }}
        >
          <CartesianGrid stroke={palette.grid} vertical={false} />
          <XAxis
            type="number"
            dataKey="days"
            domain={[min - 5, EXPIRY_HORIZON]}
            ticks={[...(min < -30 ? [min] : []), -30, 0, 30, 60, 90, 180, 270, EXPIRY_HORIZON]}
            stroke={palette.text}
            tick={{ fill: palette.text, fontSize: 12 }}
            tickFormatter={(d: number) => (d === 0 ? 'today' : `${d > 0 ? '+' : ''}${d} d`)}
          />
          <YAxis
            allowDecimals={false}
            stroke={palette.text}
            tick={{ fill: palette.text }}
            width={36}
          />
          <Tooltip
            formatter={number}
            labelFormatter={(d) =>
              `${Number(d) < 0 ? 'expired' : 'expires in'} ${Math.abs(Number(d))} days`
            }
          />
          <Legend wrapperStyle={{ color: palette.text }} />
          <ReferenceLine
            x={0}
            stroke={palette.failure}
            label={{ value: 'today', fill: palette.text, position: 'top' }}
          />
          {EXPIRY_MARKS.map((d) => (
            <ReferenceLine
              key={d}
              x={d}
              stroke={palette.mark}
              strokeDasharray="4 3"
              label={{ value: `${d} d`, fill: palette.text, position: 'top' }}
            />
          ))}
          <Bar
            dataKey="entra"
            name="Entra"
            stackId="side"
            fill={palette.entra}
            barSize={6}
            isAnimationActive={false}
          />
          <Bar
            dataKey="okta"
            name="Okta"
            stackId="side"
            fill={palette.okta}
            barSize={6}
            isAnimationActive={false}
          />
        </BarChart>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Side</th>
              <th scope="col">Credential</th>
              <th scope="col">Belongs to</th>
              <th scope="col">Expires</th>
              <th scope="col">Days from now</th>
            </tr>
          </thead>
          <tbody>
            {series.credentials.map((c, i) => (
              <tr key={i}>
                <td>{c.side === 'entra' ? 'Entra' : 'Okta'}</td>
                <td>
                  {c.kind} {c.name}
                </td>
                <td>{c.owner}</td>
                <td>{c.expires}</td>
                <td>{formatNumber(c.days)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  )
}

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
    <Figure
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
          <Tooltip formatter={number} />
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
    <Figure
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
          <Tooltip formatter={number} />
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
    <Figure
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
          <Tooltip formatter={number} />
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
