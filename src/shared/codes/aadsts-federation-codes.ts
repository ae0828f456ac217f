/**
 * AADSTS codes of WS-Federation sign-in through Okta's Office 365 app: realm,
 * token, signature and ImmutableID.
 */
import { FED, O365, type Row } from './aadsts-row'

export const FEDERATION_CODE_ROWS: Row[] = [
  [
    50196,
    'LoopDetected',
    'The server terminated an operation because it encountered a client request loop.',
    "Entra sends the federated domain's users to Okta, and Okta sends them straight back to Entra: an Okta routing rule (IdP discovery) or the Office 365 app's sign-on sends people of that domain to the Microsoft IdP, or the domain is federated to an Okta app that does not serve it.",
    [
      'Okta IdP discovery (routing) rules that send the domain to the Microsoft IdP',
      'Entra domain federation passiveSignInUri and the Okta Office 365 app serving the domain',
    ],
    [
      "Exclude the federated domain's users from routing rules that send them to the Microsoft IdP, or return the domain to managed authentication if Entra should sign them in.",
    ],
    ['federation-office365-pairing'],
    [FED, O365],
  ],
  [
    50107,
    'InvalidRealmUri',
    'The requested federation realm object does not exist.',
    "The issuer in Okta's WS-Fed token (http://www.okta.com/{appKey}) is not the domain federation issuerUri in Entra; the Office 365 app was re-created or the domain was federated by another app instance.",
    [
      'Entra domain federation issuerUri and passiveSignInUri (the app key in both)',
      'Okta Office 365 app serving the domain',
    ],
    [
      'Re-run automatic WS-Federation setup in the Okta Office 365 app, or update the federation issuerUri/passiveSignInUri with the values Okta shows.',
    ],
    ['federation-issuer-mismatch', 'federation-office365-pairing'],
    [FED, O365],
  ],
  [
    50008,
    'InvalidSamlToken',
    'The SAML assertion is missing or misconfigured in the token.',
    "Okta's WS-Fed/SAML response is signed with a certificate Entra does not hold, or lacks required claims (ImmutableID).",
    [
      'Domain federation signingCertificate vs the Office 365 app active signing key (x5c[0])',
      'Office 365 app immutableId mapping',
    ],
    ['Re-run automatic setup or update signingCertificate; fix the ImmutableID mapping.'],
    [
      'federation-signing-cert-mismatch',
      'federation-certificate-expiry',
      'office365-immutable-id-missing',
    ],
    [FED, O365],
  ],
  [
    50006,
    'InvalidSignature',
    'Signature verification failed because of an invalid signature.',
    "Okta rotated the Office 365 app's signing key but Entra still holds the old signingCertificate.",
    [
      'Domain federation signingCertificate / nextSigningCertificate',
      'Office 365 app credentials.signing.kid and its key',
    ],
    ['Update the federation signing certificate to the active Okta key.'],
    ['federation-signing-cert-mismatch', 'okta-signing-key-expiry'],
    [FED],
  ],
  [
    90020,
    'SAML 1.1 assertion missing ImmutableID',
    'The SAML 1.1 assertion is missing the ImmutableID of the user.',
    "The Okta Office 365 app's immutableId mapping is blank, so Okta sends no ImmutableID.",
    [
      'Okta profile mapping Okta User → Office 365 app (immutableId)',
      'Office 365 app users profile.immutableId',
    ],
    [
      'Map immutableId with hasDirectoryUser()?findDirectoryUser().externalId:user.getInternalProperty("id") and re-push.',
    ],
    ['office365-immutable-id-missing', 'federated-user-no-immutable-id'],
    [O365],
  ],
  [
    51004,
    'UserAccountNotInDirectory',
    'The user account does not exist in the directory.',
    "The ImmutableID Okta sends differs from the user's onPremisesImmutableId in Entra (Okta KB).",
    ['Office 365 app user profile.immutableId', 'Entra user onPremisesImmutableId'],
    [
      'Make both values equal (fix the Okta app user or the mapping; for Entra, move the UPN to a managed domain before changing it).',
    ],
    ['immutable-id-mismatch', 'federated-user-no-immutable-id'],
    [O365],
  ],
  [
    90072,
    'PassThroughUserMfaError',
    'The external account is not in the tenant; also raised on an ImmutableID (sourceAnchor) mismatch.',
    'Sync anchor mismatch between AD, Entra and Okta.',
    ['onPremisesImmutableId vs Okta immutableId'],
    ['Align the ImmutableID values.'],
    ['immutable-id-mismatch'],
  ],
  [
    20001,
    'WsFedSignInResponseError',
    'There is an issue with the federated identity provider (WS-Fed sign-in response).',
    'Okta returned a WS-Fed error.',
    ['Okta System Log for the user'],
    ['Fix the Okta-side error.'],
    ['okta-idp-auth-failures'],
  ],
  [
    20012,
    'WsFedMessageInvalid',
    'The WS-Fed message is invalid.',
    'Malformed WS-Fed response from Okta.',
    ['Office 365 app WS-Fed settings'],
    ['Re-run automatic setup.'],
    ['federation-issuer-mismatch'],
  ],
  [
    90081,
    'OrgIdWsFederationMessageInvalid',
    'The WS-Federation message is invalid.',
    'Malformed WS-Fed message.',
    ['Office 365 app WS-Fed settings'],
    ['Re-run automatic setup.'],
    ['federation-issuer-mismatch'],
  ],
]
