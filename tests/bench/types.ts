/**
 * A benchmark is a file `tests/bench/<name>.bench.ts` exporting `benchmark`.
 * The harness (`npm run bench`) calls `setup` once, then for each of `runs`
 * rounds measures `floor` and `measure` back to back, and prints the median,
 * minimum and maximum of every figure and of each figure's ratio to the floor.
 * The floor is the cheapest honest baseline for the same work on the same
 * machine in the same run (a raw loopback round trip, a JSON.parse of the same
 * bytes, a pre-computed bound from pages × latency), so figures stay
 * comparable on shared, noisy machines.
 */
export interface Figures {
  /** the headline figure in milliseconds */
  ms: number
  /** further named figures (e.g. peak RSS in MiB, records per second) */
  extra?: Record<string, number>
}

export interface Target {
  /** what is compared: 'ms', 'ratio' (ms / floor ms) or a key of `extra` */
  figure: string
  /** the figure must stay at or below this value (median) */
  max: number
  /** plain words, e.g. "one 999-user Graph page under 20 ms" */
  label: string
}

export interface Benchmark {
  name: string
  description: string
  /** rounds to run; default 5 */
  runs?: number
  setup?: () => Promise<void>
  floor: () => Promise<Figures>
  measure: () => Promise<Figures>
  teardown?: () => Promise<void>
  targets?: Target[]
}
