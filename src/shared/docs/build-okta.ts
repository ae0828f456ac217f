/**
 * The Okta-side sections: Microsoft identity providers with the routing rules that send
 * people to them, the Office 365 and SAML 2.0 apps (sign-on, NameID, attributes, keys,
 * assignments), and every profile mapping as a table. Built from the redacted view only.
 */
import {
  type MicrosoftIdp,
  activeSigningKey,
  idpRedirectUri,
  isOffice365App,
  office365Domains,
  wsFedKey,
} from '../compare/seam'
import { type Rec, bool, norm, num, recs, str, strs, text } from '../util/access'
import type {
  IdentityProviderDoc,
  MappingDoc,
  OktaAppDoc,
  RoutingRuleDoc,
  SigningKeyDoc,
} from './model'
import { certificateFacts, daysBefore } from './format'
import type { RedactedSnapshot } from './redacted-view'

/** Every routing rule of the IdP discovery policies, in policy then priority order. */
export function routingRules(view: RedactedSnapshot): RoutingRuleDoc[] {
  const out: RoutingRuleDoc[] = []
  for (const policy of view.okta?.idpDiscoveryPolicies ?? []) {
    const rules = [...(view.okta?.idpDiscoveryRules?.[str(policy, 'id') ?? ''] ?? [])].sort(
      (a, b) => (num(a, 'priority') ?? 0) - (num(b, 'priority') ?? 0),
    )
    for (const rule of rules)
      out.push({
        policy: text(policy, 'name') ?? str(policy, 'id') ?? '',
        name: text(rule, 'name') ?? str(rule, 'id') ?? '',
        priority: num(rule, 'priority'),
        status: text(rule, 'status'),
        system: bool(rule, 'system') ?? false,
        patterns: recs(rule, 'conditions', 'userIdentifier', 'patterns').map((p) =>
          `${str(p, 'matchType') ?? ''} ${str(p, 'value') ?? ''}`.trim(),
        ),
        providers: recs(rule, 'actions', 'idp', 'providers').map((p) =>
          [str(p, 'type'), str(p, 'id')].filter(Boolean).join(' '),
        ),
      })
  }
  return out
}

/** Every Microsoft IdP, with its settings and the routing rules that name it. */
export function buildIdentityProviders(
  view: RedactedSnapshot,
  idps: readonly MicrosoftIdp[],
): IdentityProviderDoc[] {
  const rules = routingRules(view)
  return idps.map((m) => {
    const idp = m.idp
    return {
      id: m.id,
      name: m.name,
      type: str(idp, 'type') ?? '',
      status: str(idp, 'status') ?? 'ACTIVE',
      protocol: text(idp, 'protocol', 'type'),
      issuerMode: text(idp, 'issuerMode'),
      clientId: m.clientId,
      ...(m.secret ? { clientSecret: m.secret } : {}),
      authorizationUrl: text(idp, 'protocol', 'endpoints', 'authorization', 'url'),
      tokenUrl: text(idp, 'protocol', 'endpoints', 'token', 'url'),
      issuerUrl: text(idp, 'protocol', 'issuer', 'url'),
      scopes: strs(idp, 'protocol', 'scopes'),
      redirectUri: idpRedirectUri(idp, view.okta?.orgUrl),
      subject: {
        userNameTemplate: text(idp, 'policy', 'subject', 'userNameTemplate', 'template'),
        matchType: text(idp, 'policy', 'subject', 'matchType'),
        matchAttribute: text(idp, 'policy', 'subject', 'matchAttribute'),
        filter: text(idp, 'policy', 'subject', 'filter'),
      },
      accountLink: {
        action: text(idp, 'policy', 'accountLink', 'action'),
        filter: typeof idp.policy === 'object' ? filterText(idp) : undefined,
      },
      provisioning: {
        action: text(idp, 'policy', 'provisioning', 'action'),
        profileMaster: bool(idp, 'policy', 'provisioning', 'profileMaster'),
        groups: text(idp, 'policy', 'provisioning', 'groups', 'action'),
        deprovisioned: text(idp, 'policy', 'provisioning', 'conditions', 'deprovisioned', 'action'),
        suspended: text(idp, 'policy', 'provisioning', 'conditions', 'suspended', 'action'),
      },
      appRegistration: m.application ? text(m.application, 'displayName') : undefined,
      routingRules: rules.filter((r) => r.providers.some((p) => p.endsWith(` ${m.id}`))),
    }
  })
}

function filterText(idp: Rec): string | undefined {
  const filter = (idp.policy as Rec | undefined)?.accountLink
  const value = filter && typeof filter === 'object' ? (filter as Rec).filter : undefined
  return value === null || value === undefined ? undefined : JSON.stringify(value)
}

function signingKeys(view: RedactedSnapshot, app: Rec, dueDays: number): SigningKeyDoc[] {
  const active = activeSigningKey(view, app)
  return (view.okta?.appKeys?.[str(app, 'id') ?? ''] ?? [])
    .map((k) => {
      const cert = certificateFacts(strs(k, 'x5c')[0])
      const expiresAt = str(k, 'expiresAt') ?? cert?.notAfter
      return {
        kid: str(k, 'kid') ?? '',
        active: k === active,
        created: str(k, 'created'),
        expiresAt,
        sha256Thumbprint: cert?.sha256Thumbprint,
        rotationDue: daysBefore(expiresAt, dueDays),
      }
    })
    .sort((a, b) => (a.created ?? '').localeCompare(b.created ?? ''))
}

/** The expression that fills an app's `immutableId`, from its Okta → app mapping. */
function immutableIdSource(view: RedactedSnapshot, appId: string): string | undefined {
  for (const m of view.okta?.mappings ?? [])
    if (str(m, 'target', 'id') === appId) {
      const expression = text(m, 'properties', 'immutableId', 'expression')
      if (expression) return expression
    }
  return undefined
}

/** The Office 365 apps and the SAML 2.0 apps, Office 365 first, then by label. */
export function buildApps(view: RedactedSnapshot, dueDays: number): OktaAppDoc[] {
  const apps = (view.okta?.apps ?? []).filter(
    (a) =>
      norm(str(a, 'status')) !== 'deleted' &&
      (isOffice365App(a) || str(a, 'signOnMode') === 'SAML_2_0'),
  )
  return apps
    .map((app): OktaAppDoc => {
      const id = str(app, 'id') ?? ''
      const office365 = isOffice365App(app)
      const users = view.okta?.appUsers?.[id] ?? []
      const byScope: Record<string, number> = {}
      for (const u of users) {
        const scope = str(u, 'scope') ?? 'USER'
        byScope[scope] = (byScope[scope] ?? 0) + 1
      }
      const metadata = text(app, '_links', 'metadata', 'href')
      return {
        id,
        kind: office365 ? 'office365' : 'saml',
        name: str(app, 'name') ?? '',
        label: text(app, 'label') ?? id,
        status: str(app, 'status') ?? '',
        signOnMode: str(app, 'signOnMode') ?? '',
        domains: office365 ? office365Domains(app) : [],
        msftTenant: text(app, 'settings', 'app', 'msftTenant'),
        userNameTemplate: text(app, 'credentials', 'userNameTemplate', 'template'),
        immutableIdSource: office365 ? immutableIdSource(view, id) : undefined,
        wsFedKey: office365 ? wsFedKey(metadata) : undefined,
        metadataUrl: metadata,
        acsUrl: text(app, 'settings', 'signOn', 'ssoAcsUrl'),
        audience: text(app, 'settings', 'signOn', 'audience'),
        nameId: office365
          ? undefined
          : {
              template: text(app, 'settings', 'signOn', 'subjectNameIdTemplate'),
              format: text(app, 'settings', 'signOn', 'subjectNameIdFormat'),
            },
        attributeStatements: recs(app, 'settings', 'signOn', 'attributeStatements').map((s) => ({
          name: str(s, 'name') ?? '',
          type: text(s, 'type'),
          namespace: text(s, 'namespace'),
          values: strs(s, 'values'),
          filter: text(s, 'filterType')
            ? `${str(s, 'filterType') ?? ''} ${str(s, 'filterValue') ?? ''}`.trim()
            : undefined,
        })),
        features: strs(app, 'features'),
        signingKeys: signingKeys(view, app, dueDays),
        assignments: {
          count: users.length,
          byScope,
          users: users
            .map((u) => ({
              userName: text(u, 'credentials', 'userName') ?? str(u, 'id') ?? '',
              scope: text(u, 'scope'),
              status: text(u, 'status'),
            }))
            .sort((a, b) => a.userName.localeCompare(b.userName)),
        },
      }
    })
    .sort(
      (a, b) =>
        Number(b.kind === 'office365') - Number(a.kind === 'office365') ||
        a.label.localeCompare(b.label),
    )
}

function direction(source: Rec, target: Rec): string {
  const s = str(source, 'type')
  const t = str(target, 'type')
  const sourceIdp = /\/idps\//.test(text(source, '_links', 'self', 'href') ?? '')
  if (s === 'appuser' && t === 'user') return sourceIdp ? 'identity provider → Okta' : 'app → Okta'
  if (s === 'user' && t === 'appuser') return 'Okta → app'
  return `${s ?? '?'} → ${t ?? '?'}`
}

/** Every profile mapping, as source → target rows, IdP mappings first. */
export function buildMappings(view: RedactedSnapshot): MappingDoc[] {
  return (view.okta?.mappings ?? [])
    .map((m): MappingDoc => {
      const source = (m.source ?? {}) as Rec
      const target = (m.target ?? {}) as Rec
      const props = m.properties
      const rows =
        props && typeof props === 'object' && !Array.isArray(props)
          ? Object.entries(props as Record<string, unknown>)
              .map(([attr, p]) => ({
                target: attr,
                expression: str(p, 'expression') ?? '',
                pushStatus: text(p, 'pushStatus'),
              }))
              .sort((a, b) => a.target.localeCompare(b.target))
          : []
      return {
        id: str(m, 'id') ?? '',
        source: {
          id: str(source, 'id') ?? '',
          name: str(source, 'name') ?? '',
          type: str(source, 'type') ?? '',
        },
        target: {
          id: str(target, 'id') ?? '',
          name: str(target, 'name') ?? '',
          type: str(target, 'type') ?? '',
        },
        direction: direction(source, target),
        rows,
      }
    })
    .sort(
      (a, b) =>
        a.direction.localeCompare(b.direction) ||
        a.source.name.localeCompare(b.source.name) ||
        a.target.name.localeCompare(b.target.name),
    )
}
