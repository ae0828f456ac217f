/**
 * The emulator keeps its own copy of what each request needs (it must not share the
 * product's beliefs); this checks that copy against the resource registry, which follows
 * the documentation. For every registered resource: the registry's least-privileged
 * permissions (one of each Graph group, or the one Okta scope) are enough, and taking
 * away any one group (or the scope) is refused; a resource Graph serves to no application
 * permission is refused to an app holding every role; public metadata is served without a token.
 */
import { Client } from '@okta/okta-sdk-nodejs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RESOURCES, RESOURCE_PATHS } from '../../../src/shared/model'
import type { Emulator } from '../../emulator/index'
import { CaRequestExecutor, call, graphToken } from '../../emulator/testing/clients'
import { FIXTURE, GRAPH_ROLES } from '../../emulator/testing/constants'
import { startFixtureEmulator } from '../../emulator/testing/start'

let emu: Emulator
beforeAll(async () => {
  emu = await startFixtureEmulator({ users: 20 })
})
afterAll(() => emu?.close())

/** The registry's request with its placeholders filled from the fixture. */
function requestPath(request: string): string {
  const e = emu.scenario.entra
  const o = emu.scenario.okta
  const federated = e.domains.find((d) => d.authenticationType === 'Federated')?.id ?? ''
  const app = String(o.apps[0]?.['id'] ?? '')
  // a request under a provisioning job names a service principal that has one
  const [jobSp, jobs] = Object.entries(e.synchronizationJobs).find(([, l]) => l.length > 0) ?? []
  const sp = request.includes('{jobId}') ? (jobSp ?? '') : (e.servicePrincipals[0]?.id ?? '')
  return request
    .replace(/^GET /, '')
    .replace('/domains/{id}/', `/domains/${federated}/`)
    .replace('/servicePrincipals/{id}/', `/servicePrincipals/${sp}/`)
    .replace('{jobId}', jobs?.[0]?.id ?? '')
    .replace('{appId}', app)
    .replace('{groupId}', String(o.groups[0]?.['id'] ?? ''))
    .replace('{mappingId}', String(o.mappings[0]?.['id'] ?? ''))
    .replace('{tenantId}', emu.tenantId)
    .replace('{policyId}', String(o.idpDiscoveryPolicies[0]?.['id'] ?? ''))
    .replace(' ', '%20')
    .replace(/"/g, '%22')
}

const readerSp = () => FIXTURE.readerSpId

async function graphStatus(path: string, roles: readonly string[]): Promise<number> {
  const assignments = roles.map((value, i) => ({
    id: `reg-${i}`,
    appRoleId: GRAPH_ROLES[value] ?? value,
    principalId: readerSp(),
    resourceId: FIXTURE.graphSpId,
  }))
  emu.mutate.entra.set('appRoleAssignments', {
    ...emu.scenario.entra.appRoleAssignments,
    [readerSp()]: assignments,
  })
  const token = await graphToken(emu, FIXTURE.readerAppId, FIXTURE.secret)
  const r = await call(`${emu.graphBaseUrl}/v1.0${path}`, {
    ca: emu.caPem,
    headers: { authorization: `Bearer ${token}` },
  })
  return r.status
}

describe('Graph authorization follows the resource registry', () => {
  for (const path of RESOURCE_PATHS.filter((p) => p.startsWith('entra.'))) {
    it(`${path}`, async () => {
      const spec = RESOURCES[path]
      const access = spec.access
      const url = requestPath(spec.request)
      if (access.kind === 'public') {
        // public metadata on the host the registry names, read without any token
        const root =
          'host' in spec && spec.host === 'authority'
            ? emu.authorityHost
            : `${emu.graphBaseUrl}/v1.0`
        const r = await call(`${root}${url}`, { ca: emu.caPem })
        expect(r.status, `${url} without a token`).toBe(200)
        return
      }
      if (access.kind === 'delegated-only') {
        expect(await graphStatus(url, Object.keys(GRAPH_ROLES))).toBe(403)
        return
      }
      if (access.kind !== 'application') return
      const least = access.allOf.map((g) => g[0] ?? '')
      expect(await graphStatus(url, least), `${url} with ${least.join(', ')}`).toBe(200)
      for (let i = 0; i < least.length; i++) {
        const without = least.filter((_, j) => j !== i)
        expect(await graphStatus(url, without), `${url} without ${least[i]}`).toBe(403)
      }
    })
  }
})

describe('Okta authorization follows the resource registry', () => {
  for (const path of RESOURCE_PATHS.filter((p) => p.startsWith('okta.'))) {
    it(`${path}`, async () => {
      const spec = RESOURCES[path]
      if (spec.access.kind !== 'scope') return
      const svc = emu.scenario.credentials.okta.serviceApp
      if (!svc?.privateKeyPem) throw new Error('the fixture has a service app')
      const status = async (scopes: string[]) => {
        const c = new Client({
          orgUrl: emu.oktaOrgUrl,
          authorizationMode: 'PrivateKey',
          clientId: svc.clientId,
          scopes,
          privateKey: svc.privateKeyPem,
          keyId: svc.keyId,
          cacheMiddleware: null,
          requestExecutor: new CaRequestExecutor(emu.caPem),
        })
        try {
          const r = await c.http.http(`${emu.oktaOrgUrl}${requestPath(spec.request)}`, {})
          return r.status
        } catch (error) {
          return (error as { status?: number }).status ?? 0
        }
      }
      // every scope the reference lists for the request is needed; any one alone is not enough
      const needed = [spec.access.scope, ...(spec.access.alsoScopes ?? [])]
      // the fixture's service app is denied okta.schemas.read on purpose; grant every scope here
      const granted = svc.grantedScopes
      svc.grantedScopes = [...new Set([...granted, ...needed, 'okta.logs.read', 'okta.users.read'])]
      try {
        expect(await status(needed)).toBe(200)
        if (needed.length > 1)
          for (const scope of needed) expect(await status([scope]), `${scope} alone`).toBe(403)
      } finally {
        svc.grantedScopes = granted
      }
      const other = spec.access.scope === 'okta.logs.read' ? 'okta.users.read' : 'okta.logs.read'
      svc.grantedScopes = [...new Set([...granted, other])]
      try {
        expect(await status([other])).toBe(403)
      } finally {
        svc.grantedScopes = granted
      }
    })
  }
})
