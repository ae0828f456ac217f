/**
 * `crosswalk diagnose SNAPSHOT [--format json|table|sarif] [--fail-on SEVERITY]`:
 * runs the rule catalogue over a snapshot file and prints the findings. Exit 1 when
 * a finding is at or above `--fail-on`, 2 for usage or input errors.
 */
import path from 'node:path'
import {
  type Finding,
  SEVERITIES,
  SEVERITY_RANK,
  type Severity,
  type Snapshot,
} from '../../shared/model'
import { RULES, RULE_IDS, diagnose } from '../../shared/rules'
import { describeSnapshotProblem } from '../../shared/snapshot-file/read'
import { tryReadSnapshotFile } from '../../node/snapshot-file'
import { appVersion } from '../../node/version'
import { escapeTerminalValue } from '../../shared/text/terminal'
import { CliError, EXIT_FINDINGS, EXIT_OK, type CliCommand, type CliIo } from '../command'
import { incompleteWarning } from '../gaps'
import { readArgs, oneOf } from '../args'
import { createOutput } from '../output'

const FORMATS = ['json', 'table', 'sarif'] as const
type Format = (typeof FORMATS)[number]

/**
 * Reads and validates a snapshot file (.json, or gzip by its 1f 8b bytes) relative to `cwd`,
 * through the one bounded reader. Every problem becomes a `CliError` that says what to fix.
 */
export async function loadSnapshot(file: string, cwd: string): Promise<Snapshot> {
  const result = await tryReadSnapshotFile(path.resolve(cwd, file))
  if (!result.ok) throw new CliError(`${file}: ${describeSnapshotProblem(result.problem)}`)
  return result.snapshot
}

interface DiagnoseArgs {
  file: string
  format: Format
  failOn: Severity | undefined
  rules: string[] | undefined
}

function parseArgs(args: readonly string[]): DiagnoseArgs {
  let file: string | undefined
  let format: Format = 'table'
  let failOn: Severity | undefined
  let rules: string[] | undefined
  for (const { arg, flag, value } of readArgs(args)) {
    if (flag === '--format') {
      format = oneOf(flag, value(), FORMATS)
    } else if (flag === '--fail-on') {
      const v = value().toLowerCase()
      if (!(SEVERITIES as readonly string[]).includes(v))
        throw new CliError(`--fail-on must be one of ${SEVERITIES.join(', ')} (got "${v}").`)
      failOn = v as Severity
    } else if (flag === '--rules') {
      rules = value()
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean)
      const unknown = rules.filter((r) => !(RULE_IDS as readonly string[]).includes(r))
      if (unknown.length)
        throw new CliError(`Unknown rule ${unknown.join(', ')}. Rules: ${RULE_IDS.join(', ')}.`)
    } else if (flag.startsWith('-')) {
      throw new CliError(`Unknown option ${flag}. Run crosswalk diagnose --help.`)
    } else if (file === undefined) {
      file = arg
    } else {
      throw new CliError(`diagnose takes one snapshot file (got "${file}" and "${arg}").`)
    }
  }
  if (!file) throw new CliError('Name the snapshot file: crosswalk diagnose SNAPSHOT.json[.gz].')
  return { file, format, failOn, rules }
}

function subjectsText(f: Finding): string {
  const first = f.subjects.slice(0, 2).map((s) => escapeTerminalValue(s.name ?? s.id))
  const more = f.subjects.length - first.length
  return first.join(', ') + (more > 0 ? ` +${more}` : '')
}

/**
 * Aligned plain-text columns: SEVERITY, CATEGORY, RULE, SUBJECTS, TITLE, then a summary.
 * Every cell is escaped before the columns are measured, so a name cannot break the table.
 */
export function renderTable(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings.\n'
  const rows = findings.map((f) => [
    f.severity.toUpperCase(),
    escapeTerminalValue(f.category),
    escapeTerminalValue(f.rule),
    subjectsText(f),
    escapeTerminalValue(f.title),
  ])
  const header = ['SEVERITY', 'CATEGORY', 'RULE', 'SUBJECTS', 'TITLE']
  const widths = header.map((h, i) =>
    Math.min(i === 3 ? 48 : 64, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
  )
  const cell = (text: string, i: number) => {
    const w = widths[i] ?? 0
    return text.length > w ? `${text.slice(0, w - 1)}…` : text.padEnd(w)
  }
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : cell(c, i)))
      .join('  ')
      .trimEnd()
  const counts = SEVERITIES.map(
    (s) => [s, findings.filter((f) => f.severity === s).length] as const,
  ).filter(([, n]) => n > 0)
  return [
    line(header),
    ...rows.map(line),
    '',
    `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}`,
    '',
  ].join('\n')
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
}

/** SARIF 2.1.0: one run, the catalogue as `tool.driver.rules`, one result per finding. */
export function renderSarif(findings: readonly Finding[], snapshotFile: string): object {
  const ruleIds = [
    ...RULE_IDS,
    ...new Set(
      findings.map((f) => f.rule).filter((id) => !(RULE_IDS as readonly string[]).includes(id)),
    ),
  ]
  const catalogue = new Map<string, (typeof RULES)[number]>(RULES.map((r) => [r.id, r]))
  const rules = ruleIds.map((id) => {
    const rule = catalogue.get(id)
    const example = findings.find((f) => f.rule === id)
    return {
      id,
      name: id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: rule?.title ?? example?.title ?? id },
      defaultConfiguration: { level: SARIF_LEVEL[rule?.severity ?? example?.severity ?? 'info'] },
      properties: {
        category: rule?.category ?? example?.category,
        tags: [rule?.category ?? example?.category ?? 'configuration'],
      },
      ...(example?.remediation.links[0] ? { helpUri: example.remediation.links[0] } : {}),
    }
  })
  const index = new Map(ruleIds.map((id, i) => [id, i]))
  const uri = snapshotFile.split(path.sep).join('/')
  const results = findings.map((f) => ({
    ruleId: f.rule,
    ruleIndex: index.get(f.rule),
    level: SARIF_LEVEL[f.severity],
    message: { text: `${f.title}. ${f.detail}` },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri } },
        logicalLocations: f.subjects.slice(0, 50).map((s) => ({
          name: s.name ?? s.id,
          fullyQualifiedName: `${s.source}/${s.type}/${s.id}`,
          kind: s.type,
        })),
      },
    ],
    partialFingerprints: { crosswalkFindingId: f.id },
    properties: {
      severity: f.severity,
      category: f.category,
      subjects: f.subjects,
      evidence: f.evidence,
      remediation: f.remediation,
    },
  }))
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'crosswalk',
            version: appVersion(),
            rules,
          },
        },
        artifacts: [{ location: { uri } }],
        results,
      },
    ],
  }
  return log
}

export const diagnoseCommand: CliCommand = {
  name: 'diagnose',
  summary: 'Find what breaks sign-in and provisioning between Entra and Okta in a snapshot',
  usage: [
    'Usage: crosswalk diagnose SNAPSHOT.json[.gz] [--format json|table|sarif] [--fail-on SEVERITY] [--rules ID,ID]',
    '',
    'Runs every diagnostic rule over the snapshot, offline, and prints the findings,',
    'worst first, each with evidence from both sides and the fix.',
    '',
    'Options:',
    '  --format table   aligned columns (default)',
    '  --format json    an array of findings on stdout',
    '  --format sarif   SARIF 2.1.0 (rules and results), for code-scanning tools',
    `  --fail-on SEV    exit 1 when a finding is at or above SEV (${SEVERITIES.join(', ')})`,
    '  --rules IDS      run only these rule ids (comma-separated)',
    '',
    'Exit codes: 0 ok, 1 a finding at or above --fail-on, 2 usage or input error.',
  ].join('\n'),
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const options = parseArgs(args)
    const print = createOutput(io)
    const snapshot = await loadSnapshot(options.file, io.cwd)
    const findings = diagnose(snapshot, options.rules ? { rules: options.rules } : {})
    if (!snapshot.collection.complete) print.err(incompleteWarning(snapshot, findings))
    if (options.format === 'json') print.json(findings)
    else if (options.format === 'sarif') print.json(renderSarif(findings, options.file))
    else print.out(renderTable(findings))
    const threshold = options.failOn ? SEVERITY_RANK[options.failOn] : undefined
    return threshold !== undefined && findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)
      ? EXIT_FINDINGS
      : EXIT_OK
  },
}
