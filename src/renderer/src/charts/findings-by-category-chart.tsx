import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import { SEVERITIES, type Severity } from '../../../shared/model/finding'
import { SEVERITY_LABELS, type CategoryRow } from '../../../shared/overview/summary'
import { formatNumber } from '../format'
import { ChartFigure, chartNumber } from './chart-figure'
import { useChartPalette } from './chart-theme'

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
  const height = Math.max(120, 36 * rows.length + 60)
  return (
    <ChartFigure
      labelledBy={labelledBy}
      caption="Open findings by category and severity"
      chart={
        <BarChart
          responsive
          style={{ width: '100%', height }}
          data={[...rows]}
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
            dataKey="label"
            width={140}
            stroke={palette.text}
            tick={{ fill: palette.text, fontSize: 12 }}
          />
          <Tooltip itemSorter={bySeverity} formatter={chartNumber} />
          {/* null keeps the bars' order (worst first) instead of sorting by name */}
          <Legend wrapperStyle={{ color: palette.text }} itemSorter={null} />
          {SEVERITIES.map((severity) => (
            <Bar
              key={severity}
              dataKey={severity}
              name={SEVERITY_LABELS[severity]}
              stackId="severity"
              fill={palette.severity[severity]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Category</th>
              {SEVERITIES.map((s) => (
                <th key={s} scope="col">
                  {SEVERITY_LABELS[s]}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.category}>
                <th scope="row">{row.label}</th>
                {SEVERITIES.map((s) => (
                  <td key={s}>{formatNumber(row[s])}</td>
                ))}
                <td>{formatNumber(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  )
}
