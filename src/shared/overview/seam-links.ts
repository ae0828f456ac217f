/**
 * Which diagnostic rules speak about which link of the Entra–Okta seam, and what
 * a link needs collected before "no finding" can mean "ok". The seam map reads
 * link status from the rules' findings through this table, so the map and the
 * findings list can never disagree.
 */
import type { RuleRead as ResourcePath } from '../rules/rule'

/** The links of an Okta Microsoft IdP ↔ Entra app registration pair. */
export const IDP_LINKS = [
  'client-id',
  'client-secret',
  'redirect-uri',
  'issuer',
  'consent',
  'user-matching',
] as const
/** The links of an Entra federated domain ↔ Okta Office 365 app pair. */
export const FEDERATION_LINKS = ['issuer', 'signing-certificate', 'immutable-id'] as const

export type IdpLinkKind = (typeof IDP_LINKS)[number]
export type FederationLinkKind = (typeof FEDERATION_LINKS)[number]
export type SeamLinkKind = IdpLinkKind | FederationLinkKind

/** Which subject of a pair a rule's finding names for the link to count it. */
export type PairSide = 'idp' | 'application' | 'domain' | 'app'

/** One link's definition. */
export interface LinkDefinition {
  label: string
  /** rule ids whose findings are about this link */
  rules: readonly string[]
  /** a finding counts when it names one of these sides of the pair */
  sides: readonly PairSide[]
  /** resources without which the rules stay silent, so silence is not "ok" */
  needs: readonly ResourcePath[]
}

/** Link definitions of the IdP pair, keyed by link kind. */
export const IDP_LINK_DEFINITIONS: Readonly<Record<IdpLinkKind, LinkDefinition>> = {
  'client-id': {
    label: 'Client ID',
    rules: ['idp-client-id-unknown'],
    sides: ['idp'],
    needs: ['okta.idps', 'entra.applications'],
  },
  'client-secret': {
    label: 'Client secret',
    rules: ['idp-client-secret-mismatch', 'entra-secret-expiry', 'entra-certificate-expiry'],
    sides: ['idp', 'application'],
    needs: ['okta.idps', 'entra.applications'],
  },
  'redirect-uri': {
    label: 'Redirect URI',
    rules: ['idp-redirect-uri-missing'],
    sides: ['idp', 'application'],
    needs: ['okta.idps', 'entra.applications'],
  },
  issuer: {
    label: 'Issuer / tenant',
    rules: ['idp-tenant-mismatch'],
    sides: ['idp'],
    needs: ['okta.idps', 'entra.applications'],
  },
  consent: {
    label: 'Consent (openid, email, profile)',
    rules: ['idp-app-consent-missing'],
    sides: ['idp', 'application'],
    needs: ['okta.idps', 'entra.applications', 'entra.oauth2PermissionGrants'],
  },
  'user-matching': {
    label: 'User matching',
    rules: [
      'idp-profile-mapping-incomplete',
      'idp-subject-match-blank',
      'idp-username-unmatched',
      'cross-match-ambiguous',
    ],
    sides: ['idp'],
    needs: ['okta.idps', 'okta.mappings', 'okta.users', 'entra.users'],
  },
}

/** Link definitions of the federation pair, keyed by link kind. */
export const FEDERATION_LINK_DEFINITIONS: Readonly<Record<FederationLinkKind, LinkDefinition>> = {
  issuer: {
    label: 'Issuer and pairing',
    rules: ['federation-issuer-mismatch', 'federation-office365-pairing'],
    sides: ['domain', 'app'],
    needs: ['entra.federationConfigurations', 'okta.apps'],
  },
  'signing-certificate': {
    label: 'Signing certificate',
    rules: [
      'federation-signing-cert-mismatch',
      'federation-certificate-expiry',
      'okta-signing-key-expiry',
    ],
    sides: ['domain', 'app'],
    needs: ['entra.federationConfigurations', 'okta.apps', 'okta.appKeys'],
  },
  'immutable-id': {
    label: 'Immutable ID mapping',
    rules: ['office365-immutable-id-missing', 'immutable-id-mismatch'],
    sides: ['app'],
    needs: ['okta.apps', 'okta.appUsers', 'entra.users'],
  },
}

/** Every rule id the seam map reads, for a consistency check against the catalogue. */
export const SEAM_RULE_IDS: readonly string[] = [
  ...new Set(
    [...Object.values(IDP_LINK_DEFINITIONS), ...Object.values(FEDERATION_LINK_DEFINITIONS)].flatMap(
      (d) => d.rules,
    ),
  ),
]
