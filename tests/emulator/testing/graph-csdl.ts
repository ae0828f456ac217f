/**
 * A small reader of the Graph v1.0 CSDL and a checker of response objects against it:
 * every property name must exist on the type or its base types, and values must match the
 * declared primitive, enum, complex or collection type (recursively; `@odata.type` picks the
 * derived type). Used by the fidelity tests; the CSDL itself stays in the reference folder.
 */
import { readFileSync } from 'node:fs'
import { XMLParser } from 'fast-xml-parser'

interface PropertyDef {
  type: string
  nullable: boolean
}

interface StructuredType {
  kind: 'entity' | 'complex'
  name: string
  base: string | null
  properties: Map<string, PropertyDef>
  navigation: Set<string>
}

export interface Csdl {
  types: Map<string, StructuredType>
  enums: Map<string, Set<string>>
}

type XmlNode = Record<string, unknown>
const list = (x: unknown): XmlNode[] =>
  Array.isArray(x) ? (x as XmlNode[]) : x ? [x as XmlNode] : []

export function loadCsdl(file: string): Csdl {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) =>
      [
        'Schema',
        'EntityType',
        'ComplexType',
        'EnumType',
        'Property',
        'NavigationProperty',
        'Member',
      ].includes(name),
  })
  const doc = parser.parse(readFileSync(file, 'utf8')) as XmlNode
  const edmx = doc['edmx:Edmx'] as XmlNode
  const schemas = list((edmx['edmx:DataServices'] as XmlNode).Schema)
  const types = new Map<string, StructuredType>()
  const enums = new Map<string, Set<string>>()
  for (const schema of schemas) {
    const ns = String(schema.Namespace)
    const alias = schema.Alias ? String(schema.Alias) : null
    const names = (n: string): string[] => [`${ns}.${n}`, ...(alias ? [`${alias}.${n}`] : [])]
    const qualify = (t: string | undefined): string | null =>
      t
        ? t.replace(
            /^(Collection\()?([^.()]+)\./,
            (_m, c: string | undefined, a: string) => `${c ?? ''}${a === alias ? ns : a}.`,
          )
        : null
    for (const [tag, kind] of [
      ['EntityType', 'entity'],
      ['ComplexType', 'complex'],
    ] as const) {
      for (const t of list(schema[tag])) {
        const def: StructuredType = {
          kind,
          name: `${ns}.${String(t.Name)}`,
          base: qualify(t.BaseType as string | undefined),
          properties: new Map(
            list(t.Property).map((p) => [
              String(p.Name),
              { type: qualify(String(p.Type)) ?? '', nullable: p.Nullable !== 'false' },
            ]),
          ),
          navigation: new Set(list(t.NavigationProperty).map((p) => String(p.Name))),
        }
        for (const n of names(String(t.Name))) types.set(n, def)
      }
    }
    for (const e of list(schema.EnumType)) {
      const members = new Set(list(e.Member).map((m) => String(m.Name)))
      for (const n of names(String(e.Name))) enums.set(n, members)
    }
  }
  return { types, enums }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function findProperty(
  csdl: Csdl,
  typeName: string,
  prop: string,
): { def?: PropertyDef; navigation: boolean } {
  let t = csdl.types.get(typeName)
  while (t) {
    const def = t.properties.get(prop)
    if (def) return { def, navigation: false }
    if (t.navigation.has(prop)) return { navigation: true }
    t = t.base ? csdl.types.get(t.base) : undefined
  }
  return { navigation: false }
}

function isA(csdl: Csdl, derived: string, base: string): boolean {
  let t = csdl.types.get(derived)
  while (t) {
    if (t.name === base) return true
    t = t.base ? csdl.types.get(t.base) : undefined
  }
  return false
}

/** Violations of `value` against the structured type `typeName` (e.g. `microsoft.graph.user`). */
export function checkGraphObject(
  csdl: Csdl,
  typeName: string,
  value: unknown,
  path = '$',
): string[] {
  const errors: string[] = []
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return [`${path}: expected an object of ${typeName}`]
  const record = value as Record<string, unknown>
  let type = typeName
  const declared = record['@odata.type']
  if (typeof declared === 'string') {
    const derived = declared.replace(/^#/, '')
    if (!csdl.types.has(derived)) errors.push(`${path}: unknown @odata.type ${declared}`)
    else if (!isA(csdl, derived, csdl.types.get(typeName)?.name ?? typeName))
      errors.push(`${path}: ${declared} does not derive from ${typeName}`)
    else type = derived
  }
  if (!csdl.types.has(type)) return [`${path}: unknown type ${type}`]
  for (const [key, v] of Object.entries(record)) {
    if (key.startsWith('@') || key.includes('@')) continue
    const { def, navigation } = findProperty(csdl, type, key)
    if (navigation) {
      errors.push(`${path}.${key}: navigation property returned without $expand`)
      continue
    }
    if (!def) {
      errors.push(`${path}.${key}: no such property on ${type}`)
      continue
    }
    errors.push(...checkValue(csdl, def, v, `${path}.${key}`))
  }
  return errors
}

function checkValue(csdl: Csdl, def: PropertyDef, v: unknown, path: string): string[] {
  const collection = /^Collection\((.+)\)$/.exec(def.type)
  if (collection?.[1]) {
    if (!Array.isArray(v)) return [`${path}: expected a collection of ${collection[1]}`]
    return v.flatMap((item, i) =>
      checkValue(csdl, { type: collection[1] as string, nullable: false }, item, `${path}[${i}]`),
    )
  }
  if (v === null) return def.nullable ? [] : [`${path}: null in a non-nullable ${def.type}`]
  return checkScalar(csdl, def.type, v, path)
}

function checkScalar(csdl: Csdl, type: string, v: unknown, path: string): string[] {
  const bad = [`${path}: ${JSON.stringify(v)?.slice(0, 60)} is not ${type}`]
  switch (type) {
    case 'Edm.String':
    case 'Edm.Duration':
    case 'Edm.TimeOfDay':
      return typeof v === 'string' ? [] : bad
    case 'Edm.Binary':
      return typeof v === 'string' && /^[A-Za-z0-9+/=_-]*$/.test(v) ? [] : bad
    case 'Edm.Boolean':
      return typeof v === 'boolean' ? [] : bad
    case 'Edm.Int16':
    case 'Edm.Int32':
    case 'Edm.Int64':
    case 'Edm.Byte':
      return typeof v === 'number' && Number.isInteger(v) ? [] : bad
    case 'Edm.Double':
    case 'Edm.Single':
    case 'Edm.Decimal':
      return typeof v === 'number' ? [] : bad
    case 'Edm.Guid':
      return typeof v === 'string' && GUID.test(v) ? [] : bad
    case 'Edm.DateTimeOffset':
      return typeof v === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v)
        ? []
        : bad
    case 'Edm.Date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? [] : bad
    case 'Edm.Stream':
    case 'Edm.Untyped':
      return []
  }
  const members = csdl.enums.get(type)
  if (members) {
    if (typeof v !== 'string') return bad
    const unknown = v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => !members.has(s))
    return unknown.length ? [`${path}: ${unknown.join(',')} is not a member of ${type}`] : []
  }
  if (csdl.types.has(type)) return checkGraphObject(csdl, type, v, path)
  return [`${path}: unknown type ${type}`]
}
