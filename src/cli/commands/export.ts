/**
 * `crosswalk export SNAPSHOT --format md|html|pdf|json|csv --out FILE|DIR [--sections a,b]`:
 * the configuration and disaster-recovery documentation of a snapshot, offline. CSV writes
 * findings.csv, credentials.csv and mappings.csv into the folder `--out`. PDF needs the
 * system's Chromium; without one it says so in one line and names the alternative.
 */
import path from 'node:path'
import { diagnose } from '../../shared/rules'
import {
  type SectionId,
  SECTION_IDS,
  buildDocument,
  parseSections,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
} from '../../shared/docs'
import { snapshotIdentity } from '../../shared/snapshot-file/identity'
import { WriteTargetError, checkWriteTarget, writeFileAtomic } from '../../node/atomic-file'
import { findChromium, htmlToPdf } from '../../node/chromium-pdf'
import { term } from '../../shared/text/terminal'
import { CliError, EXIT_OK, type CliCommand, type CliIo } from '../command'
import { readArgs, oneOf } from '../args'
import { createOutput } from '../output'
import { loadSnapshot } from './diagnose'

const FORMATS = ['md', 'html', 'pdf', 'json', 'csv'] as const
type Format = (typeof FORMATS)[number]

interface ExportArgs {
  file: string
  format: Format
  out: string
  sections: SectionId[]
}

function parseArgs(args: readonly string[]): ExportArgs {
  let file: string | undefined
  let format: Format | undefined
  let out: string | undefined
  let sections: SectionId[] = [...SECTION_IDS]
  for (const { arg, flag, value } of readArgs(args)) {
    if (flag === '--format') {
      format = oneOf(flag, value(), FORMATS)
    } else if (flag === '--out') out = value()
    else if (flag === '--sections') {
      const parsed = parseSections(value())
      if (parsed.unknown.length)
        throw new CliError(
          `Unknown section ${parsed.unknown.join(', ')}. Sections: ${SECTION_IDS.join(', ')}.`,
        )
      if (parsed.sections.length === 0) throw new CliError('--sections names no section.')
      sections = parsed.sections
    } else if (flag.startsWith('-'))
      throw new CliError(`Unknown option ${flag}. Run crosswalk export --help.`)
    else if (file === undefined) file = arg
    else throw new CliError(`One snapshot at a time (got "${file}" and "${arg}").`)
  }
  if (!file)
    throw new CliError(
      'Name the snapshot to document: crosswalk export SNAPSHOT.json --format md --out FILE.',
    )
  if (!format) throw new CliError(`--format is required (${FORMATS.join(', ')}).`)
  if (!out)
    throw new CliError(
      format === 'csv'
        ? '--out is required: the folder for the CSV files.'
        : '--out is required: the file to write.',
    )
  return { file, format, out, sections }
}

async function checked(target: string): Promise<void> {
  try {
    await checkWriteTarget(target)
  } catch (error) {
    if (error instanceof WriteTargetError) throw new CliError(`${error.file}: ${error.message}`)
    throw error
  }
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Write the configuration and disaster-recovery documentation of a snapshot',
  usage: [
    'Usage: crosswalk export SNAPSHOT.json[.gz] --format md|html|pdf|json|csv --out FILE|DIR [--sections a,b]',
    '',
    'Documents the integration as the snapshot shows it, offline: tenant overview, domains and',
    'federation, app registrations, Okta identity providers and routing, Office 365 and SAML',
    'apps, profile mappings, sync, findings with their fixes, a rotation calendar and a rebuild',
    'runbook filled with the tenant’s values. Secrets are never in it.',
    '',
    'Options:',
    '  --format md      Markdown',
    '  --format html    one standalone HTML file (print rules, no external asset)',
    '  --format pdf     PDF through the system Chromium (headless print)',
    '  --format json    the document as JSON (format crosswalk.documentation, version 1)',
    '  --format csv     findings.csv, credentials.csv and mappings.csv in the folder --out',
    `  --sections IDS   only these sections (comma-separated): ${SECTION_IDS.join(', ')}`,
    '',
    'Dates are UTC and come from the snapshot’s collection time.',
    'Exit codes: 0 written, 2 usage, input or write-target error.',
  ].join('\n'),
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const options = parseArgs(args)
    const print = createOutput(io)
    const out = path.resolve(io.cwd, options.out)
    const targets =
      options.format === 'csv'
        ? ['findings.csv', 'credentials.csv', 'mappings.csv'].map((n) => path.join(out, n))
        : [out]
    for (const t of targets) await checked(t)
    const chromium = options.format === 'pdf' ? await findChromium(io.env) : undefined
    if (options.format === 'pdf' && !chromium)
      throw new CliError(
        'PDF needs Chromium, and none is on the PATH (chromium, chromium-browser, google-chrome; or set CROSSWALK_CHROMIUM): export --format html and print it to PDF from a browser.',
      )
    const snapshot = await loadSnapshot(options.file, io.cwd)
    const doc = buildDocument({
      snapshot,
      findings: diagnose(snapshot),
      snapshotSha256: snapshotIdentity(snapshot),
      sections: options.sections,
    })
    const write = (file: string, data: string | Uint8Array) =>
      writeFileAtomic(file, data, { mode: 0o600, ...(io.writerFs ? { fs: io.writerFs } : {}) })
    switch (options.format) {
      case 'md':
        await write(out, renderMarkdown(doc))
        break
      case 'html':
        await write(out, renderHtml(doc))
        break
      case 'json':
        await write(out, renderJson(doc))
        break
      case 'csv':
        for (const [name, content] of Object.entries(renderCsv(doc)))
          await write(path.join(out, name), content)
        break
      case 'pdf':
        await write(out, await htmlToPdf(chromium as string, renderHtml(doc)))
        break
    }
    print.err(
      term`Wrote ${options.format === 'csv' ? targets.join(', ') : out} (${doc.sections.length} sections, snapshot ${doc.snapshot.sha256.slice(0, 12)}).` +
        '\n',
    )
    return EXIT_OK
  },
}
