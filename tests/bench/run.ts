/**
 * `npm run bench -- [--only NAME[,NAME]] [--runs N] [--json OUT]`: runs the
 * benchmarks in tests/bench/*.bench.ts, each several rounds with its floor
 * measured alongside, prints median/min/max and ratios, and writes JSON when
 * asked. Exits 1 when a benchmark misses one of its targets.
 */
import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import os from 'node:os'
import { formatResult, summarise, type BenchResult } from './stats'
import type { Benchmark, Figures } from './types'

const here = path.dirname(fileURLToPath(import.meta.url))

async function main() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      runs: { type: 'string' },
      json: { type: 'string' },
      list: { type: 'boolean' },
    },
  })
  const only = new Set((values.only ?? []).flatMap((v) => v.split(',')).filter(Boolean))
  const runsOverride = values.runs ? Number(values.runs) : undefined
  if (runsOverride !== undefined && !(Number.isInteger(runsOverride) && runsOverride > 0)) {
    throw new Error('--runs takes a whole number above 0.')
  }

  const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts')).sort()
  const benchmarks: Benchmark[] = []
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as {
      benchmark?: Benchmark
    }
    if (!mod.benchmark) throw new Error(`${file} does not export \`benchmark\`.`)
    benchmarks.push(mod.benchmark)
  }
  if (values.list) {
    for (const b of benchmarks) console.log(`${b.name.padEnd(24)} ${b.description}`)
    return 0
  }
  const unknown = [...only].filter((name) => !benchmarks.some((b) => b.name === name))
  if (unknown.length) throw new Error(`No benchmark named ${unknown.join(', ')}. Try --list.`)
  const selected = benchmarks.filter((b) => only.size === 0 || only.has(b.name))

  console.log(
    `machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  )
  const results: BenchResult[] = []
  for (const benchmark of selected) {
    results.push(await runOne(benchmark, runsOverride))
    console.log(`${formatResult(results.at(-1)!)}\n`)
  }
  if (values.json) {
    await writeFile(
      values.json,
      `${JSON.stringify({ machine: machineInfo(), results }, null, 2)}\n`,
    )
    console.log(`wrote ${values.json}`)
  }
  return results.some((r) => r.targets.some((t) => !t.met)) ? 1 : 0
}

async function runOne(benchmark: Benchmark, runsOverride?: number): Promise<BenchResult> {
  const runs = runsOverride ?? benchmark.runs ?? 5
  await benchmark.setup?.()
  try {
    const rounds: { floor: Figures; measure: Figures }[] = []
    for (let i = 0; i < runs; i++) {
      const floor = await benchmark.floor()
      const measure = await benchmark.measure()
      rounds.push({ floor, measure })
    }
    return summarise(benchmark, rounds)
  } finally {
    await benchmark.teardown?.()
  }
}

function machineInfo() {
  return {
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: process.platform,
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 2
  },
)
