/** The lines the CLI prints about an incomplete snapshot: each gap, and what it costs. */
import type { Finding, Snapshot } from '../shared/model'
import { MISSING_RESOURCE_RULE } from '../shared/rules/diagnose'
import { collectionGaps, gapSummary } from '../shared/rules/gaps'
import { term } from '../shared/text/terminal'

/** The rule that reports resources refused for a permission, naming what to grant. */
const PERMISSION_RULE = 'collection-permission-missing'

/**
 * `  entra.groups: HTTP 403 …: … (needs GroupMember.Read.All)`, one line per gap; a side
 * that was not collected at all is one line.
 */
export function renderGaps(snapshot: Snapshot): string[] {
  const lines: string[] = []
  const sideMissing = new Set<string>()
  for (const g of collectionGaps(snapshot)) {
    const source = g.path.slice(0, g.path.indexOf('.'))
    if (g.reason === 'side-missing') {
      if (!sideMissing.has(source)) lines.push(term`  ${source}: ${gapSummary(g)}`)
      sideMissing.add(source)
      continue
    }
    lines.push(term`  ${g.path}: ${gapSummary(g)}`)
  }
  return lines
}

/**
 * The warning `diagnose` prints before the findings of an incomplete snapshot. The info
 * findings it points at are those of the findings given, so the message never promises a
 * listing that is not there.
 */
export function incompleteWarning(snapshot: Snapshot, findings: readonly Finding[]): string {
  const lines = renderGaps(snapshot)
  const notes = findings.filter(
    (f) => f.rule === MISSING_RESOURCE_RULE || f.rule === PERMISSION_RULE,
  ).length
  const head =
    lines.length === 0
      ? 'crosswalk diagnose: the snapshot is marked incomplete but names nothing missing.'
      : `crosswalk diagnose: the snapshot is incomplete; ${lines.length} resource${lines.length === 1 ? ' was' : 's were'} not collected:`
  const them = lines.length === 1 ? 'it' : 'them'
  const tail =
    lines.length === 0
      ? []
      : notes > 0
        ? [
            `What needs ${them} was not checked: ${notes} info finding${notes === 1 ? '' : 's'} (${MISSING_RESOURCE_RULE}, ${PERMISSION_RULE}) below name${notes === 1 ? 's' : ''} the rules that could not run and what to grant.`,
          ]
        : [`No rule reads ${them}, so the findings below are not affected.`]
  return `${[head, ...lines, ...tail].join('\n')}\n`
}
