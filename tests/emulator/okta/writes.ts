/**
 * The Okta management API writes a rebuild (and a guided repair) uses, each shaped after its
 * OpenAPI operation and each recording the System Log event Okta documents for it
 * (`../audit.ts`): create an identity provider (`createIdentityProvider`), create an app
 * (`createApplication`, activated unless `activate=false`), generate an app signing key
 * (`generateApplicationKey`) and make it active by replacing the app (`replaceApplication`),
 * update a profile mapping (`updateProfileMapping`), assign a user (`assignUserToApplication`)
 * or a group (`assignGroupToApplication`), and add a routing rule (`createPolicyRule`).
 * Creating an IdP or an app also creates its profile mapping, as Okta does.
 */
import type { EmulatorContext } from '../context'
import type { EmuRequest, EmuResponse } from '../http'
import { type OktaActor, type OktaTarget, recordOktaEvents } from '../audit'
import type { OktaRecord } from '../scenarios/types'
import { Rng } from '../scenarios/random'
import { createRoutingRule } from '../scenarios/okta-routing'
import { notFound, validation } from './errors'
import { body, created, isRecord } from './write-body'
import { oktaAppWrites } from './app-writes'
import { updateOktaUser } from './user-writes'

export interface WriteHandler {
  key: string
  bucket: string
  scope: string
  run: (req: EmuRequest) => EmuResponse
}

const IDP_TYPES = new Set(['MICROSOFT', 'OIDC', 'SAML2', 'GOOGLE', 'FACEBOOK', 'LINKEDIN', 'X509'])
export function oktaWrites(ctx: EmulatorContext): (req: EmuRequest) => WriteHandler | null {
  const store = ctx.store
  const data = ctx.scenario.okta
  const org = ctx.origins.oktaOrgUrl
  // new ids are random per run, as Okta's are; a seeded generator keeps tests reproducible
  const rng = new Rng(Date.now() & 0x7fffffff)

  /** The actor of a request: the API token's administrator or the OAuth service app. */
  function actorOf(req: EmuRequest): OktaActor {
    const header = req.headers.authorization ?? ''
    const ssws = /^SSWS\s+(\S+)$/i.exec(header)?.[1]
    const token = ssws ? data.apiTokens.find((t) => t.token === ssws) : undefined
    if (token?.owner)
      return {
        id: token.owner.id,
        type: 'User',
        alternateId: token.owner.login,
        displayName: token.owner.displayName,
      }
    const bearer = /^(?:Bearer|DPoP)\s+(\S+)$/i.exec(header)?.[1]
    const access = bearer ? ctx.oktaTokens.get(bearer) : undefined
    if (access)
      return {
        id: access.clientId,
        type: 'PublicClientApp',
        alternateId: access.clientId,
        displayName: access.clientId,
      }
    return { id: 'unknown', type: 'User', alternateId: 'unknown', displayName: 'API token' }
  }

  const appTarget = (app: OktaRecord): OktaTarget => ({
    id: String(app.id),
    type: 'AppInstance',
    alternateId: String(app.label ?? app.name),
    displayName: String(app.label ?? app.name),
  })

  /** The profile mapping Okta creates with an IdP (source) or an app (target). */
  function addMapping(
    end: 'source' | 'target',
    id: string,
    name: string,
    kind: 'idps' | 'apps',
  ): void {
    const mappingId = rng.oktaId('prm')
    const appuser: OktaRecord = {
      id,
      name,
      type: 'appuser',
      _links: {
        self: { href: `${org}/api/v1/${kind}/${id}` },
        schema: { href: `${org}/api/v1/meta/schemas/${kind}/${id}/default` },
      },
    }
    const userType = data.users.find((u) => isRecord(u.type))?.type as OktaRecord | undefined
    const typeId = String(userType?.id ?? 'default')
    const user: OktaRecord = {
      id: typeId,
      name: 'user',
      type: 'user',
      _links: {
        self: { href: `${org}/api/v1/meta/types/user/${typeId}` },
        schema: { href: `${org}/api/v1/meta/schemas/user/default` },
      },
    }
    store.okta.mappings.add({
      id: mappingId,
      source: end === 'source' ? appuser : user,
      target: end === 'source' ? user : appuser,
      properties: {},
      _links: { self: { href: `${org}/api/v1/mappings/${mappingId}` } },
    })
  }

  const apps = oktaAppWrites({ ctx, rng, actorOf, appTarget, addMapping })

  function createIdp(req: EmuRequest): EmuResponse {
    const b = body(req)
    if ('status' in b && typeof b.status === 'number') return b as EmuResponse
    const input = b as OktaRecord
    if (typeof input.type !== 'string' || !IDP_TYPES.has(input.type))
      return validation('type: the identity provider type is not supported')
    if (typeof input.name !== 'string' || !input.name.trim())
      return validation('name: may not be blank')
    const protocol = input.protocol
    if (!isRecord(protocol) || typeof protocol.type !== 'string')
      return validation('protocol: the protocol of the identity provider is required')
    const id = rng.oktaId('0oa')
    const now = store.clock.iso()
    const idp: OktaRecord = {
      id,
      type: input.type,
      name: input.name,
      status: 'ACTIVE',
      issuerMode: input.issuerMode ?? 'ORG_URL',
      created: now,
      lastUpdated: now,
      protocol,
      policy: input.policy ?? null,
      _links: {
        authorize: {
          href: `${org}/oauth2/v1/authorize?idp=${id}&client_id={clientId}&response_type={responseType}&response_mode={responseMode}&scope={scopes}&redirect_uri={redirectUri}&state={state}`,
          templated: true,
          hints: { allow: ['GET'] },
        },
        clientRedirectUri: {
          href: `${org}/oauth2/v1/authorize/callback`,
          hints: { allow: ['POST'] },
        },
      },
    }
    store.okta.idps.add(idp)
    addMapping('source', id, input.name, 'idps')
    recordOktaEvents(store, actorOf(req), [
      {
        eventType: 'system.idp.lifecycle.create',
        targets: [
          { id, type: 'IdentityProvider', alternateId: input.name, displayName: input.name },
        ],
      },
    ])
    return created(idp)
  }

  /** A new signing key for an app, valid for `years` (Okta: 2 to 10). */
  function updateMapping(req: EmuRequest, mapping: OktaRecord): EmuResponse {
    const b = body(req)
    if ('status' in b && typeof b.status === 'number') return b as EmuResponse
    const input = b as OktaRecord
    if (!isRecord(input.properties)) return validation('properties: required')
    const properties: OktaRecord = { ...((mapping.properties ?? {}) as OktaRecord) }
    for (const [name, value] of Object.entries(input.properties)) {
      if (value === null) delete properties[name]
      else if (isRecord(value) && typeof value.expression === 'string')
        properties[name] = {
          expression: value.expression,
          pushStatus: value.pushStatus ?? 'DONT_PUSH',
        }
      else return validation(`properties.${name}: an expression is required`)
    }
    const next = { ...mapping, properties }
    store.okta.mappings.replace(String(mapping.id), next)
    const source = mapping.source as OktaRecord
    const target = mapping.target as OktaRecord
    recordOktaEvents(store, actorOf(req), [
      {
        eventType: 'directory.mapping.update',
        targets: [
          {
            id: String(mapping.id),
            type: 'Mapping',
            alternateId: `${String(source.name)} → ${String(target.name)}`,
            displayName: 'Profile mapping',
          },
        ],
      },
    ])
    return created(next)
  }

  function addRule(req: EmuRequest, policyId: string): EmuResponse {
    const policy = data.idpDiscoveryPolicies.find((p) => p.id === policyId)
    if (!policy) return notFound(`${policyId} (Policy)`)
    const b = body(req)
    if ('status' in b && typeof b.status === 'number') return b as EmuResponse
    const input = b as OktaRecord
    if (input.type !== 'IDP_DISCOVERY')
      return validation('type: must match the policy type IDP_DISCOVERY')
    if (typeof input.name !== 'string' || !input.name.trim())
      return validation('name: may not be blank')
    const providers = ((input.actions as OktaRecord | undefined)?.idp as OktaRecord | undefined)
      ?.providers
    if (!Array.isArray(providers) || providers.length === 0)
      return validation('actions.idp.providers: at least one provider is required')
    for (const p of providers) {
      if (!isRecord(p)) return validation('actions.idp.providers: not an object')
      if (p.type !== 'OKTA' && !store.okta.idps.get(String(p.id)))
        return validation(`actions.idp.providers: no identity provider ${String(p.id)}`)
    }
    const rule = createRoutingRule(data, org, policyId, input, rng.oktaId('0pr'), store.clock.iso())
    recordOktaEvents(store, actorOf(req), [
      {
        eventType: 'policy.rule.add',
        targets: [
          {
            id: policyId,
            type: 'PolicyEntity',
            alternateId: String(policy.name),
            displayName: String(policy.name),
          },
          {
            id: String(rule.id),
            type: 'PolicyRule',
            alternateId: String(rule.name),
            displayName: String(rule.name),
          },
        ],
      },
    ])
    return created(rule)
  }

  return (req) => {
    const seg = req.path.replace(/\/+$/, '').split('/').slice(1)
    if (seg[0] !== 'api' || seg[1] !== 'v1') return null
    const [, , a, b, c, d, e] = seg
    const n = seg.length
    const m = req.method
    const handler = (
      key: string,
      bucket: string,
      scope: string,
      run: () => EmuResponse,
    ): WriteHandler => ({
      key,
      bucket,
      scope,
      run,
    })
    if (a === 'users' && n === 4 && m === 'POST')
      return handler('POST /api/v1/users/{id}', 'users', 'okta.users.manage', () =>
        updateOktaUser(ctx, req, b ?? '', actorOf(req)),
      )
    if (a === 'idps' && n === 3 && m === 'POST')
      return handler('POST /api/v1/idps', 'idps', 'okta.idps.manage', () => createIdp(req))
    if (a === 'apps') {
      if (n === 3 && m === 'POST')
        return handler('POST /api/v1/apps', 'apps', 'okta.apps.manage', () => apps.createApp(req))
      const app = store.okta.apps.get(b ?? '')
      const within = (run: (found: OktaRecord) => EmuResponse) => () =>
        app ? run(app) : notFound(`${b} (AppInstance)`)
      if (n === 4 && m === 'PUT')
        return handler(
          'PUT /api/v1/apps/{id}',
          'apps',
          'okta.apps.manage',
          within((x) => apps.replaceApp(req, x)),
        )
      if (n === 5 && c === 'users' && m === 'POST')
        return handler(
          'POST /api/v1/apps/{id}/users',
          'apps',
          'okta.apps.manage',
          within((x) => apps.assignUser(req, x)),
        )
      if (n === 6 && c === 'groups' && m === 'PUT')
        return handler(
          'PUT /api/v1/apps/{id}/groups/{groupId}',
          'apps',
          'okta.apps.manage',
          within((x) => apps.assignGroup(req, x, d ?? '')),
        )
      if (n === 7 && c === 'credentials' && d === 'keys' && e === 'generate' && m === 'POST')
        return handler(
          'POST /api/v1/apps/{id}/credentials/keys/generate',
          'apps',
          'okta.apps.manage',
          within((x) => apps.generateKey(req, x)),
        )
    }
    if (a === 'mappings' && n === 4 && m === 'POST') {
      const mapping = store.okta.mappings.get(b ?? '')
      return handler('POST /api/v1/mappings/{id}', 'mappings', 'okta.profileMappings.manage', () =>
        mapping ? updateMapping(req, mapping) : notFound(`${b} (ProfileMapping)`),
      )
    }
    if (a === 'policies' && n === 5 && c === 'rules' && m === 'POST')
      return handler('POST /api/v1/policies/{id}/rules', 'policies', 'okta.policies.manage', () =>
        addRule(req, b ?? ''),
      )
    return null
  }
}
