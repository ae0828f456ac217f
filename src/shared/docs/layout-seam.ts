/**
 * The layout of the seam's configuration sections: the app registrations behind Okta IdPs,
 * the IdPs with their routing rules, the Office 365 and SAML apps, and the profile mappings.
 */
import type { Block, Cell } from './blocks'
import { code, plain } from './blocks'
import { utcDay } from './format'
import type { ConfigDocument } from './model'
import type { SectionId } from './sections'
import { sectionTitle } from './sections'

function heading(id: SectionId): Block {
  return { kind: 'heading', level: 2, text: sectionTitle(id), id }
}

export function registrations(doc: ConfigDocument): Block[] {
  const list = doc.appRegistrations
  if (!list) return []
  const out: Block[] = [heading('app-registrations')]
  if (list.length === 0)
    out.push({
      kind: 'paragraph',
      text: 'No Okta identity provider signs in through an app registration of this tenant.',
    })
  for (const r of list) {
    out.push(
      { kind: 'heading', level: 3, text: r.displayName },
      {
        kind: 'facts',
        rows: [
          { label: 'Application (client) ID', value: code(r.appId) },
          { label: 'Object ID', value: code(r.objectId) },
          { label: 'Service principal ID', value: code(r.servicePrincipalId) },
          { label: 'Supported account types', value: plain(r.signInAudience) },
          { label: 'ID tokens', value: plain(r.idTokenIssuance ? 'issued' : 'not issued') },
          { label: 'Used by Okta IdP', value: plain(r.usedBy.join(', ')) },
          { label: 'Consented for all users', value: code(r.consent.tenantWide.join(' ')) },
          ...(r.consent.users
            ? [{ label: 'Users who consented for themselves', value: plain(r.consent.users) }]
            : []),
          ...r.redirectUris.map((u) => ({ label: 'Redirect URI (Web)', value: code(u) })),
        ],
      },
      {
        kind: 'table',
        caption: 'Permissions requested',
        head: ['Resource', 'Delegated', 'Application'],
        rows: r.permissions.map((p) => [
          plain(p.resource),
          code(p.scopes.join(' ')),
          code(p.roles.join(' ')),
        ]),
      },
      {
        kind: 'table',
        caption: 'Credentials',
        head: [
          'Kind',
          'Description',
          'Key ID',
          'Hint or thumbprint',
          'Created',
          'Expires',
          'Rotate by',
        ],
        rows: r.credentials.map((c) => [
          plain(c.kind),
          plain(c.displayName),
          code(c.keyId),
          code(c.kind === 'secret' ? (c.hint ? `${c.hint}…` : '') : c.sha1Thumbprint),
          plain(utcDay(c.start)),
          plain(utcDay(c.end)),
          plain(utcDay(c.rotationDue)),
        ]),
      },
    )
  }
  return out
}

export function idps(doc: ConfigDocument): Block[] {
  const list = doc.identityProviders
  if (!list) return []
  const out: Block[] = [heading('identity-providers')]
  if (list.length === 0)
    out.push({
      kind: 'paragraph',
      text: 'No Okta identity provider signs in through Microsoft Entra ID.',
    })
  for (const i of list) {
    out.push(
      { kind: 'heading', level: 3, text: `${i.name} (${i.type}, ${i.status})` },
      {
        kind: 'facts',
        rows: [
          { label: 'IdP ID', value: code(i.id) },
          { label: 'Protocol', value: plain(i.protocol) },
          { label: 'Client ID', value: code(i.clientId) },
          {
            label: 'Client secret',
            value: plain(
              i.clientSecret
                ? `redacted (begins ${i.clientSecret.hint}…${i.clientSecret.guidShaped ? '; shaped like a GUID: a secret ID?' : ''})`
                : 'not collected',
            ),
          },
          {
            label: 'Entra app registration',
            value: plain(i.appRegistration ?? 'not in this tenant'),
          },
          { label: 'Authorization endpoint', value: code(i.authorizationUrl) },
          { label: 'Token endpoint', value: code(i.tokenUrl) },
          ...(i.issuerUrl ? [{ label: 'Issuer', value: code(i.issuerUrl) }] : []),
          { label: 'Scopes', value: code(i.scopes.join(' ')) },
          { label: 'Redirect URI', value: code(i.redirectUri) },
          { label: 'Issuer mode', value: plain(i.issuerMode) },
          { label: 'IdP username', value: code(i.subject.userNameTemplate) },
          {
            label: 'Match against',
            value: plain(
              `${i.subject.matchType ?? ''}${i.subject.matchAttribute ? ` (${i.subject.matchAttribute})` : ''}`,
            ),
          },
          ...(i.subject.filter
            ? [{ label: 'Username filter', value: code(i.subject.filter) }]
            : []),
          {
            label: 'Account link',
            value: plain(
              `${i.accountLink.action ?? ''}${i.accountLink.filter ? ` ${i.accountLink.filter}` : ''}`,
            ),
          },
          {
            label: 'Provisioning',
            value: plain(
              `${i.provisioning.action ?? ''}${i.provisioning.profileMaster ? ', profile source' : ''}; groups ${i.provisioning.groups ?? ''}; deprovisioned ${i.provisioning.deprovisioned ?? ''}; suspended ${i.provisioning.suspended ?? ''}`,
            ),
          },
        ],
      },
      {
        kind: 'table',
        caption: 'Routing rules that send people here',
        head: ['Policy', 'Priority', 'Rule', 'Status', 'User matches'],
        rows: i.routingRules.map((r) => [
          plain(r.policy),
          plain(r.priority),
          plain(r.name),
          plain(r.status),
          code(r.patterns.join(', ')),
        ]),
      },
    )
    if (i.routingRules.length === 0)
      out.push({ kind: 'note', text: 'No routing rule sends anybody to this identity provider.' })
  }
  return out
}

export function apps(doc: ConfigDocument): Block[] {
  const list = doc.apps
  if (!list) return []
  const out: Block[] = [heading('apps')]
  for (const a of list) {
    const rows: { label: string; value: Cell }[] = [
      { label: 'App ID', value: code(a.id) },
      { label: 'App name', value: code(a.name) },
      { label: 'Status', value: plain(a.status) },
      { label: 'Sign-on mode', value: plain(a.signOnMode) },
      { label: 'Username format', value: code(a.userNameTemplate) },
    ]
    if (a.kind === 'office365') {
      rows.push(
        { label: 'Federated domains', value: code(a.domains.join(', ')) },
        { label: 'Microsoft tenant name', value: code(a.msftTenant) },
        {
          label: 'ImmutableID source',
          value: code(a.immutableIdSource ?? 'no immutableId mapping'),
        },
        { label: 'WS-Federation key', value: code(a.wsFedKey) },
        { label: 'Provisioning features', value: code(a.features.join(', ')) },
      )
    } else {
      rows.push(
        { label: 'ACS URL', value: code(a.acsUrl) },
        { label: 'Audience', value: code(a.audience) },
        { label: 'NameID source', value: code(a.nameId?.template) },
        { label: 'NameID format', value: code(a.nameId?.format) },
      )
    }
    rows.push({ label: 'Metadata', value: code(a.metadataUrl) })
    rows.push({
      label: 'Assignments',
      value: plain(
        `${a.assignments.count}${
          Object.keys(a.assignments.byScope).length
            ? ` (${Object.entries(a.assignments.byScope)
                .map(([s, n]) => `${n} ${s === 'GROUP' ? 'through groups' : 'direct'}`)
                .join(', ')})`
            : ''
        }`,
      ),
    })
    out.push(
      {
        kind: 'heading',
        level: 3,
        text: `${a.label} (${a.kind === 'office365' ? 'Office 365' : 'SAML 2.0'})`,
      },
      { kind: 'facts', rows },
    )
    if (a.attributeStatements.length)
      out.push({
        kind: 'table',
        caption: 'Attribute statements',
        head: ['Name', 'Type', 'Value or filter', 'Name format'],
        rows: a.attributeStatements.map((s) => [
          code(s.name),
          plain(s.type),
          code(s.values.join(', ') || s.filter),
          code(s.namespace),
        ]),
      })
    out.push({
      kind: 'table',
      caption: 'Signing keys',
      head: ['Key ID', 'Active', 'Created', 'Expires', 'Rotate by', 'SHA-256 thumbprint'],
      rows: a.signingKeys.map((k) => [
        code(k.kid),
        plain(k.active ? 'active' : ''),
        plain(utcDay(k.created)),
        plain(utcDay(k.expiresAt)),
        plain(utcDay(k.rotationDue)),
        code(k.sha256Thumbprint),
      ]),
    })
  }
  return out
}

export function mappings(doc: ConfigDocument): Block[] {
  const list = doc.mappings
  if (!list) return []
  const out: Block[] = [heading('mappings')]
  for (const m of list)
    out.push(
      { kind: 'heading', level: 3, text: `${m.source.name} → ${m.target.name} (${m.direction})` },
      {
        kind: 'table',
        head: ['Source expression', 'Target attribute', 'Push'],
        rows: m.rows.map((r) => [code(r.expression), code(r.target), plain(r.pushStatus)]),
      },
    )
  return out
}
