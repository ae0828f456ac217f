/**
 * Okta API error codes (E0000xxx) and System Log `outcome.reason` values that show
 * up around the Entra–Okta seam, with their usual cause there.
 *
 * @see https://developer.okta.com/docs/reference/error-codes/
 * @see https://help.okta.com/en-us/content/topics/reports/sys-log-events.htm
 */
import type { CodeEntry } from './types'

const ERRORS = 'https://developer.okta.com/docs/reference/error-codes/'
const LOG = 'https://developer.okta.com/docs/reference/api/system-log/'
const OKTA_IDP = 'https://developer.okta.com/docs/guides/add-an-external-idp/microsoft/main/'

import type { RuleId } from '../rules'

type Row = [
  code: string,
  name: string,
  meaning: string,
  cause: string,
  check: string[],
  fix: string[],
  rules: RuleId[],
]

const API_ROWS: Row[] = [
  [
    'E0000001',
    'API validation failed',
    'The request body failed validation (HTTP 400).',
    'A profile push to Office 365 or a mapping update with an invalid value (e.g. a UPN on an unverified domain).',
    ['errorCauses in the response', 'The value being written'],
    ['Correct the value named in errorCauses.'],
    ['okta-attribute-invalid'],
  ],
  [
    'E0000004',
    'Authentication exception',
    'Authentication failed (HTTP 401).',
    'Wrong credentials for a user sign-in or API call.',
    ['Credentials used'],
    ['Use valid credentials.'],
    [],
  ],
  [
    'E0000006',
    'Access denied',
    'You do not have permission to perform the requested action (HTTP 403).',
    "The API token's admin lacks a role, or the OAuth service app lacks the okta.*.read scope or an admin role.",
    ['Token owner roles', 'Service app granted scopes'],
    ['Grant a read-only administrator role and the needed okta.*.read scopes.'],
    ['collection-permission-missing'],
  ],
  [
    'E0000007',
    'Resource not found',
    'Not found (HTTP 404).',
    'The app, IdP or user was deleted or the id is from another org.',
    ['The id in the request'],
    ['Use an existing id.'],
    [],
  ],
  [
    'E0000009',
    'Internal server error',
    'Internal Server Error (HTTP 500).',
    'Transient Okta problem.',
    ['status.okta.com'],
    ['Retry later.'],
    [],
  ],
  [
    'E0000011',
    'Invalid token provided',
    'The API token is invalid, revoked or expired (HTTP 401).',
    'An API token unused for 30 days expires; or it was revoked when its admin was deactivated.',
    ['Security › API › Tokens'],
    ['Create a new token (as a read-only admin) and update the profile.'],
    ['collection-permission-missing'],
  ],
  [
    'E0000015',
    'Feature not enabled',
    'You do not have permission to access the feature you are requesting.',
    'The org lacks the feature (e.g. a provisioning capability).',
    ['Org features'],
    ['Ask Okta support to enable it.'],
    [],
  ],
  [
    'E0000022',
    'Operation not allowed',
    'The endpoint does not support the provided HTTP method.',
    'Wrong method in an automation script.',
    ['HTTP method'],
    ['Use the documented method.'],
    [],
  ],
  [
    'E0000038',
    'Operation not allowed for current user status',
    "This operation is not allowed in the user's current status.",
    'Pushing or activating a deprovisioned or suspended user.',
    ['User status'],
    ['Reactivate the user first.'],
    [],
  ],
  [
    'E0000047',
    'Rate limit exceeded',
    'API call exceeded rate limit due to too many requests (HTTP 429).',
    'Collection or provisioning exceeded the org rate limit.',
    ['X-Rate-Limit-* headers', 'System Log system.org.rate_limit.*'],
    ['Slow down; Crosswalk retries after X-Rate-Limit-Reset.'],
    [],
  ],
  [
    'E0000112',
    'Unable to update the app instance',
    'The app instance could not be updated.',
    'Invalid settings for the Office 365 app (e.g. domain).',
    ['App settings'],
    ['Correct the settings.'],
    [],
  ],
]

const REASON_ROWS: Row[] = [
  [
    'Unable to match transformed username',
    'IdP subject match failed',
    "Okta transformed the IdP's username with the IdP username template but found no (or more than one) Okta user by the match rule.",
    'UPN in Entra differs from the Okta login (or email) the IdP matches against, or the attribute is blank.',
    [
      'IdP policy.subject (userNameTemplate, matchType, matchAttribute)',
      "The user's Entra UPN/mail vs Okta login/email",
    ],
    ['Align the UPN and Okta login, or change the IdP match rule.'],
    ['idp-username-unmatched', 'idp-subject-match-blank', 'cross-match-ambiguous'],
  ],
  [
    'Unable to resolve IdP endpoint',
    'IdP endpoint unreachable',
    'Okta could not reach or resolve an IdP endpoint.',
    'Wrong authorize/token URL (tenant typo, wrong cloud).',
    ['IdP protocol.endpoints'],
    ['Fix the endpoint URLs.'],
    ['idp-tenant-mismatch'],
  ],
  [
    'Unable to validate incoming SAML Assertion',
    'SAML assertion invalid',
    'Okta rejected the SAML assertion from the IdP.',
    'Signing certificate, audience or clock skew mismatch.',
    ['IdP trust credentials (kid)', 'maxClockSkew'],
    ['Update the IdP certificate or audience.'],
    [],
  ],
  [
    'A SAML assert with the same ID has already been processed',
    'SAML replay',
    'The assertion ID was already processed (replay protection).',
    'Browser back/refresh or a replay.',
    ['Sign-in flow'],
    ['Start a new sign-in.'],
    [],
  ],
  [
    'INVALID_CREDENTIALS',
    'Invalid credentials',
    'The credentials presented were invalid.',
    'Wrong password or client secret.',
    ['Credentials'],
    ['Use valid credentials.'],
    [],
  ],
  [
    'VERIFICATION_ERROR',
    'Verification error',
    'Okta could not verify the user or token.',
    'MFA or token verification failure.',
    ['Authenticator state'],
    ['Re-enrol or retry.'],
    [],
  ],
]

function entries(rows: Row[], kind: CodeEntry['kind'], link: string): Map<string, CodeEntry> {
  return new Map(
    rows.map(([code, name, meaning, cause, check, fix, rules]) => [
      code.toLowerCase(),
      {
        code,
        kind,
        name,
        meaning,
        cause,
        check,
        fix,
        rules,
        links: kind === 'okta-log-reason' ? [link, OKTA_IDP] : [link],
      },
    ]),
  )
}

/** Okta API error codes keyed by the lower-cased code (`e0000006`). */
export const OKTA_API_CODES: ReadonlyMap<string, CodeEntry> = entries(API_ROWS, 'okta-api', ERRORS)
/** System Log `outcome.reason` values keyed by the lower-cased text. */
export const OKTA_LOG_REASONS: ReadonlyMap<string, CodeEntry> = entries(
  REASON_ROWS,
  'okta-log-reason',
  LOG,
)
