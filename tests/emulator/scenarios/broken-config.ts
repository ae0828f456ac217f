/**
 * Planted configuration problems for `broken`: the Okta ↔ Entra seam
 * (IdPs, app registrations, domain federation), credential expiry,
 * permissions, SAML NameID and profile mappings. Each plant gets its own
 * IdP, app or domain so the rest of the tenant stays clean.
 */
import type { Draft, IdpPair } from './base'
import { addIdpPair, addOffice365, federateDomain } from './base'
import { addApp, addCertificate, addSecret, domain, grantAppRoles } from './entra-config'
import {
  NAMEID_EMAIL,
  NAMEID_UNSPECIFIED,
  O365_MAPPING_PROPERTIES,
  addAppKeys,
  samlApp,
} from './okta-config'
import { issueCertificate } from './pki'
import { plant, subject } from './answer-key'
import { MS } from './random'
import { synchronizationJob } from './activity'

export interface SeamHandles {
  emailMatch: IdpPair
  anyMatch: IdpPair
  staleSecret: IdpPair
}

export function plantSeamProblems(d: Draft): SeamHandles {
  const { ctx, answerKey: key } = d
  const now = ctx.nowMs
  const org = ctx.origins.oktaOrgUrl
  const seam = { ctx, entra: d.entra, okta: d.okta }
  const created = now - 200 * MS.day
  const healthySecretEnd = now + 300 * MS.day

  // --- credential-mismatch -------------------------------------------------
  const objectIdAsClient = addIdpPair(seam, {
    name: 'Microsoft (Contractors)',
    appName: 'Okta IdP - Contractors',
    createdMs: created,
    secretEndMs: healthySecretEnd,
  })
  const wrongClientId = objectIdAsClient.registration.application.id ?? ''
  setClient(objectIdAsClient.idp, { client_id: wrongClientId })
  plant(
    key,
    'credential-mismatch',
    'idp-client-id-unknown',
    `The Okta IdP "Microsoft (Contractors)" has client_id ${wrongClientId}, the app registration's object id, which is no Entra appId.`,
    [
      subject.oktaIdp(objectIdAsClient.idp),
      subject.entraApp(objectIdAsClient.registration.application),
    ],
  )

  const secretId = addIdpPair(seam, {
    name: 'Microsoft (Finance)',
    appName: 'Okta IdP - Finance',
    createdMs: created,
    secretEndMs: healthySecretEnd,
    clientSecret: (s) => s.keyId,
  })
  plant(
    key,
    'credential-mismatch',
    'idp-secret-is-secret-id',
    'The Okta IdP "Microsoft (Finance)" holds the secret ID (a GUID equal to the passwordCredential keyId) instead of the secret value.',
    [subject.oktaIdp(secretId.idp), subject.entraApp(secretId.registration.application)],
  )

  const staleSecret = addIdpPair(seam, {
    name: 'Microsoft (Field Sales)',
    appName: 'Okta IdP - Field Sales',
    createdMs: created,
    secretEndMs: healthySecretEnd,
    clientSecret: (s) => {
      let other = ctx.rng.entraSecret()
      while (other.slice(0, 3) === s.secretText.slice(0, 3)) other = ctx.rng.entraSecret()
      return other
    },
  })
  plant(
    key,
    'credential-mismatch',
    'idp-secret-hint-mismatch',
    'The Okta IdP "Microsoft (Field Sales)" holds a client secret whose first three characters match no current secret hint of its app (the secret was rotated in Entra, not in Okta).',
    [subject.oktaIdp(staleSecret.idp), subject.entraApp(staleSecret.registration.application)],
  )

  const otherTenant = addIdpPair(seam, {
    name: 'Microsoft (Acquisition)',
    appName: 'Okta IdP - Acquisition',
    createdMs: created,
    secretEndMs: healthySecretEnd,
    tenantSegment: ctx.rng.guid(),
  })
  plant(
    key,
    'credential-mismatch',
    'idp-endpoint-wrong-tenant',
    'The Okta IdP "Microsoft (Acquisition)" sends users to the authorize/token endpoints of another tenant id.',
    [subject.oktaIdp(otherTenant.idp), subject.entraApp(otherTenant.registration.application)],
  )

  const common = addIdpPair(seam, {
    name: 'Microsoft (Common)',
    appName: 'Okta IdP - Common',
    createdMs: created,
    secretEndMs: healthySecretEnd,
    tenantSegment: 'common',
    signInAudience: 'AzureADMyOrg',
  })
  plant(
    key,
    'credential-mismatch',
    'idp-endpoint-common-single-tenant',
    'The Okta IdP "Microsoft (Common)" uses the /common endpoints while its app registration is single-tenant (AzureADMyOrg): AADSTS50194.',
    [subject.oktaIdp(common.idp), subject.entraApp(common.registration.application)],
  )

  const noCallback = addIdpPair(seam, {
    name: 'Microsoft (Staging)',
    appName: 'Okta IdP - Staging',
    createdMs: created,
    secretEndMs: healthySecretEnd,
    redirectUris: ['https://northwindtraders.okta.com/oauth2/v1/authorize/callback'],
  })
  plant(
    key,
    'credential-mismatch',
    'app-redirect-missing-okta-callback',
    `The app registration "Okta IdP - Staging" lists only another Okta org's callback, not ${org}/oauth2/v1/authorize/callback: AADSTS50011.`,
    [subject.entraApp(noCallback.registration.application), subject.oktaIdp(noCallback.idp)],
  )

  const issuerDomain = 'northwindtraders.eu'
  d.entra.domains.push(domain(issuerDomain, { authenticationType: 'Federated' }))
  const issuerApp = addOffice365(seam, {
    label: 'Microsoft Office 365 (EU)',
    domain: issuerDomain,
    createdMs: now - 600 * MS.day,
    keys: [
      { label: 'okta-o365-eu', createdMs: now - 600 * MS.day, expiresMs: now + 3000 * MS.day },
    ],
  })
  const issuerFed = federateDomain(
    seam,
    issuerDomain,
    issuerApp.externalKey,
    issuerApp.activeCertificate,
  )
  const foreignKey = ctx.rng.oktaId('exk')
  issuerFed.issuerUri = `http://www.okta.com/${foreignKey}`
  plant(
    key,
    'credential-mismatch',
    'federation-issuer-mismatch',
    `The federation of ${issuerDomain} has issuerUri http://www.okta.com/${foreignKey}; its Office 365 app's external key (and the sign-in URIs) is ${issuerApp.externalKey}: AADSTS50107.`,
    [subject.entraDomain(issuerDomain), subject.oktaApp(issuerApp.app)],
  )

  const certDomain = 'northwindtraders.co.uk'
  d.entra.domains.push(domain(certDomain, { authenticationType: 'Federated' }))
  const certApp = addOffice365(seam, {
    label: 'Microsoft Office 365 (UK)',
    domain: certDomain,
    createdMs: now - 1500 * MS.day,
    keys: [
      {
        label: 'okta-o365-uk-previous',
        createdMs: now - 1500 * MS.day,
        expiresMs: now + 2100 * MS.day,
      },
      {
        label: 'okta-o365-uk-active',
        createdMs: now - 10 * MS.day,
        expiresMs: now + 3640 * MS.day,
      },
    ],
  })
  federateDomain(seam, certDomain, certApp.externalKey, certApp.keyCertificates[0] ?? '')
  plant(
    key,
    'credential-mismatch',
    'federation-signing-cert-mismatch',
    `Okta rotated the signing key of the Office 365 app for ${certDomain}; the domain federation still trusts the previous certificate, not the active key's x5c[0].`,
    [
      subject.entraDomain(certDomain),
      subject.oktaApp(certApp.app),
      subject.oktaAppKey(certApp.activeKid),
    ],
  )

  // --- credential-expiry ---------------------------------------------------
  const hr = addApp(ctx, d.entra, {
    displayName: 'HR Sync',
    createdMs: now - 800 * MS.day,
    roles: ['User.Read.All'],
  })
  addSecret(ctx, d.entra, hr.application, {
    displayName: 'hr-sync',
    startMs: now - 742 * MS.day,
    endMs: now - 12 * MS.day,
  })
  grantAppRoles(ctx, d.entra, hr.servicePrincipal, ['User.Read.All'], now - 800 * MS.day)
  plant(
    key,
    'credential-expiry',
    'entra-secret-expired',
    'The only client secret of "HR Sync" expired 12 days ago: AADSTS7000222.',
    [subject.entraApp(hr.application)],
  )

  const expiringIdp = addIdpPair(seam, {
    name: 'Microsoft (Retail)',
    appName: 'Okta IdP - Retail',
    createdMs: created,
    secretEndMs: now + 18 * MS.day,
  })
  plant(
    key,
    'credential-expiry',
    'idp-app-secret-expiring',
    'The client secret of "Okta IdP - Retail", the app behind the Okta IdP "Microsoft (Retail)", expires in 18 days.',
    [subject.entraApp(expiringIdp.registration.application), subject.oktaIdp(expiringIdp.idp)],
  )

  const signing = addApp(ctx, d.entra, {
    displayName: 'Document Signing Service',
    createdMs: now - 320 * MS.day,
    roles: ['User.Read.All'],
  })
  addCertificate(
    ctx,
    d.entra,
    signing.application,
    issueCertificate({
      seed: ctx.seed,
      label: 'entra-docsign',
      commonName: 'docsign.northwindtraders.com',
      notBeforeMs: now - 320 * MS.day,
      notAfterMs: now + 45 * MS.day,
    }),
    'CN=docsign.northwindtraders.com',
  )
  grantAppRoles(ctx, d.entra, signing.servicePrincipal, ['User.Read.All'], now - 320 * MS.day)
  plant(
    key,
    'credential-expiry',
    'entra-certificate-expiring',
    'The only certificate of "Document Signing Service" expires in 45 days.',
    [subject.entraApp(signing.application)],
  )

  const travelId = ctx.rng.oktaId('0oa')
  const travelKeys = addAppKeys(ctx, d.okta, travelId, 'Travel Booking', [
    { label: 'okta-saml-travel', createdMs: now - 345 * MS.day, expiresMs: now + 20 * MS.day },
  ])
  const travel = samlApp(ctx, {
    id: travelId,
    name: 'northwindtraders_travel_1',
    label: 'Travel Booking',
    acsUrl: 'https://travel.example-saas.com/saml/acs',
    audience: 'https://travel.example-saas.com',
    signingKid: travelKeys.activeKid,
    subjectNameIdTemplate: '${user.email}',
    subjectNameIdFormat: NAMEID_EMAIL,
    createdMs: now - 345 * MS.day,
  })
  d.okta.apps.push(travel)
  d.okta.appUsers[travelId] = []
  plant(
    key,
    'credential-expiry',
    'okta-app-signing-key-expiring',
    'The active signing key of the Okta SAML app "Travel Booking" expires in 20 days.',
    [subject.oktaApp(travel), subject.oktaAppKey(travelKeys.activeKid)],
  )

  const labsDomain = 'northwind-labs.com'
  d.entra.domains.push(domain(labsDomain, { authenticationType: 'Federated' }))
  const labs = addOffice365(seam, {
    label: 'Microsoft Office 365 (Labs)',
    domain: labsDomain,
    createdMs: now - 3625 * MS.day,
    keys: [
      { label: 'okta-o365-labs', createdMs: now - 3625 * MS.day, expiresMs: now + 25 * MS.day },
    ],
  })
  federateDomain(seam, labsDomain, labs.externalKey, labs.activeCertificate)
  plant(
    key,
    'credential-expiry',
    'federation-signing-cert-expiring',
    `The signing certificate of the ${labsDomain} federation (the Office 365 app's active key) expires in 25 days.`,
    [subject.entraDomain(labsDomain), subject.oktaApp(labs.app)],
  )

  // --- permission ----------------------------------------------------------
  const scopes = addIdpPair(seam, {
    name: 'Microsoft (Kiosk)',
    appName: 'Okta IdP - Kiosk',
    createdMs: created,
    secretEndMs: healthySecretEnd,
    scopes: ['openid'],
  })
  plant(
    key,
    'permission',
    'idp-app-missing-scopes',
    'The app registration "Okta IdP - Kiosk" requests and has consent for openid only; email and profile are missing.',
    [subject.entraApp(scopes.registration.application), subject.oktaIdp(scopes.idp)],
  )

  const consent = addIdpPair(seam, {
    name: 'Microsoft (Warehouse)',
    appName: 'Okta IdP - Warehouse',
    createdMs: created,
    secretEndMs: healthySecretEnd,
    consent: false,
  })
  plant(
    key,
    'permission',
    'idp-app-missing-admin-consent',
    'The app registration "Okta IdP - Warehouse" requests openid/email/profile but no admin consent (oauth2PermissionGrant) exists: AADSTS65001.',
    [
      subject.entraApp(consent.registration.application),
      subject.entraSp(consent.registration.servicePrincipal),
      subject.oktaIdp(consent.idp),
    ],
  )

  // --- attribute-mapping (configuration) ------------------------------------
  const partial = addIdpPair(seam, {
    name: 'Microsoft (Partners)',
    appName: 'Okta IdP - Partners',
    createdMs: created,
    secretEndMs: healthySecretEnd,
    mappingProperties: {
      login: { expression: 'appuser.userPrincipalName', pushStatus: 'DONT_PUSH' },
      firstName: { expression: 'appuser.givenName', pushStatus: 'DONT_PUSH' },
    },
  })
  plant(
    key,
    'attribute-mapping',
    'idp-mapping-missing-attributes',
    'The profile mapping of the Okta IdP "Microsoft (Partners)" maps login and firstName only; email and lastName are missing.',
    [subject.oktaIdp(partial.idp), subject.oktaMapping(partial.mapping)],
  )

  const caDomain = 'northwindtraders.ca'
  d.entra.domains.push(domain(caDomain, { authenticationType: 'Federated' }))
  const { immutableId: _dropped, ...withoutImmutableId } = O365_MAPPING_PROPERTIES
  const ca = addOffice365(seam, {
    label: 'Microsoft Office 365 (Canada)',
    domain: caDomain,
    createdMs: now - 400 * MS.day,
    keys: [
      { label: 'okta-o365-ca', createdMs: now - 400 * MS.day, expiresMs: now + 3200 * MS.day },
    ],
    mappingProperties: withoutImmutableId,
  })
  federateDomain(seam, caDomain, ca.externalKey, ca.activeCertificate)
  const caMapping = d.okta.mappings[d.okta.mappings.length - 1]
  plant(
    key,
    'attribute-mapping',
    'o365-immutableid-mapping-missing',
    `The Okta user → "Microsoft Office 365 (Canada)" mapping has no immutableId property, so users of ${caDomain} get no ImmutableID: AADSTS90020.`,
    [subject.oktaApp(ca.app), ...(caMapping ? [subject.oktaMapping(caMapping)] : [])],
  )

  // --- domain-federation (configuration) ------------------------------------
  const unverified = 'fabrikam-partners.com'
  d.entra.domains.push(domain(unverified, { authenticationType: 'Managed', isVerified: false }))
  plant(
    key,
    'domain-federation',
    'domain-unverified',
    `The domain ${unverified} was added to the tenant but never verified.`,
    [subject.entraDomain(unverified)],
  )

  const orphanDomain = 'northwind-archive.com'
  d.entra.domains.push(domain(orphanDomain, { authenticationType: 'Federated' }))
  const mainCertificate =
    d.entra.federationConfigurations[ctx.federatedDomain]?.[0]?.signingCertificate ?? ''
  federateDomain(seam, orphanDomain, ctx.rng.oktaId('exk'), mainCertificate)
  plant(
    key,
    'domain-federation',
    'federated-domain-without-o365-app',
    `The domain ${orphanDomain} is federated to Okta, but no Okta Office 365 app serves it (its app was deleted).`,
    [subject.entraDomain(orphanDomain)],
  )

  const unfederated = addOffice365(seam, {
    label: 'Microsoft Office 365 (Online)',
    domain: ctx.managedDomain,
    createdMs: now - 100 * MS.day,
    keys: [
      { label: 'okta-o365-online', createdMs: now - 100 * MS.day, expiresMs: now + 3550 * MS.day },
    ],
  })
  plant(
    key,
    'domain-federation',
    'o365-app-domain-not-federated',
    `The Okta Office 365 app "Microsoft Office 365 (Online)" is set up for ${ctx.managedDomain}, which is a managed (not federated) domain in Entra.`,
    [subject.oktaApp(unfederated.app), subject.entraDomain(ctx.managedDomain)],
  )

  // --- sync: a provisioning job in quarantine --------------------------------
  const workday = addApp(ctx, d.entra, {
    displayName: 'Workday to Entra ID Provisioning',
    createdMs: now - 700 * MS.day,
  })
  const job = quarantinedJob(d, workday.servicePrincipal.id ?? '')
  plant(
    key,
    'sync',
    'sync-job-quarantine',
    'The provisioning job of "Workday to Entra ID Provisioning" is in Quarantine (EncounteredEscrowProportionThreshold).',
    [subject.entraSyncJob(job), subject.entraSp(workday.servicePrincipal)],
  )

  // SAML apps whose NameID cannot work; people are assigned in broken-people.ts
  for (const s of [
    {
      label: 'Learning Portal',
      name: 'northwindtraders_learning_1',
      template: '${user.secondEmail}',
      format: NAMEID_UNSPECIFIED,
    },
    {
      label: 'Benefits',
      name: 'northwindtraders_benefits_1',
      template: '${user.employeeNumber}',
      format: NAMEID_EMAIL,
    },
  ]) {
    const id = ctx.rng.oktaId('0oa')
    const keys = addAppKeys(ctx, d.okta, id, s.label, [
      {
        label: `okta-saml-${s.name}`,
        createdMs: now - 500 * MS.day,
        expiresMs: now + 3100 * MS.day,
      },
    ])
    d.okta.apps.push(
      samlApp(ctx, {
        id,
        name: s.name,
        label: s.label,
        acsUrl: `https://${s.name.split('_')[1]}.example-saas.com/saml/acs`,
        audience: `https://${s.name.split('_')[1]}.example-saas.com`,
        signingKid: keys.activeKid,
        subjectNameIdTemplate: s.template,
        subjectNameIdFormat: s.format,
        createdMs: now - 500 * MS.day,
      }),
    )
    d.okta.appUsers[id] = []
  }

  // IdPs whose match rule the people plants exercise
  return {
    emailMatch: addIdpPair(seam, {
      name: 'Microsoft (Email match)',
      appName: 'Okta IdP - Email match',
      createdMs: created,
      secretEndMs: healthySecretEnd,
      userNameTemplate: 'idpuser.email',
      matchType: 'EMAIL',
    }),
    anyMatch: addIdpPair(seam, {
      name: 'Microsoft (Any match)',
      appName: 'Okta IdP - Any match',
      createdMs: created,
      secretEndMs: healthySecretEnd,
      matchType: 'USERNAME_OR_EMAIL',
    }),
    staleSecret,
  }
}

function setClient(idp: Record<string, unknown>, patch: { client_id?: string }): void {
  const client = (
    (idp['protocol'] as Record<string, unknown>)['credentials'] as Record<
      string,
      Record<string, unknown>
    >
  )['client']
  if (client && patch.client_id) client['client_id'] = patch.client_id
}

function quarantinedJob(d: Draft, spId: string) {
  const now = d.ctx.nowMs
  const job = synchronizationJob(d, {
    templateId: 'Workday2AAD',
    lastRunMs: now - 40 * MS.minute,
    quarantine: {
      currentBegan: new Date(now - 9 * MS.hour).toISOString().replace('.000Z', 'Z'),
      nextAttempt: new Date(now + 3 * MS.hour).toISOString().replace('.000Z', 'Z'),
      reason: 'EncounteredEscrowProportionThreshold',
      seriesBegan: new Date(now - 9 * MS.hour).toISOString().replace('.000Z', 'Z'),
      seriesCount: 3,
      error: {
        code: 'EncounteredEscrowProportionThreshold',
        message: 'Too many objects failed to provision; the job was quarantined.',
        tenantActionable: true,
      },
    },
  })
  d.entra.synchronizationJobs[spId] = [job]
  return job
}
