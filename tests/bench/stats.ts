import type { Benchmark, Figures, Target } from './types'

export interface Spread {
  median: number
  min: number
  max: number
}

export interface BenchResult {
  name: string
  description: string
  runs: number
  figures: Record<string, Spread>
  targets: (Target & { value: number; met: boolean })[]
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { median, min: sorted[0]!, max: sorted.at(-1)! }
}

/**
 * Folds the per-round floor and measure figures into named spreads: `ms`,
 * `floor.ms`, `ratio` (measure ÷ floor, pair by pair, so a drifting machine
 * speed cancels out), and every extra figure of either side.
 */
export function summarise(
  benchmark: Pick<Benchmark, 'name' | 'description' | 'targets'>,
  rounds: readonly { floor: Figures; measure: Figures }[],
): BenchResult {
  const series = new Map<string, number[]>()
  const push = (key: string, value: number) => {
    const list = series.get(key) ?? []
    list.push(value)
    series.set(key, list)
  }
  for (const { floor, measure } of rounds) {
    push('ms', measure.ms)
    push('floor.ms', floor.ms)
    push('ratio', floor.ms > 0 ? measure.ms / floor.ms : Number.POSITIVE_INFINITY)
    for (const [key, value] of Object.entries(measure.extra ?? {})) push(key, value)
    for (const [key, value] of Object.entries(floor.extra ?? {})) push(`floor.${key}`, value)
  }
  const figures = Object.fromEntries([...series].map(([key, values]) => [key, spread(values)]))
  const targets = (benchmark.targets ?? []).map((target) => {
    const value = figures[target.figure]?.median ?? Number.NaN
    return { ...target, value, met: Number.isFinite(value) && value <= target.max }
  })
  return {
    name: benchmark.name,
    description: benchmark.description,
    runs: rounds.length,
    figures,
    targets,
  }
}

export function formatResult(result: BenchResult): string {
  const rows = Object.entries(result.figures).map(
    ([key, s]) =>
      `  ${key.padEnd(28)} median ${fmt(s.median).padStart(10)}  min ${fmt(s.min).padStart(10)}  max ${fmt(s.max).padStart(10)}`,
  )
  const targets = result.targets.map(
    (t) =>
      `  ${t.met ? 'MET ' : 'MISS'} ${t.label}: ${t.figure} median ${fmt(t.value)} ≤ ${fmt(t.max)}`,
  )
  return [`${result.name} — ${result.description} (${result.runs} runs)`, ...rows, ...targets].join(
    '\n',
  )
}

function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2)
}
