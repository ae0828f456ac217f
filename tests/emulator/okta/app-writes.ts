/**
 * The Okta app writes (`createApplication`, `generateApplicationKey`, `replaceApplication`,
 * `assignUserToApplication`, `assignGroupToApplication`), each recording its documented
 * System Log event; `writes.ts` routes to them.
 */
import type { EmulatorContext } from '../context'
import type { EmuRequest, EmuResponse } from '../http'
import { type OktaActor, type OktaTarget, recordOktaEvents } from '../audit'
import type { Json, OktaRecord } from '../scenarios/types'
import { issueCertificate, oktaSigningJwk } from '../scenarios/pki'
import type { Rng } from '../scenarios/random'
import { notFound, oktaError, validation } from './errors'
import { profileFromMapping } from './expressions'
import { SIGN_ON_MODES, body, created, isRecord } from './write-body'

export interface AppWriteDeps {
  ctx: EmulatorContext
  rng: Rng
  actorOf: (req: EmuRequest) => OktaActor
  appTarget: (app: OktaRecord) => OktaTarget
  addMapping: (end: 'source' | 'target', id: string, name: string, kind: 'idps' | 'apps') => void
}

export function oktaAppWrites({ ctx, rng, actorOf, appTarget, addMapping }: AppWriteDeps) {
  const store = ctx.store
  const data = ctx.scenario.okta
  const org = ctx.origins.oktaOrgUrl

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

  return { createApp, generateKey, replaceApp, assignUser, assignGroup }
}
