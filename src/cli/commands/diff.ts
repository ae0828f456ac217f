/**
 * `crosswalk diff OLD NEW [--format table|json|md] [--fail-on-drift]`: what changed between
 * two snapshots of one tenant pair and who changed it. The older snapshot is diagnosed, then
 * kept only as an index while the newer one is read. `--mappings` prints the mapping audit
 * instead (the quarterly review of every seam mapping, with what changed since OLD). Exit 0;
 * 1 on configuration drift with `--fail-on-drift`; 2 on a bad argument, an unreadable file or
 * another tenant pair.
 */
import { diagnose } from '../../shared/rules'
import {
  DiffRefused,
  diffSnapshots,
  indexSnapshot,
  mappingAudit,
  renderDiffMarkdown,
  renderMappingAudit,
  renderDiffText,
} from '../../shared/diff'
import { snapshotIdentity } from '../../shared/snapshot-file/identity'
import { CliError, EXIT_FINDINGS, EXIT_OK, type CliCommand, type CliIo } from '../command'
import { forEachArg, oneOf } from '../args'
import { createOutput } from '../output'
import { loadSnapshot } from './diagnose'

const FORMATS = ['table', 'json', 'md'] as const
type Format = (typeof FORMATS)[number]

interface DiffArgs {
  older: string
  newer: string
  format: Format
  failOnDrift: boolean
  /** print the mapping audit (every seam mapping with its changes since OLD) instead */
  mappings: boolean
}

function parseArgs(args: readonly string[]): DiffArgs {
  const files: string[] = []
  let format: Format = 'table'
  let failOnDrift = false
  let mappings = false
  forEachArg(args, ({ arg, flag, value }) => {
    if (flag === '--format') format = oneOf(flag, value(), FORMATS)
    else if (flag === '--fail-on-drift') failOnDrift = true
    else if (flag === '--mappings') mappings = true
    else if (arg.startsWith('-'))
      throw new CliError(`Unknown option ${arg}. Run crosswalk diff --help.`)
    else files.push(arg)
  })
  if (files.length !== 2)
    throw new CliError(
      'give two snapshot files, the older first: crosswalk diff OLD.json NEW.json.',
    )
  return { older: files[0] as string, newer: files[1] as string, format, failOnDrift, mappings }
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const a = parseArgs(args)
  const output = createOutput(io)
  let index
  {
    // the older snapshot lives only in this block: diagnosed, indexed, then let go
    const older = await loadSnapshot(a.older, io.cwd)
    index = indexSnapshot(older, { findings: diagnose(older), identity: snapshotIdentity(older) })
  }
  const newer = await loadSnapshot(a.newer, io.cwd)
  let diff
  try {
    diff = diffSnapshots(index, newer, {
      findings: diagnose(newer),
      identity: snapshotIdentity(newer),
    })
  } catch (error) {
    if (error instanceof DiffRefused)
      throw new CliError(`${a.older} and ${a.newer}: ${error.message}.`)
    throw error
  }
  if (a.mappings) {
    const meta = { collectedAt: newer.collectedAt, baseline: index.collectedAt }
    output.out(
      renderMappingAudit(mappingAudit(newer, diff), meta, a.format === 'json' ? 'json' : 'md'),
    )
  } else if (a.format === 'json') output.json(diff)
  else output.out(a.format === 'md' ? renderDiffMarkdown(diff) : renderDiffText(diff))
  return a.failOnDrift && diff.drift ? EXIT_FINDINGS : EXIT_OK
}

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'what changed between two snapshots of one tenant pair, and who changed it',
  usage: `crosswalk diff OLD.json NEW.json [--format table|json|md] [--fail-on-drift] [--mappings]

Compares two snapshots of the same tenant pair: configuration attribute by attribute,
people and groups counted with each attribute, findings appeared, resolved and persisting
(both diagnosed by this version's rules), each change attributed to the Entra audit or Okta
System Log event that made it (who, when, through what) or said why not.

  --format table|json|md   table (default), the diff as JSON, or Markdown
  --fail-on-drift          exit 1 when configuration changed (for scheduled runs in CI)
  --mappings               the mapping audit instead: every attribute mapping of the seam in
                           NEW with its changes since OLD and who made them (Markdown, or
                           JSON with --format json)

Exit codes: 0 ok, 1 drift with --fail-on-drift, 2 usage or input error (another tenant pair).`,
  run,
}
