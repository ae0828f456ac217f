/**
 * Step 4 of the rebuild runbook: the Microsoft identity provider with the new client ID and
 * secret, its profile mapping and routing rule, then the Office 365 app, its signing key,
 * mapping and assignments, and the domain federated with the new app.
 */
import { wsFedKey } from '../compare/seam'
import type { Rec } from '../util/access'
import type { MappingDoc, RunbookAction, RunbookStep } from './model'
import { json, placeholder } from './runbook-text'
import type { RunbookInput } from './runbook'

function mappingBody(m: MappingDoc | undefined): string {
  const properties: Record<string, { expression: string; pushStatus: string }> = {}
  for (const row of m?.rows ?? [])
    properties[row.target] = {
      expression: row.expression,
      pushStatus: row.pushStatus ?? 'DONT_PUSH',
    }
  return json({ properties })
}

function mappingValues(m: MappingDoc | undefined): RunbookAction['values'] {
  return (m?.rows ?? []).map((r) => ({ label: r.target, value: r.expression }))
}

export function oktaStep(input: RunbookInput): RunbookStep {
  const { view } = input
  const actions: RunbookAction[] = []
  const org = view.okta?.orgUrl ?? '{orgUrl}'
  const policy = view.okta?.idpDiscoveryPolicies?.[0]
  input.identityProviders.forEach((idp, i) => {
    const n = i + 1
    const raw = (view.okta?.idps ?? []).find((x) => x.id === idp.id)
    const reg = input.registrations.findIndex((r) => r.appId === idp.clientId)
    const clientRef = reg >= 0 ? `APP_${reg + 1}` : `APP_${n}`
    const protocol = (raw?.protocol ?? {}) as Rec
    actions.push({
      title: `Add the identity provider "${idp.name}"`,
      console: [
        `Okta Admin Console → Security → Identity Providers → Add identity provider → ${idp.type === 'MICROSOFT' ? 'Microsoft Entra ID' : idp.type}: name "${idp.name}", Client ID and Client secret from steps 2–3`,
        idp.scopes.length ? `scopes ${idp.scopes.join(' ')}` : undefined,
        idp.subject.userNameTemplate ? `IdP username ${idp.subject.userNameTemplate}` : undefined,
        idp.subject.matchType
          ? `match against ${idp.subject.matchType}${idp.subject.matchAttribute ? ` (${idp.subject.matchAttribute})` : ''}`
          : undefined,
        idp.accountLink.action ? `account link ${idp.accountLink.action}` : undefined,
        idp.provisioning.action ? `provisioning ${idp.provisioning.action}` : undefined,
      ]
        .filter(Boolean)
        .join(', '),
      api: `POST ${org}/api/v1/idps`,
      body: json({
        type: idp.type,
        name: idp.name,
        issuerMode: idp.issuerMode ?? 'ORG_URL',
        protocol: {
          type: idp.protocol ?? 'OIDC',
          endpoints: protocol.endpoints ?? undefined,
          ...(protocol.issuer ? { issuer: protocol.issuer } : {}),
          scopes: idp.scopes,
          credentials: {
            client: {
              client_id: placeholder(`${clientRef}_CLIENT_ID`),
              client_secret: placeholder(`${clientRef}_CLIENT_SECRET`),
            },
          },
        },
        policy: raw?.policy ?? undefined,
      }),
      produces: [{ placeholder: `IDP_${n}_ID`, from: 'id' }],
      values: [
        { label: 'IdP ID before the rebuild', value: idp.id },
        { label: 'Client ID before the rebuild', value: idp.clientId ?? '' },
        ...(idp.authorizationUrl
          ? [{ label: 'Authorization endpoint', value: idp.authorizationUrl }]
          : []),
        ...(idp.tokenUrl ? [{ label: 'Token endpoint', value: idp.tokenUrl }] : []),
        { label: 'Redirect URI Okta uses', value: idp.redirectUri ?? '' },
        {
          label: 'Client secret',
          value: idp.clientSecret ? `was ${idp.clientSecret.hint}…` : 'not collected',
          reenter: true,
        },
      ],
    })
    const mapping = input.mappings.find((m) => m.source.id === idp.id)
    actions.push({
      title: `Map "${idp.name}" attributes to the Okta user`,
      console: `Directory → Profile Editor → ${idp.name} → Mappings (${idp.name} to Okta User)`,
      api: `POST ${org}/api/v1/mappings/${placeholder(`IDP_${n}_MAPPING_ID`)} (the mapping: GET ${org}/api/v1/mappings?sourceId=${placeholder(`IDP_${n}_ID`)})`,
      body: mappingBody(mapping),
      values: mappingValues(mapping),
    })
    for (const rule of idp.routingRules.filter((r) => !r.system))
      actions.push({
        title: `Route people to "${idp.name}": rule "${rule.name}"`,
        console: `Security → Identity Providers → Routing rules → Add routing rule "${rule.name}": user matches ${rule.patterns.join(', ') || 'anyone'}, use identity provider ${idp.name}`,
        api: `POST ${org}/api/v1/policies/${placeholder('ROUTING_POLICY_ID')}/rules (the policy: GET ${org}/api/v1/policies?type=IDP_DISCOVERY)`,
        body: json({
          type: 'IDP_DISCOVERY',
          name: rule.name,
          priority: rule.priority ?? 1,
          conditions: {
            network: { connection: 'ANYWHERE' },
            userIdentifier: {
              type: 'IDENTIFIER',
              patterns: rule.patterns.map((p) => {
                const [matchType, ...value] = p.split(' ')
                return { matchType, value: value.join(' ') }
              }),
            },
          },
          actions: {
            idp: {
              providers: [{ type: idp.type, id: placeholder(`IDP_${n}_ID`) }],
              idpSelectionType: 'SPECIFIC',
            },
          },
        }),
        values: [
          {
            label: 'Routing policy',
            value: `${rule.policy}${policy ? ` (${String(policy.id)})` : ''}`,
          },
          { label: 'Priority', value: String(rule.priority ?? '') },
          { label: 'User matches', value: rule.patterns.join(', ') },
        ],
      })
  })
  input.apps
    .filter((a) => a.kind === 'office365')
    .forEach((app, i) => {
      const n = i + 1
      const raw = (view.okta?.apps ?? []).find((x) => x.id === app.id)
      const settings = (raw?.settings ?? {}) as Rec
      actions.push({
        title: `Add the Office 365 app "${app.label}"`,
        console: `Applications → Browse App Catalog → Microsoft Office 365 → Add: label "${app.label}", Microsoft tenant name ${app.msftTenant ?? ''}, domain ${app.domains.join(', ')}; Sign On → WS-Federation, username ${app.userNameTemplate ?? ''}`,
        api: `POST ${org}/api/v1/apps?activate=true`,
        body: json({
          name: app.name,
          label: app.label,
          signOnMode: app.signOnMode,
          features: app.features,
          credentials: {
            userNameTemplate: raw?.credentials
              ? (raw.credentials as Rec).userNameTemplate
              : undefined,
          },
          settings: { app: settings.app ?? {} },
        }),
        produces: [
          { placeholder: `O365_${n}_APP_ID`, from: 'id' },
          {
            placeholder: `O365_${n}_WSFED_KEY`,
            from: '_links.metadata.href (the key between /app/office365/ and /sso/)',
          },
        ],
        values: [
          { label: 'App ID before the rebuild', value: app.id },
          { label: 'WS-Federation key before the rebuild', value: app.wsFedKey ?? '' },
          ...(app.immutableIdSource
            ? [{ label: 'ImmutableID source', value: app.immutableIdSource }]
            : []),
        ],
      })
      const activeKey = app.signingKeys.find((k) => k.active)
      actions.push({
        title: `Generate and activate a signing key for "${app.label}"`,
        console: `Applications → ${app.label} → Sign On → SAML Signing Certificates → Generate new certificate, then Actions → Activate`,
        api: `POST ${org}/api/v1/apps/${placeholder(`O365_${n}_APP_ID`)}/credentials/keys/generate?validityYears=10 then PUT ${org}/api/v1/apps/${placeholder(`O365_${n}_APP_ID`)} with credentials.signing.kid = the new key's kid`,
        produces: [
          { placeholder: `O365_${n}_KID`, from: 'kid' },
          { placeholder: `O365_${n}_SIGNING_CERTIFICATE`, from: 'x5c[0]' },
        ],
        values: [
          ...(activeKey
            ? [
                { label: 'Active key before the rebuild', value: activeKey.kid },
                { label: 'Its SHA-256 thumbprint', value: activeKey.sha256Thumbprint ?? '' },
              ]
            : []),
        ],
      })
      const mapping = input.mappings.find((m) => m.target.id === app.id)
      actions.push({
        title: `Map Okta user attributes to "${app.label}"`,
        console: `Directory → Profile Editor → ${app.label} → Mappings (Okta User to ${app.label})`,
        api: `POST ${org}/api/v1/mappings/${placeholder(`O365_${n}_MAPPING_ID`)} (the mapping: GET ${org}/api/v1/mappings?targetId=${placeholder(`O365_${n}_APP_ID`)})`,
        body: mappingBody(mapping),
        values: mappingValues(mapping),
      })
      actions.push({
        title: `Assign people to "${app.label}"`,
        console: `Applications → ${app.label} → Assignments → Assign to people or groups`,
        api: `POST ${org}/api/v1/apps/${placeholder(`O365_${n}_APP_ID`)}/users for each user (its id: GET ${org}/api/v1/users/{userName}); a group: PUT ${org}/api/v1/apps/${placeholder(`O365_${n}_APP_ID`)}/groups/{groupId}`,
        body: json({
          id: placeholder('OKTA_USER_ID'),
          scope: 'USER',
          credentials: { userName: placeholder('USER_NAME') },
        }),
        values: [
          { label: 'Assigned users', value: String(app.assignments.count) },
          ...Object.entries(app.assignments.byScope).map(([scope, count]) => ({
            label: `Assigned through ${scope === 'GROUP' ? 'groups' : 'direct assignment'}`,
            value: String(count),
          })),
          { label: 'The list', value: 'the JSON export (apps[].assignments.users)' },
        ],
      })
      for (const domain of input.domains.filter((d) =>
        d.federation?.office365Apps.includes(app.label),
      )) {
        const fed = domain.federation
        const oldKey = wsFedKey(fed?.passiveSignInUri) ?? wsFedKey(fed?.issuerUri) ?? app.wsFedKey
        const swap = (uri: string | undefined): string | undefined =>
          uri && oldKey ? uri.split(oldKey).join(placeholder(`O365_${n}_WSFED_KEY`)) : uri
        actions.push({
          title: `Federate ${domain.name} with "${app.label}"`,
          console: `Okta: Applications → ${app.label} → Sign On → View Setup Instructions (the values below with the new app's key); Entra: a Global Administrator runs the Graph call (the admin center cannot federate a domain)`,
          api: `POST https://graph.microsoft.com/v1.0/domains/${domain.name}/federationConfiguration`,
          body: json({
            displayName: fed?.displayName ?? 'Okta',
            issuerUri: swap(fed?.issuerUri),
            passiveSignInUri: swap(fed?.passiveSignInUri),
            activeSignInUri: swap(fed?.activeSignInUri),
            signOutUri: swap(fed?.signOutUri),
            metadataExchangeUri: swap(fed?.metadataExchangeUri),
            signingCertificate: placeholder(`O365_${n}_SIGNING_CERTIFICATE`),
            preferredAuthenticationProtocol: fed?.preferredAuthenticationProtocol ?? 'wsFed',
            federatedIdpMfaBehavior: fed?.federatedIdpMfaBehavior,
            promptLoginBehavior: fed?.promptLoginBehavior,
          }),
          values: [
            { label: 'Issuer before the rebuild', value: fed?.issuerUri ?? '' },
            { label: 'Passive sign-in URI before the rebuild', value: fed?.passiveSignInUri ?? '' },
            {
              label: 'Signing certificate before the rebuild (SHA-256)',
              value: fed?.signingCertificate?.sha256Thumbprint ?? '',
            },
          ],
        })
      }
    })
  return {
    number: 4,
    title: 'Add Entra as an identity provider in Okta with its attribute mappings',
    summary:
      'Recreate the Microsoft identity provider with the new client ID and secret, its profile mapping and the routing rule; then the Office 365 app, its signing key, its mapping (ImmutableID included) and assignments, and federate the domain with the new app.',
    actions,
  }
}
