/**
 * The Entra domain federation ↔ Okta Office 365 app half of the integrations (integration.ts):
 * issuer, passive / active / metadata URIs, the signing certificate (SHA-1 thumbprint, as
 * Entra shows it) and its validity, the immutable ID mapping and the username format.
 */
import type { Snapshot } from '../model/snapshot'
import type { FederationPair, SeamLink } from '../overview/seam-map'
import { type Rec, norm, str, text } from '../util/access'
import { parseDate } from '../util/dates'
import { certificateKey, decodeBase64, readCertificateValidity } from '../util/der'
import { sha1Hex } from '../util/sha1'
import { type IntegrationLine, type IntegrationPair, line } from './integration-line'
import { officeKeys } from './join'
import { activeSigningKey, wsFedKey } from './seam'
import type { SnapshotIndex } from './snapshot-index'

function thumbprint(base64: string | undefined): string | undefined {
  const bytes = base64 ? decodeBase64(base64) : undefined
  return bytes ? sha1Hex(bytes) : undefined
}

/** An Entra domain federation beside its Okta Office 365 app, field by field. */
export function federationSides(
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
