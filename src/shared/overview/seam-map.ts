/**
 * The seam map: every Okta Microsoft IdP ↔ Entra app registration pair and every
 * Entra federated domain ↔ Okta Office 365 app pair, with a status per link (see
 * seam-links.ts). Pairs come from the same seam helpers the rules use; link
 * status comes from the rules' findings for the pair's subjects, so a link is a
 * "problem" exactly when the findings list has a finding about it.
 *
 * - problem: a finding above info names this link's rule and one of the pair's subjects
 * - ok: the data the rules need was collected and they found nothing (info notes may be attached)
 * - unknown: the data was not collected, the pair is incomplete, or no diagnosis ran yet
 */
import type { Finding, Severity, Subject } from '../model/finding'
import { SEVERITY_RANK } from '../model/finding'
import type { Snapshot } from '../model/snapshot'
import { norm, str, text } from '../util/access'
import { domainFederations } from '../rules/federation'
import { activeSigningKey, microsoftIdps, office365Apps, office365Domains } from '../compare/seam'
import { SnapshotIndex } from '../compare/snapshot-index'
import {
  FEDERATION_LINK_DEFINITIONS,
  FEDERATION_LINKS,
  IDP_LINK_DEFINITIONS,
  IDP_LINKS,
  type LinkDefinition,
  type PairSide,
  type SeamLinkKind,
} from './seam-links'

export type LinkStatus = 'ok' | 'problem' | 'unknown'

/** A finding as a link shows it. */
export interface LinkFinding {
  id: string
  rule: string
  title: string
  severity: Severity
}

/** One link of a pair. */
export interface SeamLink {
  kind: SeamLinkKind
  label: string
  status: LinkStatus
  /** the worst severity among `findings`, when there are any */
  severity?: Severity
  /** findings about this link, worst first (info notes included) */
  findings: LinkFinding[]
  /** why the status is unknown */
  reason?: string
}

/** An Okta Microsoft IdP and the Entra app registration whose appId is its client ID. */
export interface IdpPair {
  kind: 'idp'
  key: string
  idp: { id: string; name: string; clientId?: string }
  application?: { id: string; appId?: string; displayName?: string }
  links: SeamLink[]
  /** findings about the pair's subjects that belong to no link */
  other: LinkFinding[]
}

/** An Entra domain federated to Okta and the Office 365 app that serves it. */
export interface FederationPair {
  kind: 'federation'
  key: string
  domain: string
  /** Entra holds a federation configuration for the domain */
  federated: boolean
  issuerUri?: string
  app?: { id: string; label?: string; activeKid?: string }
  links: SeamLink[]
  other: LinkFinding[]
}

export interface SeamMap {
  idps: IdpPair[]
  federations: FederationPair[]
  /** false when no findings were given: every link is then unknown */
  diagnosed: boolean
}

/** Options of {@link seamMap}. */
export interface SeamMapOptions {
  /**
   * Whether a resource (`entra.users`) was collected. Defaults to its presence in
   * the snapshot; a caller holding a partial copy of a snapshot passes the full
   * snapshot's answer.
   */
  isCollected?: (path: string) => boolean
}

const subjectKey = (source: string, type: string, id: string) =>
  `${source}:${type}:${id.toLowerCase()}`

function present(snapshot: Snapshot, path: string): boolean {
  const [source, resource] = path.split('.')
  const side = source === 'entra' ? snapshot.entra : source === 'okta' ? snapshot.okta : undefined
  return !!side && !!resource && (side as Record<string, unknown>)[resource] !== undefined
}

function toLinkFinding(f: Finding): LinkFinding {
  return { id: f.id, rule: f.rule, title: f.title, severity: f.severity }
}

function worst(findings: readonly LinkFinding[]): Severity | undefined {
  let out: Severity | undefined
  for (const f of findings)
    if (!out || SEVERITY_RANK[f.severity] > SEVERITY_RANK[out]) out = f.severity
  return out
}

function byWorst(a: LinkFinding, b: LinkFinding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.id.localeCompare(b.id)
}

/** Findings indexed by the subjects they name. */
class FindingsBySubject {
  private readonly map = new Map<string, Finding[]>()
  constructor(findings: readonly Finding[]) {
    for (const f of findings) {
      const seen = new Set<string>()
      for (const s of f.subjects) {
        const key = subjectKey(s.source, s.type, s.id)
        if (seen.has(key)) continue
        seen.add(key)
        const list = this.map.get(key)
        if (list) list.push(f)
        else this.map.set(key, [f])
      }
    }
  }

  about(subjects: readonly (Subject | undefined)[]): Finding[] {
    const out = new Map<string, Finding>()
    for (const s of subjects) {
      if (!s || !s.id) continue
      for (const f of this.map.get(subjectKey(s.source, s.type, s.id)) ?? []) out.set(f.id, f)
    }
    return [...out.values()]
  }
}

interface LinkContext {
  findings: FindingsBySubject | undefined
  isCollected: (path: string) => boolean
  sides: Partial<Record<PairSide, Subject>>
}

function buildLink(
  kind: SeamLinkKind,
  def: LinkDefinition,
  ctx: LinkContext,
  incomplete: string | undefined,
  claimed: Set<string>,
): SeamLink {
  const base = { kind, label: def.label }
  if (!ctx.findings)
    return { ...base, status: 'unknown', findings: [], reason: 'Not diagnosed yet.' }
  const rules = new Set(def.rules)
  const about = ctx.findings
    .about(def.sides.map((side) => ctx.sides[side]))
    .filter((f) => rules.has(f.rule))
    .map(toLinkFinding)
    .sort(byWorst)
  for (const f of about) claimed.add(f.id)
  const severity = worst(about)
  if (severity && severity !== 'info')
    return { ...base, status: 'problem', severity, findings: about }
  const missing = def.needs.filter((path) => !ctx.isCollected(path))
  if (missing.length > 0) {
    return {
      ...base,
      status: 'unknown',
      severity,
      findings: about,
      reason: `Not collected: ${missing.join(', ')}.`,
    }
  }
  if (incomplete)
    return { ...base, status: 'unknown', severity, findings: about, reason: incomplete }
  return { ...base, status: 'ok', severity, findings: about }
}

function otherFindings(ctx: LinkContext, claimed: Set<string>): LinkFinding[] {
  if (!ctx.findings) return []
  return ctx.findings
    .about(Object.values(ctx.sides))
    .filter((f) => !claimed.has(f.id))
    .map(toLinkFinding)
    .sort(byWorst)
}

/**
 * Builds the seam map of a snapshot. `findings` are the rules' findings for this
 * snapshot; pass `undefined` before the first diagnosis (every link is then unknown).
 */
export function seamMap(
  snapshot: Snapshot,
  findings: readonly Finding[] | undefined,
  options: SeamMapOptions = {},
): SeamMap {
  const index = new SnapshotIndex(snapshot)
  const isCollected = options.isCollected ?? ((path: string) => present(snapshot, path))
  const bySubject = findings ? new FindingsBySubject(findings) : undefined
  return {
    idps: idpPairs(snapshot, index, bySubject, isCollected),
    federations: federationPairs(snapshot, index, bySubject, isCollected),
    diagnosed: findings !== undefined,
  }
}

function idpPairs(
  snapshot: Snapshot,
  index: SnapshotIndex,
  findings: FindingsBySubject | undefined,
  isCollected: (path: string) => boolean,
): IdpPair[] {
  return microsoftIdps(snapshot, index).map((m) => {
    const application = m.application
    const ctx: LinkContext = {
      findings,
      isCollected,
      sides: {
        idp: { source: 'okta', type: 'idp', id: m.id },
        application: application && {
          source: 'entra',
          type: 'application',
          id: str(application, 'id') ?? str(application, 'appId') ?? '',
        },
      },
    }
    const claimed = new Set<string>()
    const noApp = application
      ? undefined
      : m.servicePrincipal
        ? 'The client ID is an enterprise app of another tenant; its registration is not visible here.'
        : 'No app registration of the tenant has this client ID.'
    const links = IDP_LINKS.map((kind) => {
      const incomplete =
        kind === 'client-secret'
          ? (noApp ??
            (m.secret === undefined
              ? 'Okta did not return the client secret, so it cannot be compared.'
              : undefined))
          : kind === 'redirect-uri' || kind === 'consent'
            ? noApp
            : undefined
      return buildLink(kind, IDP_LINK_DEFINITIONS[kind], ctx, incomplete, claimed)
    })
    return {
      kind: 'idp' as const,
      key: `idp:${m.id}`,
      idp: { id: m.id, name: m.name, clientId: m.clientId },
      application: application && {
        id: str(application, 'id') ?? '',
        appId: str(application, 'appId'),
        displayName: text(application, 'displayName'),
      },
      links,
      other: otherFindings(ctx, claimed),
    }
  })
}

interface RawFederationPair {
  domain: string
  config?: Record<string, unknown>
  app?: Record<string, unknown>
}

/** Federated domains with their O365 app(s), plus O365 apps whose domain Entra does not federate. */
function rawFederationPairs(snapshot: Snapshot, index: SnapshotIndex): RawFederationPair[] {
  const out: RawFederationPair[] = []
  const seen = new Set<string>()
  const add = (pair: RawFederationPair) => {
    const key = `${pair.domain}|${str(pair.app, 'id') ?? ''}`
    if (seen.has(key)) return
    seen.add(key)
    out.push(pair)
  }
  for (const f of domainFederations(snapshot, index)) {
    if (!f.isOkta) continue
    if (f.apps.length === 0) add({ domain: f.domain, config: f.config })
    for (const app of f.apps) add({ domain: f.domain, config: f.config, app })
  }
  const configured = new Set(
    Object.keys(snapshot.entra?.federationConfigurations ?? {}).map((d) => norm(d) ?? d),
  )
  const federatedDomains = new Set(
    (snapshot.entra?.domains ?? [])
      .filter((d) => norm(str(d, 'authenticationType')) === 'federated')
      .map((d) => norm(str(d, 'id')))
      .filter((d): d is string => !!d),
  )
  for (const app of office365Apps(index)) {
    for (const domain of office365Domains(app)) {
      if (!configured.has(domain)) add({ domain, app })
    }
  }
  for (const domain of federatedDomains) {
    if (!configured.has(domain) && !out.some((p) => p.domain === domain)) add({ domain })
  }
  return out.sort((a, b) => a.domain.localeCompare(b.domain))
}

function federationPairs(
  snapshot: Snapshot,
  index: SnapshotIndex,
  findings: FindingsBySubject | undefined,
  isCollected: (path: string) => boolean,
): FederationPair[] {
  return rawFederationPairs(snapshot, index).map(({ domain, config, app }) => {
    const appId = str(app, 'id')
    const ctx: LinkContext = {
      findings,
      isCollected,
      sides: {
        domain: { source: 'entra', type: 'domain', id: domain },
        app: appId ? { source: 'okta', type: 'app', id: appId } : undefined,
      },
    }
    const claimed = new Set<string>()
    const noConfig = config
      ? undefined
      : isCollected('entra.federationConfigurations')
        ? `Entra holds no federation configuration for ${domain}.`
        : undefined
    const noApp = app ? undefined : `No Okta Office 365 app serves ${domain}.`
    const activeKey = app ? activeSigningKey(snapshot, app) : undefined
    const links = FEDERATION_LINKS.map((kind) => {
      const incomplete =
        kind === 'issuer'
          ? (noConfig ?? noApp)
          : kind === 'signing-certificate'
            ? (noConfig ??
              noApp ??
              (activeKey ? undefined : "The app's active signing key is not in the snapshot."))
            : noApp
      return buildLink(kind, FEDERATION_LINK_DEFINITIONS[kind], ctx, incomplete, claimed)
    })
    return {
      kind: 'federation' as const,
      key: `federation:${domain}:${appId ?? ''}`,
      domain,
      federated: config !== undefined,
      issuerUri: str(config, 'issuerUri'),
      app: app && {
        id: appId ?? '',
        label: text(app, 'label'),
        activeKid: str(activeKey, 'kid'),
      },
      links,
      other: otherFindings(ctx, claimed),
    }
  })
}
