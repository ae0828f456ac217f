/**
 * Scoring of a diagnosis against an answer key. Objects are compared by identity, not by
 * spelling: a subject may name a user by id or UPN/login, an app by object id or appId (an
 * app registration and its service principal are one app), a key by its key id.
 */
import {
  type Finding,
  RESOURCE_PATHS,
  type Snapshot,
  type Subject,
} from '../../../src/shared/model'
import type { PlantedSubject } from '../../fixtures/adversarial'

type Rec = Record<string, unknown>
export type Kind = 'person' | 'event' | 'key' | 'other'

export interface Identity {
  id: string
  kind: Kind
  label: string
}

/** Every identifier of every object of a snapshot, resolved to the object's identity. */
export class IdentityIndex {
  private readonly map = new Map<string, Identity>()

  constructor(snap: Snapshot) {
    const e = (snap.entra ?? {}) as unknown as Rec
    const o = (snap.okta ?? {}) as unknown as Rec
    const list = (side: Rec, key: string): Rec[] =>
      Array.isArray(side[key]) ? (side[key] as Rec[]) : []
    const keyed = (side: Rec, key: string): [string, Rec[]][] =>
      Object.entries((side[key] as Record<string, Rec[]> | undefined) ?? {})
    const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined)

    for (const u of [...list(e, 'users'), ...list(e, 'deletedUsers')])
      this.add(
        'entra',
        `user:${str(u['id'])}`,
        'person',
        String(u['userPrincipalName']),
        u['id'],
        u['userPrincipalName'],
      )
    for (const a of [...list(e, 'applications'), ...list(e, 'servicePrincipals')]) {
      const ident = `app:${str(a['appId']) ?? str(a['id'])}`
      this.add('entra', ident, 'other', String(a['displayName']), a['id'], a['appId'])
      for (const c of [
        ...((a['passwordCredentials'] as Rec[]) ?? []),
        ...((a['keyCredentials'] as Rec[]) ?? []),
      ])
        this.add(
          'entra',
          `key:${str(c['keyId'])}`,
          'key',
          `${String(a['displayName'])} ${String(c['displayName'])}`,
          c['keyId'],
        )
    }
    for (const d of list(e, 'domains'))
      this.add(
        'entra',
        `domain:${String(d['id']).toLowerCase()}`,
        'other',
        String(d['id']),
        d['id'],
      )
    for (const [domain, configs] of keyed(e, 'federationConfigurations'))
      for (const f of configs)
        this.add('entra', `domain:${domain.toLowerCase()}`, 'other', domain, f['id'])
    for (const org of list(e, 'organization'))
      this.add('entra', `org:${str(org['id'])}`, 'other', 'organization', org['id'], e['tenantId'])
    for (const g of list(e, 'groups'))
      this.add('entra', `group:${str(g['id'])}`, 'other', String(g['displayName']), g['id'])
    for (const key of ['signIns', 'directoryAudits', 'provisioningLogs'])
      for (const ev of list(e, key))
        this.add('entra', `event:${str(ev['id'])}`, 'event', `${key} ${String(ev['id'])}`, ev['id'])
    const sps = list(e, 'servicePrincipals')
    for (const [spId, jobs] of keyed(e, 'synchronizationJobs')) {
      const sp = sps.find((s) => s['id'] === spId)
      for (const j of jobs)
        this.add(
          'entra',
          `app:${str(sp?.['appId']) ?? spId}`,
          'other',
          `job ${String(j['id'])}`,
          j['id'],
        )
    }

    for (const u of [...list(o, 'users'), ...list(o, 'deprovisionedUsers')])
      this.add(
        'okta',
        `user:${str(u['id'])}`,
        'person',
        String((u['profile'] as Rec | undefined)?.['login']),
        u['id'],
        (u['profile'] as Rec | undefined)?.['login'],
      )
    for (const a of list(o, 'apps'))
      this.add('okta', `app:${str(a['id'])}`, 'other', String(a['label']), a['id'])
    for (const [, keys] of keyed(o, 'appKeys'))
      for (const k of keys)
        this.add('okta', `key:${str(k['kid'])}`, 'key', `key ${String(k['kid'])}`, k['kid'])
    for (const i of list(o, 'idps'))
      this.add('okta', `idp:${str(i['id'])}`, 'other', String(i['name']), i['id'])
    for (const m of list(o, 'mappings'))
      this.add('okta', `mapping:${str(m['id'])}`, 'other', `mapping ${String(m['id'])}`, m['id'])
    for (const g of list(o, 'groups'))
      this.add(
        'okta',
        `group:${str(g['id'])}`,
        'other',
        String((g['profile'] as Rec | undefined)?.['name']),
        g['id'],
      )
    for (const ev of list(o, 'logs'))
      this.add(
        'okta',
        `event:${str(ev['uuid'])}`,
        'event',
        `${String(ev['eventType'])} ${String(ev['uuid'])}`,
        ev['uuid'],
      )
    if (typeof o['orgUrl'] === 'string')
      this.add('okta', 'org', 'other', 'Okta org', o['orgUrl'], new URL(o['orgUrl']).host)
    for (const path of RESOURCE_PATHS) {
      const [source, key] = path.split('.') as ['entra' | 'okta', string]
      this.add(source, `resource:${key}`, 'other', path, key, path)
    }
  }

  private add(
    source: string,
    ident: string,
    kind: Kind,
    label: string,
    ...aliases: unknown[]
  ): void {
    for (const alias of aliases) {
      if (typeof alias !== 'string' || !alias) continue
      const k = `${source}|${alias.toLowerCase()}`
      if (!this.map.has(k)) this.map.set(k, { id: `${source}:${ident}`, kind, label })
    }
  }

  /** The identity a subject names; an unknown id keeps its own, with a kind guessed from the type. */
  resolve(s: { source: string; type: string; id: string }): Identity & { known: boolean } {
    const hit = this.map.get(`${s.source}|${s.id.toLowerCase()}`)
    if (hit) return { ...hit, known: true }
    const t = s.type.toLowerCase()
    const kind: Kind = /user|person|account/.test(t)
      ? 'person'
      : /sign|event|log|audit/.test(t)
        ? 'event'
        : /key|secret|cert|credential/.test(t)
          ? 'key'
          : 'other'
    return { id: `${s.source}:${t}:${s.id}`, kind, label: s.id, known: false }
  }
}

export interface KeyEntry {
  category: string
  problem: string
  subjects: PlantedSubject[]
  evidence?: PlantedSubject[]
}

const above = (f: Finding): boolean => f.severity !== 'info'

/**
 * The finding that covers an entry: same category (unless `anyCategory`), naming every
 * subject of the entry on the sides it speaks about.
 */
export function coveringFinding(
  entry: KeyEntry,
  findings: Finding[],
  index: IdentityIndex,
  aboveInfoOnly: boolean,
  anyCategory = false,
): Finding | undefined {
  return coveringFindings(entry, findings, index, aboveInfoOnly, anyCategory)[0]
}

/** Every finding that covers an entry (see coveringFinding). */
export function coveringFindings(
  entry: KeyEntry,
  findings: Finding[],
  index: IdentityIndex,
  aboveInfoOnly: boolean,
  anyCategory = false,
): Finding[] {
  return findings.filter((f) => {
    if ((!anyCategory && f.category !== entry.category) || (aboveInfoOnly && !above(f)))
      return false
    const named = new Set(f.subjects.map((s) => index.resolve(s).id))
    const sides = new Set(f.subjects.map((s) => s.source))
    const wanted = entry.subjects.filter((s) => sides.has(s.source))
    return wanted.length > 0 && wanted.every((s) => named.has(index.resolve(s).id))
  })
}

export interface Verdict {
  finding: Finding
  right: boolean
  why: string
}

/** A finding above info is right when it names a planted object and every person, event and key it names is planted. */
export function judge(findings: Finding[], key: KeyEntry[], index: IdentityIndex): Verdict[] {
  const planted = new Set<string>()
  for (const e of key)
    for (const s of [...e.subjects, ...(e.evidence ?? [])]) planted.add(index.resolve(s).id)
  return findings.filter(above).map((finding) => {
    const ids = finding.subjects.map((s: Subject) => ({ s, ident: index.resolve(s) }))
    const hits = ids.filter((x) => planted.has(x.ident.id))
    const strays = ids.filter((x) => x.ident.kind !== 'other' && !planted.has(x.ident.id))
    if (hits.length === 0) return { finding, right: false, why: 'names no planted object' }
    if (strays.length > 0)
      return {
        finding,
        right: false,
        why: `also names unplanted ${strays.map((x) => `${x.ident.kind} ${x.ident.label}`).join(', ')}`,
      }
    return { finding, right: true, why: `names ${hits.map((x) => x.ident.label).join(', ')}` }
  })
}

export function describeFinding(f: Finding): string {
  const subjects = f.subjects.map((s) => `${s.source}:${s.type}:${s.name ?? s.id}`).join('; ')
  return `[${f.severity}] ${f.rule} (${f.category}) — ${f.title}\n      subjects: ${subjects}`
}
