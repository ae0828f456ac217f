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
import {
  type FederationPair,
  type IdpPair,
  type LinkFinding,
  type SeamLink,
  seamMap,
  type SeamMapOptions,
} from '../overview/seam-map'
import type { SeamLinkKind } from '../overview/seam-links'
import { type Rec, norm, recs, str, strs, text } from '../util/access'
import { parseDate } from '../util/dates'
import { certificateKey, decodeBase64, readCertificateValidity } from '../util/der'
import { sha1Hex } from '../util/sha1'
import { subjectPolicy } from './match'
import {
  type MicrosoftIdp,
  activeSigningKey,
  consentOf,
  idpRedirectUri,
  authorityTenant,
  microsoftIdps,
  office365Apps,
  wsFedKey,
} from './seam'
import { SnapshotIndex } from './snapshot-index'
import { officeKeys } from './join'

/** One field of an integration, both sides. */
export interface IntegrationLine {
  label: string
  entra: { attribute: string; value?: string }
  okta: { attribute: string; value?: string }
  /** ok: the sides agree; problem: they do not, or a finding says so; unknown: not collected */
  status: 'ok' | 'problem' | 'unknown'
  note?: string
  /** the seam-map link the line belongs to, and its findings */
  link?: SeamLinkKind
  findings: LinkFinding[]
}

/** An integration's two halves. */
export interface IntegrationPair {
  kind: 'idp' | 'federation'
  key: string
  title: string
  /** what the seam map says about the pair as a whole */
  pair: IdpPair | FederationPair
  lines: IntegrationLine[]
}

const LOGIN_HOSTS: Record<string, string> = {
  global: 'https://login.microsoftonline.com',
  usgov: 'https://login.microsoftonline.us',
  china: 'https://login.chinacloudapi.cn',
}

type Verdict = boolean | undefined

/** A requested scope as a grant names it: `https://graph.microsoft.com/User.Read` → `user.read`. */
function scopeName(scope: string): string {
  return scope.replace(/^https:\/\/graph\.microsoft\.(com|us)\//i, '').toLowerCase()
}

function line(
  label: string,
  entra: IntegrationLine['entra'],
  okta: IntegrationLine['okta'],
  agree: Verdict,
  links: readonly SeamLink[],
  kind: SeamLinkKind | undefined,
  note?: string,
): IntegrationLine {
  const link = kind ? links.find((l) => l.kind === kind) : undefined
  const findings = link?.findings ?? []
  const flagged = findings.some((f) => f.severity !== 'info')
  const status = agree === false || flagged ? 'problem' : agree === undefined ? 'unknown' : 'ok'
  return {
    label,
    entra,
    okta,
    status,
    ...(note ? { note } : {}),
    ...(kind ? { link: kind } : {}),
    findings,
  }
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

function thumbprint(base64: string | undefined): string | undefined {
  const bytes = base64 ? decodeBase64(base64) : undefined
  return bytes ? sha1Hex(bytes) : undefined
}

function federationSides(
  snapshot: Snapshot,
  index: SnapshotIndex,
  pair: FederationPair,
  app: Rec | undefined,
): IntegrationPair {
  const config = (snapshot.entra?.federationConfigurations?.[pair.domain] ?? [])[0]
  const links = pair.links
  const org = snapshot.okta?.orgUrl?.replace(/\/+$/, '')
  const key = wsFedKey(str(app, '_links', 'metadata', 'href'))
  const expected = (suffix: string) =>
    org && key ? `${org}/app/office365/${key}/sso/wsfed/${suffix}` : undefined
  const lines: IntegrationLine[] = []
  const compare = (
    label: string,
    field: string,
    okta: string | undefined,
    oktaAttribute: string,
  ) => {
    const value = str(config, field)
    lines.push(
      line(
        label,
        { attribute: field, value },
        { attribute: oktaAttribute, value: okta },
        value && okta ? value === okta : undefined,
        links,
        'issuer',
      ),
    )
  }
  compare(
    'Issuer',
    'issuerUri',
    key ? `http://www.okta.com/${key}` : undefined,
    'app key (from _links.metadata)',
  )
  compare('Passive sign-in URI', 'passiveSignInUri', expected('passive'), 'WS-Fed passive endpoint')
  compare('Active sign-in URI', 'activeSignInUri', expected('active'), 'WS-Fed active endpoint')
  compare(
    'Metadata exchange URI',
    'metadataExchangeUri',
    expected('mex'),
    'WS-Fed metadata exchange',
  )
  const activeKey = app ? activeSigningKey(snapshot, app) : undefined
  const x5c = (activeKey?.['x5c'] as unknown[] | undefined)?.[0]
  const oktaCert = typeof x5c === 'string' ? x5c : undefined
  const entraCert = str(config, 'signingCertificate')
  lines.push(
    line(
      'Signing certificate (SHA-1 thumbprint)',
      { attribute: 'signingCertificate', value: thumbprint(entraCert) },
      {
        attribute: `active key ${str(activeKey, 'kid') ?? ''}`.trim(),
        value: thumbprint(oktaCert),
      },
      entraCert && oktaCert ? certificateKey(entraCert) === certificateKey(oktaCert) : undefined,
      links,
      'signing-certificate',
    ),
  )
  const now = Date.parse(snapshot.collectedAt)
  const entraEnd = entraCert ? readCertificateValidity(entraCert)?.notAfter : undefined
  const oktaEnd =
    parseDate(str(activeKey, 'expiresAt')) ??
    (oktaCert ? readCertificateValidity(oktaCert)?.notAfter : undefined)
  lines.push(
    line(
      'Certificate validity',
      { attribute: 'signingCertificate notAfter', value: entraEnd?.toISOString() },
      { attribute: 'active key expiresAt', value: oktaEnd?.toISOString() },
      entraEnd || oktaEnd ? [entraEnd, oktaEnd].every((d) => !d || d.getTime() > now) : undefined,
      links,
      'signing-certificate',
    ),
  )
  lines.push(...officeUserLines(snapshot, index, app, pair, links))
  return {
    kind: 'federation',
    key: pair.key,
    title: `${pair.domain} ↔ ${pair.app?.label ?? 'Office 365 app'}`,
    pair,
    lines,
  }
}

/** The immutable ID mapping and the username format of an Office 365 app. */
function officeUserLines(
  snapshot: Snapshot,
  index: SnapshotIndex,
  app: Rec | undefined,
  pair: FederationPair,
  links: readonly SeamLink[],
): IntegrationLine[] {
  const appId = str(app, 'id')
  const mapping = (snapshot.okta?.mappings ?? []).find(
    (x) => str(x, 'target', 'id') === appId && norm(str(x, 'source', 'type')) === 'user',
  )
  const expression = text(mapping, 'properties', 'immutableId', 'expression')
  const federated = index.entraUsers.filter((u) =>
    norm(str(u, 'userPrincipalName'))?.endsWith(`@${pair.domain}`),
  )
  const withId = federated.filter((u) => text(u, 'onPremisesImmutableId')).length
  const appUsers = appId ? (snapshot.okta?.appUsers?.[appId] ?? []) : []
  const byUserName = officeKeys(index).byUserName
  const matching = appUsers.filter((au) => {
    const name = norm(str(au, 'credentials', 'userName'))
    return name !== undefined && index.entraByUpn.count(name) > 0 && byUserName.count(name) > 0
  }).length
  return [
    line(
      'Immutable ID mapping',
      {
        attribute: 'onPremisesImmutableId',
        value: `${withId} of ${federated.length} users on ${pair.domain} have one`,
      },
      { attribute: 'mapping immutableId expression', value: expression },
      app ? (mapping ? !!expression && expression !== 'null' : undefined) : undefined,
      links,
      'immutable-id',
      mapping ? undefined : app ? 'The app’s profile mapping was not collected.' : undefined,
    ),
    line(
      'Username format',
      {
        attribute: 'userPrincipalName',
        value: `${matching} of ${appUsers.length} app usernames are an Entra UPN`,
      },
      {
        attribute: 'credentials.userNameTemplate',
        value: text(app, 'credentials', 'userNameTemplate', 'template'),
      },
      app && appUsers.length ? matching === appUsers.length : undefined,
      links,
      undefined,
    ),
  ]
}
