/** The lines the CLI prints about an incomplete snapshot: each gap, and what it costs. */
import type { Finding, Snapshot } from '../shared/model'
import { MISSING_RESOURCE_RULE } from '../shared/rules/diagnose'
import { collectionGaps } from '../shared/snapshot-file/gaps'
import { term } from '../shared/text/terminal'

/** `  entra.groups: HTTP 403 …: … (needs Group.Read.All)`, one line per gap. */
export function renderGaps(snapshot: Snapshot): string[] {
  return collectionGaps(snapshot).map(
    (g) => term`  ${g.path}: ${g.reason}` + (g.permission ? term` (needs ${g.permission})` : ''),
  )
}

/**
 * The warning `diagnose` prints before the findings of an incomplete snapshot. The info
 * findings it points at are those of the findings given, so the message never promises a
 * listing that is not there.
 */
export function incompleteWarning(snapshot: Snapshot, findings: readonly Finding[]): string {
  const lines = renderGaps(snapshot)
  const missing = findings.filter((f) => f.rule === MISSING_RESOURCE_RULE).length
  const head =
    lines.length === 0
      ? 'crosswalk diagnose: the snapshot is marked incomplete but names nothing missing.'
      : `crosswalk diagnose: the snapshot is incomplete; ${lines.length} resource${lines.length === 1 ? ' was' : 's were'} not collected:`
  const them = lines.length === 1 ? 'it' : 'them'
  const tail =
    lines.length === 0
      ? []
      : missing > 0
        ? [
            `What needs ${them} was not checked: ${missing} info finding${missing === 1 ? '' : 's'} (${MISSING_RESOURCE_RULE}) below name${missing === 1 ? 's' : ''} the rules that could not run.`,
          ]
        : [`No rule reads ${them}, so the findings below are not affected.`]
  return `${[head, ...lines, ...tail].join('\n')}\n`
}
