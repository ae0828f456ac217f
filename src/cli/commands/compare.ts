/**
 * `crosswalk compare SNAPSHOT [--format table|csv|json] [--only mismatched|unmatched|ambiguous]
 * [--attributes a,b] [--class CLASS,…] [--fail-on-mismatch]`: every person's Entra and Okta
 * accounts side by side, from the one join (src/shared/compare), attribute by attribute
 * under the tenant's own mappings. Exit 1 with `--fail-on-mismatch` when the rows selected
 * include a person who is not cleanly matched (a differing attribute, no counterpart, an
 * ambiguous or conflicting join); 2 for usage or input errors.
 */
import { str } from '../../shared/util/access'
import { JOIN_KEY_LABELS, joinKeysOf } from '../../shared/compare/join'
import {
  ROW_CLASSES,
  ROW_STATUSES,
  type PeopleTable,
  type RowClass,
  peopleTable,
} from '../../shared/compare/people-rows'
import { type PeopleGrid, tableGrid } from '../../shared/compare/people-grid'
import {
  type PeopleFilter,
  filterRows,
  peopleCsv,
  rowWords,
  verdictText,
} from '../../shared/compare/people-view'
import { SnapshotIndex } from '../../shared/compare/snapshot-index'
import { CELL_VERDICTS, V_NORMALISED, isMismatch } from '../../shared/compare/values'
import { escapeTerminalValue } from '../../shared/text/terminal'
import { CliError, EXIT_FINDINGS, EXIT_OK, type CliCommand, type CliIo } from '../command'
import { forEachArg, oneOf } from '../args'
import { createOutput } from '../output'
import { loadSnapshot } from './diagnose'

const FORMATS = ['table', 'csv', 'json'] as const
type Format = (typeof FORMATS)[number]
const ONLY = ['mismatched', 'unmatched', 'ambiguous'] as const
type Only = (typeof ONLY)[number]

interface CompareArgs {
  file: string
  format: Format
  only: Only | undefined
  attributes: string[] | undefined
  classes: RowClass[] | undefined
  failOnMismatch: boolean
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
}

function parseArgs(args: readonly string[]): CompareArgs {
  const out: CompareArgs = {
    file: '',
    format: 'table',
    only: undefined,
    attributes: undefined,
    classes: undefined,
    failOnMismatch: false,
  }
  forEachArg(args, ({ flag, arg, inline, value }) => {
    if (flag === '--format') out.format = oneOf(flag, value(), FORMATS)
    else if (flag === '--only') out.only = oneOf(flag, value(), ONLY)
    else if (flag === '--attributes') {
      out.attributes = list(value())
      if (out.attributes.length === 0) throw new CliError('--attributes needs attribute names.')
    } else if (flag === '--class') {
      const classes = list(value())
      const unknown = classes.filter((c) => !(ROW_CLASSES as readonly string[]).includes(c))
      if (unknown.length)
        throw new CliError(
          `Unknown class ${unknown.join(', ')}. Classes: ${ROW_CLASSES.join(', ')}.`,
        )
      out.classes = classes as RowClass[]
    } else if (flag === '--fail-on-mismatch') {
      if (inline !== undefined) throw new CliError('--fail-on-mismatch takes no value.')
      out.failOnMismatch = true
    } else if (flag.startsWith('-')) {
      throw new CliError(`Unknown option ${flag}. Run crosswalk compare --help.`)
    } else if (!out.file) {
      out.file = arg
    } else {
      throw new CliError(`compare takes one snapshot file (got "${out.file}" and "${arg}").`)
    }
  })
  if (!out.file) throw new CliError('Name the snapshot file: crosswalk compare SNAPSHOT.json[.gz].')
  return out
}

/** The pair indices `--attributes` names (an Entra or Okta attribute, or a pair label). */
function selectPairs(grid: PeopleGrid, names: readonly string[] | undefined): number[] {
  const all = [...Array(grid.pairs.length).keys()]
  if (!names) return all
  const chosen = new Set<number>()
  for (const name of names) {
    const n = name.toLowerCase()
    const found = all.filter((c) => {
      const p = grid.pairs[c]
      return !!p && [p.entra, p.okta, p.label, p.id].some((v) => v.toLowerCase() === n)
    })
    if (found.length === 0) {
      const known = [...new Set(grid.pairs.flatMap((p) => [p.entra, p.okta]))].join(', ')
      throw new CliError(`No compared attribute is named "${name}". Attributes: ${known}.`)
    }
    for (const c of found) chosen.add(c)
  }
  return all.filter((c) => chosen.has(c))
}

function filterOf(args: CompareArgs, pairs: number[]): PeopleFilter {
  const base: PeopleFilter = {
    attributes: pairs,
    ...(args.classes ? { classes: args.classes } : {}),
  }
  if (args.only === 'mismatched') return { ...base, statuses: ['matched'], mismatched: true }
  if (args.only === 'unmatched') return { ...base, statuses: ['entra-only', 'okta-only'] }
  if (args.only === 'ambiguous') return { ...base, statuses: ['ambiguous', 'conflicting'] }
  return base
}

/** True when a row is not cleanly matched on the chosen pairs. */
function isUnclean(grid: PeopleGrid, r: number, pairs: readonly number[]): boolean {
  if (ROW_STATUSES[grid.status(r)] !== 'matched' || grid.doubt(r) !== 0) return true
  return pairs.some((c) => isMismatch(grid.verdict(c, r)))
}

function quoted(value: string | undefined): string {
  return value === undefined ? '(none)' : `"${escapeTerminalValue(value)}"`
}

/** One line per differing pair of a row: `mail ↔ email: "a" ≠ "b"`. */
function differences(grid: PeopleGrid, r: number, pairs: readonly number[]): string {
  const out: string[] = []
  for (const c of pairs) {
    const v = grid.verdict(c, r)
    if (!isMismatch(v)) continue
    const label = escapeTerminalValue(grid.pairs[c]?.label ?? '')
    const e = grid.entraValue(c, r)
    const o = grid.oktaValue(c, r)
    out.push(
      CELL_VERDICTS[v] === 'different'
        ? `${label}: ${quoted(e)} ≠ ${quoted(o)}`
        : `${label}: ${verdictText(v, 0)}`,
    )
  }
  return out.join('; ')
}

/** Aligned columns, then the pairs with their mappings and counts, then a summary. */
export function renderCompareTable(grid: PeopleGrid, rows: Int32Array, pairs: number[]): string {
  const header = ['STATUS', 'KEY', 'CLASS', 'ENTRA', 'OKTA', 'DIFFERENCES']
  const body = Array.from(rows, (r) => {
    const w = rowWords(grid, r)
    return [
      w.status,
      w.key || '-',
      w.population,
      escapeTerminalValue(grid.upn(r) ?? '-'),
      escapeTerminalValue(grid.login(r) ?? '-'),
      differences(grid, r, pairs),
    ]
  })
  const widths = header.map((h, i) =>
    Math.min(i >= 3 ? 44 : 18, Math.max(h.length, ...body.map((b) => (b[i] ?? '').length))),
  )
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        if (i === cells.length - 1) return c
        const w = widths[i] ?? 0
        return c.length > w ? `${c.slice(0, w - 1)}…` : c.padEnd(w)
      })
      .join('  ')
      .trimEnd()
  const out = rows.length ? [line(header), ...body.map(line), ''] : ['No people match.', '']
  out.push('PAIRS (Entra ↔ Okta, under which mapping)')
  for (const c of pairs) {
    const p = grid.pairs[c]
    if (!p) continue
    const counts = { different: 0, missing: 0, normalised: 0 }
    for (const r of rows) {
      const v = grid.verdict(c, r)
      if (CELL_VERDICTS[v] === 'different') counts.different++
      else if (isMismatch(v)) counts.missing++
      else if (v === V_NORMALISED) counts.normalised++
    }
    out.push(
      `  ${escapeTerminalValue(p.label)}${p.collected ? '' : ' (Entra attribute not collected)'}: ${counts.different} different, ${counts.missing} missing on one side, ${counts.normalised} equal after normalisation`,
      `    ${escapeTerminalValue(p.header)}`,
    )
  }
  const byStatus = ROW_STATUSES.map(
    (s, i) => [s, Array.from(rows).filter((r) => grid.status(r) === i).length] as const,
  ).filter(([, n]) => n > 0)
  out.push(
    '',
    `${rows.length} ${rows.length === 1 ? 'person' : 'people'}: ${byStatus.map(([s, n]) => `${n} ${s}`).join(', ') || 'none'}`,
    '',
  )
  return out.join('\n')
}

/** The selection as JSON: the pairs (with their mappings), then one object per row. */
export function compareJson(table: PeopleTable, rows: Int32Array, pairs: number[]): object {
  const grid = tableGrid(table)
  const { join } = table.rows
  return {
    pairs: pairs.map((c) => grid.pairs[c]),
    keys: JOIN_KEY_LABELS,
    rows: Array.from(rows, (r) => {
      const i = grid.entraRow(r)
      const j = grid.oktaRow(r)
      return {
        name: grid.name(r) ?? null,
        status: ROW_STATUSES[grid.status(r)],
        key: rowWords(grid, r).key || null,
        keys: joinKeysOf(grid.keyBits(r)),
        doubtful: joinKeysOf(grid.doubt(r)),
        class: ROW_CLASSES[grid.population(r)],
        entra:
          i >= 0
            ? { id: str(join.entra[i], 'id') ?? null, userPrincipalName: grid.upn(r) ?? null }
            : null,
        okta: j >= 0 ? { id: str(join.okta[j], 'id') ?? null, login: grid.login(r) ?? null } : null,
        cells: pairs.map((c) => {
          const v = grid.verdict(c, r)
          return {
            pair: grid.pairs[c]?.id,
            entra: grid.entraValue(c, r) ?? null,
            okta: grid.oktaValue(c, r) ?? null,
            verdict: CELL_VERDICTS[v],
            ...(v === V_NORMALISED ? { note: verdictText(v, grid.normalised(c, r)) } : {}),
          }
        }),
      }
    }),
  }
}

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: "Put every person's Entra and Okta attributes side by side, under the tenant's mappings",
  usage: [
    'Usage: crosswalk compare SNAPSHOT.json[.gz] [--format table|csv|json]',
    '         [--only mismatched|unmatched|ambiguous] [--attributes a,b] [--class CLASS,…]',
    '         [--fail-on-mismatch]',
    '',
    'Joins Entra users and Okta users the way the seam does (Office 365 immutableId, Office 365',
    "username, the Microsoft IdP's own match rule, login, email) and compares each person's",
    'attributes in pairs taken from the Okta → Office 365 and IdP → Okta profile mappings',
    '(a default table where no mapping exists). Works offline.',
    '',
    'Options:',
    '  --format table     aligned columns, then each pair with its mapping and counts (default)',
    '  --format csv       one record per person, every pair (spreadsheet-safe)',
    '  --format json      the pairs and one object per person',
    '  --only mismatched  matched people with an attribute that differs or is missing on one side',
    '  --only unmatched   people with an account on one side only',
    '  --only ambiguous   people the keys cannot decide between, or whose keys disagree',
    '  --attributes A,B   only these pairs (an Entra or Okta attribute name, or a pair label)',
    `  --class C,D        only these population classes (${ROW_CLASSES.join(', ')})`,
    '  --fail-on-mismatch exit 1 when a selected person is not cleanly matched',
    '',
    'Exit codes: 0 ok, 1 a mismatch with --fail-on-mismatch, 2 usage or input error.',
  ].join('\n'),
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const options = parseArgs(args)
    const print = createOutput(io)
    const snapshot = await loadSnapshot(options.file, io.cwd)
    const table = peopleTable(new SnapshotIndex(snapshot))
    const grid = tableGrid(table)
    const pairs = selectPairs(grid, options.attributes)
    const rows = filterRows(grid, filterOf(options, pairs))
    if (options.format === 'json') print.json(compareJson(table, rows, pairs))
    else if (options.format === 'csv') print.csv(peopleCsv(grid, rows, pairs))
    else print.out(renderCompareTable(grid, rows, pairs))
    const unclean = Array.from(rows).some((r) => isUnclean(grid, r, pairs))
    return options.failOnMismatch && unclean ? EXIT_FINDINGS : EXIT_OK
  },
}
