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
import type { Json, OktaRecord } from '../scenarios/types'
import { issueCertificate, oktaSigningJwk } from '../scenarios/pki'
import { Rng } from '../scenarios/random'
import { createRoutingRule } from '../scenarios/okta-routing'
import { notFound, oktaError, validation } from './errors'
import { profileFromMapping } from './expressions'

export interface WriteHandler {
  key: string
  bucket: string
  scope: string
  run: (req: EmuRequest) => EmuResponse
}

const IDP_TYPES = new Set(['MICROSOFT', 'OIDC', 'SAML2', 'GOOGLE', 'FACEBOOK', 'LINKEDIN', 'X509'])
const SIGN_ON_MODES = new Set([
  'AUTO_LOGIN',
  'BASIC_AUTH',
  'BOOKMARK',
  'BROWSER_PLUGIN',
  'OPENID_CONNECT',
  'SAML_1_1',
  'SAML_2_0',
  'SECURE_PASSWORD_STORE',
  'WS_FEDERATION',
])

const isRecord = (v: unknown): v is OktaRecord =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function body(req: EmuRequest): OktaRecord | EmuResponse {
  try {
    const parsed: unknown = JSON.parse(req.body || '{}')
    return isRecord(parsed) ? parsed : validation('the request body is not a JSON object')
  } catch {
    return oktaError(400, 'E0000003', 'The request body was not well-formed.')
  }
}

const created = (record: OktaRecord, status = 200): EmuResponse => ({
  status,
  body: JSON.stringify(record),
})

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
  function newKey(appId: string, label: string, years: number): OktaRecord {
    const startMs = store.clock.now()
    const cert = issueCertificate({
      seed: rng.int(1, 1_000_000),
      label: `okta-app-key-${appId}-${startMs}`,
      keyLabel: 'okta-generated-app-key',
      commonName: label,
      notBeforeMs: startMs,
      notAfterMs: startMs + years * 365 * 86_400_000,
    })
    const kid = Buffer.from(rng.bytes(32)).toString('base64url')
    const jwk = oktaSigningJwk(kid, cert, startMs)
    data.appKeys[appId] = [...(data.appKeys[appId] ?? []), jwk]
    return jwk
  }

  function createApp(req: EmuRequest): EmuResponse {
    const b = body(req)
    if ('status' in b && typeof b.status === 'number') return b as EmuResponse
    const input = b as OktaRecord
    if (typeof input.label !== 'string' || !input.label.trim())
      return validation('label: may not be blank')
    if (typeof input.signOnMode !== 'string' || !SIGN_ON_MODES.has(input.signOnMode))
      return validation('signOnMode: not a supported sign-on mode')
    const id = rng.oktaId('0oa')
    const name =
      typeof input.name === 'string'
        ? input.name
        : `${input.label.toLowerCase().replace(/\W+/g, '')}_1`
    const active = req.query.get('activate') !== 'false'
    const now = store.clock.iso()
    const key = newKey(id, input.label, 10)
    const externalKey = rng.oktaId('exk')
    const credentials = isRecord(input.credentials) ? input.credentials : {}
    const app: OktaRecord = {
      id,
      name,
      label: input.label,
      status: active ? 'ACTIVE' : 'INACTIVE',
      created: now,
      lastUpdated: now,
      accessibility: input.accessibility ?? {
        selfService: false,
        errorRedirectUrl: null,
        loginRedirectUrl: null,
      },
      visibility: input.visibility ?? {
        autoSubmitToolbar: false,
        hide: { iOS: false, web: false },
        appLinks: {},
      },
      features: input.features ?? [],
      signOnMode: input.signOnMode,
      credentials: { ...credentials, signing: { kid: key.kid ?? null } },
      settings: input.settings ?? {},
      _links: {
        appLinks: [{ name: 'login', href: `${org}/home/${name}/${id}/2`, type: 'text/html' }],
        users: { href: `${org}/api/v1/apps/${id}/users` },
        groups: { href: `${org}/api/v1/apps/${id}/groups` },
        self: { href: `${org}/api/v1/apps/${id}` },
        deactivate: { href: `${org}/api/v1/apps/${id}/lifecycle/deactivate` },
        metadata:
          name === 'office365'
            ? {
                href: `${org}/app/office365/${externalKey}/sso/wsfed/metadata`,
                type: 'application/xml',
              }
            : { href: `${org}/api/v1/apps/${id}/sso/saml/metadata`, type: 'application/xml' },
      },
    }
    store.okta.apps.add(app)
    data.appUsers[id] = []
    addMapping('target', id, name, 'apps')
    const target = appTarget(app)
    recordOktaEvents(store, actorOf(req), [
      { eventType: 'application.lifecycle.create', targets: [target] },
      ...(active
        ? [{ eventType: 'application.lifecycle.activate' as const, targets: [target] }]
        : []),
    ])
    return created(app)
  }

  function generateKey(req: EmuRequest, app: OktaRecord): EmuResponse {
    const years = Number(req.query.get('validityYears'))
    if (!Number.isInteger(years) || years < 2 || years > 10)
      return validation('validityYears: must be between 2 and 10')
    const jwk = newKey(String(app.id), String(app.label ?? app.name), years)
    recordOktaEvents(store, actorOf(req), [
      { eventType: 'app.keys.generate', targets: [appTarget(app)] },
    ])
    return created(jwk, 201)
  }

  function replaceApp(req: EmuRequest, app: OktaRecord): EmuResponse {
    const b = body(req)
    if ('status' in b && typeof b.status === 'number') return b as EmuResponse
    const input = b as OktaRecord
    const credentials = isRecord(input.credentials)
      ? input.credentials
      : (app.credentials as OktaRecord)
    const kid = (credentials?.signing as OktaRecord | undefined)?.kid
    const keys = data.appKeys[String(app.id)] ?? []
    if (typeof kid === 'string' && !keys.some((k) => k.kid === kid))
      return validation('credentials.signing.kid: no such key for this app')
    const next: OktaRecord = {
      ...app,
      label: input.label ?? app.label ?? null,
      settings: input.settings ?? app.settings ?? {},
      credentials,
      features: input.features ?? app.features ?? [],
      visibility: input.visibility ?? app.visibility ?? null,
      accessibility: input.accessibility ?? app.accessibility ?? null,
      lastUpdated: store.clock.iso(),
    }
    store.okta.apps.replace(String(app.id), next)
    const from = { kid: (app.credentials as OktaRecord | undefined)?.signing as Json }
    recordOktaEvents(store, actorOf(req), [
      {
        eventType: 'application.lifecycle.update',
        targets: [
          { ...appTarget(next), changeDetails: { from, to: { kid: credentials.signing as Json } } },
        ],
      },
    ])
    return created(next)
  }

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

  function assignUser(req: EmuRequest, app: OktaRecord): EmuResponse {
    const b = body(req)
    if ('status' in b && typeof b.status === 'number') return b as EmuResponse
    const input = b as OktaRecord
    const user = typeof input.id === 'string' ? store.okta.users.get(input.id) : undefined
    if (!user) return notFound(`${String(input.id)} (User)`)
    const appId = String(app.id)
    const list = data.appUsers[appId] ?? []
    if (list.some((u) => u.id === user.id))
      return oktaError(409, 'E0000090', 'The user is already assigned to this application.')
    const mapping = store.okta.mappings.items.find(
      (m) => (m.target as OktaRecord | undefined)?.id === appId,
    )
    const profile = {
      ...profileFromMapping(mapping, user),
      ...(isRecord(input.profile) ? input.profile : {}),
    }
    const credentials = isRecord(input.credentials) ? input.credentials : {}
    const userName = String(credentials.userName ?? (user.profile as OktaRecord).login)
    const provisioned = Array.isArray(app.features) && app.features.includes('PUSH_NEW_USERS')
    // Office 365 provisioning matches the Entra user by its UPN and keeps its object id
    const entra = store.entra.users.find(
      (u) => (u.userPrincipalName ?? '').toLowerCase() === userName.toLowerCase(),
    )
    const now = store.clock.iso()
    const appUser: OktaRecord = {
      id: String(user.id),
      externalId: app.name === 'office365' ? (entra?.id ?? null) : null,
      created: now,
      lastUpdated: now,
      scope: input.scope === 'GROUP' ? 'GROUP' : 'USER',
      status: provisioned ? 'PROVISIONED' : 'ACTIVE',
      statusChanged: now,
      passwordChanged: null,
      syncState: provisioned ? 'SYNCHRONIZED' : 'DISABLED',
      ...(provisioned ? { lastSync: now } : {}),
      credentials: { userName },
      profile,
      _links: {
        app: { href: `${org}/api/v1/apps/${appId}` },
        user: { href: `${org}/api/v1/users/${String(user.id)}` },
      },
    }
    data.appUsers[appId] = [...list, appUser]
    store.okta.apps.replace(appId, { ...app })
    const person = user.profile as OktaRecord
    recordOktaEvents(store, actorOf(req), [
      {
        eventType: 'application.user_membership.add',
        targets: [
          {
            id: String(user.id),
            type: 'AppUser',
            alternateId: userName,
            displayName: String(person.displayName ?? userName),
          },
          appTarget(app),
          {
            id: String(user.id),
            type: 'User',
            alternateId: String(person.login),
            displayName: String(person.displayName ?? person.login),
          },
        ],
      },
    ])
    return created(appUser)
  }

  function assignGroup(req: EmuRequest, app: OktaRecord, groupId: string): EmuResponse {
    const group = store.okta.groups.get(groupId)
    if (!group) return notFound(`${groupId} (UserGroup)`)
    const b = body(req)
    if ('status' in b && typeof b.status === 'number') return b as EmuResponse
    const input = b as OktaRecord
    const appId = String(app.id)
    const assignments = (data.appGroups[appId] ??= [])
    const assignment: OktaRecord = {
      id: groupId,
      lastUpdated: store.clock.iso(),
      priority: typeof input.priority === 'number' ? input.priority : assignments.length,
      profile: isRecord(input.profile) ? input.profile : {},
      _links: {
        app: { href: `${org}/api/v1/apps/${appId}` },
        group: { href: `${org}/api/v1/groups/${groupId}` },
      },
    }
    data.appGroups[appId] = [...assignments.filter((a) => a.id !== groupId), assignment]
    const name = String((group.profile as OktaRecord).name)
    recordOktaEvents(store, actorOf(req), [
      {
        eventType: 'group.application_assignment.add',
        targets: [
          { id: groupId, type: 'UserGroup', alternateId: name, displayName: name },
          appTarget(app),
        ],
      },
    ])
    return created(assignment)
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
    if (a === 'idps' && n === 3 && m === 'POST')
      return handler('POST /api/v1/idps', 'idps', 'okta.idps.manage', () => createIdp(req))
    if (a === 'apps') {
      if (n === 3 && m === 'POST')
        return handler('POST /api/v1/apps', 'apps', 'okta.apps.manage', () => createApp(req))
      const app = store.okta.apps.get(b ?? '')
      const within = (run: (found: OktaRecord) => EmuResponse) => () =>
        app ? run(app) : notFound(`${b} (AppInstance)`)
      if (n === 4 && m === 'PUT')
        return handler(
          'PUT /api/v1/apps/{id}',
          'apps',
          'okta.apps.manage',
          within((x) => replaceApp(req, x)),
        )
      if (n === 5 && c === 'users' && m === 'POST')
        return handler(
          'POST /api/v1/apps/{id}/users',
          'apps',
          'okta.apps.manage',
          within((x) => assignUser(req, x)),
        )
      if (n === 6 && c === 'groups' && m === 'PUT')
        return handler(
          'PUT /api/v1/apps/{id}/groups/{groupId}',
          'apps',
          'okta.apps.manage',
          within((x) => assignGroup(req, x, d ?? '')),
        )
      if (n === 7 && c === 'credentials' && d === 'keys' && e === 'generate' && m === 'POST')
        return handler(
          'POST /api/v1/apps/{id}/credentials/keys/generate',
          'apps',
          'okta.apps.manage',
          within((x) => generateKey(req, x)),
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
