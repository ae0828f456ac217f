/**
 * One trend over the workspace's snapshots: a line per series. The SVG is decorative for
 * assistive technology; the same numbers are in a visually hidden table.
 */
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import { formatNumber } from '../../format'

export interface TrendSeries {
  key: string
  label: string
  color: string
}

interface Props {
  title: string
  /** one row per snapshot: `at` (the label) and a value per series key, absent when unknown */
  rows: readonly ({ at: string } & Record<string, number | string | undefined>)[]
  series: readonly TrendSeries[]
  palette: { grid: string; text: string }
}

export function TrendChart({ title, rows, series, palette }: Props) {
  const id = `trend-${title.replace(/\W+/g, '-').toLowerCase()}`
  return (
    <figure className="wb-chart hist-trend" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      <div aria-hidden="true">
        <LineChart
          responsive
          style={{ width: '100%', height: 180 }}
          data={[...rows]}
          margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
        >
          <CartesianGrid stroke={palette.grid} />
          <XAxis dataKey="at" stroke={palette.text} tick={{ fill: palette.text, fontSize: 11 }} />
          <YAxis allowDecimals={false} stroke={palette.text} tick={{ fill: palette.text }} />
          <Tooltip formatter={(value) => formatNumber(Number(value))} />
          {/* null keeps the series' order (worst severity first) instead of sorting by name */}
          <Legend wrapperStyle={{ color: palette.text }} itemSorter={null} />
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
      <div className="visually-hidden">
        <table>
          <caption>{title}, per snapshot</caption>
          <thead>
            <tr>
              <th scope="col">Collected</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td>{r.at}</td>
                {series.map((s) => (
                  <td key={s.key}>{r[s.key] === undefined ? 'not known' : String(r[s.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}
