/**
 * Checks Okta responses against the management OpenAPI: the 200 schema of the operation
 * the request path matches, with `$ref`s resolved; property names must be declared
 * (unless the schema allows additional properties) and primitive types and enums must match.
 * Per api-facts F, `null` is accepted anywhere (Okta's own examples put it in non-nullable
 * properties) and a profile mapping's `properties` is a map of ProfileMappingProperty.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

type Schema = Record<string, unknown>
export interface OktaSpec {
  root: Schema
  paths: { template: string; pattern: RegExp; item: Schema }[]
}

export function loadOktaSpec(file: string): OktaSpec {
  const root = parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 }) as Schema
  const paths = Object.entries(root.paths as Record<string, Schema>).map(([template, item]) => ({
    template,
    pattern: new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
    ),
    item,
  }))
  return { root, paths }
}

function deref(spec: OktaSpec, s: unknown): Schema {
  let cur = s as Schema
  for (let i = 0; i < 20 && cur && typeof cur.$ref === 'string'; i++) {
    const parts = (cur.$ref as string).replace(/^#\//, '').split('/')
    let next: unknown = spec.root
    for (const p of parts) next = (next as Schema)[p.replace(/~1/g, '/').replace(/~0/g, '~')]
    // sibling keys next to a $ref (e.g. type) do not override the target
    cur = next as Schema
  }
  return cur ?? {}
}

/** the JSON schema of an operation's 200 (or 201) response for a concrete path such as /api/v1/apps/0oa1/users */
export function responseSchema(
  spec: OktaSpec,
  path: string,
  method = 'get',
): { template: string; schema: Schema } {
  const candidates = spec.paths.filter((p) => p.pattern.test(path))
  // a literal segment beats a parameter: prefer the template with the fewest parameters
  candidates.sort(
    (a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0),
  )
  const hit = candidates[0]
  if (!hit) throw new Error(`no OpenAPI path matches ${path}`)
  const op = hit.item[method] as Schema | undefined
  const responses = op?.responses as Schema | undefined
  // a create answers 201 where the spec says so (generate an app key), else 200
  const response = deref(spec, responses?.['200'] ?? responses?.['201'])
  const content = (response.content as Record<string, Schema> | undefined)?.['application/json']
  if (!content?.schema)
    throw new Error(`no JSON 200 schema for ${method.toUpperCase()} ${hit.template}`)
  return { template: hit.template, schema: content.schema as Schema }
}

interface Merged {
  properties: Map<string, unknown>
  additional: unknown
  types: Set<string>
  enums: unknown[] | null
  format: string | null
  items: unknown
  alternatives: Schema[]
  discriminator: Schema | null
}

function merge(spec: OktaSpec, s: unknown, into?: Merged, depth = 0): Merged {
  const m: Merged = into ?? {
    properties: new Map(),
    additional: undefined,
    types: new Set(),
    enums: null,
    format: null,
    items: undefined,
    alternatives: [],
    discriminator: null,
  }
  const schema = deref(spec, s)
  if (depth > 30) return m
  if (typeof schema.type === 'string') m.types.add(schema.type)
  for (const [k, v] of Object.entries((schema.properties as Schema | undefined) ?? {}))
    m.properties.set(k, v)
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false)
    m.additional = schema.additionalProperties
  if (Array.isArray(schema.enum)) m.enums = schema.enum as unknown[]
  if (typeof schema.format === 'string') m.format = schema.format
  if (schema.items) m.items = schema.items
  if (schema.discriminator) m.discriminator = schema.discriminator as Schema
  for (const part of (schema.allOf as unknown[] | undefined) ?? []) merge(spec, part, m, depth + 1)
  for (const alt of [
    ...((schema.oneOf as unknown[] | undefined) ?? []),
    ...((schema.anyOf as unknown[] | undefined) ?? []),
  ])
    m.alternatives.push(alt as Schema)
  return m
}

export interface CheckOptions {
  /** JSON paths (regex) whose object is a map of the declared schema, not an instance of it */
  mapsAt?: RegExp[]
  /** JSON paths (regex) of properties real responses carry though the schema omits them (value unchecked) */
  undeclaredAllowed?: RegExp[]
  /** JSON paths (regex) where Okta's own examples use a value the schema's enum lacks */
  enumAllowed?: { at: RegExp; values: unknown[] }[]
}

/** Violations of `value` against an OpenAPI schema, as `path: reason` lines. */
export function checkOkta(
  spec: OktaSpec,
  schema: unknown,
  value: unknown,
  path = '$',
  options: CheckOptions = {},
  depth = 0,
): string[] {
  if (value === null || depth > 40) return []
  const m = merge(spec, schema)
  if (m.alternatives.length) {
    const disc = m.discriminator
    const prop = disc?.propertyName as string | undefined
    const mapping = disc?.mapping as Record<string, string> | undefined
    const tag =
      prop && value && typeof value === 'object'
        ? (value as Record<string, unknown>)[prop]
        : undefined
    // the schema's own properties hold alongside whichever alternative applies
    const own = {
      type: [...m.types][0],
      properties: Object.fromEntries(m.properties),
      ...(m.additional ? { additionalProperties: m.additional } : {}),
    }
    const withOwn = (alt: unknown): Schema =>
      m.properties.size ? { allOf: [own, alt] } : (alt as Schema)
    if (mapping && typeof tag === 'string' && mapping[tag])
      return checkOkta(spec, withOwn({ $ref: mapping[tag] }), value, path, options, depth + 1)
    let best: string[] | null = null
    for (const alt of m.alternatives) {
      const errs = checkOkta(spec, withOwn(alt), value, path, options, depth + 1)
      if (errs.length === 0) return []
      if (!best || errs.length < best.length) best = errs
    }
    return best ?? []
  }
  const errors: string[] = []
  if (m.types.has('array') || (m.items && Array.isArray(value))) {
    if (!Array.isArray(value)) return [`${path}: expected an array`]
    value.forEach((v, i) =>
      errors.push(...checkOkta(spec, m.items, v, `${path}[${i}]`, options, depth + 1)),
    )
    return errors
  }
  if (m.types.has('object') || m.properties.size > 0) {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object`]
    const record = value as Record<string, unknown>
    if (options.mapsAt?.some((r) => r.test(path))) {
      for (const [k, v] of Object.entries(record))
        errors.push(
          ...checkOkta(
            spec,
            { properties: Object.fromEntries(m.properties), type: 'object' },
            v,
            `${path}.${k}`,
            options,
            depth + 1,
          ),
        )
      return errors
    }
    if (m.properties.size === 0 && m.additional === undefined) return []
    for (const [k, v] of Object.entries(record)) {
      const declared = m.properties.get(k)
      if (declared !== undefined)
        errors.push(...checkOkta(spec, declared, v, `${path}.${k}`, options, depth + 1))
      else if (m.additional && typeof m.additional === 'object')
        errors.push(...checkOkta(spec, m.additional, v, `${path}.${k}`, options, depth + 1))
      else if (!m.additional && !options.undeclaredAllowed?.some((r) => r.test(`${path}.${k}`))) {
        errors.push(`${path}.${k}: not declared by the schema`)
      }
    }
    return errors
  }
  const type = [...m.types][0]
  const show = JSON.stringify(value)?.slice(0, 60)
  if (type === 'string') {
    if (typeof value !== 'string') return [`${path}: ${show} is not a string`]
    if (m.format === 'date-time' && Number.isNaN(Date.parse(value)))
      return [`${path}: ${show} is not a date-time`]
  } else if (type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value))
      return [`${path}: ${show} is not an integer`]
  } else if (type === 'number') {
    if (typeof value !== 'number') return [`${path}: ${show} is not a number`]
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') return [`${path}: ${show} is not a boolean`]
  }
  if (
    m.enums &&
    !m.enums.includes(value) &&
    !options.enumAllowed?.some((a) => a.at.test(path) && a.values.includes(value))
  )
    return [`${path}: ${show} is not one of ${m.enums.join('|')}`]
  return errors
}
