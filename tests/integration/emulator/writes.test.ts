/**
 * The emulator's writes, checked like its reads: each answers with the body the official
 * description gives (Graph v1.0 CSDL, Okta management OpenAPI), refuses what the service
 * refuses (an undeclared property, a missing field, a caller without the permission), and
 * records the audit event the service documents, with its target and actor; the recorded
 * directory audits and System Log events themselves fit the references.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../emulator/index'
import { callJson, graphToken } from '../../emulator/testing/clients'
import { checkGraphObject, loadCsdl, type Csdl } from '../../emulator/testing/graph-csdl'
import {
  checkOkta,
  loadOktaSpec,
  responseSchema,
  type OktaSpec,
} from '../../emulator/testing/okta-openapi'
import { grantGraphWrites } from '../../emulator/testing/history-mutations'
import { OKTA_ENUM_ALLOWED, OKTA_UNDECLARED } from './fidelity-crawl'

const REFERENCE = resolve(process.env.CROSSWALK_REFERENCE_DIR ?? '../shared/reference')
const OKTA_YAML = join(REFERENCE, 'okta-management.yaml')
const GRAPH_CSDL = join(REFERENCE, 'graph-v1.0.csdl')
const present = existsSync(OKTA_YAML) && existsSync(GRAPH_CSDL)
if (!present)
  console.warn(
    `emulator write checks skipped: reference files not found in ${REFERENCE} (set CROSSWALK_REFERENCE_DIR)`,
  )

type Json = Record<string, unknown>
let emu: Emulator
let okta: OktaSpec
let csdl: Csdl
let graphBearer = ''

async function graph(method: string, path: string, body?: unknown) {
  return callJson<Json>(`${emu.graphBaseUrl}/v1.0${path}`, {
    ca: emu.caPem,
    method,
    headers: { authorization: `Bearer ${graphBearer}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}
async function oktaCall(method: string, path: string, body?: unknown) {
  return callJson<Json>(`${emu.oktaOrgUrl}${path}`, {
    ca: emu.caPem,
    method,
    headers: {
      authorization: `SSWS ${emu.scenario.credentials.okta.apiToken}`,
      'content-type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}
function fitsOkta(path: string, method: string, body: unknown): string[] {
  const { schema } = responseSchema(okta, new URL(path, emu.oktaOrgUrl).pathname, method)
  return checkOkta(okta, schema, body, '$', {
    undeclaredAllowed: OKTA_UNDECLARED.map((x) => x.at),
    enumAllowed: OKTA_ENUM_ALLOWED,
    mapsAt: [/^\$\.properties$/],
  })
}
const lastAudit = () => emu.scenario.entra.directoryAudits.at(-1)
const lastEvent = () => emu.scenario.okta.logs.at(-1) as Json | undefined

describe.skipIf(!present)(
  'emulator writes match the official descriptions and leave their audit events',
  () => {
    beforeAll(async () => {
      okta = loadOktaSpec(OKTA_YAML)
      csdl = loadCsdl(GRAPH_CSDL)
      emu = await startEmulator({ scenario: 'fresh' })
      grantGraphWrites(emu)
      graphBearer = await graphToken(
        emu,
        emu.scenario.credentials.entra.clientId,
        emu.scenario.credentials.entra.clientSecret,
      )
    }, 120_000)
    afterAll(() => emu?.close())

    it('Graph: application, secret, service principal, consent and domain federation', async () => {
      const bad = await graph('POST', '/applications', { displayName: 'x', colour: 'blue' })
      expect(bad.status).toBe(400)
      const app = await graph('POST', '/applications', {
        displayName: 'Okta Microsoft IdP',
        signInAudience: 'AzureADMyOrg',
        web: {
          redirectUris: [`${emu.oktaOrgUrl}/oauth2/v1/authorize/callback`],
          implicitGrantSettings: { enableIdTokenIssuance: true },
        },
      })
      expect(app.status).toBe(201)
      expect(checkGraphObject(csdl, 'microsoft.graph.application', app.json)).toEqual([])
      expect(lastAudit()).toMatchObject({
        activityDisplayName: 'Add application',
        category: 'ApplicationManagement',
      })
      expect(lastAudit()?.targetResources?.[0]).toMatchObject({
        id: app.json.id,
        type: 'Application',
      })
      expect(lastAudit()?.initiatedBy?.app?.appId).toBe(emu.scenario.credentials.entra.clientId)

      const secret = await graph('POST', `/applications/${String(app.json.id)}/addPassword`, {
        passwordCredential: { displayName: 'Okta' },
      })
      expect(secret.status).toBe(200)
      expect(checkGraphObject(csdl, 'microsoft.graph.passwordCredential', secret.json)).toEqual([])
      expect(String(secret.json.secretText)).toHaveLength(40)
      expect(lastAudit()?.activityDisplayName).toMatch(
        /^Update application . Certificates and secrets management $/,
      )
      // no service principal yet: the app cannot sign in (AADSTS700016)
      await expect(
        graphToken(emu, String(app.json.appId), String(secret.json.secretText)),
      ).rejects.toThrow(/AADSTS700016/)

      const sp = await graph('POST', '/servicePrincipals', { appId: app.json.appId })
      expect(sp.status).toBe(201)
      expect(checkGraphObject(csdl, 'microsoft.graph.servicePrincipal', sp.json)).toEqual([])
      expect(lastAudit()?.activityDisplayName).toBe('Add service principal')
      expect((await graph('POST', '/servicePrincipals', { appId: app.json.appId })).status).toBe(
        409,
      )
      // with its service principal, the new secret signs in at once
      await expect(
        graphToken(emu, String(app.json.appId), String(secret.json.secretText)),
      ).resolves.toMatch(/\./)

      const graphSp = await graph(
        'GET',
        "/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')",
      )
      const grant = await graph('POST', '/oauth2PermissionGrants', {
        clientId: sp.json.id,
        consentType: 'AllPrincipals',
        resourceId: graphSp.json.id,
        scope: 'openid email profile',
      })
      expect(grant.status).toBe(201)
      expect(checkGraphObject(csdl, 'microsoft.graph.oAuth2PermissionGrant', grant.json)).toEqual(
        [],
      )
      expect(lastAudit()?.activityDisplayName).toBe('Add delegated permission grant')

      const domain = emu.scenario.entra.domains.find((d) => d.isDefault)?.id ?? ''
      const missing = await graph('POST', `/domains/${domain}/federationConfiguration`, {
        displayName: 'Okta',
      })
      expect(missing.status).toBe(400)
      const before = emu.scenario.entra.directoryAudits.length
      const fed = await graph('POST', `/domains/${domain}/federationConfiguration`, {
        displayName: 'Okta',
        issuerUri: 'http://www.okta.com/exkNew',
        passiveSignInUri: `${emu.oktaOrgUrl}/app/office365/exkNew/sso/wsfed/passive`,
        signingCertificate: 'MIIB',
        preferredAuthenticationProtocol: 'wsFed',
      })
      expect(fed.status).toBe(201)
      expect(checkGraphObject(csdl, 'microsoft.graph.internalDomainFederation', fed.json)).toEqual(
        [],
      )
      // one request, two documented activities under one correlation id
      const added = emu.scenario.entra.directoryAudits.slice(before)
      expect(added.map((a) => a.activityDisplayName)).toEqual([
        'Set domain authentication',
        'Set federation settings on domain',
      ])
      expect(new Set(added.map((a) => a.correlationId)).size).toBe(1)
      expect((await graph('GET', `/domains/${domain}`)).json.authenticationType).toBe('Federated')
      for (const audit of emu.scenario.entra.directoryAudits.slice(-6))
        expect(checkGraphObject(csdl, 'microsoft.graph.directoryAudit', audit)).toEqual([])
    })

    it('Graph writes need the write permission', async () => {
      const reader = await graphToken(
        emu,
        emu.scenario.credentials.entra.clientId,
        emu.scenario.credentials.entra.clientSecret,
      )
      const e = emu.scenario.entra
      const readerId =
        e.servicePrincipals.find((sp) => sp.appId === emu.scenario.credentials.entra.clientId)
          ?.id ?? ''
      const saved = e.appRoleAssignments[readerId] ?? []
      emu.mutate.entra.set('appRoleAssignments', {
        ...e.appRoleAssignments,
        [readerId]: saved.filter((a) => !String(a.id).startsWith('w-')),
      })
      try {
        const denied = await callJson<Json>(`${emu.graphBaseUrl}/v1.0/applications`, {
          ca: emu.caPem,
          method: 'POST',
          headers: {
            authorization: `Bearer ${await graphToken(emu, emu.scenario.credentials.entra.clientId, emu.scenario.credentials.entra.clientSecret)}`,
          },
          body: JSON.stringify({ displayName: 'x' }),
        })
        expect(denied.status).toBe(403)
      } finally {
        emu.mutate.entra.set('appRoleAssignments', { ...e.appRoleAssignments, [readerId]: saved })
      }
      expect(reader).toMatch(/\./)
    })

    it('Okta: Microsoft IdP, Office 365 app, key, mapping, assignments and routing rule', async () => {
      expect(
        (await oktaCall('POST', '/api/v1/idps', { type: 'MICROSOFT', protocol: { type: 'OIDC' } }))
          .status,
      ).toBe(400)
      const idp = await oktaCall('POST', '/api/v1/idps', {
        type: 'MICROSOFT',
        name: 'Microsoft Entra ID',
        protocol: {
          type: 'OIDC',
          scopes: ['openid', 'email', 'profile'],
          credentials: { client: { client_id: 'abc', client_secret: 'Zz9~planted' } },
        },
        policy: {
          subject: {
            userNameTemplate: { template: 'idpuser.userPrincipalName' },
            matchType: 'USERNAME',
          },
        },
      })
      expect(idp.status).toBe(200)
      expect(fitsOkta('/api/v1/idps', 'post', idp.json)).toEqual([])
      expect(lastEvent()).toMatchObject({
        eventType: 'system.idp.lifecycle.create',
        actor: { type: 'User' },
      })
      expect((lastEvent()?.target as Json[])[0]).toMatchObject({
        id: idp.json.id,
        type: 'IdentityProvider',
      })

      const mappings = await oktaCall('GET', `/api/v1/mappings?sourceId=${String(idp.json.id)}`)
      const mappingId = String((mappings.json as unknown as Json[])[0]?.id)
      const mapping = await oktaCall('POST', `/api/v1/mappings/${mappingId}`, {
        properties: { login: { expression: 'appuser.userPrincipalName', pushStatus: 'DONT_PUSH' } },
      })
      expect(mapping.status).toBe(200)
      expect(fitsOkta(`/api/v1/mappings/${mappingId}`, 'post', mapping.json)).toEqual([])
      expect(lastEvent()?.eventType).toBe('directory.mapping.update')

      const policies = await oktaCall('GET', '/api/v1/policies?type=IDP_DISCOVERY')
      const policyId = String((policies.json as unknown as Json[])[0]?.id)
      const rule = await oktaCall('POST', `/api/v1/policies/${policyId}/rules`, {
        type: 'IDP_DISCOVERY',
        name: 'Entra ID',
        priority: 1,
        conditions: {
          userIdentifier: {
            type: 'IDENTIFIER',
            patterns: [{ matchType: 'SUFFIX', value: 'example.com' }],
          },
        },
        actions: {
          idp: {
            providers: [{ type: 'MICROSOFT', id: idp.json.id }],
            idpSelectionType: 'SPECIFIC',
          },
        },
      })
      expect(rule.status).toBe(200)
      expect(fitsOkta(`/api/v1/policies/${policyId}/rules`, 'post', rule.json)).toEqual([])
      expect(lastEvent()?.eventType).toBe('policy.rule.add')
      const rules = (await oktaCall('GET', `/api/v1/policies/${policyId}/rules`))
        .json as unknown as Json[]
      expect(rules.map((r) => [r.name, r.priority])).toEqual([
        ['Entra ID', 1],
        ['Default Rule', 2],
      ])

      const before = emu.scenario.okta.logs.length
      const app = await oktaCall('POST', '/api/v1/apps?activate=true', {
        name: 'office365',
        label: 'Microsoft Office 365',
        signOnMode: 'SAML_1_1',
        features: ['PUSH_NEW_USERS'],
        credentials: { userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' } },
        settings: { app: { domain: 'example.com', msftTenant: 'example' } },
      })
      expect(app.status).toBe(200)
      expect(fitsOkta('/api/v1/apps', 'post', app.json)).toEqual([])
      expect(emu.scenario.okta.logs.slice(before).map((e) => e['eventType'])).toEqual([
        'application.lifecycle.create',
        'application.lifecycle.activate',
      ])
      const appId = String(app.json.id)

      const key = await oktaCall(
        'POST',
        `/api/v1/apps/${appId}/credentials/keys/generate?validityYears=2`,
      )
      expect(key.status).toBe(201)
      expect(fitsOkta(`/api/v1/apps/${appId}/credentials/keys/generate`, 'post', key.json)).toEqual(
        [],
      )
      expect(lastEvent()?.eventType).toBe('app.keys.generate')
      expect(
        (await oktaCall('POST', `/api/v1/apps/${appId}/credentials/keys/generate?validityYears=1`))
          .status,
      ).toBe(400)
      const current = (await oktaCall('GET', `/api/v1/apps/${appId}`)).json
      const unknownKid = await oktaCall('PUT', `/api/v1/apps/${appId}`, {
        ...current,
        credentials: { signing: { kid: 'nope' } },
      })
      expect(unknownKid.status).toBe(400)
      const replaced = await oktaCall('PUT', `/api/v1/apps/${appId}`, {
        ...current,
        credentials: { ...(current.credentials as Json), signing: { kid: key.json.kid } },
      })
      expect(replaced.status).toBe(200)
      expect(fitsOkta(`/api/v1/apps/${appId}`, 'put', replaced.json)).toEqual([])
      expect(lastEvent()?.eventType).toBe('application.lifecycle.update')

      const user = emu.scenario.okta.users[0] as Json
      const assigned = await oktaCall('POST', `/api/v1/apps/${appId}/users`, {
        id: user.id,
        scope: 'USER',
        credentials: { userName: (user.profile as Json).login },
      })
      expect(assigned.status).toBe(200)
      expect(fitsOkta(`/api/v1/apps/${appId}/users`, 'post', assigned.json)).toEqual([])
      expect(lastEvent()?.eventType).toBe('application.user_membership.add')
      expect((await oktaCall('POST', `/api/v1/apps/${appId}/users`, { id: user.id })).status).toBe(
        409,
      )

      const group = emu.scenario.okta.groups[0] as Json
      const groupAssigned = await oktaCall(
        'PUT',
        `/api/v1/apps/${appId}/groups/${String(group.id)}`,
        {},
      )
      expect(groupAssigned.status).toBe(200)
      expect(
        fitsOkta(`/api/v1/apps/${appId}/groups/${String(group.id)}`, 'put', groupAssigned.json),
      ).toEqual([])
      expect(lastEvent()?.eventType).toBe('group.application_assignment.add')

      // every event the writes recorded fits the LogEvent schema, as the System Log serves it
      const now = Date.parse(emu.scenario.now)
      const logs = await oktaCall(
        'GET',
        `/api/v1/logs?since=${new Date(now - 60_000).toISOString()}&until=${new Date(now + 3_600_000).toISOString()}&limit=1000`,
      )
      const written = (logs.json as unknown as Json[]).filter(
        (e) => String(e.eventType) !== 'user.authentication.auth_via_IDP',
      )
      expect(written.length).toBeGreaterThanOrEqual(9)
      expect(fitsOkta('/api/v1/logs', 'get', written)).toEqual([])
      // the secret the IdP was created with is the emulator's to keep; it is served as given, as Okta does
      expect(JSON.stringify(written)).not.toContain('Zz9~planted')
    })
  },
)
