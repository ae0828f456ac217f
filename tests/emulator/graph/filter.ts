/**
 * A small OData `$filter` reader for the forms a connector sends:
 * `prop eq 'x'`, `prop ge 2026-01-01T00:00:00Z`, `a/b eq 0`, `startswith(prop,'x')`,
 * `prop/any(x:x eq 'y')`, combined with `and` / `or` / `not` and parentheses.
 */

export type Predicate = (item: Record<string, unknown>) => boolean

export class FilterError extends Error {}

type Token =
  | { t: 'str'; v: string }
  | { t: 'word'; v: string }
  | { t: '(' }
  | { t: ')' }
  | { t: ',' }
  | { t: ':' }

function tokenize(text: string): Token[] {
  const out: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    if (/\s/.test(c)) {
      i++
    } else if (c === "'") {
      let v = ''
      i++
      for (;;) {
        if (i >= text.length) throw new FilterError('unterminated string literal')
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            v += "'"
            i += 2
            continue
          }
          i++
          break
        }
        v += text[i]
        i++
      }
      out.push({ t: 'str', v })
    } else if (c === '(' || c === ')' || c === ',' || c === ':') {
      out.push({ t: c })
      i++
    } else {
      // date-time literals hold colons; the lambda separator follows a variable name
      const m = (/\d/.test(c) ? /^[^\s(),']+/ : /^[^\s(),':]+/).exec(text.slice(i))
      if (!m) throw new FilterError(`unexpected character ${c}`)
      out.push({ t: 'word', v: m[0] })
      i += m[0].length
    }
  }
  return out
}

export interface ParsedFilter {
  predicate: Predicate
  /** properties (first path segment) the filter reads */
  properties: Set<string>
  /** uses operators Graph treats as advanced queries (ne, not, endswith) */
  advanced: boolean
}

const COMPARE = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le'])

export function parseFilter(text: string): ParsedFilter {
  const tokens = tokenize(text)
  let pos = 0
  const properties = new Set<string>()
  let advanced = false
  const peek = (): Token | undefined => tokens[pos]
  const word = (v: string): boolean => {
    const t = peek()
    return t?.t === 'word' && t.v.toLowerCase() === v
  }
  const expect = (kind: Token['t']): Token => {
    const t = tokens[pos++]
    if (!t || t.t !== kind) throw new FilterError(`expected ${kind}`)
    return t
  }

  function orExpr(): Predicate {
    let left = andExpr()
    while (word('or')) {
      pos++
      const l = left
      const r = andExpr()
      left = (x) => l(x) || r(x)
    }
    return left
  }
  function andExpr(): Predicate {
    let left = unary()
    while (word('and')) {
      pos++
      const l = left
      const r = unary()
      left = (x) => l(x) && r(x)
    }
    return left
  }
  function unary(): Predicate {
    if (word('not')) {
      pos++
      advanced = true
      const inner = unary()
      return (x) => !inner(x)
    }
    return primary()
  }
  function literal(): unknown {
    const t = tokens[pos++]
    if (!t) throw new FilterError('missing value')
    if (t.t === 'str') return t.v
    if (t.t !== 'word') throw new FilterError('bad value')
    const v = t.v
    if (v === 'true') return true
    if (v === 'false') return false
    if (v === 'null') return null
    if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v)
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(v)) return { date: Date.parse(v) }
    if (/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(v)) return v
    throw new FilterError(`unsupported literal ${v}`)
  }
  function path(name: string): string[] {
    const parts = name.split('/')
    properties.add(parts[0] as string)
    return parts
  }
  function primary(): Predicate {
    const t = tokens[pos++]
    if (!t) throw new FilterError('unexpected end of filter')
    if (t.t === '(') {
      const inner = orExpr()
      expect(')')
      return inner
    }
    if (t.t !== 'word') throw new FilterError('expected a property')
    const fn = t.v.toLowerCase()
    if ((fn === 'startswith' || fn === 'endswith') && peek()?.t === '(') {
      pos++
      const p = path((expect('word') as { v: string }).v)
      expect(',')
      const value = String(literal()).toLowerCase()
      expect(')')
      if (fn === 'endswith') advanced = true
      return (x) => {
        const v = get(x, p)
        return (
          typeof v === 'string' &&
          (fn === 'startswith'
            ? v.toLowerCase().startsWith(value)
            : v.toLowerCase().endsWith(value))
        )
      }
    }
    if (/\/any$/i.test(t.v) && peek()?.t === '(') {
      pos++
      const p = path(t.v.slice(0, -4))
      const variable = (expect('word') as { v: string }).v
      expect(':')
      const inner = primaryLambda(variable)
      expect(')')
      return (x) => {
        const arr = get(x, p)
        return Array.isArray(arr) && arr.some((el) => inner(el))
      }
    }
    const p = path(t.v)
    const op = tokens[pos++]
    if (!op || op.t !== 'word' || !COMPARE.has(op.v.toLowerCase()))
      throw new FilterError(`unsupported operator after ${t.v}`)
    const o = op.v.toLowerCase()
    if (o === 'ne') advanced = true
    const value = literal()
    return (x) => compare(get(x, p), o, value)
  }
  function primaryLambda(variable: string): (el: unknown) => boolean {
    const t = tokens[pos++]
    if (!t || t.t !== 'word') throw new FilterError('expected lambda body')
    const segs = t.v.split('/')
    if (segs[0] !== variable) throw new FilterError('lambda must use its variable')
    const op = tokens[pos++]
    if (!op || op.t !== 'word' || !COMPARE.has(op.v.toLowerCase()))
      throw new FilterError('bad lambda operator')
    const value = literal()
    const rest = segs.slice(1)
    return (el) =>
      compare(
        rest.length ? get(el as Record<string, unknown>, rest) : el,
        op.v.toLowerCase(),
        value,
      )
  }

  const predicate = orExpr()
  if (pos !== tokens.length) throw new FilterError('unexpected trailing input')
  return { predicate, properties, advanced }
}

function get(obj: unknown, path: string[]): unknown {
  let cur: unknown = obj
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[p]
  }
  return cur
}

function compare(actual: unknown, op: string, expected: unknown): boolean {
  let a: unknown = actual
  let b: unknown = expected
  if (b !== null && typeof b === 'object' && 'date' in b) {
    b = (b as { date: number }).date
    a = typeof actual === 'string' ? Date.parse(actual) : undefined
    if (typeof a !== 'number' || Number.isNaN(a)) return false
  } else if (typeof a === 'string' && typeof b === 'string') {
    a = a.toLowerCase()
    b = b.toLowerCase()
  }
  if (actual === undefined) a = null
  switch (op) {
    case 'eq':
      return a === b
    case 'ne':
      return a !== b
    case 'gt':
      return a !== null && b !== null && (a as number) > (b as number)
    case 'ge':
      return a !== null && b !== null && (a as number) >= (b as number)
    case 'lt':
      return a !== null && b !== null && (a as number) < (b as number)
    case 'le':
      return a !== null && b !== null && (a as number) <= (b as number)
    default:
      return false
  }
}
