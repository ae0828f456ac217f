/**
 * Planted configuration problems for `broken`: credential expiry, SAML NameID
 * and profile mappings, domains, a quarantined provisioning job. Each plant
 * gets its own app, IdP or domain so the rest of the tenant stays clean.
 */
import type { Draft } from './base'
import { type IdpPair, addIdpPair, addOffice365, federateDomain } from './wiring'
import { domain } from './entra-config'
import { addApp, addIssuedCertificate, addSecret, grantAppRoles } from './entra-apps'
import { O365_MAPPING_PROPERTIES } from './okta-config'
import { NAMEID_EMAIL, NAMEID_UNSPECIFIED, addAppKeys, samlApp } from './okta-apps'
import { plant, subject } from './answer-key'
import { MS } from './random'
import { synchronizationJob } from './activity'

export interface SeamHandles {
  emailMatch: IdpPair
  anyMatch: IdpPair
  staleSecret: IdpPair
}

/** Credential expiry, mapping, domain and sync-job plants; returns the IdPs people plants use. */
export function plantConfigProblems(d: Draft): Omit<SeamHandles, 'staleSecret'> {
  const { ctx, answerKey: key } = d
  const now = ctx.nowMs
  const seam = { ctx, entra: d.entra, okta: d.okta }
  const created = now - 200 * MS.day
  const healthySecretEnd = now + 300 * MS.day

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
  addIssuedCertificate(ctx, d.entra, signing.application, {
    label: 'entra-docsign',
    commonName: 'docsign.northwindtraders.com',
    notBeforeMs: now - 320 * MS.day,
    notAfterMs: now + 45 * MS.day,
  })
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
  }
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
