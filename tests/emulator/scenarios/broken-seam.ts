/**
 * Planted seam problems for `broken`: an Okta Microsoft IdP that does not fit
 * its Entra app registration (client id, secret, endpoints, redirect URI,
 * permissions and consent) and domain federations that do not fit their
 * Office 365 app. Each plant has its own IdP + app or domain + app.
 */
import type { Draft } from './base'
import type { SeamHandles } from './broken-config'
import { addIdpPair, addOffice365, federateDomain } from './wiring'
import { domain } from './entra-config'
import { plant, subject } from './answer-key'
import { MS } from './random'

export function plantSeamMismatches(d: Draft): Pick<SeamHandles, 'staleSecret'> {
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
    'configuration',
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

  return { staleSecret }
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
