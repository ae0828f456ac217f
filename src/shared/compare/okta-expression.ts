/**
 * The Okta expressions Crosswalk replays offline: attribute references, the string
 * functions Okta documents for IdP username templates and profile mappings
 * (`String.substringBefore/After`, `String.toLowerCase/toUpperCase`) and `+` with string
 * literals. Anything else compiles to `undefined`, so callers say "unsupported" instead of
 * guessing.
 *
 * @see https://developer.okta.com/docs/reference/okta-expression-language/
 */
import { type Rec, asText } from '../util/access'

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
