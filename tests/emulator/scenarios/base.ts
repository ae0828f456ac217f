/**
 * The consistent tenant pair every scenario starts from: Entra domains, the
 * domain federated to Okta's Office 365 app, Entra Connect, the reader app,
 * the app registration behind Okta's Microsoft IdP, a few other apps, and the
 * Okta side that matches it. People are added afterwards (people.ts).
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type {
  AnswerKeyEntry,
  EntraCertificate,
  EntraTenant,
  OktaOrg,
  OktaRecord,
  ScenarioCredentials,
  ScenarioOptions,
} from './types'
import { type ScenarioContext, createContext } from './context'
import { domain, emptyTenant, onPremisesSynchronization, organization } from './entra-config'
import {
  type AppRegistration,
  addApp,
  addIssuedCertificate,
  addSecret,
  firstPartyServicePrincipal,
  grantAppRoles,
  graphServicePrincipal,
} from './entra-apps'
import { emptyOrg, serviceApp, userSchema } from './okta-config'
import { addGroups, addLineOfBusinessApps, addSamlApps } from './base-estate'
import {
  type IdpPair,
  type Office365Instance,
  addIdpPair,
  addOffice365,
  federateDomain,
} from './wiring'
import { READER_APP_ROLES } from './constants'
import { issueCertificate } from './pki'
import { DateStrings, type Person, entraHybridUser, oktaDirectoryUser } from './people'
import { o365AppUser } from './app-users'
import { MS, oktaDate } from './random'
import {
  addIdpDiscoveryPolicy,
  createRoutingRule,
  routingRng,
  routingRuleBody,
} from './okta-routing'

export interface Draft {
  ctx: ScenarioContext
  dates: DateStrings
  entra: EntraTenant
  okta: OktaOrg
  credentials: ScenarioCredentials
  answerKey: AnswerKeyEntry[]
  orgLastSyncMs: number
  reader: AppRegistration
  readerCertificate: EntraCertificate
  idp: IdpPair
  o365: Office365Instance
  samlApps: { app: OktaRecord; appId: string }[]
  firstParty: MG.ServicePrincipal[]
  provisioningSp: MG.ServicePrincipal
  /** Okta groups that grant the Office 365 app and the SAML apps */
  oktaGroupIds: { everyone: string; o365: string }
}

export function createBase(
  options: ScenarioOptions,
  name: string,
  orgLastSyncAgoMs = 12 * MS.minute,
): Draft {
  const ctx = createContext(options, name)
  const now = ctx.nowMs
  const entra = emptyTenant(ctx)
  const okta = emptyOrg()
  const dates = new DateStrings()

  entra.domains.push(
    domain(ctx.initialDomain, { authenticationType: 'Managed', isInitial: true }),
    domain(ctx.federatedDomain, { authenticationType: 'Federated', isDefault: true }),
    domain(ctx.managedDomain, { authenticationType: 'Managed' }),
  )
  // the tenant's token-signing key, the same in every run so the collected JWKS is too
  const tokenKey = issueCertificate({
    seed: ctx.seed,
    label: 'entra-token-signing',
    commonName: 'accounts.accesscontrol.windows.net',
    notBeforeMs: now - 30 * MS.day,
    notAfterMs: now + 1800 * MS.day,
  })
  entra.tokenSigningKey = {
    privateKeyPem: tokenKey.privateKeyPem,
    certificateDer: tokenKey.derBase64,
  }
  const orgLastSyncMs = Math.floor((now - orgLastSyncAgoMs) / 1000) * 1000
  entra.onPremisesSynchronization.push(onPremisesSynchronization(ctx))
  entra.servicePrincipals.push(graphServicePrincipal(ctx))
  const firstParty = [
    firstPartyServicePrincipal(
      ctx,
      '00000002-0000-0ff1-ce00-000000000000',
      'Office 365 Exchange Online',
    ),
    firstPartyServicePrincipal(ctx, '1fec8e78-bce4-4aaf-ab1b-5451cc387264', 'Microsoft Teams'),
    firstPartyServicePrincipal(ctx, '4765445b-32c6-49b0-83e6-1d93765276ca', 'OfficeHome'),
  ]
  entra.servicePrincipals.push(...firstParty)

  // the reader app Crosswalk collects with
  const reader = addApp(ctx, entra, {
    displayName: 'Crosswalk Reader',
    createdMs: now - 40 * MS.day,
    roles: READER_APP_ROLES.map((r) => r.value),
  })
  const readerSecret = addSecret(ctx, entra, reader.application, {
    displayName: 'crosswalk',
    startMs: now - 40 * MS.day,
    endMs: now + 325 * MS.day,
  })
  const readerCertificate = addIssuedCertificate(ctx, entra, reader.application, {
    label: 'entra-reader',
    commonName: 'Crosswalk Reader',
    notBeforeMs: now - 40 * MS.day,
    notAfterMs: now + 690 * MS.day,
  })
  grantAppRoles(
    ctx,
    entra,
    reader.servicePrincipal,
    READER_APP_ROLES.map((r) => r.value),
    now - 40 * MS.day,
  )

  // the app registration behind Okta's Microsoft IdP
  const idp = addIdpPair(
    { ctx, entra, okta },
    {
      name: 'Microsoft Entra ID',
      appName: 'Okta Microsoft IdP',
      createdMs: now - 500 * MS.day,
      secretEndMs: now + 230 * MS.day,
    },
  )

  // Okta's routing policy: people of the federated domain go to the Microsoft IdP
  const routing = routingRng(ctx)
  const routingPolicyId = addIdpDiscoveryPolicy(ctx, okta, now - 2900 * MS.day, routing)
  createRoutingRule(
    okta,
    ctx.origins.oktaOrgUrl,
    routingPolicyId,
    routingRuleBody({
      name: `Entra ID for ${ctx.federatedDomain}`,
      domain: ctx.federatedDomain,
      idp: { id: idp.idpId, type: 'MICROSOFT' },
      priority: 1,
    }),
    routing.oktaId('0pr'),
    oktaDate(now - 500 * MS.day + 2 * MS.hour),
  )

  const salesforce = addLineOfBusinessApps(ctx, entra)

  // Okta: Office 365 on the federated domain, the key Entra trusts is the active one
  const o365 = addOffice365(
    { ctx, okta },
    {
      label: 'Microsoft Office 365',
      domain: ctx.federatedDomain,
      createdMs: now - 2000 * MS.day,
      keys: [
        {
          label: 'okta-o365-previous',
          createdMs: now - 2000 * MS.day,
          expiresMs: now + 1650 * MS.day,
        },
        {
          label: 'okta-o365-active',
          createdMs: now - 380 * MS.day,
          expiresMs: now + 3270 * MS.day,
        },
      ],
    },
  )
  federateDomain({ ctx, entra }, ctx.federatedDomain, o365.externalKey, o365.activeCertificate)

  const samlApps = addSamlApps(ctx, okta)

  okta.userSchema = userSchema(ctx)
  const { everyone, o365Group } = addGroups(ctx, entra, okta, orgLastSyncMs)

  const adminToken = ctx.rng.oktaToken()
  okta.apiTokens.push(
    {
      token: adminToken,
      admin: true,
      owner: {
        id: routing.oktaId('00u'),
        login: `okta.admin@${ctx.managedDomain}`,
        displayName: 'Okta Administrator',
      },
    },
    { token: ctx.rng.oktaToken(), admin: true, revoked: true },
    { token: ctx.rng.oktaToken(), admin: false },
  )
  const reading = serviceApp(ctx)
  okta.serviceApps.push(reading)

  return {
    ctx,
    dates,
    entra,
    okta,
    credentials: {
      entra: {
        clientId: reader.application.appId ?? '',
        clientSecret: readerSecret.secretText,
        certificate: readerCertificate,
      },
      okta: { apiToken: adminToken, serviceApp: reading },
    },
    answerKey: [],
    orgLastSyncMs,
    reader,
    readerCertificate,
    idp,
    o365,
    samlApps,
    firstParty,
    provisioningSp: salesforce,
    oktaGroupIds: { everyone: String(everyone['id']), o365: String(o365Group['id']) },
  }
}

export interface PersonRecords {
  entraUser: MG.User
  oktaUser: OktaRecord
  appUser?: OktaRecord
}

/** Adds a person on both sides: Entra user, Okta user, Office 365 assignment. */
export function addPerson(
  d: Draft,
  p: Person,
  o: { o365?: boolean; okta?: boolean } = {},
): PersonRecords {
  const entraUser = entraHybridUser(d.ctx, p, d.dates)
  const oktaUser = oktaDirectoryUser(d.ctx, p, d.dates)
  d.entra.users.push(entraUser)
  if (o.okta !== false) d.okta.users.push(oktaUser)
  if (o.o365 === false || o.okta === false) return { entraUser, oktaUser }
  const appUser = o365AppUser(d.ctx, d.o365.appId, p, d.dates)
  d.okta.appUsers[d.o365.appId]?.push(appUser)
  return { entraUser, oktaUser, appUser }
}

/** Stamps the organization record once the sync time is final. */
export function finishOrganization(d: Draft): void {
  d.entra.organization = [organization(d.ctx, d.entra.domains, d.orgLastSyncMs)]
}
