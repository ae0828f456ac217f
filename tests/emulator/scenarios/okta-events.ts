/**
 * Okta System Log events (the LogEvent shape of the official OpenAPI) and the
 * actors and targets they name, all taken from the scenario.
 */
import type { OktaRecord } from './types'
import type { Draft } from './base'
import { SIGN_IN_LOCATIONS, USER_AGENT } from './constants'
import { type Rng, oktaDate } from './random'

export interface OktaActor {
  id: string
  type: string
  alternateId: string
  displayName: string
}

export function oktaUserActor(u: OktaRecord): OktaActor {
  const profile = u['profile'] as {
    login?: string
    displayName?: string
    firstName?: string
    lastName?: string
  }
  return {
    id: String(u['id']),
    type: 'User',
    alternateId: String(profile.login ?? ''),
    displayName: String(
      profile.displayName ?? `${profile.firstName ?? ''} ${profile.lastName ?? ''}`.trim(),
    ),
  }
}

export function oktaAppTarget(app: OktaRecord): OktaActor {
  return {
    id: String(app['id']),
    type: 'AppInstance',
    alternateId: String(app['label']),
    displayName: String(app['label']),
  }
}

export function oktaIdpTarget(idp: OktaRecord): OktaActor {
  return {
    id: String(idp['id']),
    type: 'IdentityProvider',
    alternateId: String(idp['name']),
    displayName: String(idp['name']),
  }
}

const SYSTEM_ACTOR: OktaActor = {
  id: 'system',
  type: 'SystemPrincipal',
  alternateId: 'system@okta.com',
  displayName: 'Okta System',
}

export interface OktaEventSpec {
  eventType: string
  displayMessage: string
  atMs: number
  result: 'SUCCESS' | 'FAILURE'
  reason?: string | null
  actor?: OktaActor
  targets: OktaActor[]
  severity?: 'INFO' | 'WARN' | 'ERROR'
  transaction?: 'WEB' | 'JOB'
  issuer?: { id: string; type: string }
}

export function oktaEvent(d: Draft, e: OktaEventSpec): OktaRecord {
  return oktaEventFrom(d.ctx.rng, e)
}

/** A LogEvent whose random parts (uuid, request id, client address) come from `rng`. */
export function oktaEventFrom(rng: Rng, e: OktaEventSpec): OktaRecord {
  const loc = rng.pick(SIGN_IN_LOCATIONS)
  const web = (e.transaction ?? 'WEB') === 'WEB'
  const requestId = rng.chars('0123456789abcdef', 32)
  return {
    uuid: rng.guid(),
    published: oktaDate(e.atMs),
    eventType: e.eventType,
    legacyEventType: null,
    version: '0',
    severity: e.severity ?? (e.result === 'SUCCESS' ? 'INFO' : 'WARN'),
    displayMessage: e.displayMessage,
    actor: { ...(e.actor ?? SYSTEM_ACTOR), detailEntry: null },
    client: web
      ? {
          userAgent: { rawUserAgent: USER_AGENT, os: 'Windows 10', browser: 'EDGE_CHROMIUM' },
          zone: 'null',
          device: 'Computer',
          id: null,
          ipAddress: loc.ip + rng.int(2, 250),
          geographicalContext: {
            city: loc.city,
            state: loc.state,
            country: 'United States',
            postalCode: null,
            geolocation: { lat: loc.lat, lon: loc.lon },
          },
        }
      : {
          userAgent: null,
          zone: null,
          device: null,
          id: null,
          ipAddress: null,
          geographicalContext: null,
        },
    outcome: { result: e.result, reason: e.reason ?? null },
    target: e.targets.map((t) => ({ ...t, detailEntry: null })),
    transaction: { type: e.transaction ?? 'WEB', id: requestId, detail: {} },
    debugContext: { debugData: { requestId } },
    authenticationContext: {
      authenticationProvider: e.issuer ? 'FEDERATION' : null,
      credentialProvider: null,
      credentialType: null,
      issuer: e.issuer ?? null,
      interface: null,
      authenticationStep: 0,
      externalSessionId: web
        ? 'idx' + rng.chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 22)
        : null,
    },
    request: { ipChain: [] },
    securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
  }
}
