/**
 * The comparison charts of activity (numbers from src/shared/compare/charts.ts): provisioning
 * outcomes, app users by sync state, sign-in failures by cause; the expiry chart is in
 * expiry-chart.tsx. Each comes with a table of the same numbers (chart-figure.tsx).
 */
import type {
  DailySeries,
  FailureSeries,
  ProvisioningKey,
  SyncStateRow,
} from '../../../shared/compare/charts'
import { useChartPalette } from './chart-theme'
import { StackedBarChart } from './stacked-bar-chart'

const PROVISIONING_LABELS: Record<ProvisioningKey, string> = {
  entraSuccess: 'Entra success',
  entraFailure: 'Entra failure',
  entraSkipped: 'Entra skipped',
  oktaSuccess: 'Okta success',
  oktaFailure: 'Okta failure',
}

/** Provisioning outcomes of both sides per day, a stack per side. */
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
    <StackedBarChart
      labelledBy={labelledBy}
      caption={`Provisioning outcomes per ${series.bucketDays === 1 ? 'day' : `${series.bucketDays} days`}`}
      rows={series.points}
      category="day"
      categoryLabel="Day"
      layout="columns"
      series={series.keys.map((k) => ({
        key: k,
        label: PROVISIONING_LABELS[k],
        colour: colour[k],
        stack: k.startsWith('entra') ? 'entra' : 'okta',
      }))}
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
  const colour = (state: string, i: number) =>
    state === 'SYNCHRONIZED'
      ? palette.success
      : state === 'ERROR'
        ? palette.failure
        : (palette.series[(i + 1) % palette.series.length] ?? palette.neutral)
  return (
    <StackedBarChart
      labelledBy={labelledBy}
      caption="Okta app users by sync state"
      rows={data.rows.map((r) => ({ app: r.app, ...r.states, total: r.total }))}
      category="app"
      categoryLabel="App"
      categoryWidth={180}
      layout="rows"
      total="total"
      series={data.states.map((s, i) => ({
        key: s,
        label: s,
        colour: colour(s, i),
        stack: 'state',
      }))}
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
    <StackedBarChart
      labelledBy={labelledBy}
      caption={caption}
      rows={series.points}
      category="day"
      categoryLabel="Day"
      layout="columns"
      series={series.keys.map((k, i) => ({
        key: k,
        label: series.labels[k] ?? k,
        colour: palette.series[i % palette.series.length] ?? palette.neutral,
        stack: 'cause',
      }))}
    />
  )
}
