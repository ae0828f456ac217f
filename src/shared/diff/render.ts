/**
 * A diff in words: each value shown short (a credential by its hint and dates, a secret by
 * its hint, a long value cut with its length), and the diff as terminal lines (values
 * through `term`) or Markdown (values escaped for Markdown). JSON is the diff itself.
 */
import { mdCode, md } from '../docs/escape'
import { RedactedSecret } from '../model/secret'
import { resourceLabel } from '../model/resources'
import { canonicalJson } from '../snapshot-file/identity'
import { boundText } from '../text/bound'
import { term } from '../text/terminal'
import { describeAttribution } from './attribute'
import { groupByMutation, type ObjectDiff, type SnapshotDiff } from './diff'

const MAX_VALUE = 160
type Obj = Record<string, unknown>
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const day = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 10) : '?')

/** A value in a few words; a credential as its hint and dates, never more. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)'
  const secret = RedactedSecret.safeParse(value)
  if (secret.success) return `secret, hint ${secret.data.hint}…`
  if (
    isObject(value) &&
    ('keyId' in value || 'kid' in value) &&
    ('endDateTime' in value || 'hint' in value || 'expiresAt' in value)
  ) {
    const hint = typeof value.hint === 'string' ? `hint ${value.hint}…, ` : ''
    const start = value.startDateTime ?? value.created
    const end = value.endDateTime ?? value.expiresAt
    return `${hint}valid ${day(start)} → ${day(end)} (key ${String(value.keyId ?? value.kid)})`
  }
  if (isObject(value) && 'displayName' in value && typeof value.displayName === 'string')
    return boundText(`${value.displayName} ${canonicalJson(value)}`, MAX_VALUE)
  return boundText(typeof value === 'string' ? value : canonicalJson(value), MAX_VALUE)
}

const objectTitle = (o: ObjectDiff): string => `${resourceLabel(o.resource)}: ${o.name || o.id}`

function changeWords(c: ObjectDiff['changes'][number]): { what: string; value: string } {
  const what = c.path || '(the object)'
  if (c.op === 'added') return { what, value: `added ${displayValue(c.after)}` }
  if (c.op === 'removed') return { what, value: `removed ${displayValue(c.before)}` }
  return { what, value: `${displayValue(c.before)} → ${displayValue(c.after)}` }
}

function countsLine(diff: SnapshotDiff): string {
  const c = diff.counts
  const part = (name: string, x: { added: number; removed: number; changed: number }) =>
    `${name}: ${x.added} added, ${x.removed} removed, ${x.changed} changed`
  return [
    part('configuration', c.configuration),
    part('people', c.people),
    part('groups', c.groups),
  ].join('; ')
}

/** The diff as terminal text: configuration by mutation, then counts, findings, gaps. */
export function renderDiffText(diff: SnapshotDiff, options: { people?: boolean } = {}): string {
  const lines: string[] = [
    term`Diff ${diff.old.collectedAt} → ${diff.new.collectedAt}`,
    term`${countsLine(diff)}`,
    diff.drift ? 'Configuration drift: yes' : 'Configuration drift: none',
    '',
  ]
  const roles = options.people ? undefined : (['configuration'] as const)
  for (const group of groupByMutation(diff, roles)) {
    lines.push(term`● ${describeAttribution(group.attribution)}`)
    for (const { object, change } of group.items) {
      const w = changeWords(change)
      lines.push(term`    ${objectTitle(object)} · ${w.what}: ${w.value}`)
    }
  }
  if (
    !options.people &&
    diff.counts.people.added + diff.counts.people.removed + diff.counts.people.changed > 0
  )
    lines.push(
      '',
      term`People changes: ${diff.counts.people.changed} changed, ${diff.counts.people.added} added, ${diff.counts.people.removed} removed (--format json lists each attribute)`,
    )
  if (diff.findings) {
    lines.push(
      '',
      term`Findings: ${diff.findings.appeared.length} appeared, ${diff.findings.resolved.length} resolved, ${diff.findings.persisting.length} persisting`,
    )
    for (const f of diff.findings.appeared) lines.push(term`  + ${f.severity} ${f.title}`)
    for (const f of diff.findings.resolved) lines.push(term`  − ${f.severity} ${f.title}`)
  }
  for (const u of diff.unavailable) lines.push(term`Not compared: ${u.label} (${u.reason})`)
  return `${lines.join('\n')}\n`
}

/** The diff as Markdown: a table per mutation, counts, findings and what was not compared. */
export function renderDiffMarkdown(diff: SnapshotDiff): string {
  const out: string[] = [
    `# Changes from ${md(diff.old.collectedAt)} to ${md(diff.new.collectedAt)}`,
    '',
    md(countsLine(diff)),
    '',
  ]
  for (const group of groupByMutation(diff)) {
    out.push(
      `## ${md(describeAttribution(group.attribution))}`,
      '',
      '| Object | Attribute | Change |',
      '| --- | --- | --- |',
    )
    for (const { object, change } of group.items) {
      const w = changeWords(change)
      out.push(`| ${md(objectTitle(object))} | ${mdCode(w.what)} | ${md(w.value)} |`)
    }
    out.push('')
  }
  if (diff.findings) {
    out.push('## Findings', '')
    for (const [label, list] of [
      ['Appeared', diff.findings.appeared],
      ['Resolved', diff.findings.resolved],
      ['Persisting', diff.findings.persisting],
    ] as const)
      out.push(
        `- ${label}: ${list.length}${list.length ? ` (${list.map((f) => md(f.title)).join('; ')})` : ''}`,
      )
    out.push('')
  }
  if (diff.unavailable.length) {
    out.push('## Not compared', '')
    for (const u of diff.unavailable) out.push(`- ${md(u.label)}: ${md(u.reason)}`)
  }
  return `${out.join('\n')}\n`
}
