/**
 * Checks of a JWT against the snapshot. An Entra ID token for Okta's Microsoft IdP (api-facts
 * §G) is checked as Okta reads it: signed with a key of the tenant's JWKS, issuer
 * `https://{login host}/{tid}/v2.0` (or `https://sts.windows.net/{tid}/` for v1) of this
 * tenant, audience = the IdP's client ID (an app registration's appId), `oid`,
 * `preferred_username` and `email` present and the person's, valid at the capture's time
 * within the IdP's clock skew, and the IdP's subject rule finding exactly one Okta user.
 * Other tokens (an access token for Graph, a token of another issuer) are decoded, with their
 * issuer, tenant and validity checked.
 */
import { idpSubject, microsoftIdps, type MicrosoftIdp } from '../compare/seam'
import { matchUser, subjectPolicy } from '../compare/match'
import type { SnapshotIndex } from '../compare/snapshot-index'
import type { Snapshot } from '../model'
import { type Rec, isRec, norm, num, str } from '../util/access'
import type { InspectedMessage, JwtArtefact } from './artefact'
import { DEFAULT_SKEW_MS, judgeAt, peopleOf, validityCheck } from './common'
import { type InspectCheck, type InspectReport, report } from './report'

const claim = (t: JwtArtefact, name: string): string | undefined => {
  const v = t.claims[name]
  return typeof v === 'string' && v.trim() ? v : undefined
}

const seconds = (t: JwtArtefact, name: string): string | undefined => {
  const v = t.claims[name]
  return typeof v === 'number' && Number.isFinite(v) ? new Date(v * 1000).toISOString() : undefined
}

const MICROSOFT_ISSUER = /^https:\/\/([^/]+)\/([0-9a-f-]{36})\/(v2\.0)?\/?$/i

/** The tenant an Entra issuer names, and its token version. */
export function issuerTenant(
  iss: string | undefined,
): { host: string; tenant: string; v2: boolean } | undefined {
  const m = iss ? MICROSOFT_ISSUER.exec(iss) : null
  if (!m?.[1] || !m[2]) return undefined
  return { host: m[1].toLowerCase(), tenant: m[2].toLowerCase(), v2: m[3] !== undefined }
}

function audiences(t: JwtArtefact): string[] {
  const aud = t.claims['aud']
  return typeof aud === 'string'
    ? [aud]
    : Array.isArray(aud)
      ? aud.filter((a): a is string => typeof a === 'string')
      : []
}

/** The checks of a JWT; see the file header. */
export function checkToken(
  message: InspectedMessage,
  token: JwtArtefact,
  snapshot: Snapshot,
  index: SnapshotIndex,
): InspectReport {
  const iss = claim(token, 'iss')
  const tid = claim(token, 'tid') ?? issuerTenant(iss)?.tenant
  const idps = microsoftIdps(snapshot, index)
  const aud = audiences(token)
  const idp = idps.find(
    (m) => m.clientId !== undefined && aud.some((a) => norm(a) === norm(m.clientId)),
  )
  const isEntra = issuerTenant(iss) !== undefined || tid !== undefined
  const idTokenLike =
    claim(token, 'nonce') !== undefined ||
    (claim(token, 'preferred_username') !== undefined && !claim(token, 'scp'))
  const kind = !isEntra ? 'jwt' : idp || idTokenLike ? 'id-token' : 'access-token'
  const skew = (idp && num(idp.idp, 'policy', 'maxClockSkew')) || DEFAULT_SKEW_MS
  const judged = judgeAt(message.capturedAt, seconds(token, 'iat') ?? seconds(token, 'nbf'))
  const checks: InspectCheck[] = [
    signature(token, snapshot),
    validityCheck(
      { notBefore: seconds(token, 'nbf'), notOnOrAfter: seconds(token, 'exp') },
      judged,
      skew,
      {},
    ),
  ]
  if (isEntra) checks.push(tenantCheck(iss, tid, snapshot, idp))
  if (kind === 'id-token') {
    checks.push(audienceCheck(aud, idp, idps, index))
    checks.push(...claimChecks(token, index, snapshot))
    if (idp) checks.push(subjectMatch(token, idp, index))
  }
  const oid = claim(token, 'oid')
  const upn = claim(token, 'preferred_username') ?? claim(token, 'upn')
  const entra =
    (oid ? index.entraById.get(oid) : undefined) ??
    (upn ? index.entraByUpn.one(norm(upn)) : undefined)
  return report(kind, checks, {
    ...(idp
      ? { target: { label: `Okta identity provider "${idp.name}"`, subject: idpSubject(idp) } }
      : {}),
    ...(judged ? { judgedAt: { at: judged.at.toISOString(), source: judged.source } } : {}),
    people: isEntra
      ? peopleOf(index, entra ? { entra } : {})
      : { note: 'Not an Entra token: nobody is looked up.' },
  })
}

function signature(token: JwtArtefact, snapshot: Snapshot): InspectCheck {
  const sig = token.signature
  const base = {
    id: 'signature' as const,
    title: 'Signature',
    ...(sig.algorithm ? { actual: sig.algorithm } : {}),
  }
  const collected = snapshot.entra?.signingKeys !== undefined
  switch (sig.status) {
    case 'verified':
      return {
        ...base,
        status: 'pass',
        summary: `Verified with ${sig.matched.map((m) => m.label).join('; ')}.`,
      }
    case 'no-candidates':
      return {
        ...base,
        status: 'skip',
        summary: collected
          ? 'The snapshot holds no key to check against.'
          : "The tenant's signing keys are not in this snapshot (collected by an older version): collect again to check signatures.",
      }
    case 'no-match':
      return {
        ...base,
        status: 'fail',
        summary: `${sig.detail ?? 'No key of the snapshot verifies it.'} Okta refuses a token its issuer's keys do not verify.`,
        fix: {
          object: { source: 'entra', type: 'signingKey', id: sig.embedded?.kid ?? 'jwks' },
          label: "Entra token signing keys (the tenant's JWKS)",
          steps: [
            'Collect again: Entra rolls its signing keys, and this snapshot may predate the key.',
            "If the token names another tenant's key, it was issued by another tenant: see the tenant check.",
          ],
        },
      }
    case 'tampered':
      return { ...base, status: 'fail', summary: sig.detail ?? 'Changed after signing.' }
    case 'unsigned':
      return {
        ...base,
        status: 'fail',
        summary: 'The token is not signed: no relying party accepts it.',
      }
    case 'unsupported':
      return {
        ...base,
        status: 'info',
        summary: sig.detail ?? 'The signature could not be checked.',
      }
  }
}

function tenantCheck(
  iss: string | undefined,
  tid: string | undefined,
  snapshot: Snapshot,
  idp: MicrosoftIdp | undefined,
): InspectCheck {
  const own = norm(snapshot.entra?.tenantId)
  const parsed = issuerTenant(iss)
  const expected = own ? `https://{login host}/${own}/v2.0` : undefined
  const idpFix: Pick<InspectCheck, 'fix'> = idp
    ? {
        fix: {
          object: idpSubject(idp),
          label: `Okta identity provider "${idp.name}"`,
          steps: [
            `Okta Admin Console › Security › Identity Providers › ${idp.name}: point the authorize and token endpoints at https://login.microsoftonline.com/${own ?? '{tenant}'}/oauth2/v2.0/….`,
          ],
        },
      }
    : {}
  if (!own)
    return {
      id: 'tenant',
      title: 'Issuer and tenant',
      status: 'skip',
      summary: 'The snapshot has no Entra side.',
      actual: iss ?? '(none)',
    }
  if (norm(tid) !== own || (parsed && parsed.tenant !== own))
    return {
      id: 'tenant',
      title: 'Issuer and tenant',
      status: 'fail',
      summary: `The token was issued by tenant ${tid ?? parsed?.tenant ?? '?'}, not by ${own} (this snapshot's tenant): the IdP signs people in against another tenant.`,
      expected,
      actual: iss ?? `tid ${tid ?? '?'}`,
      rule: 'idp-tenant-mismatch',
      ...idpFix,
    }
  if (parsed && !parsed.v2 && idp)
    return {
      id: 'tenant',
      title: 'Issuer and tenant',
      status: 'warn',
      summary:
        'A v1.0 token (issuer sts.windows.net): Okta’s Microsoft IdP expects v2.0 endpoints.',
      expected,
      actual: iss,
      ...idpFix,
    }
  return {
    id: 'tenant',
    title: 'Issuer and tenant',
    status: 'pass',
    summary: "Issued by this snapshot's tenant.",
    expected,
    actual: iss,
  }
}

function audienceCheck(
  aud: string[],
  idp: MicrosoftIdp | undefined,
  idps: MicrosoftIdp[],
  index: SnapshotIndex,
): InspectCheck {
  if (idp)
    return {
      id: 'audience',
      title: 'Audience',
      status: 'pass',
      summary: `The client ID of Okta identity provider "${idp.name}"${idp.application ? `, app registration "${str(idp.application, 'displayName') ?? ''}"` : ''}.`,
      expected: idp.clientId,
      actual: aud.join(', '),
    }
  const app = aud
    .map((a) => index.applicationsByAppId.get(norm(a) ?? ''))
    .find((x) => x !== undefined)
  const first = idps[0]
  return {
    id: 'audience',
    title: 'Audience',
    status: 'fail',
    summary: app
      ? `The token is for app registration "${str(app, 'displayName') ?? ''}", which no Okta identity provider uses as its client ID.`
      : 'The audience is no Okta identity provider’s client ID: the token was issued for another application.',
    expected:
      idps.map((m) => m.clientId ?? '?').join(' or ') || '(no Microsoft IdP in the snapshot)',
    actual: aud.join(', ') || '(none)',
    rule: 'idp-client-id-unknown',
    ...(first
      ? {
          fix: {
            object: idpSubject(first),
            label: `Okta identity provider "${first.name}"`,
            steps: [
              "Okta › Security › Identity Providers › the Microsoft IdP: set the Client ID to the app registration's Application (client) ID.",
            ],
          },
        }
      : {}),
  }
}

function claimChecks(token: JwtArtefact, index: SnapshotIndex, snapshot: Snapshot): InspectCheck[] {
  const oid = claim(token, 'oid')
  const upn = claim(token, 'preferred_username')
  const email = claim(token, 'email')
  const user =
    (oid ? index.entraById.get(oid) : undefined) ??
    (upn ? index.entraByUpn.one(norm(upn)) : undefined)
  const missing = [!oid && 'oid', !upn && 'preferred_username'].filter(Boolean)
  const checks: InspectCheck[] = []
  if (missing.length)
    checks.push({
      id: 'claims',
      title: 'Claims',
      status: 'fail',
      summary: `The token lacks ${missing.join(' and ')}: the profile scope is missing from the request.`,
      rule: 'idp-app-consent-missing',
    })
  if (!snapshot.entra?.users) return checks
  if (!user)
    return [
      ...checks,
      {
        id: 'account',
        title: 'Entra user',
        status: 'warn',
        summary:
          'No Entra user of the snapshot has this oid or UPN: the user is newer than the snapshot, or from another tenant.',
        actual: oid ?? upn,
      },
    ]
  const mail = str(user, 'mail')
  checks.push(
    norm(str(user, 'userPrincipalName')) === norm(upn)
      ? {
          id: 'claims',
          title: 'Claims',
          status: email || !mail ? 'pass' : 'warn',
          summary:
            email || !mail
              ? `oid and preferred_username are ${str(user, 'userPrincipalName') ?? ''}'s.`
              : `No email claim, though ${str(user, 'userPrincipalName') ?? ''} has mail ${mail}: the email scope is not requested or not consented.`,
          ...(email || !mail ? {} : { rule: 'idp-app-consent-missing' as const }),
          expected: str(user, 'userPrincipalName'),
          actual: upn,
        }
      : {
          id: 'claims',
          title: 'Claims',
          status: 'warn',
          summary:
            'preferred_username is not the UPN of the user the oid names: the UPN changed since the snapshot.',
          expected: str(user, 'userPrincipalName'),
          actual: upn,
        },
  )
  if (user['accountEnabled'] === false)
    checks.push({
      id: 'account',
      title: 'Entra user',
      status: 'warn',
      summary: `${str(user, 'userPrincipalName') ?? ''} is disabled in Entra (at the snapshot's time).`,
    })
  return checks
}

/** Replays the IdP's subject rule on the token's claims: which Okta user Okta would link. */
function subjectMatch(token: JwtArtefact, idp: MicrosoftIdp, index: SnapshotIndex): InspectCheck {
  const policy = subjectPolicy(idp.idp)
  // the claims as the Graph properties the templates read (see compare/match.ts)
  const pseudo: Rec = {
    userPrincipalName: claim(token, 'preferred_username') ?? claim(token, 'upn'),
    mail: claim(token, 'email'),
    displayName: claim(token, 'name'),
    givenName: claim(token, 'given_name'),
    surname: claim(token, 'family_name'),
    id: claim(token, 'oid'),
  }
  const result = isRec(pseudo) ? matchUser(policy, pseudo, index) : undefined
  const fix = {
    fix: {
      object: idpSubject(idp),
      label: `Okta identity provider "${idp.name}"`,
      steps: [
        `Okta › Security › Identity Providers › ${idp.name} › Authentication settings: the IdP username (${policy.template}) and "Match against" (${policy.matchType}) must find the person's Okta user; or correct the Okta user's ${policy.oktaAttributes.join(' / ')}.`,
      ],
    },
  }
  if (!result)
    return {
      id: 'subject-match',
      title: 'Okta user match',
      status: 'skip',
      summary: `The IdP's username template (${policy.template}) uses expressions Crosswalk does not evaluate.`,
    }
  if (index.oktaUsers.length === 0)
    return {
      id: 'subject-match',
      title: 'Okta user match',
      status: 'skip',
      summary: 'Okta users were not collected.',
    }
  const count = result.candidates.length
  if (count === 1)
    return {
      id: 'subject-match',
      title: 'Okta user match',
      status: 'pass',
      summary: `Okta links ${str(result.candidates[0], 'profile', 'login') ?? ''} (${policy.template} → ${policy.matchType}).`,
      expected: result.username,
      actual: str(result.candidates[0], 'profile', 'login'),
    }
  return {
    id: 'subject-match',
    title: 'Okta user match',
    status: 'fail',
    summary: result.filtered
      ? `The transformed username ${result.username ?? ''} is rejected by the IdP's filter.`
      : count === 0
        ? `No Okta user has ${policy.oktaAttributes.join(' or ')} ${result.username ?? '(empty)'}: Okta answers "Unable to match transformed username".`
        : `${count} Okta users match ${result.username ?? ''}: Okta cannot tell which one signs in.`,
    expected: `one Okta user with ${policy.oktaAttributes.join(' or ')} = ${result.username ?? '(empty)'}`,
    actual: count === 0 ? 'none' : `${count} users`,
    rule: count > 1 ? 'cross-match-ambiguous' : 'idp-username-unmatched',
    okta: 'Unable to match transformed username',
    ...fix,
  }
}
