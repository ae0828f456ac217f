/**
 * The mapping audit: every attribute mapping that decides the seam, read from one snapshot,
 * with what changed since a baseline and who changed it (from a diff of the two):
 * Okta profile mappings (to and from Office 365, AD and the IdPs), the Office 365 app's
 * username template, SAML apps' NameID and attribute statements, IdP subject rules, and
 * Entra provisioning attribute mappings (each job's synchronization schema). Exported through
 * the documentation renderers (Markdown, standalone HTML) and the CSV writer.
 */
import { code, plain, type Block } from '../docs/blocks'
import { inertJson } from '../docs/escape'
import { renderBlocksMarkdown } from '../docs/render-markdown'
import { renderBlocksHtmlFragment, standaloneHtml } from '../docs/render-html'
import type { ResourcePath } from '../model/resources'
import type { RawRecord, Snapshot } from '../model/snapshot'
import { toCsv } from '../text/csv'
import { describeAttribution } from './attribute'
import type { AttributedChange, SnapshotDiff } from './diff'
import { displayValue } from './render'

export type MappingKind =
  | 'profile mapping'
  | 'Office 365 username'
  | 'SAML NameID'
  | 'SAML attribute'
  | 'IdP subject'
  | 'Entra provisioning'

export interface SeamMapping {
  kind: MappingKind
  /** what owns it: "okta_user → office365", an app, an IdP, a provisioning job */
  owner: string
  target: string
  source: string
  resource: ResourcePath
  /** the record's key as the diff names it */
  key: string
  /** the attribute path of the mapping inside that record */
  path: string
}

export interface AuditedMapping extends SeamMapping {
  changes: AttributedChange[]
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {}
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : [])
const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v)

function oktaMappings(s: Snapshot, out: SeamMapping[]): void {
  for (const m of s.okta?.mappings ?? []) {
    const owner = `${text(obj(m.source).name)} → ${text(obj(m.target).name)}`
    for (const [target, p] of Object.entries(obj(m.properties)))
      out.push({
        kind: 'profile mapping',
        owner,
        target,
        source: text(obj(p).expression),
        resource: 'okta.mappings',
        key: text(m.id),
        path: `properties.${target}`,
      })
  }
}

function oktaApps(s: Snapshot, out: SeamMapping[]): void {
  for (const app of s.okta?.apps ?? []) {
    const owner = text(app.label) || text(app.name)
    const key = text(app.id)
    const template = obj(obj(app.credentials).userNameTemplate)
    if (app.name === 'office365')
      out.push({
        kind: 'Office 365 username',
        owner,
        target: 'username',
        source: text(template.template),
        resource: 'okta.apps',
        key,
        path: 'credentials.userNameTemplate',
      })
    if (app.signOnMode !== 'SAML_2_0') continue
    const signOn = obj(obj(app.settings).signOn)
    out.push({
      kind: 'SAML NameID',
      owner,
      target: `NameID (${text(signOn.subjectNameIdFormat)})`,
      source: text(signOn.subjectNameIdTemplate) || text(template.template),
      resource: 'okta.apps',
      key,
      path: 'settings.signOn.subjectNameId',
    })
    for (const st of list(signOn.attributeStatements))
      out.push({
        kind: 'SAML attribute',
        owner,
        target: text(st.name),
        source: Array.isArray(st.values) ? st.values.map(text).join(', ') : '',
        resource: 'okta.apps',
        key,
        path: `settings.signOn.attributeStatements[name=${text(st.name)}]`,
      })
  }
}

function idps(s: Snapshot, out: SeamMapping[]): void {
  for (const idp of s.okta?.idps ?? []) {
    const subject = obj(obj(idp.policy).subject)
    out.push({
      kind: 'IdP subject',
      owner: text(idp.name),
      target: `Okta user by ${text(subject.matchType)}${subject.matchAttribute ? ` (${text(subject.matchAttribute)})` : ''}`,
      source: text(obj(subject.userNameTemplate).template),
      resource: 'okta.idps',
      key: text(idp.id),
      path: 'policy.subject',
    })
  }
}

function provisioning(s: Snapshot, out: SeamMapping[]): void {
  for (const [jobId, schemas] of Object.entries(s.entra?.synchronizationSchemas ?? {}))
    for (const schema of schemas as RawRecord[])
      for (const rule of list(schema.synchronizationRules))
        for (const om of list(rule.objectMappings))
          for (const am of list(om.attributeMappings)) {
            const src = obj(am.source)
            out.push({
              kind: 'Entra provisioning',
              owner: `${jobId.split('.')[0] ?? jobId}: ${text(om.sourceObjectName)} → ${text(rule.targetDirectoryName)} ${text(om.targetObjectName)}`,
              target: text(am.targetAttributeName),
              source: text(src.expression) || text(src.name),
              resource: 'entra.synchronizationSchemas',
              key: `${jobId}/${text(schema.id)}`,
              path: `synchronizationRules[id=${text(rule.id)}].objectMappings[name=${text(om.name)}].attributeMappings[targetAttributeName=${text(am.targetAttributeName)}]`,
            })
          }
}

/** Every seam mapping of a snapshot, in a stable order. */
export function seamMappings(snapshot: Snapshot): SeamMapping[] {
  const out: SeamMapping[] = []
  oktaMappings(snapshot, out)
  oktaApps(snapshot, out)
  idps(snapshot, out)
  provisioning(snapshot, out)
  return out
}

/** The mappings of `snapshot` with the changes `diff` (baseline → snapshot) made to each. */
export function mappingAudit(snapshot: Snapshot, diff?: SnapshotDiff): AuditedMapping[] {
  return seamMappings(snapshot).map((m) => ({
    ...m,
    changes: (diff?.objects ?? [])
      .filter((o) => o.resource === m.resource && o.key === m.key)
      .flatMap((o) =>
        o.changes.filter(
          (c) =>
            c.path === '' ||
            c.path === m.path ||
            c.path.startsWith(`${m.path}.`) ||
            c.path.startsWith(`${m.path}[`),
        ),
      ),
  }))
}

function changeText(c: AttributedChange): string {
  const what =
    c.op === 'changed'
      ? `${displayValue(c.before)} → ${displayValue(c.after)}`
      : `${c.op} ${displayValue(c.op === 'added' ? c.after : c.before)}`
  return `${what}: ${describeAttribution(c.attribution)}`
}

/** The audit laid out as documentation blocks. */
export function mappingAuditBlocks(
  audit: readonly AuditedMapping[],
  meta: { collectedAt: string; baseline?: string },
): Block[] {
  return [
    { kind: 'title', text: 'Seam mapping audit' },
    {
      kind: 'paragraph',
      text: `Mappings of the snapshot collected ${meta.collectedAt}${meta.baseline ? `, with their changes since ${meta.baseline}` : ''}.`,
    },
    {
      kind: 'table',
      head: ['Kind', 'Owner', 'Target', 'Source', 'Changes since the baseline'],
      rows: audit.map((m) => [
        plain(m.kind),
        plain(m.owner),
        code(m.target),
        code(m.source),
        plain(m.changes.map(changeText).join('; ') || (meta.baseline ? 'unchanged' : '')),
      ]),
    },
  ]
}

/** The audit as Markdown, standalone HTML, CSV or JSON. */
export function renderMappingAudit(
  audit: readonly AuditedMapping[],
  meta: { collectedAt: string; baseline?: string },
  format: 'md' | 'html' | 'csv' | 'json',
): string {
  if (format === 'json') return `${inertJson({ ...meta, mappings: audit }, 2)}\n`
  if (format === 'csv')
    return toCsv(
      ['kind', 'owner', 'target', 'source', 'changes'],
      audit.map((m) => [m.kind, m.owner, m.target, m.source, m.changes.map(changeText).join('; ')]),
    )
  const blocks = mappingAuditBlocks(audit, meta)
  return format === 'md'
    ? renderBlocksMarkdown(blocks)
    : standaloneHtml('Seam mapping audit', renderBlocksHtmlFragment(blocks))
}
