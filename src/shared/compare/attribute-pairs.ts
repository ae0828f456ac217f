/**
 * Which Entra attribute each Okta attribute should equal, from the tenant's own
 * mappings:
 *
 * - the Okta user → Office 365 app mapping says what Okta sends to Entra: app attribute
 *   `firstName ← user.firstName` means Entra's `givenName` should equal the value that
 *   expression gives for the Okta user;
 * - each Microsoft IdP → Okta user mapping says what Entra's claims write into Okta:
 *   `login ← appuser.userPrincipalName` means the Okta login should equal the UPN.
 *
 * Where no mapping covers an attribute, a default table applies (UPN ↔ login, mail ↔
 * email, givenName ↔ firstName, surname ↔ lastName, onPremisesImmutableId ↔ the
 * Office 365 immutableId, employeeId ↔ employeeNumber, department, accountEnabled ↔
 * status). A pair whose Entra attribute no user in the snapshot carries (not selected
 * by the collection) is listed as not collected rather than compared.
 *
 * @see https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ProfileMapping/
 * @see https://developer.okta.com/docs/reference/okta-expression-language/
 */
import { type Rec, isRec, norm, str, text } from '../util/access'
import { type CompiledTemplate, compileExpression, entraPropertyForClaim } from './okta-expression'
import { isActiveApp, microsoftIdps, office365Apps } from './seam'
import { DEFAULT_PAIRS, OFFICE365_ATTRIBUTES } from './pair-defaults'
import type { SnapshotIndex } from './snapshot-index'
import { valueText } from './values'

/** Where a pair comes from. */
export type PairOrigin = 'office365-mapping' | 'idp-mapping' | 'default'

/** One mapping property behind a pair. */
export interface PairMapping {
  origin: PairOrigin
  /** the profile mapping's id */
  mappingId?: string
  /** the Office 365 app or the IdP whose mapping it is */
  owner?: { id: string; name: string }
  /** the attribute the mapping writes (the app attribute, or the Okta user attribute) */
  target: string
  /** the expression exactly as the mapping holds it */
  expression?: string
}

/** How a pair's two values are compared. */
export type PairCompare = 'text' | 'exact' | 'status'

/** One compared pair: an Entra attribute and the Okta value that should equal it. */
export interface AttributePair {
  /** stable within a snapshot: `<entra>|<okta>` */
  id: string
  /** "givenName ↔ firstName" */
  label: string
  /** the Graph user property, or an expression over one (IdP mappings) */
  entra: string
  /** the Okta user attribute, or what Okta computes for the Office 365 app user */
  okta: string
  compare: PairCompare
  /** the mappings that define the pair, the one applied first */
  mappings: PairMapping[]
  /**
   * Office 365 apps or IdPs whose mapping writes the pair's attribute elsewhere but not
   * here (their mapping lacks it while the others map it; for the immutable ID, any
   * Office 365 mapping without it)
   */
  unmapped: { origin: PairOrigin; mappingId?: string; owner: { id: string; name: string } }[]
  /** the expression(s) for the column header, e.g. "firstName ← user.firstName" */
  header: string
  /** false when no Entra user in the snapshot carries the attribute */
  collected: boolean
}

/** A pair with the functions that read its two values. */
export interface PairReader {
  pair: AttributePair
  entraValue: (user: Rec) => string | undefined
  /** `appUsers` are the Okta user's Office 365 app users by app id */
  oktaValue: (user: Rec, appUsers: ReadonlyMap<string, Rec> | undefined) => string | undefined
}

const OKTA_STATUS = 'status'
const IMMUTABLE = 'onPremisesImmutableId'

function isNullExpression(expression: string | undefined): boolean {
  return !expression || expression.trim() === '' || expression.trim() === 'null'
}

/** The user → Office 365 app mappings (one per app; active apps first). */
function officeMappings(index: SnapshotIndex): { app: Rec; mapping: Rec }[] {
  const mappings = index.snapshot.okta?.mappings ?? []
  const apps = office365Apps(index).sort((a, b) => Number(isActiveApp(b)) - Number(isActiveApp(a)))
  const out: { app: Rec; mapping: Rec }[] = []
  for (const app of apps) {
    const id = str(app, 'id')
    const mapping = mappings.find(
      (m) => str(m, 'target', 'id') === id && norm(str(m, 'source', 'type')) === 'user',
    )
    if (mapping) out.push({ app, mapping })
  }
  return out
}

/** The IdP → Okta user mappings of the active Microsoft IdPs. */
function idpMappings(index: SnapshotIndex): { idp: { id: string; name: string }; mapping: Rec }[] {
  const mappings = index.snapshot.okta?.mappings ?? []
  const out: { idp: { id: string; name: string }; mapping: Rec }[] = []
  for (const m of microsoftIdps(index.snapshot, index)) {
    if (!m.active) continue
    const mapping = mappings.find(
      (x) => str(x, 'source', 'id') === m.id && norm(str(x, 'target', 'type')) === 'user',
    )
    if (mapping) out.push({ idp: { id: m.id, name: m.name }, mapping })
  }
  return out
}

function properties(mapping: Rec): [string, string | undefined][] {
  const props = mapping['properties']
  if (!isRec(props)) return []
  return Object.entries(props).map(([name, value]) => [name, text(value, 'expression')])
}

interface Draft {
  entra: string
  okta: string
  compare: PairCompare
  mappings: PairMapping[]
  entraRead?: CompiledTemplate
  /** per Office 365 app id: the expression evaluated on the Okta user, when it is one we read */
  officeRead: Map<string, { app: string; target: string; compiled?: CompiledTemplate }>
}

/** Okta user attributes a bare `user.<name>` expression reads. */
function oktaAttributeOf(compiled: CompiledTemplate | undefined): string | undefined {
  return compiled?.property
}

/**
 * The pairs of a snapshot, with their readers (see the file header). Office 365 mapping
 * pairs come first, then IdP mapping pairs, then the defaults no mapping covers.
 */
export function attributePairReaders(index: SnapshotIndex): PairReader[] {
  return index.cached('compare:pairs', () => buildReaders(index))
}

/** The pairs of a snapshot (see {@link attributePairReaders}). */
export function attributePairs(index: SnapshotIndex): AttributePair[] {
  return attributePairReaders(index).map((r) => r.pair)
}

function buildReaders(index: SnapshotIndex): PairReader[] {
  const drafts = new Map<string, Draft>()
  const draft = (entra: string, okta: string, compare: PairCompare): Draft => {
    const id = `${entra}|${okta}`
    let d = drafts.get(id)
    if (!d) {
      d = { entra, okta, compare, mappings: [], officeRead: new Map() }
      drafts.set(id, d)
    }
    return d
  }
  const mappedEntra = new Set<string>()
  const mappedOkta = new Set<string>()

  for (const { app, mapping } of officeMappings(index)) {
    const owner = { id: str(app, 'id') ?? '', name: text(app, 'label') ?? 'Office 365' }
    for (const [target, expression] of properties(mapping)) {
      const entra = OFFICE365_ATTRIBUTES[target]
      if (!entra || isNullExpression(expression)) continue
      const compiled = compileExpression(expression ?? '', 'user', (name) => name)
      const okta =
        oktaAttributeOf(compiled) ??
        (entra === IMMUTABLE ? 'immutableId' : `${target} (Office 365)`)
      const d = draft(entra, okta, entra === IMMUTABLE ? 'exact' : 'text')
      d.mappings.push({
        origin: 'office365-mapping',
        mappingId: str(mapping, 'id'),
        owner,
        target,
        expression,
      })
      if (!d.officeRead.has(owner.id))
        d.officeRead.set(owner.id, { app: owner.id, target, ...(compiled ? { compiled } : {}) })
      mappedEntra.add(entra)
    }
  }

  for (const { idp, mapping } of idpMappings(index)) {
    for (const [target, expression] of properties(mapping)) {
      if (isNullExpression(expression)) continue
      const compiled = compileExpression(expression ?? '', 'appuser', entraPropertyForClaim)
      const entra = compiled?.property ?? (expression ?? '').trim()
      const d = draft(entra, target, entra === IMMUTABLE ? 'exact' : 'text')
      d.mappings.push({
        origin: 'idp-mapping',
        mappingId: str(mapping, 'id'),
        owner: idp,
        target,
        expression,
      })
      if (!compiled?.property && compiled && !d.entraRead) d.entraRead = compiled
      mappedOkta.add(target)
    }
  }

  for (const [entra, okta] of DEFAULT_PAIRS) {
    // a mapping that writes either attribute decides the pair instead
    if (drafts.has(`${entra}|${okta}`) || mappedEntra.has(entra) || mappedOkta.has(okta)) continue
    const compare = entra === IMMUTABLE ? 'exact' : okta === OKTA_STATUS ? 'status' : 'text'
    draft(entra, okta, compare).mappings.push({ origin: 'default', target: okta })
  }

  const carried = entraProperties(index)
  const owners = {
    office: officeMappings(index).map(({ app, mapping }) => ({
      origin: 'office365-mapping' as const,
      mappingId: str(mapping, 'id'),
      owner: { id: str(app, 'id') ?? '', name: text(app, 'label') ?? 'Office 365' },
    })),
    idp: idpMappings(index).map(({ idp, mapping }) => ({
      origin: 'idp-mapping' as const,
      mappingId: str(mapping, 'id'),
      owner: idp,
    })),
  }
  return [...drafts.values()].map((d) => reader(d, carried, unmappedOf(d, owners)))
}

type Owner = AttributePair['unmapped'][number]

/** The mappings of one kind that leave out a pair the others of that kind write. */
function unmappedOf(d: Draft, owners: { office: Owner[]; idp: Owner[] }): Owner[] {
  const out: Owner[] = []
  for (const [origin, list] of [
    ['office365-mapping', owners.office],
    ['idp-mapping', owners.idp],
  ] as const) {
    const mapped = new Set(d.mappings.filter((m) => m.origin === origin).map((m) => m.owner?.id))
    // Entra federation needs the immutable ID from every Office 365 app
    const required = origin === 'office365-mapping' && d.entra === IMMUTABLE
    if (mapped.size === 0 && !required) continue
    for (const o of list) if (!mapped.has(o.owner.id)) out.push(o)
  }
  return out
}

/** Every property some live Entra user carries (Graph returns selected properties even when null). */
function entraProperties(index: SnapshotIndex): Set<string> {
  const out = new Set<string>()
  const users = index.entraUsers
  // properties are the same across users of one $select; a sample shows them, the rest adds stragglers
  const step = Math.max(1, Math.floor(users.length / 200))
  for (let i = 0; i < users.length; i += step) for (const k in users[i]) out.add(k)
  return out
}

/** "Microsoft Office 365 (Canada)" for an app, "IdP Microsoft (Partners)" for an IdP. */
function ownerName(origin: PairOrigin, name: string): string {
  return origin === 'idp-mapping' ? `IdP ${name}` : name
}

/**
 * The column header: each distinct `target ← expression` once, with the apps or IdPs
 * holding it ("firstName ← user.firstName (Office 365: 2 apps)").
 */
function headerOf(d: Draft, unmapped: readonly Owner[]): string {
  const groups = new Map<string, { text: string; origin: PairOrigin; owners: string[] }>()
  for (const m of d.mappings) {
    const text =
      m.origin === 'default' ? 'no mapping: default pair' : `${m.target} ← ${m.expression ?? ''}`
    const key = `${m.origin}\u0000${text}`
    const group = groups.get(key) ?? { text, origin: m.origin, owners: [] }
    if (m.owner) group.owners.push(m.owner.name)
    groups.set(key, group)
  }
  return [...groups.values()]
    .map((g) => {
      if (g.origin === 'default') return g.text
      const what = g.origin === 'office365-mapping' ? 'Office 365' : 'IdP'
      const who =
        g.owners.length === 1
          ? ownerName(g.origin, g.owners[0] ?? '')
          : `${what}: ${g.owners.length} ${g.origin === 'office365-mapping' ? 'apps' : 'IdPs'}`
      return `${g.text} (${who})`
    })
    .concat(
      unmapped.length === 0
        ? []
        : [`not mapped by ${unmapped.map((u) => ownerName(u.origin, u.owner.name)).join(', ')}`],
    )
    .join('; ')
}

function profileText(user: Rec, name: string): string | undefined {
  const profile = user['profile']
  return isRec(profile) ? valueText(profile[name]) : undefined
}

function reader(d: Draft, carried: ReadonlySet<string>, unmapped: Owner[]): PairReader {
  const compiledEntra = d.entraRead
  const collected = compiledEntra
    ? compiledEntra.reads.every((p) => carried.has(p))
    : carried.has(d.entra)
  const pair: AttributePair = {
    id: `${d.entra}|${d.okta}`,
    label: `${d.entra} ↔ ${d.okta}`,
    entra: d.entra,
    okta: d.okta,
    compare: d.compare,
    mappings: d.mappings,
    unmapped,
    header: headerOf(d, unmapped),
    collected,
  }
  const entraProperty = d.entra
  const entraValue = compiledEntra
    ? (u: Rec) => compiledEntra.apply(u)
    : d.compare === 'status'
      ? (u: Rec) => valueText(u[entraProperty] ?? true)
      : (u: Rec) => valueText(u[entraProperty])
  const oktaAttribute = d.okta
  const office = [...d.officeRead.values()]
  const isImmutable = d.entra === IMMUTABLE
  const bare = office.length === 0 || office.every((o) => o.compiled?.property === oktaAttribute)
  let oktaValue: PairReader['oktaValue']
  if (d.compare === 'status') oktaValue = (o) => valueText(o['status'])
  else if (bare && !isImmutable) oktaValue = (o) => profileText(o, oktaAttribute)
  else
    oktaValue = (o, appUsers) => {
      // the person's own Office 365 app decides which app's expression applies
      const via = office.find((x) => appUsers?.has(x.app)) ?? (isImmutable ? undefined : office[0])
      if (via?.compiled) {
        const profile = o['profile']
        return isRec(profile) ? via.compiled.apply(profile) : undefined
      }
      const appUser = via ? appUsers?.get(via.app) : firstOf(appUsers)
      const fromApp = appUser ? profileText(appUser, via?.target ?? oktaAttribute) : undefined
      return fromApp ?? (isImmutable && !via ? profileText(o, oktaAttribute) : undefined)
    }
  return { pair, entraValue, oktaValue }
}

function firstOf(map: ReadonlyMap<string, Rec> | undefined): Rec | undefined {
  if (!map) return undefined
  for (const v of map.values()) return v
  return undefined
}
