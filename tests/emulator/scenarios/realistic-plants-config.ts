/**
 * Planted configuration problems for `realistic-broken`, each beside its benign look-alike: an
 * active IdP that holds the expired one of its app's two secrets (the clutter's IdP holds the
 * newer one), a rotated key list whose active key expires in 20 days (the clutter's active keys
 * last for years), an IdP whose secret was rotated in Entra only, and an IdP app without admin
 * consent. Each has its own IdP, app registration or Okta app.
 */
import type { Draft } from './base'
import { plant, subject } from './answer-key'
import { addIdpPair } from './wiring'
import { addSecret } from './entra-apps'
import { directoryAudit } from './activity'
import { NAMEID_EMAIL, addAppKeys, samlApp } from './okta-apps'
import { MS } from './random'

export function plantConfigProblems(d: Draft): void {
  const { ctx, answerKey: key } = d
  const { rng, nowMs: now } = ctx
  const seam = { ctx, entra: d.entra, okta: d.okta }

  // --- credential-expiry: the IdP presents the expired secret; the new one never reached Okta
  const retail = addIdpPair(seam, {
    name: 'Microsoft (Retail Stores)',
    appName: 'Okta IdP - Retail Stores',
    createdMs: now - 700 * MS.day,
    secretEndMs: now - 9 * MS.day,
  })
  const app = retail.registration.application
  let newer = rng.entraSecret()
  while (newer.slice(0, 3) === retail.secret.secretText.slice(0, 3)) newer = rng.entraSecret()
  addSecret(ctx, d.entra, app, {
    displayName: 'Okta IdP',
    startMs: now - 12 * MS.day,
    endMs: now + 718 * MS.day,
    secretText: newer,
  })
  plant(
    key,
    'credential-expiry',
    'idp-secret-expired-in-use',
    'The Okta IdP "Microsoft (Retail Stores)" holds the secret of "Okta IdP - Retail Stores" that expired 9 days ago (its hint matches the expired credential); the newer secret added 12 days ago never reached Okta: AADSTS7000222.',
    [subject.entraApp(app), subject.oktaIdp(retail.idp)],
  )

  // --- credential-expiry: a rotated key list whose active key is the one about to expire -------
  const fieldId = rng.oktaId('0oa')
  const fieldKeys = addAppKeys(ctx, d.okta, fieldId, 'Field Service', [
    {
      label: 'okta-saml-fieldservice-retired',
      createdMs: now - 1100 * MS.day,
      expiresMs: now - 380 * MS.day,
    },
    {
      label: 'okta-saml-fieldservice-active',
      createdMs: now - 345 * MS.day,
      expiresMs: now + 20 * MS.day,
    },
  ])
  const field = samlApp(ctx, {
    id: fieldId,
    name: 'northwindtraders_fieldservice_1',
    label: 'Field Service',
    acsUrl: 'https://fieldservice.example-saas.com/saml/acs',
    audience: 'https://fieldservice.example-saas.com',
    signingKid: fieldKeys.activeKid,
    subjectNameIdTemplate: '${user.email}',
    subjectNameIdFormat: NAMEID_EMAIL,
    createdMs: now - 1100 * MS.day,
  })
  d.okta.apps.push(field)
  d.okta.appUsers[fieldId] = []
  plant(
    key,
    'credential-expiry',
    'okta-app-signing-key-expiring',
    'The SAML app "Field Service" lists a retired expired key and its active signing key (credentials.signing.kid), which expires in 20 days.',
    [subject.oktaApp(field), subject.oktaAppKey(fieldKeys.activeKid)],
  )

  // --- credential-mismatch: rotated in Entra 10 days ago, not in Okta -------------------------
  const franchise = addIdpPair(seam, {
    name: 'Microsoft (Franchise)',
    appName: 'Okta IdP - Franchise',
    createdMs: now - 500 * MS.day,
    secretEndMs: now + 720 * MS.day,
    clientSecret: (s) => {
      let other = rng.entraSecret()
      while (other.slice(0, 3) === s.secretText.slice(0, 3)) other = rng.entraSecret()
      return other
    },
  })
  const franchiseApp = franchise.registration.application
  const rotation = directoryAudit(d, {
    atMs: now - 10 * MS.day,
    activity: 'Update application – Certificates and secrets management ',
    category: 'ApplicationManagement',
    operationType: 'Update',
    target: {
      id: franchiseApp.id ?? '',
      displayName: franchiseApp.displayName ?? '',
      type: 'Application',
    },
  })
  d.entra.directoryAudits.push(rotation)
  plant(
    key,
    'credential-mismatch',
    'idp-secret-hint-mismatch',
    'The secret of "Okta IdP - Franchise" was replaced 10 days ago; the Okta IdP "Microsoft (Franchise)" still holds the removed one, whose first three characters match no current hint: AADSTS7000215.',
    [subject.oktaIdp(franchise.idp), subject.entraApp(franchiseApp), subject.entraAudit(rotation)],
  )

  // --- permission --------------------------------------------------------------------------
  const kiosk = addIdpPair(seam, {
    name: 'Microsoft (Store Kiosks)',
    appName: 'Okta IdP - Store Kiosks',
    createdMs: now - 60 * MS.day,
    secretEndMs: now + 670 * MS.day,
    consent: false,
  })
  plant(
    key,
    'permission',
    'idp-app-missing-admin-consent',
    'The app registration "Okta IdP - Store Kiosks" requests openid, email, profile and User.Read but has no admin consent (no oauth2PermissionGrant): AADSTS65001.',
    [
      subject.entraApp(kiosk.registration.application),
      subject.entraSp(kiosk.registration.servicePrincipal),
      subject.oktaIdp(kiosk.idp),
    ],
  )
}
