/**
 * What every tenant pair of the scenarios holds besides the seam: line-of-business apps
 * in Entra with credentials at comfortable expiry, two SAML apps in Okta, and the groups
 * of both sides (built-in, licensing, one per department). Called from base.ts in the
 * order it always ran, so seeded scenarios stay the same.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { EntraTenant, OktaOrg, OktaRecord } from './types'
import type { ScenarioContext } from './context'
import { group as entraGroup } from './entra-config'
import { addApp, addIssuedCertificate, addSecret, grantAppRoles } from './entra-apps'
import { group as oktaGroup } from './okta-config'
import { NAMEID_EMAIL, addAppKeys, samlApp } from './okta-apps'
import { DEPARTMENTS } from './constants'
import { MS } from './random'

/** Payroll, ServiceDesk and Salesforce; returns Salesforce's service principal (it provisions). */
export function addLineOfBusinessApps(
  ctx: ScenarioContext,
  entra: EntraTenant,
): MG.ServicePrincipal {
  const now = ctx.nowMs
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
  addIssuedCertificate(ctx, entra, servicedesk.application, {
    label: 'entra-servicedesk',
    commonName: 'servicedesk.northwindtraders.com',
    notBeforeMs: now - 200 * MS.day,
    notAfterMs: now + 530 * MS.day,
  })
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
  return salesforce.servicePrincipal
}

/** The SAML apps Okta serves besides Office 365 (NameID: the user's email). */
export function addSamlApps(
  ctx: ScenarioContext,
  okta: OktaOrg,
): { app: OktaRecord; appId: string }[] {
  const now = ctx.nowMs
  return [
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
}

/** The groups of both sides; returns Okta's Everyone and O365-Licensed groups. */
export function addGroups(
  ctx: ScenarioContext,
  entra: EntraTenant,
  okta: OktaOrg,
  orgLastSyncMs: number,
): { everyone: OktaRecord; o365Group: OktaRecord } {
  const now = ctx.nowMs
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
  return { everyone, o365Group }
}
