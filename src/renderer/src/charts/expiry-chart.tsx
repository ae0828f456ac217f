/**
 * Credential expiry of both sides (numbers from src/shared/compare/charts.ts), with today and
 * the 30/60/90-day lines, and its table (chart-figure.tsx).
 */
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
import { EXPIRY_MARKS, type ExpirySeries } from '../../../shared/compare/charts'
import { formatNumber } from '../format'
import { ChartFigure, chartNumber } from './chart-figure'
import { useChartPalette } from './chart-theme'
import { ColumnHeads } from '../components/column-heads'

/** Days after today shown on the expiry chart's axis; later ones are listed in its table. */
const EXPIRY_HORIZON = 365

/** Credentials of both sides by expiry day, with today and the 30/60/90-day lines. */
export function ExpiryChart({ series, labelledBy }: { series: ExpirySeries; labelledBy: string }) {
  const palette = useChartPalette()
  const shown = series.points.filter((p) => p.days <= EXPIRY_HORIZON)
  const min = Math.min(-30, ...shown.map((p) => p.days))
  return (
    <ChartFigure
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
            formatter={chartNumber}
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
          <ColumnHeads labels={['Side', 'Credential', 'Belongs to', 'Expires', 'Days from now']} />
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
