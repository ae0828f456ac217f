/**
 * Lays the configuration document out as blocks, section by section, in the order of
 * `SECTIONS`. Dates are UTC (`format.ts`). Long lists (an app's assignments) are counted
 * here and listed in full only in the JSON export.
 */
import type { Block, Cell } from './blocks'
import { code, plain } from './blocks'
import { utc, utcDay } from './format'
import type { ConfigDocument, RunbookStep } from './model'
import { sectionTitle, type SectionId } from './sections'
import { apps, idps, mappings, registrations } from './layout-seam'

const yesNo = (v: boolean | undefined): string =>
  v === undefined ? 'not collected' : v ? 'yes' : 'no'

function heading(id: SectionId): Block {
  return { kind: 'heading', level: 2, text: sectionTitle(id), id }
}

function overview(doc: ConfigDocument): Block[] {
  const o = doc.overview
  if (!o) return []
  const rows: { label: string; value: Cell }[] = []
  if (o.entra) {
    rows.push({ label: 'Entra tenant ID', value: code(o.entra.tenantId) })
    rows.push({ label: 'Cloud', value: plain(o.entra.cloud) })
    if (o.entra.displayName) rows.push({ label: 'Organization', value: plain(o.entra.displayName) })
    if (o.entra.initialDomain)
      rows.push({ label: 'Initial domain', value: code(o.entra.initialDomain) })
    if (o.entra.users !== undefined)
      rows.push({ label: 'Entra users', value: plain(o.entra.users) })
  } else rows.push({ label: 'Entra', value: plain('not collected') })
  if (o.okta) {
    rows.push({ label: 'Okta org URL', value: code(o.okta.orgUrl) })
    if (o.okta.users !== undefined) rows.push({ label: 'Okta users', value: plain(o.okta.users) })
    if (o.okta.apps !== undefined) rows.push({ label: 'Okta apps', value: plain(o.okta.apps) })
    if (o.okta.idps !== undefined)
      rows.push({ label: 'Okta identity providers', value: plain(o.okta.idps) })
  } else rows.push({ label: 'Okta', value: plain('not collected') })
  rows.push({ label: 'Collected', value: plain(utc(o.collectedAt)) })
  rows.push({ label: 'Snapshot SHA-256', value: code(o.snapshotSha256) })
  rows.push({ label: 'Collected by', value: plain(`${o.tool.name} ${o.tool.version}`) })
  rows.push({ label: 'Complete', value: plain(o.complete ? 'yes' : 'no: see below') })
  const out: Block[] = [heading('overview'), { kind: 'facts', rows }]
  if (o.missing.length)
    out.push(
      { kind: 'paragraph', text: 'Not in this snapshot, and why:' },
      {
        kind: 'table',
        head: ['Resource', 'Why'],
        rows: o.missing.map((m) => [plain(m.label), plain(m.summary)]),
      },
    )
  return out
}

function domains(doc: ConfigDocument): Block[] {
  const list = doc.domains
  if (!list) return []
  const out: Block[] = [
    heading('domains'),
    {
      kind: 'table',
      head: ['Domain', 'Verified', 'Authentication', 'Default', 'Initial'],
      rows: list.map((d) => [
        code(d.name),
        plain(yesNo(d.verified)),
        plain(d.federated ? 'Federated' : 'Managed'),
        plain(d.isDefault ? 'yes' : ''),
        plain(d.isInitial ? 'yes' : ''),
      ]),
    },
  ]
  for (const d of list.filter((x) => x.federation)) {
    const f = d.federation
    if (!f) continue
    out.push(
      { kind: 'heading', level: 3, text: `Federation of ${d.name}` },
      {
        kind: 'facts',
        rows: [
          { label: 'Display name', value: plain(f.displayName) },
          { label: 'Issuer URI', value: code(f.issuerUri) },
          { label: 'Passive sign-in URI', value: code(f.passiveSignInUri) },
          { label: 'Active sign-in URI', value: code(f.activeSignInUri) },
          { label: 'Sign-out URI', value: code(f.signOutUri) },
          { label: 'Metadata exchange URI', value: code(f.metadataExchangeUri) },
          { label: 'Protocol', value: plain(f.preferredAuthenticationProtocol) },
          { label: 'MFA behaviour', value: plain(f.federatedIdpMfaBehavior) },
          { label: 'Prompt login behaviour', value: plain(f.promptLoginBehavior) },
          {
            label: 'Signing certificate SHA-256',
            value: code(f.signingCertificate?.sha256Thumbprint),
          },
          {
            label: 'Signing certificate valid',
            value: plain(
              f.signingCertificate?.notAfter
                ? `${utcDay(f.signingCertificate.notBefore)} to ${utcDay(f.signingCertificate.notAfter)}`
                : '',
            ),
          },
          ...(f.nextSigningCertificate
            ? [
                {
                  label: 'Next signing certificate SHA-256',
                  value: code(f.nextSigningCertificate.sha256Thumbprint),
                },
              ]
            : []),
          {
            label: 'Okta Office 365 app',
            value: plain(f.office365Apps.join(', ') || 'none serves this domain'),
          },
        ],
      },
    )
  }
  return out
}

function sync(doc: ConfigDocument): Block[] {
  const s = doc.sync
  if (!s) return []
  return [
    heading('sync'),
    {
      kind: 'facts',
      rows: [
        {
          label: 'Entra Connect sync',
          value: plain(s.enabled === undefined ? 'not collected' : s.enabled ? 'enabled' : 'off'),
        },
        {
          label: 'Last sync',
          value: plain(
            s.lastSync
              ? `${utc(s.lastSync)}${s.minutesSinceSync !== undefined ? ` (${s.minutesSinceSync} minutes before the collection)` : ''}`
              : 'never',
          ),
        },
        ...(s.collected
          ? s.features.map((f) => ({ label: f.label, value: plain(f.value) }))
          : [
              {
                label: 'Sync features',
                value: plain(
                  'not collected (Graph serves them only to a signed-in Global Administrator)',
                ),
              },
            ]),
      ],
    },
    {
      kind: 'table',
      caption: 'Provisioning jobs',
      head: ['Service principal', 'Template', 'Status', 'Interval', 'Last run'],
      rows: s.jobs.map((j) => [
        plain(j.servicePrincipal),
        code(j.templateId),
        plain(j.status),
        code(j.schedule),
        plain(utc(j.lastExecution)),
      ]),
    },
  ]
}

function findings(doc: ConfigDocument): Block[] {
  const list = doc.findings
  if (!list) return []
  const out: Block[] = [heading('findings')]
  if (list.length === 0) out.push({ kind: 'paragraph', text: 'No findings.' })
  for (const f of list)
    out.push(
      { kind: 'heading', level: 3, text: `${f.severity.toUpperCase()}: ${f.title}` },
      { kind: 'paragraph', text: f.detail },
      {
        kind: 'facts',
        rows: [
          { label: 'Rule', value: code(f.rule) },
          { label: 'Category', value: plain(f.category) },
          ...(f.subjects.length
            ? [
                {
                  label: 'Objects',
                  value: plain(
                    f.subjects.slice(0, 20).join('; ') +
                      (f.subjects.length > 20 ? `; and ${f.subjects.length - 20} more` : ''),
                  ),
                },
              ]
            : []),
        ],
      },
      { kind: 'list', ordered: true, items: f.steps.map((s) => plain(s)) },
      { kind: 'list', ordered: false, items: f.links.map((l) => code(l)) },
    )
  return out
}

function rotation(doc: ConfigDocument): Block[] {
  const list = doc.rotation
  if (!list) return []
  return [
    heading('rotation'),
    {
      kind: 'paragraph',
      text: `Days are counted from the collection (${utc(doc.snapshot.collectedAt)}). Rotate by: 30 days before expiry.`,
    },
    {
      kind: 'table',
      head: ['Expires', 'Rotate by', 'Days left', 'Status', 'Side', 'Object', 'Kind', 'Credential'],
      rows: list.map((r) => [
        plain(utcDay(r.expires)),
        plain(utcDay(r.rotationDue)),
        plain(r.daysLeft),
        plain(r.status),
        plain(r.side === 'entra' ? 'Entra' : 'Okta'),
        plain(r.object),
        plain(r.kind),
        code(r.credential),
      ]),
    },
  ]
}

function step(s: RunbookStep): Block[] {
  const out: Block[] = [
    { kind: 'heading', level: 3, text: `Step ${s.number}. ${s.title}` },
    { kind: 'paragraph', text: s.summary },
  ]
  s.actions.forEach((a, i) => {
    out.push({ kind: 'heading', level: 4, text: `${s.number}.${i + 1} ${a.title}` })
    const rows: { label: string; value: Cell }[] = []
    if (a.console) rows.push({ label: 'Console', value: plain(a.console) })
    if (a.api) rows.push({ label: 'API', value: code(a.api) })
    for (const v of a.values)
      rows.push({
        label: v.reenter ? `${v.label} (re-enter)` : v.label,
        value: v.reenter ? plain(v.value) : code(v.value),
      })
    for (const p of a.produces ?? [])
      rows.push({ label: `Note ${p.placeholder}`, value: plain(`from the response's ${p.from}`) })
    out.push({ kind: 'facts', rows })
    if (a.body) out.push({ kind: 'code', text: a.body })
  })
  return out
}

function runbook(doc: ConfigDocument): Block[] {
  const r = doc.runbook
  if (!r) return []
  return [
    heading('runbook'),
    {
      kind: 'paragraph',
      text: 'Follow the steps in order. Values in angle brackets are created by the rebuild: note each one where the step says, and use it in the later steps.',
    },
    ...r.steps.flatMap(step),
    { kind: 'heading', level: 3, text: 'Values you must re-enter' },
    {
      kind: 'table',
      head: ['What', 'Where', 'Note'],
      rows: r.reenter.map((x) => [plain(x.what), plain(x.where), plain(x.note)]),
    },
    { kind: 'heading', level: 3, text: 'Checks after the rebuild' },
    { kind: 'list', ordered: true, items: r.checks.map((c) => plain(c)) },
  ]
}

/** The whole document as blocks. */
export function layoutDocument(doc: ConfigDocument): Block[] {
  return [
    { kind: 'title', text: doc.title },
    {
      kind: 'paragraph',
      text: `Built from the snapshot collected ${utc(doc.snapshot.collectedAt)} (SHA-256 ${doc.snapshot.sha256}). Secrets are never in this document: they are shown by their first characters, and the runbook lists the values to re-enter.`,
    },
    ...overview(doc),
    ...domains(doc),
    ...registrations(doc),
    ...idps(doc),
    ...apps(doc),
    ...mappings(doc),
    ...sync(doc),
    ...findings(doc),
    ...rotation(doc),
    ...runbook(doc),
  ]
}
