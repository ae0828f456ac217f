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
import {
  domain,
  emptyTenant,
  group as entraGroup,
  onPremisesSynchronization,
  organization,
} from './entra-config'
import {
  type AppRegistration,
  addApp,
  addCertificate,
  addSecret,
  firstPartyServicePrincipal,
  grantAppRoles,
  graphServicePrincipal,
} from './entra-apps'
import { emptyOrg, group as oktaGroup, serviceApp, userSchema } from './okta-config'
import { NAMEID_EMAIL, addAppKeys, samlApp } from './okta-apps'
import {
  type IdpPair,
  type Office365Instance,
  addIdpPair,
  addOffice365,
  federateDomain,
} from './wiring'
import { DEPARTMENTS, READER_APP_ROLES } from './constants'
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
  const readerCertificate = addCertificate(
    ctx,
    entra,
    reader.application,
    issueCertificate({
      seed: ctx.seed,
      label: 'entra-reader',
      commonName: 'Crosswalk Reader',
      notBeforeMs: now - 40 * MS.day,
      notAfterMs: now + 690 * MS.day,
    }),
    'CN=Crosswalk Reader',
  )
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

  // other line-of-business apps with credentials at comfortable expiry
  const payroll = addApp(ctx, entra, {
    displayName: 'Payroll Connector',
    createdMs: now - 900 * MS.day,
    roles: ['User.Read.All'],
  })
  addSecret(ctx, entra, payroll.application, {
    displayName: 'prod',
    startMs: now - 170 * MS.day,
    endMs: now + 560 * MS.day,
  })
  grantAppRoles(ctx, entra, payroll.servicePrincipal, ['User.Read.All'], now - 900 * MS.day)
  const servicedesk = addApp(ctx, entra, {
    displayName: 'ServiceDesk Integration',
    createdMs: now - 620 * MS.day,
    roles: ['User.Read.All', 'Group.Read.All'],
  })
  addCertificate(
    ctx,
    entra,
    servicedesk.application,
    issueCertificate({
      seed: ctx.seed,
      label: 'entra-servicedesk',
      commonName: 'servicedesk.northwindtraders.com',
      notBeforeMs: now - 200 * MS.day,
      notAfterMs: now + 530 * MS.day,
    }),
    'CN=servicedesk.northwindtraders.com',
  )
  grantAppRoles(
    ctx,
    entra,
    servicedesk.servicePrincipal,
    ['User.Read.All', 'Group.Read.All'],
    now - 620 * MS.day,
  )
  const salesforce = addApp(ctx, entra, {
    displayName: 'Salesforce',
    createdMs: now - 1100 * MS.day,
    redirectUris: ['https://northwindtraders.my.salesforce.com/services/authcallback/AzureAD'],
  })
  salesforce.servicePrincipal.preferredSingleSignOnMode = 'saml'
  salesforce.servicePrincipal.tags = [
    'WindowsAzureActiveDirectoryGalleryApplicationNonPrimaryV1',
    'WindowsAzureActiveDirectoryCustomSingleSignOnApplication',
  ]

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

  const samlApps = [
    {
      name: 'northwindtraders_expenses_1',
      label: 'Expenses',
      acs: 'https://expenses.example-saas.com/saml/acs',
      aud: 'https://expenses.example-saas.com/saml/metadata',
    },
    {
      name: 'northwindtraders_wiki_1',
      label: 'Team Wiki',
      acs: 'https://wiki.example-saas.com/sso/saml',
      aud: 'https://wiki.example-saas.com',
    },
  ].map((s, i) => {
    const appId = ctx.rng.oktaId('0oa')
    const keys = addAppKeys(ctx, okta, appId, s.label, [
      {
        label: `okta-saml-${i}`,
        createdMs: now - (700 + i * 90) * MS.day,
        expiresMs: now + (3000 - i * 90) * MS.day,
      },
    ])
    const app = samlApp(ctx, {
      id: appId,
      name: s.name,
      label: s.label,
      acsUrl: s.acs,
      audience: s.aud,
      signingKid: keys.activeKid,
      subjectNameIdTemplate: '${user.email}',
      subjectNameIdFormat: NAMEID_EMAIL,
      createdMs: now - (700 + i * 90) * MS.day,
    })
    okta.apps.push(app)
    okta.appUsers[appId] = []
    return { app, appId }
  })

  okta.userSchema = userSchema(ctx)
  const everyone = oktaGroup(ctx, {
    name: 'Everyone',
    description: 'All users in your organization',
    type: 'BUILT_IN',
    createdMs: now - 2900 * MS.day,
  })
  const o365Group = oktaGroup(ctx, {
    name: 'O365-Licensed',
    description: 'corp.northwindtraders.com/Groups/O365-Licensed',
    type: 'APP_GROUP',
    createdMs: now - 2000 * MS.day,
  })
  okta.groups.push(everyone, o365Group)
  okta.groups.push(
    oktaGroup(ctx, {
      name: 'Contractors',
      description: 'Contractors without an AD account',
      type: 'OKTA_GROUP',
      createdMs: now - 900 * MS.day,
    }),
  )
  entra.groups.push(
    entraGroup(ctx, {
      displayName: 'O365-Licensed',
      description: 'Licensed for Microsoft 365',
      synced: true,
      createdMs: now - 2000 * MS.day,
      lastSyncMs: orgLastSyncMs,
    }),
    entraGroup(ctx, {
      displayName: 'All Staff',
      description: 'Every employee',
      synced: true,
      createdMs: now - 2800 * MS.day,
      lastSyncMs: orgLastSyncMs,
    }),
    entraGroup(ctx, {
      displayName: 'Crosswalk Readers',
      description: 'Consultants with read access',
      synced: false,
      createdMs: now - 40 * MS.day,
    }),
  )
  for (const [dept] of DEPARTMENTS) {
    entra.groups.push(
      entraGroup(ctx, {
        displayName: `SG-${dept}`,
        description: `${dept} department`,
        synced: true,
        createdMs: now - 2500 * MS.day,
        lastSyncMs: orgLastSyncMs,
      }),
    )
    okta.groups.push(
      oktaGroup(ctx, {
        name: `SG-${dept}`,
        description: `corp.northwindtraders.com/Groups/SG-${dept}`,
        type: 'APP_GROUP',
        createdMs: now - 2500 * MS.day,
      }),
    )
  }

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
    provisioningSp: salesforce.servicePrincipal,
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
