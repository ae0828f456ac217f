/**
 * Builds the configuration document from a snapshot and its findings. The snapshot is turned
 * into its redacted view first (`redacted-view.ts`) and only that view, the findings and the
 * snapshot's identity reach the section builders, so no builder can copy a secret value. Pure
 * and deterministic: the same snapshot and findings give the same document, on any day.
 */
import { microsoftIdps } from '../compare/seam'
import { SnapshotIndex } from '../compare/snapshot-index'
import { type Finding, type Snapshot, RESOURCES, resourceLabel } from '../model'
import { expiryWindow } from '../rules/expiry'
import { collectionGaps, gapSummary } from '../rules/gaps'
import { DEFAULT_THRESHOLDS } from '../rules/rule'
import { daysUntil } from '../util/dates'
import { text } from '../util/access'
import { buildAppRegistrations, buildDomains, buildSync } from './build-entra'
import { buildApps, buildIdentityProviders, buildMappings } from './build-okta'
import { daysBefore } from './format'
import {
  type ConfigDocument,
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  type FindingDoc,
  type Overview,
  type RotationEntry,
} from './model'
import { type RedactedSnapshot, redactedView } from './redacted-view'
import { buildRunbook } from './runbook'
import { SECTION_IDS, type SectionId } from './sections'

/** What a document is built from. */
export interface DocumentInput {
  snapshot: Snapshot
  findings: readonly Finding[]
  /** the snapshot's identity (`snapshotIdentity`), stored with it at collection or import */
  snapshotSha256: string
  /** the sections to include (default: all), in any order */
  sections?: readonly SectionId[]
}

const DUE_DAYS = DEFAULT_THRESHOLDS.expiryDays[0]

function overview(snapshot: Snapshot, view: RedactedSnapshot, sha: string): Overview {
  const org = view.entra?.organization?.[0]
  const initial = (view.entra?.domains ?? []).find((d) => d.isInitial === true)
  return {
    ...(snapshot.entra
      ? {
          entra: {
            tenantId: snapshot.entra.tenantId,
            cloud: snapshot.entra.cloud,
            displayName: text(org, 'displayName'),
            initialDomain: text(initial, 'id'),
            users: snapshot.entra.users?.length,
            groups: snapshot.entra.groups?.length,
          },
        }
      : {}),
    ...(snapshot.okta
      ? {
          okta: {
            orgUrl: snapshot.okta.orgUrl,
            users: snapshot.okta.users?.length,
            groups: snapshot.okta.groups?.length,
            apps: snapshot.okta.apps?.length,
            idps: snapshot.okta.idps?.length,
          },
        }
      : {}),
    collectedAt: snapshot.collectedAt,
    snapshotSha256: sha,
    tool: { ...snapshot.tool },
    complete: snapshot.collection.complete,
    missing: collectionGaps(snapshot)
      .filter((g) => g.reason !== 'side-missing' || RESOURCES[g.path].source === 'entra')
      .map((g) => ({
        resource: g.path,
        label: resourceLabel(g.path),
        reason: g.reason,
        summary: gapSummary(g),
      })),
  }
}

function findingDocs(findings: readonly Finding[]): FindingDoc[] {
  return findings.map((f) => ({
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    category: f.category,
    title: f.title,
    detail: f.detail,
    subjects: f.subjects.map((s) => `${s.source} ${s.type} ${s.name ?? s.id}`),
    steps: [...f.remediation.steps],
    links: [...f.remediation.links],
  }))
}

function rotation(doc: ConfigDocument, view: RedactedSnapshot, now: Date): RotationEntry[] {
  const out: RotationEntry[] = []
  const add = (e: Omit<RotationEntry, 'daysLeft' | 'status' | 'rotationDue'>): void => {
    const end = new Date(e.expires)
    if (!Number.isFinite(end.getTime())) return
    const window = expiryWindow(end, now, DEFAULT_THRESHOLDS)
    out.push({
      ...e,
      rotationDue: daysBefore(e.expires, DUE_DAYS) ?? e.expires,
      daysLeft: daysUntil(end, now),
      status:
        window === 'expired'
          ? 'expired'
          : window === 0
            ? 'due'
            : window === undefined
              ? 'ok'
              : 'soon',
    })
  }
  for (const app of view.entra?.applications ?? []) {
    const name = text(app, 'displayName') ?? String(app.appId ?? app.id)
    for (const c of Array.isArray(app.passwordCredentials) ? app.passwordCredentials : []) {
      const cred = c as Record<string, unknown>
      if (typeof cred.endDateTime === 'string')
        add({
          side: 'entra',
          object: name,
          credential: `${typeof cred.displayName === 'string' ? cred.displayName : 'secret'} (${typeof cred.hint === 'string' ? cred.hint : '…'}…, ${String(cred.keyId ?? '')})`,
          kind: 'client secret',
          expires: cred.endDateTime,
        })
    }
    for (const c of Array.isArray(app.keyCredentials) ? app.keyCredentials : []) {
      const cred = c as Record<string, unknown>
      if (typeof cred.endDateTime === 'string')
        add({
          side: 'entra',
          object: name,
          credential: `${typeof cred.displayName === 'string' ? cred.displayName : 'certificate'} (${String(cred.keyId ?? '')})`,
          kind: 'certificate',
          expires: cred.endDateTime,
        })
    }
  }
  for (const d of doc.domains ?? []) {
    const cert = d.federation?.signingCertificate
    if (cert?.notAfter)
      add({
        side: 'entra',
        object: d.name,
        credential: `federation signing certificate ${cert.sha256Thumbprint?.slice(0, 16) ?? ''}…`,
        kind: 'federation certificate',
        expires: cert.notAfter,
      })
  }
  const labels = new Map(
    (view.okta?.apps ?? []).map((a) => [String(a.id), text(a, 'label') ?? String(a.id)]),
  )
  for (const [appId, keys] of Object.entries(view.okta?.appKeys ?? {}))
    for (const k of keys)
      if (typeof k.expiresAt === 'string')
        add({
          side: 'okta',
          object: labels.get(appId) ?? appId,
          credential: `signing key ${String(k.kid ?? '')}`,
          kind: 'signing key',
          expires: k.expiresAt,
        })
  return out.sort(
    (a, b) =>
      a.expires.localeCompare(b.expires) ||
      a.object.localeCompare(b.object) ||
      a.credential.localeCompare(b.credential),
  )
}

/** The document title: the tenant and org it describes. */
function title(snapshot: Snapshot, view: RedactedSnapshot): string {
  const org = text(view.entra?.organization?.[0], 'displayName')
  const parts = [org ?? snapshot.entra?.tenantId, snapshot.okta?.orgUrl].filter(Boolean)
  return `Entra ID and Okta configuration${parts.length ? `: ${parts.join(' / ')}` : ''}`
}

/** Builds the document (see the file header). */
export function buildDocument(input: DocumentInput): ConfigDocument {
  const wanted = new Set(input.sections ?? SECTION_IDS)
  const sections = SECTION_IDS.filter((id) => wanted.has(id))
  const view = redactedView(input.snapshot)
  const index = new SnapshotIndex(view)
  const idps = microsoftIdps(view, index)
  const now = new Date(input.snapshot.collectedAt)
  const doc: ConfigDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    title: title(input.snapshot, view),
    snapshot: { sha256: input.snapshotSha256, collectedAt: input.snapshot.collectedAt },
    sections,
  }
  // the runbook and the calendar draw on the other sections' data even when those are not shown
  const domains = buildDomains(view, index)
  const registrations = buildAppRegistrations(view, idps, DUE_DAYS)
  const identityProviders = buildIdentityProviders(view, idps)
  const apps = buildApps(view, DUE_DAYS)
  const mappings = buildMappings(view)
  if (wanted.has('overview')) doc.overview = overview(input.snapshot, view, input.snapshotSha256)
  if (wanted.has('domains')) doc.domains = domains
  if (wanted.has('app-registrations')) doc.appRegistrations = registrations
  if (wanted.has('identity-providers')) doc.identityProviders = identityProviders
  if (wanted.has('apps')) doc.apps = apps
  if (wanted.has('mappings')) doc.mappings = mappings
  if (wanted.has('sync')) doc.sync = buildSync(view, index)
  if (wanted.has('findings')) doc.findings = findingDocs(input.findings)
  if (wanted.has('rotation')) doc.rotation = rotation({ ...doc, domains }, view, now)
  if (wanted.has('runbook'))
    doc.runbook = buildRunbook({
      view,
      domains,
      registrations,
      identityProviders,
      apps,
      mappings,
    })
  return doc
}
