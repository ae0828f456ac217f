/**
 * Okta's IdP subject matching, replayed offline: the IdP's username template
 * (`policy.subject.userNameTemplate.template`, an Okta expression over `idpuser.*`)
 * turns an Entra user into a username, the optional `policy.subject.filter` regex
 * must accept it, and `policy.subject.matchType` / `matchAttribute` decide which
 * Okta users it finds. Only the expression forms Okta documents for IdP templates
 * are understood (attribute references, `String.substringBefore/After`,
 * `String.toLowerCase/toUpperCase`, `+` with string literals); anything else makes
 * the template "unsupported" and rules say so instead of guessing.
 *
 * @see https://developer.okta.com/docs/reference/okta-expression-language/
 */
import { type Rec, asText, norm, text } from '../util/access'
import { ADDRESS } from './address-book'
import type { MicrosoftIdp } from './seam'
import type { SnapshotIndex } from './snapshot-index'

/** Claim names of an Entra token mapped to the Graph user property that fills them. */
const CLAIM_TO_ENTRA: Record<string, string> = {
  userprincipalname: 'userPrincipalName',
  preferred_username: 'userPrincipalName',
  upn: 'userPrincipalName',
  unique_name: 'userPrincipalName',
  email: 'mail',
  mail: 'mail',
  given_name: 'givenName',
  givenname: 'givenName',
  firstname: 'givenName',
  family_name: 'surname',
  surname: 'surname',
  lastname: 'surname',
  name: 'displayName',
  displayname: 'displayName',
  oid: 'id',
  objectid: 'id',
}

/** The Entra user property behind an `idpuser.<claim>` reference. */
export function entraPropertyForClaim(claim: string): string {
  return CLAIM_TO_ENTRA[claim.toLowerCase()] ?? claim
}

type Expr = (user: Rec) => string | undefined

interface Parser {
  src: string
  pos: number
  claims: string[]
  /** the object prefix references name (`idpuser` in IdP templates) */
  prefix: string
  /** the record property an `<prefix>.<name>` reference reads */
  property: (name: string) => string
}

function skip(p: Parser): void {
  while (p.pos < p.src.length && /\s/.test(p.src[p.pos] ?? '')) p.pos++
}

function parseString(p: Parser): string | undefined {
  const quote = p.src[p.pos]
  if (quote !== '"' && quote !== "'") return undefined
  let out = ''
  p.pos++
  while (p.pos < p.src.length && p.src[p.pos] !== quote) {
    if (p.src[p.pos] === '\\') p.pos++
    out += p.src[p.pos] ?? ''
    p.pos++
  }
  if (p.src[p.pos] !== quote) return undefined
  p.pos++
  return out
}

function parseAtom(p: Parser): Expr | undefined {
  skip(p)
  const literal = parseString(p)
  if (literal !== undefined) return () => literal
  const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(p.src.slice(p.pos))
  if (!m) return undefined
  const name = m[0]
  p.pos += name.length
  skip(p)
  if (p.src[p.pos] === '(') {
    p.pos++
    const args: Expr[] = []
    const literals: (string | undefined)[] = []
    skip(p)
    while (p.src[p.pos] !== ')') {
      const start = p.pos
      const arg = parseSum(p)
      if (!arg) return undefined
      const raw = p.src.slice(start, p.pos).trim()
      literals.push(/^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : undefined)
      args.push(arg)
      skip(p)
      if (p.src[p.pos] === ',') p.pos++
      else if (p.src[p.pos] !== ')') return undefined
      skip(p)
    }
    p.pos++
    const [a, b] = args
    const sep = literals[1]
    switch (name.toLowerCase()) {
      case 'string.substringbefore':
        return a && sep !== undefined
          ? (u) => {
              const v = a(u)
              if (v === undefined) return undefined
              const i = v.indexOf(sep)
              return i < 0 ? v : v.slice(0, i)
            }
          : undefined
      case 'string.substringafter':
        return a && sep !== undefined
          ? (u) => {
              const v = a(u)
              if (v === undefined) return undefined
              const i = v.indexOf(sep)
              return i < 0 ? '' : v.slice(i + sep.length)
            }
          : undefined
      case 'string.tolowercase':
        return a && !b ? (u) => a(u)?.toLowerCase() : undefined
      case 'string.touppercase':
        return a && !b ? (u) => a(u)?.toUpperCase() : undefined
      default:
        return undefined
    }
  }
  const parts = name.split('.')
  if (parts.length !== 2 || parts[0]?.toLowerCase() !== p.prefix || !parts[1]) return undefined
  const property = p.property(parts[1])
  p.claims.push(property)
  return (u) => asText(u[property])
}

function parseSum(p: Parser): Expr | undefined {
  const first = parseAtom(p)
  if (!first) return undefined
  const terms: Expr[] = [first]
  skip(p)
  while (p.src[p.pos] === '+') {
    p.pos++
    const next = parseAtom(p)
    if (!next) return undefined
    terms.push(next)
    skip(p)
  }
  if (terms.length === 1) return first
  return (u) => {
    let out = ''
    for (const t of terms) {
      const v = t(u)
      if (v === undefined) return undefined
      out += v
    }
    return out
  }
}

/** A compiled IdP username template. */
export interface CompiledTemplate {
  template: string
  /** Entra user properties the template reads (e.g. `userPrincipalName`) */
  reads: string[]
  apply: (user: Rec) => string | undefined
  /** the one property a template that is a bare reference (`idpuser.userPrincipalName`) reads */
  property?: string
}

/** Compiles an Okta IdP username template; `undefined` when it uses unsupported expression forms. */
export function compileTemplate(template: string): CompiledTemplate | undefined {
  return compileExpression(template, 'idpuser', entraPropertyForClaim)
}

/**
 * Compiles an Okta expression over one object (`<prefix>.<name>` references, the string
 * functions and concatenation of {@link compileTemplate}); `property` turns a referenced
 * name into the record property to read (`appuser.givenName` in a profile mapping reads
 * the Entra user's `givenName`). `undefined` for a form it does not understand.
 */
export function compileExpression(
  expression: string,
  prefix: string,
  property: (name: string) => string,
): CompiledTemplate | undefined {
  const p: Parser = {
    src: expression.trim(),
    pos: 0,
    claims: [],
    prefix: prefix.toLowerCase(),
    property,
  }
  const expr = parseSum(p)
  skip(p)
  if (!expr || p.pos !== p.src.length) return undefined
  const bare = new RegExp(`^${prefix}\\.[A-Za-z_][A-Za-z0-9_]*$`, 'i').test(p.src)
    ? p.claims[0]
    : undefined
  return {
    template: expression,
    reads: [...new Set(p.claims)],
    apply: expr,
    ...(bare ? { property: bare } : {}),
  }
}

/** How one Okta IdP matches incoming users. */
export interface SubjectPolicy {
  template: string
  compiled: CompiledTemplate | undefined
  /** USERNAME | EMAIL | USERNAME_OR_EMAIL | CUSTOM_ATTRIBUTE (Okta's default is USERNAME) */
  matchType: string
  matchAttribute: string | undefined
  filter: RegExp | undefined
  /** Okta user profile attributes the match compares against */
  oktaAttributes: string[]
  /** identifies the rule: IdPs with the same signature match people the same way */
  signature: string
}

/** Reads an IdP's subject policy (defaults: template `idpuser.userPrincipalName`, USERNAME). */
export function subjectPolicy(idp: Rec): SubjectPolicy {
  const template =
    text(idp, 'policy', 'subject', 'userNameTemplate', 'template') ?? 'idpuser.userPrincipalName'
  const matchType = (text(idp, 'policy', 'subject', 'matchType') ?? 'USERNAME').toUpperCase()
  const matchAttribute = text(idp, 'policy', 'subject', 'matchAttribute')
  let filter: RegExp | undefined
  const pattern = text(idp, 'policy', 'subject', 'filter')
  if (pattern) {
    try {
      filter = new RegExp(`^(?:${pattern})$`)
    } catch {
      filter = undefined
    }
  }
  const oktaAttributes =
    matchType === 'EMAIL'
      ? ['email']
      : matchType === 'USERNAME_OR_EMAIL'
        ? ['login', 'email']
        : matchType === 'CUSTOM_ATTRIBUTE' && matchAttribute
          ? [matchAttribute]
          : ['login']
  return {
    template,
    compiled: compileTemplate(template),
    matchType,
    matchAttribute,
    filter,
    oktaAttributes,
    signature: `${template.trim()}|${matchType}|${matchAttribute ?? ''}|${pattern ?? ''}`,
  }
}

/** The outcome of replaying the match for one Entra user. */
export interface MatchResult {
  username: string | undefined
  /** the Okta users Okta would consider (more than one is an ambiguous match) */
  candidates: readonly Rec[]
  /** the transformed username was rejected by the IdP's filter */
  filtered: boolean
}

/** Replays an IdP's subject match for one Entra user; `undefined` when the template is unsupported. */
export function matchUser(
  policy: SubjectPolicy,
  user: Rec,
  index: SnapshotIndex,
): MatchResult | undefined {
  if (!policy.compiled) return undefined
  const username = policy.compiled.apply(user)?.trim()
  if (!username) return { username: undefined, candidates: NO_USERS, filtered: false }
  if (policy.filter && !policy.filter.test(username))
    return { username, candidates: [], filtered: true }
  const key = norm(username)
  if (!key) return { username, candidates: NO_USERS, filtered: false }
  const attributes = policy.oktaAttributes
  if (attributes.length === 1) {
    return {
      username,
      candidates: lookup(index, attributes[0] ?? 'login', key) ?? NO_USERS,
      filtered: false,
    }
  }
  const found = new Set<Rec>()
  for (const attribute of attributes) {
    for (const u of lookup(index, attribute, key) ?? NO_USERS) found.add(u)
  }
  return { username, candidates: [...found], filtered: false }
}

const NO_USERS: Rec[] = []

function lookup(index: SnapshotIndex, attribute: string, key: string): readonly Rec[] | undefined {
  const map =
    attribute === 'login'
      ? index.oktaByLogin
      : attribute === 'email'
        ? index.oktaByEmail
        : index.oktaByProfile(attribute)
  return map.get(key)
}

/**
 * The candidates of every Entra user under one IdP, computed once per diagnosis and
 * shared by the rules that need them: entry i belongs to `index.entraUsers[i]` and
 * is `undefined` (not a federation candidate, or a blank username), `null` (no Okta
 * user, or rejected by the filter), one Okta user, or several. Usernames are not
 * kept; rules recompute them for the few users they report.
 */
export type MatchCell = Rec | readonly Rec[] | null | undefined

/** See {@link MatchCell}; `undefined` when the IdP's template is unsupported. Shared by IdPs with one rule. */
export function matchTable(policy: SubjectPolicy, index: SnapshotIndex): MatchCell[] | undefined {
  const compiled = policy.compiled
  if (!compiled) return undefined
  return index.cached(`match:${policy.signature}`, () => {
    const users = index.entraUsers
    const cells: MatchCell[] = new Array<MatchCell>(users.length)
    const attributes = policy.oktaAttributes
    const single = attributes.length === 1 ? attributes[0] : undefined
    const singleMap =
      single === 'login'
        ? index.oktaByLogin
        : single === 'email'
          ? index.oktaByEmail
          : single
            ? index.oktaByProfile(single)
            : undefined
    // a bare UPN or mail reference reads the keys the index already lower-cased
    const keys =
      compiled.property === 'userPrincipalName'
        ? index.entraUpnKeys
        : compiled.property === 'mail'
          ? index.entraMailKeys
          : undefined
    // and when it is matched to login or email, the holders are in that key's own entry
    const entries =
      compiled.property === 'userPrincipalName'
        ? index.entraAddressEntries.upn
        : compiled.property === 'mail'
          ? index.entraAddressEntries.mail
          : undefined
    const field = single === 'login' ? ADDRESS.login : single === 'email' ? ADDRESS.email : -1
    for (let i = 0; i < users.length; i++) {
      const u = users[i] as Rec
      if (!isFederationCandidate(u)) continue
      let key: string | undefined
      if (keys && !policy.filter) {
        if (entries && field >= 0) {
          const entry = entries[i]
          if (entry !== undefined) cells[i] = entry[field] ?? null
          continue
        }
        key = keys[i]
      } else {
        const username = compiled.apply(u)
        if (!username) continue
        if (policy.filter && !policy.filter.test(username.trim())) {
          cells[i] = null
          continue
        }
        key = norm(username)
      }
      if (!key) continue
      if (singleMap) {
        cells[i] = singleMap.peek(key) ?? null
        continue
      }
      const found = matchUser(policy, u, index)?.candidates ?? []
      cells[i] = found.length === 0 ? null : found.length === 1 ? (found[0] as Rec) : found
    }
    return cells
  })
}

/** The Okta users of a cell as a list. */
export function cellUsers(cell: MatchCell): readonly Rec[] {
  if (cell === undefined || cell === null) return NO_USERS
  return Array.isArray(cell) ? (cell as readonly Rec[]) : [cell as Rec]
}

/** True for Entra users an Okta IdP is meant to sign in: enabled members (guests sign in at home). */
export function isFederationCandidate(user: Rec): boolean {
  if (user['accountEnabled'] === false) return false
  const type = user['userType']
  return typeof type !== 'string' || type.length !== 5 || type.toLowerCase() !== 'guest'
}

/** Active Microsoft IdPs grouped by their match rule (one group per distinct rule). */
export function idpsByPolicy(
  idps: readonly MicrosoftIdp[],
): { policy: SubjectPolicy; idps: MicrosoftIdp[] }[] {
  const groups = new Map<string, { policy: SubjectPolicy; idps: MicrosoftIdp[] }>()
  for (const m of idps) {
    if (!m.active) continue
    const policy = subjectPolicy(m.idp)
    const group = groups.get(policy.signature)
    if (group) group.idps.push(m)
    else groups.set(policy.signature, { policy, idps: [m] })
  }
  return [...groups.values()]
}
