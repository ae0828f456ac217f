import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { buildScenario } from '../../emulator/scenarios'
import type { Scenario } from '../../emulator/scenarios/types'

const referenceDir = resolve(process.env.CROSSWALK_REFERENCE_DIR ?? '../shared/reference')
const specPath = join(referenceDir, 'okta-management.yaml')
const hasSpec = existsSync(specPath)
if (!hasSpec)
  console.warn(`skipping Okta shape checks: ${specPath} is absent (set CROSSWALK_REFERENCE_DIR)`)

type Schema = {
  $ref?: string
  properties?: Record<string, Schema>
  additionalProperties?: unknown
  allOf?: Schema[]
  oneOf?: Schema[]
  anyOf?: Schema[]
  items?: Schema
  discriminator?: { mapping?: Record<string, string> }
}

/**
 * Reports keys of an Okta record that its OpenAPI schema does not declare,
 * following $ref, allOf/oneOf/anyOf and discriminator mappings. Open schemas
 * (additionalProperties) and schemas without properties are not checked.
 */
function undeclaredKeys(
  schemas: Record<string, Schema>,
  value: unknown,
  schema: Schema | undefined,
  path: string,
): string[] {
  const out: string[] = []
  const byRef = (ref: string): Schema | undefined => schemas[ref.split('/').pop() ?? '']
  const flatten = (s: Schema | undefined): { props: Record<string, Schema>; open: boolean } => {
    const props: Record<string, Schema> = {}
    let open = false
    const seen = new Set<string>()
    const walk = (x: Schema | undefined): void => {
      if (!x) return
      if (x.$ref) {
        if (seen.has(x.$ref)) return
        seen.add(x.$ref)
        return walk(byRef(x.$ref))
      }
      Object.assign(props, x.properties ?? {})
      if (x.additionalProperties) open = true
      for (const y of [...(x.allOf ?? []), ...(x.oneOf ?? []), ...(x.anyOf ?? [])]) walk(y)
      for (const r of Object.values(x.discriminator?.mapping ?? {})) walk({ $ref: r })
    }
    walk(s)
    return { props, open }
  }
  const visit = (v: unknown, s: Schema | undefined, p: string): void => {
    if (v === null || typeof v !== 'object') return
    if (Array.isArray(v)) {
      const items = (s?.$ref ? byRef(s.$ref) : s)?.items
      for (const x of v.slice(0, 3)) visit(x, items, `${p}[]`)
      return
    }
    const { props, open } = flatten(s)
    if (Object.keys(props).length === 0) return
    for (const [k, x] of Object.entries(v)) {
      if (k in props) visit(x, props[k], `${p}.${k}`)
      else if (!open) out.push(`${p}.${k}`)
    }
  }
  visit(value, schema, path)
  return out
}

describe.skipIf(!hasSpec)('Okta records against the official OpenAPI', { timeout: 120_000 }, () => {
  let schemas: Record<string, Schema>
  let s: Scenario
  beforeAll(async () => {
    schemas = (
      parse(readFileSync(specPath, 'utf8')) as { components: { schemas: Record<string, Schema> } }
    ).components.schemas
    s = await buildScenario('broken', {
      seed: 1,
      origins: {
        authorityHost: 'https://localhost:1',
        graphBaseUrl: 'https://localhost:2',
        oktaOrgUrl: 'https://localhost:3',
      },
    })
  }, 120_000)

  it('declares every field the scenario writes, except the known deviations of the official examples', () => {
    const o365 = s.okta.apps.find((a) => a['name'] === 'office365')
    const saml = s.okta.apps.find((a) => a['signOnMode'] === 'SAML_2_0')
    const check: [unknown, Schema | undefined, string][] = [
      [s.okta.users[0], schemas['User'], 'User'],
      [s.okta.users.at(-1), schemas['User'], 'User'],
      [s.okta.groups[1], schemas['Group'], 'Group'],
      ...s.okta.idps.map((i): [unknown, Schema | undefined, string] => [
        i,
        schemas['IdentityProvider'],
        'IdentityProvider',
      ]),
      ...s.okta.logs.map((e): [unknown, Schema | undefined, string] => [
        e,
        schemas['LogEvent'],
        'LogEvent',
      ]),
      ...Object.values(s.okta.appKeys)
        .flat()
        .map((k): [unknown, Schema | undefined, string] => [
          k,
          schemas['JsonWebKey'],
          'JsonWebKey',
        ]),
      ...s.okta.mappings.map((m): [unknown, Schema | undefined, string] => [
        m,
        schemas['ProfileMapping'],
        'ProfileMapping',
      ]),
      [
        o365,
        {
          allOf: [
            { $ref: '#/components/schemas/Application' },
            { $ref: '#/components/schemas/Office365Application' },
          ],
        },
        'Office365',
      ],
      [s.okta.appUsers[String(o365?.['id'])]?.[0], schemas['AppUser'], 'AppUser'],
      [saml, schemas['SamlApplication'], 'SamlApplication'],
      [s.okta.userSchema, schemas['UserSchema'], 'UserSchema'],
    ]
    const found = new Set(
      check.flatMap(([v, schema, name]) => undeclaredKeys(schemas, v, schema, name)),
    )
    // mapAMRClaims is in Okta's MicrosoftIdPResponse example; mapping `properties` is a map in the examples
    const allowed = (k: string) =>
      k === 'IdentityProvider.policy.mapAMRClaims' || k.startsWith('ProfileMapping.properties.')
    expect([...found].filter((k) => !allowed(k))).toEqual([])
    expect(undeclaredKeys(schemas, { id: 'x', bogus: 1 }, schemas['Group'], 'Group')).toEqual([
      'Group.bogus',
    ])
  })
})
