/**
 * A chart with the same numbers in a visually hidden table: the SVG is decorative for
 * assistive technology, the table is what a screen reader reads.
 */
import type { ReactNode } from 'react'
import { formatNumber } from '../format'

/** A tooltip's value as the tables write numbers. */
export const chartNumber = (value: unknown): string => formatNumber(Number(value))

/** A chart (`height` px tall, when it does not size itself) and its table of the same numbers. */
export function ChartFigure({
  labelledBy,
  height,
  chart,
  caption,
  table,
}: {
  /** id of the heading that names the chart */
  labelledBy: string
  height?: number
  chart: ReactNode
  caption: string
  /** the table's head and body */
  table: ReactNode
}) {
  return (
    <figure className="wb-chart" aria-labelledby={labelledBy} style={{ margin: 0 }}>
      <div aria-hidden="true" style={height === undefined ? undefined : { height }}>
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
