/**
 * Okta's IdP subject matching, replayed offline: the IdP's username template
 * (`policy.subject.userNameTemplate.template`, an Okta expression over `idpuser.*`)
 * turns an Entra user into a username, the optional `policy.subject.filter` regex
 * must accept it, and `policy.subject.matchType` / `matchAttribute` decide which
 * Okta users it finds. The template is compiled by okta-expression.ts; one it does not
 * understand is "unsupported", and rules say so instead of guessing.
 */
import { type Rec, norm, text } from '../util/access'
import { type CompiledTemplate, compileTemplate } from './okta-expression'
import { ADDRESS } from './address-book'
import type { MicrosoftIdp } from './seam'
import type { SnapshotIndex } from './snapshot-index'

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
