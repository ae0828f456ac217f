// Electronegativity over the app's sources, failing on any HIGH or MEDIUM finding.
//
// The scanner's CLI always exits 0, its CSV writer races its own header, and its SARIF has no
// severities, so this runs the scanner's runner (the function its CLI calls) and reads the
// findings it returns: id, severity, confidence, file, line. A file the scanner cannot parse
// is a file it did not check, so that fails too. A finding can be accepted only in
// accepted.json, with the reason; an accepted finding that no longer occurs fails as well,
// so the list cannot go stale.
//
//   node tools/electronegativity/run.mjs [--json OUT]
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const here = path.dirname(new URL(import.meta.url).pathname)
const root = path.resolve(here, '../..')
const require = createRequire(import.meta.url)
const run = require('@doyensec/electronegativity/dist/runner.js')

const FAILING = new Set(['HIGH', 'MEDIUM'])
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const electronVersion = /\d+\.\d+\.\d+/.exec(pkg.devDependencies?.electron ?? '')?.[0]
const accepted = JSON.parse(readFileSync(path.join(here, 'accepted.json'), 'utf8'))
const input = path.join(root, 'src')

const result = await run(
  {
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
)

const key = (id, file) => `${id} ${file}`
const acceptedKeys = new Map(accepted.map((a) => [key(a.id, a.file), a]))
const findings = result.issues.map((i) => ({
  id: i.id,
  severity: i.severity.name,
  confidence: i.confidence.name,
  file: i.file,
  line: i.location?.line,
  description: i.description,
  accepted: acceptedKeys.get(key(i.id, i.file))?.reason,
}))
const failing = findings.filter((f) => FAILING.has(f.severity) && !f.accepted)
const stale = accepted.filter((a) => !findings.some((f) => key(f.id, f.file) === key(a.id, a.file)))
const unparsed = (result.errors ?? []).map((e) => ({
  file: path.relative(input, e.file ?? ''),
  message: String(e.message ?? e.error ?? e).split('\n')[0],
}))

const count = (severity) => findings.filter((f) => f.severity === severity).length
console.log(
  `Electronegativity ${require('@doyensec/electronegativity/package.json').version} over src/ ` +
    `(Electron ${electronVersion}, ${result.atomicChecks} atomic and ${result.globalChecks} global checks): ` +
    `${findings.length} findings — HIGH ${count('HIGH')}, MEDIUM ${count('MEDIUM')}, LOW ${count('LOW')}, ` +
    `INFORMATIONAL ${count('INFORMATIONAL')}; ${findings.filter((f) => f.accepted).length} accepted; ` +
    `${unparsed.length} files not parsed`,
)
for (const f of findings) {
  const mark = FAILING.has(f.severity) && !f.accepted ? '✗' : f.accepted ? '~' : '·'
  console.log(
    `  ${mark} ${f.severity} ${f.id} ${f.file}:${f.line}${f.accepted ? ` (accepted: ${f.accepted})` : ''}`,
  )
}
for (const u of unparsed) console.log(`  ✗ not parsed: ${u.file}: ${u.message}`)
for (const a of stale) console.log(`  ✗ accepted but no longer found: ${a.id} ${a.file}`)

const out = process.argv.indexOf('--json')
if (out > 0 && process.argv[out + 1]) {
  writeFileSync(
    process.argv[out + 1],
    `${JSON.stringify({ findings, unparsed, stale }, null, 2)}\n`,
  )
}
process.exitCode = failing.length + unparsed.length + stale.length > 0 ? 1 : 0
