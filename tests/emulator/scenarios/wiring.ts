/**
 * The seam between the two sides: an Okta Microsoft IdP wired to its Entra app
 * registration, an Okta Office 365 instance with its signing keys and mapping,
 * and the Entra domain federated to it.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { EntraSecretValue, EntraTenant, OktaOrg, OktaRecord } from './types'
import type { ScenarioContext } from './context'
import { federationConfiguration, oktaWsFedUris } from './entra-config'
import { type AppRegistration, addApp, addSecret, grantDelegated } from './entra-apps'
import {
  O365_MAPPING_PROPERTIES,
  idpToUserMapping,
  microsoftIdp,
  userToAppMapping,
} from './okta-config'
import { addAppKeys, office365App } from './okta-apps'
import { MS } from './random'

export interface Sides {
  ctx: ScenarioContext
  entra: EntraTenant
  okta: OktaOrg
}

export interface Office365Instance {
  app: OktaRecord
  appId: string
  externalKey: string
  domain: string
}

export interface IdpPair {
  idp: OktaRecord
  idpId: string
  registration: AppRegistration
  secret: EntraSecretValue
  mapping: OktaRecord
}

export const OKTA_CALLBACK_PATH = '/oauth2/v1/authorize/callback'

/** Creates an Okta Microsoft IdP and the Entra app registration it signs in through, consistently wired. */
export function addIdpPair(
  d: Sides,
  o: {
    name: string
    appName: string
    createdMs: number
    secretEndMs: number
    redirectUris?: string[]
    scopes?: string[]
    consent?: boolean
    tenantSegment?: string
    clientId?: string
    clientSecret?: (secret: EntraSecretValue) => string
    userNameTemplate?: string
    matchType?: 'USERNAME' | 'EMAIL' | 'USERNAME_OR_EMAIL' | 'CUSTOM_ATTRIBUTE'
    signInAudience?: 'AzureADMyOrg' | 'AzureADMultipleOrgs'
    mappingProperties?: Parameters<typeof idpToUserMapping>[2]
  },
): IdpPair {
  const { ctx } = d
  const scopes = o.scopes ?? ['openid', 'email', 'profile', 'User.Read']
  const registration = addApp(ctx, d.entra, {
    displayName: o.appName,
    createdMs: o.createdMs,
    signInAudience: o.signInAudience ?? 'AzureADMyOrg',
    redirectUris: o.redirectUris ?? [`${ctx.origins.oktaOrgUrl}${OKTA_CALLBACK_PATH}`],
    scopes,
    enableIdTokenIssuance: true,
    notes: 'Sign-in to Okta through the Microsoft identity provider',
  })
  const secret = addSecret(ctx, d.entra, registration.application, {
    displayName: 'Okta IdP',
    startMs: o.secretEndMs - 730 * MS.day,
    endMs: o.secretEndMs,
  })
  if (o.consent ?? true) grantDelegated(ctx, d.entra, registration.servicePrincipal, scopes)
  const idpId = ctx.rng.oktaId('0oa')
  const idp = microsoftIdp(ctx, {
    id: idpId,
    name: o.name,
    clientId: o.clientId ?? registration.application.appId ?? '',
    clientSecret: o.clientSecret ? o.clientSecret(secret) : secret.secretText,
    tenantSegment: o.tenantSegment ?? ctx.tenantId,
    userNameTemplate: o.userNameTemplate,
    matchType: o.matchType,
    createdMs: o.createdMs + MS.hour,
  })
  d.okta.idps.push(idp)
  const mapping = idpToUserMapping(ctx, { id: idpId, name: o.name }, o.mappingProperties)
  d.okta.mappings.push(mapping)
  return { idp, idpId, registration, secret, mapping }
}

/** Creates an Okta Office 365 instance with signing keys and its user → app mapping. */
export function addOffice365(
  d: Pick<Sides, 'ctx' | 'okta'>,
  o: {
    label: string
    domain: string
    createdMs: number
    keys: { label: string; createdMs: number; expiresMs: number }[]
    mappingProperties?: Parameters<typeof userToAppMapping>[2]
  },
): Office365Instance & { activeKid: string; activeCertificate: string; keyCertificates: string[] } {
  const { ctx } = d
  const appId = ctx.rng.oktaId('0oa')
  const externalKey = ctx.rng.oktaId('exk')
  const keys = addAppKeys(ctx, d.okta, appId, `${o.label} (${o.domain})`, o.keys)
  const app = office365App(ctx, {
    id: appId,
    label: o.label,
    domain: o.domain,
    externalKey,
    signingKid: keys.activeKid,
    createdMs: o.createdMs,
    lastUpdatedMs: Math.max(...o.keys.map((k) => k.createdMs)),
  })
  d.okta.apps.push(app)
  d.okta.appUsers[appId] = []
  d.okta.mappings.push(
    userToAppMapping(
      ctx,
      { id: appId, name: 'office365' },
      o.mappingProperties ?? O365_MAPPING_PROPERTIES,
    ),
  )
  return {
    app,
    appId,
    externalKey,
    domain: o.domain,
    activeKid: keys.activeKid,
    activeCertificate: keys.active.derBase64,
    keyCertificates: keys.all.map((k) => k.cert.derBase64),
  }
}

/** Federates an Entra domain to an Office 365 instance, with the given signing certificate. */
export function federateDomain(
  d: Pick<Sides, 'ctx' | 'entra'>,
  domainName: string,
  externalKey: string,
  signingCertificate: string,
): MG.InternalDomainFederation {
  const { ctx } = d
  const fed = federationConfiguration(
    ctx,
    oktaWsFedUris(ctx.origins.oktaOrgUrl, externalKey),
    signingCertificate,
    ctx.nowMs - 3 * MS.day,
  )
  d.entra.federationConfigurations[domainName] = [fed]
  return fed
}
