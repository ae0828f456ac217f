import { SEVERITIES, type Severity } from '../../../shared/model/finding'
import { SEVERITY_LABELS, type CategoryRow } from '../../../shared/overview/summary'
import { useChartPalette } from './chart-theme'
import { StackedBarChart } from './stacked-bar-chart'

interface Props {
  rows: readonly CategoryRow[]
  /** id of the heading that names the chart */
  labelledBy: string
}

/**
 * Orders a tooltip's entries as every severity list does, worst first (recharts sorts them by
 * name otherwise: Critical, High, Info, Low, Medium).
 */
export function bySeverity(item: { dataKey?: unknown }): number {
  return SEVERITIES.indexOf(item.dataKey as Severity)
}

/** Open findings per category, stacked by severity, with its table (chart-figure.tsx). */
export function FindingsByCategoryChart({ rows, labelledBy }: Props) {
  const palette = useChartPalette()
  return (
    <StackedBarChart
      labelledBy={labelledBy}
      caption="Open findings by category and severity"
      rows={rows}
      category="label"
      categoryLabel="Category"
      layout="rows"
      total="total"
      tooltipOrder={bySeverity}
      series={SEVERITIES.map((severity) => ({
        key: severity,
        label: SEVERITY_LABELS[severity],
        colour: palette.severity[severity],
        stack: 'severity',
      }))}
    />
  )
}
