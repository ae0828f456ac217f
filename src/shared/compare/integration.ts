/**
 * The two halves of each integration of the seam, field by field, for every pair of the
 * overview's seam map (overview/seam-map.ts):
 *
 * - Entra app registration ↔ Okta Microsoft IdP: client ID, tenant (authorize and token
 *   endpoints), redirect URI, client secret (hint) and its expiry, scopes and consent,
 *   and the subject rule;
 * - Entra domain federation ↔ Okta Office 365 app: issuer, passive / active / metadata
 *   URIs, signing certificate (SHA-1 thumbprint, as Entra shows it) and its validity,
 *   the immutable ID mapping and the username format.
 *
 * Each line compares what one side holds with what the other side needs, and carries the
 * findings of the seam-map link it belongs to, so a line is red exactly when the values
 * disagree or the rules found a problem there.
 */
import type { Finding } from '../model/finding'
import type { Snapshot } from '../model/snapshot'
import { type IdpPair, type SeamLink, seamMap, type SeamMapOptions } from '../overview/seam-map'
import { type Rec, norm, recs, str, strs } from '../util/access'
import { parseDate } from '../util/dates'
import { subjectPolicy } from './match'
import {
  type MicrosoftIdp,
  consentOf,
  idpRedirectUri,
  authorityTenant,
  microsoftIdps,
  office365Apps,
} from './seam'
import { federationSides } from './integration-federation'
import { type IntegrationLine, type IntegrationPair, line } from './integration-line'

export type { IntegrationLine, IntegrationPair } from './integration-line'
import { SnapshotIndex } from './snapshot-index'

const LOGIN_HOSTS: Record<string, string> = {
  global: 'https://login.microsoftonline.com',
  usgov: 'https://login.microsoftonline.us',
  china: 'https://login.chinacloudapi.cn',
}

/** A requested scope as a grant names it: `https://graph.microsoft.com/User.Read` → `user.read`. */
function scopeName(scope: string): string {
  return scope.replace(/^https:\/\/graph\.microsoft\.(com|us)\//i, '').toLowerCase()
}

/** The integrations of a snapshot, field by field (findings: the diagnosis of this snapshot). */
export function integrationPairs(
  snapshot: Snapshot,
  findings: readonly Finding[] | undefined,
  options: SeamMapOptions = {},
): IntegrationPair[] {
  const map = seamMap(snapshot, findings, options)
  const index = new SnapshotIndex(snapshot)
  const idps = new Map(microsoftIdps(snapshot, index).map((m) => [m.id, m]))
  const apps = new Map(office365Apps(index).map((a) => [str(a, 'id') ?? '', a]))
  return [
    ...map.idps.map((pair) => idpSides(snapshot, index, pair, idps.get(pair.idp.id))),
    ...map.federations.map((pair) =>
      federationSides(snapshot, index, pair, pair.app ? apps.get(pair.app.id) : undefined),
    ),
  ]
}

function idpSides(
  snapshot: Snapshot,
  index: SnapshotIndex,
  pair: IdpPair,
  m: MicrosoftIdp | undefined,
): IntegrationPair {
  const app = m?.application
  const links = pair.links
  const tenantId = snapshot.entra?.tenantId
  const host = LOGIN_HOSTS[snapshot.entra?.cloud ?? 'global'] ?? LOGIN_HOSTS.global
  const idp = m?.idp
  const lines: IntegrationLine[] = []
  lines.push(
    line(
      'Client ID',
      { attribute: 'appId', value: str(app, 'appId') },
      { attribute: 'protocol.credentials.client.client_id', value: m?.clientId },
      app ? norm(str(app, 'appId')) === norm(m?.clientId) : m?.clientId ? false : undefined,
      links,
      'client-id',
      app ? undefined : 'No app registration of this tenant has the client ID.',
    ),
  )
  const multiTenant = /multiple/i.test(str(app, 'signInAudience') ?? '')
  for (const [label, path] of [
    ['Authorize endpoint', 'authorization'],
    ['Token endpoint', 'token'],
  ] as const) {
    const url = str(idp, 'protocol', 'endpoints', path, 'url')
    const tenant = url ? authorityTenant(url) : undefined
    const verified = (t: string) => t === norm(tenantId) || index.isVerifiedDomain(t)
    const agree = !url
      ? undefined
      : !!tenant &&
        (verified(tenant) || (multiTenant && ['organizations', 'common'].includes(tenant)))
    lines.push(
      line(
        label,
        {
          attribute: `tenant ${tenantId ?? ''}`,
          value: `${host}/${tenantId ?? '{tenantId}'}/oauth2/v2.0/${path === 'authorization' ? 'authorize' : 'token'}`,
        },
        { attribute: `protocol.endpoints.${path}.url`, value: url },
        agree,
        links,
        'issuer',
      ),
    )
  }
  const redirect = idp ? idpRedirectUri(idp, snapshot.okta?.orgUrl) : undefined
  const uris = strs(app, 'web', 'redirectUris')
  lines.push(
    line(
      'Redirect URI',
      { attribute: 'web.redirectUris', value: uris.join(', ') || undefined },
      { attribute: '_links.clientRedirectUri', value: redirect },
      app && redirect ? uris.some((u) => norm(u) === norm(redirect)) : undefined,
      links,
      'redirect-uri',
    ),
  )
  lines.push(...secretLines(snapshot, app, m, links))
  const consent = consentOf(snapshot, str(m?.servicePrincipal, 'id'))
  const wanted = strs(idp, 'protocol', 'scopes')
  const granted = [...consent.tenantWide].sort()
  lines.push(
    line(
      'Scopes and consent',
      {
        attribute: 'oauth2PermissionGrants (AllPrincipals)',
        value: granted.join(' ') || undefined,
      },
      { attribute: 'protocol.scopes', value: wanted.join(' ') || undefined },
      app
        ? wanted.length > 0 && wanted.every((s) => consent.tenantWide.has(scopeName(s)))
        : undefined,
      links,
      'consent',
    ),
  )
  const policy = idp ? subjectPolicy(idp) : undefined
  const reads = policy?.compiled?.reads ?? []
  lines.push(
    line(
      'Subject rule',
      {
        attribute: 'user property the rule reads',
        value: reads.length
          ? reads.join(', ')
          : policy
            ? 'an expression Crosswalk cannot read'
            : undefined,
      },
      {
        attribute: 'policy.subject',
        value: policy
          ? `${policy.template} → ${policy.oktaAttributes.join(' or ')} (${policy.matchType})`
          : undefined,
      },
      policy ? policy.compiled !== undefined : undefined,
      links,
      'user-matching',
    ),
  )
  return {
    kind: 'idp',
    key: pair.key,
    title: `${pair.application?.displayName ?? 'App registration'} ↔ ${pair.idp.name}`,
    pair,
    lines,
  }
}

/** The secret Okta holds, against the app's credential with the same hint, and its expiry. */
function secretLines(
  snapshot: Snapshot,
  app: Rec | undefined,
  m: MicrosoftIdp | undefined,
  links: readonly SeamLink[],
): IntegrationLine[] {
  const now = Date.parse(snapshot.collectedAt)
  const secret = m?.secret
  const credentials = recs(app, 'passwordCredentials')
  const same =
    secret && !secret.guidShaped ? credentials.filter((c) => str(c, 'hint') === secret.hint) : []
  const current = same
    .map((c) => ({ c, end: parseDate(str(c, 'endDateTime'))?.getTime() }))
    .sort((a, b) => (b.end ?? 0) - (a.end ?? 0))[0]
  const held = secret
    ? secret.guidShaped
      ? `a GUID${secret.keyId ? ` (the secret ID ${secret.keyId})` : ''}, not a secret value`
      : `${secret.hint}… (hint)`
    : undefined
  const hints = credentials.map((c) =>
    `${str(c, 'hint') ?? '?'}… ${str(c, 'displayName') ?? ''}`.trim(),
  )
  const out: IntegrationLine[] = [
    line(
      'Client secret (hint)',
      { attribute: 'passwordCredentials[].hint', value: hints.join(', ') || undefined },
      { attribute: 'protocol.credentials.client.client_secret', value: held },
      !app || !secret ? undefined : !secret.guidShaped && same.length > 0,
      links,
      'client-secret',
    ),
  ]
  const end = current?.end
  out.push(
    line(
      'Secret expiry',
      {
        attribute: 'passwordCredentials[].endDateTime',
        value: current ? str(current.c, 'endDateTime') : undefined,
      },
      { attribute: 'the secret Okta holds', value: held },
      end === undefined ? undefined : end > now,
      links,
      'client-secret',
      end === undefined
        ? undefined
        : end > now
          ? `valid for ${Math.floor((end - now) / 86_400_000)} more days`
          : `expired ${Math.floor((now - end) / 86_400_000)} days ago`,
    ),
  )
  return out
}
