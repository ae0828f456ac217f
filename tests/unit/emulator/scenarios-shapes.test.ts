import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { buildScenario } from '../../emulator/scenarios'
import { checkGraphObject, loadCsdl, type Csdl } from '../../emulator/testing/graph-csdl'

const referenceDir = resolve(process.env.CROSSWALK_REFERENCE_DIR ?? '../shared/reference')
const specPath = join(referenceDir, 'okta-management.yaml')
const hasSpec = existsSync(specPath)
const csdlPath = join(referenceDir, 'graph-v1.0.csdl')
const hasCsdl = existsSync(csdlPath)
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
  discriminator?: { propertyName?: string; mapping?: Record<string, string> }
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
  const flatten = (
    s: Schema | undefined,
    value: Record<string, unknown>,
  ): { props: Record<string, Schema>; open: boolean } => {
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
      // a discriminator with a known value picks one member (its properties may share names
      // with other members', e.g. protocol.endpoints of SAML2 and OIDC IdPs)
      const tag = x.discriminator?.propertyName
      const picked = tag ? x.discriminator?.mapping?.[String(value[tag])] : undefined
      if (picked) {
        for (const y of x.allOf ?? []) walk(y)
        return walk({ $ref: picked })
      }
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
    const { props, open } = flatten(s, v as Record<string, unknown>)
    if (Object.keys(props).length === 0) return
    for (const [k, x] of Object.entries(v)) {
      if (k in props) visit(x, props[k], `${p}.${k}`)
      else if (!open) out.push(`${p}.${k}`)
    }
  }
  visit(value, schema, path)
  return out
}

const SCENARIOS = ['broken', 'realistic', 'realistic-broken'] as const
const origins = {
  authorityHost: 'https://localhost:1',
  graphBaseUrl: 'https://localhost:2',
  oktaOrgUrl: 'https://localhost:3',
}

describe.skipIf(!hasSpec)('Okta records against the official OpenAPI', { timeout: 120_000 }, () => {
  let schemas: Record<string, Schema>
  beforeAll(() => {
    schemas = (
      parse(readFileSync(specPath, 'utf8')) as { components: { schemas: Record<string, Schema> } }
    ).components.schemas
  }, 120_000)

  it.each(SCENARIOS)(
    '%s declares every field it writes, except the known deviations of the official examples',
    async (name) => {
      const s = await buildScenario(name, { seed: 1, origins })
      const appSchema = (a: unknown): [Schema | undefined, string] =>
        (a as Record<string, unknown>)['name'] === 'office365'
          ? [
              {
                allOf: [
                  { $ref: '#/components/schemas/Application' },
                  { $ref: '#/components/schemas/Office365Application' },
                ],
              },
              'Office365',
            ]
          : [schemas['SamlApplication'], 'SamlApplication']
      const all = <T>(items: T[], schema: string): [unknown, Schema | undefined, string][] =>
        items.map((x) => [x, schemas[schema], schema])
      const check: [unknown, Schema | undefined, string][] = [
        ...all(s.okta.users, 'User'),
        ...all(s.okta.groups, 'Group'),
        ...all(Object.values(s.okta.appGroups).flat(), 'ApplicationGroupAssignment'),
        ...all(Object.values(s.okta.groupPushMappings).flat(), 'GroupPushMapping'),
        ...all(s.okta.idps, 'IdentityProvider'),
        ...all(s.okta.logs, 'LogEvent'),
        ...all(Object.values(s.okta.appKeys).flat(), 'JsonWebKey'),
        ...all(s.okta.mappings, 'ProfileMapping'),
        ...all(Object.values(s.okta.appUsers).flat(), 'AppUser'),
        ...s.okta.apps.map((a): [unknown, Schema | undefined, string] => [a, ...appSchema(a)]),
        [s.okta.userSchema, schemas['UserSchema'], 'UserSchema'],
      ]
      const found = new Set(
        check.flatMap(([v, schema, label]) => undeclaredKeys(schemas, v, schema, label)),
      )
      // mapAMRClaims is in Okta's MicrosoftIdPResponse example; mapping `properties` is a map in
      // the examples; OIN apps (office365) carry settings.app
      const allowed = (k: string) =>
        k === 'IdentityProvider.policy.mapAMRClaims' ||
        k.startsWith('ProfileMapping.properties.') ||
        k.startsWith('Office365.settings.app.')
      expect([...found].filter((k) => !allowed(k))).toEqual([])
      expect(undeclaredKeys(schemas, { id: 'x', bogus: 1 }, schemas['Group'], 'Group')).toEqual([
        'Group.bogus',
      ])
    },
  )
})

describe.skipIf(!hasCsdl)('Graph records against the v1.0 CSDL', { timeout: 120_000 }, () => {
  let csdl: Csdl
  beforeAll(() => {
    csdl = loadCsdl(csdlPath)
  }, 120_000)

  it.each(SCENARIOS)('%s writes only CSDL properties of the right types', async (name) => {
    const s = await buildScenario(name, { seed: 1, origins })
    const e = s.entra
    const sets: [string, unknown[]][] = [
      ['user', e.users],
      ['user', e.deletedUsers],
      ['application', e.applications],
      ['servicePrincipal', e.servicePrincipals],
      ['domain', e.domains],
      ['organization', e.organization],
      ['signIn', e.signIns],
      ['directoryAudit', e.directoryAudits],
      ['provisioningObjectSummary', e.provisioningLogs],
      ['oAuth2PermissionGrant', e.oauth2PermissionGrants],
      ['onPremisesDirectorySynchronization', e.onPremisesSynchronization],
      ['internalDomainFederation', Object.values(e.federationConfigurations).flat()],
      ['appRoleAssignment', Object.values(e.appRoleAssignments).flat()],
      ['synchronizationJob', Object.values(e.synchronizationJobs).flat()],
    ]
    const errors = sets.flatMap(([type, items]) =>
      items.flatMap((x, i) =>
        checkGraphObject(csdl, `microsoft.graph.${type}`, x, `${type}[${i}]`),
      ),
    )
    expect(errors).toEqual([])
  })
})
