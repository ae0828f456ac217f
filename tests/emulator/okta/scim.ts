/**
 * Okta's SCIM-style filter and search expressions:
 * `status eq "ACTIVE" and lastUpdated gt "2026-01-01T00:00:00.000Z"`,
 * `profile.login sw "ann"`, `eventType eq "user.authentication.auth_via_IDP"`, `profile.email pr`.
 * Dotted paths walk into arrays (any element may match), as the System Log's `target.id` does.
 */

export class ScimError extends Error {}

type Node = (item: unknown) => boolean
type Token = { t: 'str'; v: string } | { t: 'word'; v: string } | { t: '(' } | { t: ')' }

function tokenize(text: string): Token[] {
  const out: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    if (/\s/.test(c)) i++
    else if (c === '"') {
      let v = ''
      i++
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++
        v += text[i]
        i++
      }
      if (text[i] !== '"') throw new ScimError('unterminated string')
      i++
      out.push({ t: 'str', v })
    } else if (c === '(' || c === ')') {
      out.push({ t: c })
      i++
    } else {
      const m = /^[^\s()"]+/.exec(text.slice(i))
      if (!m) throw new ScimError(`unexpected ${c}`)
      out.push({ t: 'word', v: m[0] })
      i += m[0].length
    }
  }
  return out
}

const OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'sw', 'ew', 'co', 'pr'])

export interface ParsedScim {
  matches: Node
  /** attribute paths the expression reads */
  attributes: string[]
}

export function parseScim(text: string): ParsedScim {
  const tokens = tokenize(text)
  const attributes: string[] = []
  let pos = 0
  const isWord = (v: string): boolean => {
    const t = tokens[pos]
    return t?.t === 'word' && t.v.toLowerCase() === v
  }
  function or(): Node {
    let left = and()
    while (isWord('or')) {
      pos++
      const l = left
      const r = and()
      left = (x) => l(x) || r(x)
    }
    return left
  }
  function and(): Node {
    let left = not()
    while (isWord('and')) {
      pos++
      const l = left
      const r = not()
      left = (x) => l(x) && r(x)
    }
    return left
  }
  function not(): Node {
    if (isWord('not')) {
      pos++
      const inner = not()
      return (x) => !inner(x)
    }
    return primary()
  }
  function primary(): Node {
    const t = tokens[pos++]
    if (!t) throw new ScimError('unexpected end of expression')
    if (t.t === '(') {
      const inner = or()
      if (tokens[pos++]?.t !== ')') throw new ScimError('missing )')
      return inner
    }
    if (t.t !== 'word') throw new ScimError('expected an attribute')
    const path = t.v.split('.')
    attributes.push(t.v)
    const opToken = tokens[pos++]
    const op = opToken?.t === 'word' ? opToken.v.toLowerCase() : ''
    if (!OPS.has(op)) throw new ScimError(`invalid operator after ${t.v}`)
    if (op === 'pr')
      return (x) => values(x, path).some((v) => v !== null && v !== undefined && v !== '')
    const lit = tokens[pos++]
    if (!lit) throw new ScimError('missing value')
    let value: unknown
    if (lit.t === 'str') value = lit.v
    else if (lit.t === 'word' && lit.v === 'true') value = true
    else if (lit.t === 'word' && lit.v === 'false') value = false
    else if (lit.t === 'word' && lit.v === 'null') value = null
    else if (lit.t === 'word' && /^-?\d+(\.\d+)?$/.test(lit.v)) value = Number(lit.v)
    else throw new ScimError('invalid value')
    return (x) => values(x, path).some((v) => compare(v, op, value))
  }
  const matches = or()
  if (pos !== tokens.length) throw new ScimError('unexpected trailing input')
  return { matches, attributes }
}

function values(obj: unknown, path: string[]): unknown[] {
  let cur: unknown[] = [obj]
  for (const p of path) {
    const next: unknown[] = []
    for (const c of cur) {
      if (c === null || typeof c !== 'object') continue
      const v = (c as Record<string, unknown>)[p]
      if (Array.isArray(v)) next.push(...v)
      else next.push(v)
    }
    cur = next
  }
  return cur
}

const ISO = /^\d{4}-\d{2}-\d{2}T/

function compare(actual: unknown, op: string, expected: unknown): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') {
    if (ISO.test(actual) && ISO.test(expected) && ['gt', 'ge', 'lt', 'le', 'eq'].includes(op)) {
      const a = Date.parse(actual)
      const b = Date.parse(expected)
      if (!Number.isNaN(a) && !Number.isNaN(b)) return order(a, op, b)
    }
    const a = actual.toLowerCase()
    const b = expected.toLowerCase()
    if (op === 'sw') return a.startsWith(b)
    if (op === 'ew') return a.endsWith(b)
    if (op === 'co') return a.includes(b)
    return order(a, op, b)
  }
  if (op === 'eq') return actual === expected || (actual === undefined && expected === null)
  if (op === 'ne') return actual !== expected
  if (typeof actual === 'number' && typeof expected === 'number') return order(actual, op, expected)
  return false
}

function order<T extends string | number>(a: T, op: string, b: T): boolean {
  switch (op) {
    case 'eq':
      return a === b
    case 'ne':
      return a !== b
    case 'gt':
      return a > b
    case 'ge':
      return a >= b
    case 'lt':
      return a < b
    case 'le':
      return a <= b
    default:
      return false
  }
}
