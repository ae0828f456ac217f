/**
 * Stacked bars with their table (chart-figure.tsx): one bar per row, each series a segment.
 * Rows along the bottom (`columns`: days) or down the side (`rows`: apps, categories, whose
 * names are long). The open-findings chart and the comparison charts of activity draw with it.
 */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import { formatNumber } from '../format'
import { ChartFigure, chartNumber } from './chart-figure'
import { useChartPalette } from './chart-theme'

/** One series: the rows' field it reads, its name, colour and the stack it joins. */
export interface StackSeries {
  key: string
  label: string
  colour: string
  stack: string
}

/** Height of the columns layout, px. */
const COLUMNS_HEIGHT = 260
/** Height of one bar of the rows layout, px (plus room for the axis and legend). */
const ROW_HEIGHT = 36

export function StackedBarChart<Row extends object>({
  labelledBy,
  caption,
  rows,
  category,
  categoryLabel,
  categoryWidth = 140,
  series,
  layout,
  total,
  tooltipOrder,
}: {
  /** id of the heading that names the chart */
  labelledBy: string
  caption: string
  rows: readonly Row[]
  /** the rows' field that names each bar, and its column heading in the table */
  category: string
  categoryLabel: string
  /** width of the names down the side in the rows layout, px */
  categoryWidth?: number
  /** in the order they stack and the legend lists them */
  series: readonly StackSeries[]
  layout: 'columns' | 'rows'
  /** the rows' field holding each row's total, for a Total column in the table */
  total?: string
  /** orders a tooltip's entries (recharts sorts them by name otherwise) */
  tooltipOrder?: (item: { dataKey?: unknown }) => number
}) {
  const palette = useChartPalette()
  const across = layout === 'rows'
  const height = across ? Math.max(120, ROW_HEIGHT * rows.length + 60) : COLUMNS_HEIGHT
  const field = (row: Row, key: string) => (row as Record<string, unknown>)[key]
  const value = (row: Row, key: string) => formatNumber(Number(field(row, key) ?? 0))
  return (
    <ChartFigure
      labelledBy={labelledBy}
      height={height}
      caption={caption}
      chart={
        <BarChart
          responsive
          style={{ width: '100%', height }}
          data={[...rows]}
          layout={across ? 'vertical' : 'horizontal'}
          margin={
            across
              ? { top: 4, right: 16, bottom: 4, left: 8 }
              : { top: 8, right: 16, bottom: 4, left: 0 }
          }
        >
          <CartesianGrid stroke={palette.grid} vertical={across} horizontal={!across} />
          {across ? (
            <>
              <XAxis
                type="number"
                allowDecimals={false}
                stroke={palette.text}
                tick={{ fill: palette.text }}
              />
              <YAxis
                type="category"
                dataKey={category}
                width={categoryWidth}
                stroke={palette.text}
                tick={{ fill: palette.text, fontSize: 12 }}
              />
            </>
          ) : (
            <>
              <XAxis
                dataKey={category}
                stroke={palette.text}
                tick={{ fill: palette.text, fontSize: 12 }}
              />
              <YAxis
                allowDecimals={false}
                stroke={palette.text}
                tick={{ fill: palette.text }}
                width={36}
              />
            </>
          )}
          <Tooltip
            formatter={chartNumber}
            {...(tooltipOrder ? { itemSorter: tooltipOrder } : {})}
          />
          {/* null keeps the series' order instead of sorting them by name */}
          <Legend wrapperStyle={{ color: palette.text }} itemSorter={null} />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId={s.stack}
              fill={s.colour}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{categoryLabel}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
              {total && <th scope="col">Total</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <th scope="row">{String(field(row, category) ?? '')}</th>
                {series.map((s) => (
                  <td key={s.key}>{value(row, s.key)}</td>
                ))}
                {total && <td>{value(row, total)}</td>}
              </tr>
            ))}
          </tbody>
        </>
      }
    />
  )
}
