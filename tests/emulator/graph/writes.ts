/**
 * The Microsoft Graph v1.0 writes a rebuild (and a guided repair) uses, each as its API page
 * describes it, with that page's application permissions, and each recording the directory
 * audit Entra documents for it (`../audit.ts`):
 * - `POST /applications` (application-post-applications): "Add application";
 * - `POST /applications/{id}/addPassword` (application-addpassword): 200 with `secretText`,
 *   "Update application – Certificates and secrets management";
 * - `POST /servicePrincipals` (serviceprincipal-post-serviceprincipals): "Add service principal";
 * - `POST /oauth2PermissionGrants` (oauth2permissiongrant-post): "Add delegated permission grant";
 * - `POST /domains/{id}/federationConfiguration` (domain-post-federationconfiguration): the
 *   domain becomes Federated, "Set domain authentication" and "Set federation settings on
 *   domain" under one correlation id.
 * Bodies are checked against the properties each type declares in the Graph v1.0 schema;
 * an unknown property is a 400, as Graph answers.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type * as MG from '@microsoft/microsoft-graph-types'
import type { EmulatorContext } from '../context'
import type { EmuRequest, EmuResponse } from '../http'
import { type EntraInitiator, recordEntraAudit } from '../audit'
import type { Caller } from './auth'
import { graphError, notFound } from './errors'
import { initiatorOf } from './initiator'
import { parse } from './write-body'
import { WRITE_PERMISSIONS } from './permissions'

export interface WriteHandler {
  key: string
  permissions: readonly (readonly string[])[]
  run: (req: EmuRequest, caller: Caller) => EmuResponse
}

const opaqueId = (): string => randomBytes(32).toString('base64url').slice(0, 43)

export function graphWrites(
  ctx: EmulatorContext,
): (segments: string[], method: string) => WriteHandler | null {
  const s = ctx.store
  const e = ctx.scenario.entra
  const base = (): string => `${ctx.origins.graphBaseUrl}/v1.0/$metadata#`
  const entity = (status: number, context: string, obj: object): EmuResponse => ({
    status,
    body: JSON.stringify({ '@odata.context': `${base()}${context}`, ...obj }),
  })

  const initiator = (caller: Caller): EntraInitiator => initiatorOf(ctx, caller)

  function createApplication(req: EmuRequest, caller: Caller): EmuResponse {
    const p = parse(req, 'application')
    if (!p.ok) return p.response
    const b = p.body as Partial<MG.Application>
    if (typeof b.displayName !== 'string' || !b.displayName.trim())
      return graphError(req, 400, 'Request_BadRequest', "Property 'displayName' is required.")
    const redirectUris = b.web?.redirectUris ?? []
    const app: MG.Application = {
      id: randomUUID(),
      appId: randomUUID(),
      displayName: b.displayName,
      description: b.description ?? null,
      signInAudience: b.signInAudience ?? 'AzureADMyOrg',
      createdDateTime: s.clock.iso().replace('.000Z', 'Z'),
      publisherDomain: e.domains.find((d) => d.isDefault)?.id ?? null,
      identifierUris: b.identifierUris ?? [],
      isDeviceOnlyAuthSupported: null,
      isFallbackPublicClient: b.isFallbackPublicClient ?? false,
      groupMembershipClaims: b.groupMembershipClaims ?? null,
      notes: b.notes ?? null,
      tags: b.tags ?? [],
      web: {
        redirectUris,
        homePageUrl: b.web?.homePageUrl ?? null,
        logoutUrl: b.web?.logoutUrl ?? null,
        implicitGrantSettings: {
          enableIdTokenIssuance: b.web?.implicitGrantSettings?.enableIdTokenIssuance ?? false,
          enableAccessTokenIssuance:
            b.web?.implicitGrantSettings?.enableAccessTokenIssuance ?? false,
        },
        redirectUriSettings: redirectUris.map((uri) => ({ uri, index: null })),
      },
      spa: { redirectUris: b.spa?.redirectUris ?? [] },
      publicClient: { redirectUris: b.publicClient?.redirectUris ?? [] },
      requiredResourceAccess: b.requiredResourceAccess ?? [],
      passwordCredentials: [],
      keyCredentials: [],
      appRoles: b.appRoles ?? [],
      api: {
        requestedAccessTokenVersion: null,
        oauth2PermissionScopes: [],
        acceptMappedClaims: null,
        knownClientApplications: [],
        preAuthorizedApplications: [],
      },
    }
    s.entra.applications.add(app)
    recordEntraAudit(s, initiator(caller), [
      {
        activity: 'addApplication',
        target: { id: app.id ?? '', displayName: app.displayName ?? '', type: 'Application' },
      },
    ])
    return entity(201, 'applications/$entity', app)
  }

  function addPassword(req: EmuRequest, caller: Caller, id: string): EmuResponse {
    const app = s.entra.applications.get(id)
    if (!app) return notFound(req, id)
    let value: unknown
    try {
      value = JSON.parse(req.body || '{}')
    } catch {
      return graphError(req, 400, 'BadRequest', 'Unable to read JSON request payload.')
    }
    const outer = (value ?? {}) as Record<string, unknown>
    const extra = Object.keys(outer).find((k) => k !== 'passwordCredential')
    if (extra)
      return graphError(
        req,
        400,
        'Request_BadRequest',
        `Property '${extra}' does not exist as a declared property or extension property.`,
      )
    const inner = { ...req, body: JSON.stringify(outer.passwordCredential ?? {}) }
    const p = parse(inner, 'passwordCredential')
    if (!p.ok) return p.response
    const b = p.body as Partial<MG.PasswordCredential>
    const start = b.startDateTime ?? s.clock.iso()
    const end = b.endDateTime ?? new Date(Date.parse(start) + 2 * 365 * 86_400_000).toISOString()
    const secretText = `${randomBytes(3).toString('base64url').slice(0, 3)}8Q~${randomBytes(27).toString('base64url').slice(0, 34)}`
    const credential: MG.PasswordCredential = {
      customKeyIdentifier: null,
      displayName: b.displayName ?? null,
      endDateTime: end,
      hint: secretText.slice(0, 3),
      keyId: randomUUID(),
      secretText: null,
      startDateTime: start,
    }
    s.entra.applications.replace(id, {
      ...app,
      passwordCredentials: [...(app.passwordCredentials ?? []), credential],
    })
    e.secrets.push({ appId: app.appId ?? '', keyId: credential.keyId ?? '', secretText })
    recordEntraAudit(s, initiator(caller), [
      {
        activity: 'updateCredentials',
        target: {
          id,
          displayName: app.displayName ?? '',
          type: 'Application',
          modifiedProperties: [
            {
              displayName: 'KeyDescription',
              oldValue: (app.passwordCredentials ?? []).map((c) => `[KeyIdentifier=${c.keyId}]`),
              newValue: [...(app.passwordCredentials ?? []), credential].map(
                (c) => `[KeyIdentifier=${c.keyId}]`,
              ),
            },
          ],
        },
      },
    ])
    return entity(200, 'microsoft.graph.passwordCredential', { ...credential, secretText })
  }

  function createServicePrincipal(req: EmuRequest, caller: Caller): EmuResponse {
    const p = parse(req, 'servicePrincipal')
    if (!p.ok) return p.response
    const appId = String(p.body.appId ?? '')
    const app = s.entra.applications.find(
      (a) => (a.appId ?? '').toLowerCase() === appId.toLowerCase(),
    )
    if (!app)
      return graphError(
        req,
        400,
        'Request_BadRequest',
        `The appId '${appId}' of the service principal does not reference a valid application object.`,
      )
    if (s.entra.servicePrincipals.find((x) => x.appId === app.appId))
      return graphError(
        req,
        409,
        'Request_MultipleObjectsWithSameKeyValue',
        'Another object with the same value for property servicePrincipalNames already exists.',
      )
    const redirectUris = app.web?.redirectUris ?? []
    const sp: MG.ServicePrincipal = {
      id: randomUUID(),
      appId: app.appId ?? '',
      appDisplayName: app.displayName ?? null,
      displayName: app.displayName ?? null,
      accountEnabled: (p.body.accountEnabled as boolean | undefined) ?? true,
      servicePrincipalType: 'Application',
      appOwnerOrganizationId: ctx.tenantId,
      appRoleAssignmentRequired: (p.body.appRoleAssignmentRequired as boolean | undefined) ?? false,
      servicePrincipalNames: [app.appId ?? ''],
      signInAudience: app.signInAudience ?? null,
      tags: (p.body.tags as string[] | undefined) ?? [],
      replyUrls: redirectUris,
      keyCredentials: [],
      passwordCredentials: [],
      appRoles: [],
      oauth2PermissionScopes: [],
      preferredSingleSignOnMode: null,
      notificationEmailAddresses: [],
    }
    s.entra.servicePrincipals.add(sp)
    recordEntraAudit(s, initiator(caller), [
      {
        activity: 'addServicePrincipal',
        target: { id: sp.id ?? '', displayName: sp.displayName ?? '', type: 'ServicePrincipal' },
      },
    ])
    return entity(201, 'servicePrincipals/$entity', sp)
  }

  function createGrant(req: EmuRequest, caller: Caller): EmuResponse {
    const p = parse(req, 'oAuth2PermissionGrant')
    if (!p.ok) return p.response
    const b = p.body as Partial<MG.OAuth2PermissionGrant>
    const client = s.entra.servicePrincipals.get(b.clientId ?? '')
    const resource = s.entra.servicePrincipals.get(b.resourceId ?? '')
    if (!client || !resource)
      return graphError(
        req,
        400,
        'Request_BadRequest',
        'clientId and resourceId must be service principals of this tenant.',
      )
    if (b.consentType !== 'AllPrincipals' && b.consentType !== 'Principal')
      return graphError(
        req,
        400,
        'Request_BadRequest',
        "consentType must be 'AllPrincipals' or 'Principal'.",
      )
    if (b.consentType === 'Principal' && !b.principalId)
      return graphError(
        req,
        400,
        'Request_BadRequest',
        "principalId is required when consentType is 'Principal'.",
      )
    const grant: MG.OAuth2PermissionGrant = {
      id: opaqueId(),
      clientId: client.id ?? '',
      consentType: b.consentType,
      principalId: b.consentType === 'Principal' ? (b.principalId ?? null) : null,
      resourceId: resource.id ?? '',
      scope: b.scope ?? '',
    }
    s.entra.oauth2PermissionGrants.add(grant)
    recordEntraAudit(s, initiator(caller), [
      {
        activity: 'addGrant',
        target: {
          id: client.id ?? '',
          displayName: client.displayName ?? '',
          type: 'ServicePrincipal',
          modifiedProperties: [
            {
              displayName: 'DelegatedPermissionGrant.Scope',
              oldValue: undefined,
              newValue: grant.scope,
            },
            {
              displayName: 'DelegatedPermissionGrant.ConsentType',
              oldValue: undefined,
              newValue: grant.consentType,
            },
          ],
        },
      },
    ])
    return entity(201, 'oauth2PermissionGrants/$entity', grant)
  }

  function federate(req: EmuRequest, caller: Caller, domainId: string): EmuResponse {
    const domain = s.entra.domains.find(
      (d) => (d.id ?? '').toLowerCase() === domainId.toLowerCase(),
    )
    if (!domain)
      return graphError(
        req,
        404,
        'Request_ResourceNotFound',
        `Resource '${domainId}' does not exist.`,
      )
    if (!domain.isVerified)
      return graphError(
        req,
        400,
        'Request_BadRequest',
        'The domain must be verified before it can be federated.',
      )
    const id = domain.id ?? domainId
    if ((e.federationConfigurations[id] ?? []).length > 0)
      return graphError(req, 409, 'Request_BadRequest', 'The domain is already federated.')
    const p = parse(req, 'internalDomainFederation')
    if (!p.ok) return p.response
    const b = p.body as Partial<MG.InternalDomainFederation>
    for (const required of ['issuerUri', 'passiveSignInUri', 'signingCertificate'] as const)
      if (typeof b[required] !== 'string' || !b[required])
        return graphError(req, 400, 'Request_BadRequest', `Property '${required}' is required.`)
    const config: MG.InternalDomainFederation = {
      id: randomUUID(),
      displayName: b.displayName ?? null,
      issuerUri: b.issuerUri ?? null,
      metadataExchangeUri: b.metadataExchangeUri ?? null,
      signingCertificate: b.signingCertificate ?? null,
      passiveSignInUri: b.passiveSignInUri ?? null,
      preferredAuthenticationProtocol: b.preferredAuthenticationProtocol ?? 'wsFed',
      activeSignInUri: b.activeSignInUri ?? null,
      signOutUri: b.signOutUri ?? null,
      promptLoginBehavior: b.promptLoginBehavior ?? 'nativeSupport',
      isSignedAuthenticationRequestRequired: b.isSignedAuthenticationRequestRequired ?? null,
      nextSigningCertificate: b.nextSigningCertificate ?? null,
      signingCertificateUpdateStatus: {
        certificateUpdateResult: 'success',
        lastRunDateTime: s.clock.iso(),
      },
      federatedIdpMfaBehavior: b.federatedIdpMfaBehavior ?? 'acceptIfMfaDoneByFederatedIdp',
      passwordResetUri: b.passwordResetUri ?? null,
    }
    e.federationConfigurations[id] = [config]
    s.entra.domains.replace(id, { ...domain, authenticationType: 'Federated' })
    recordEntraAudit(s, initiator(caller), [
      {
        activity: 'setDomainAuthentication',
        target: {
          id,
          displayName: id,
          type: 'Domain',
          modifiedProperties: [
            { displayName: 'LiveType', oldValue: domain.authenticationType, newValue: 'Federated' },
          ],
        },
      },
      {
        activity: 'setFederationSettings',
        target: {
          id,
          displayName: id,
          type: 'Domain',
          modifiedProperties: [
            { displayName: 'IssuerUri', oldValue: undefined, newValue: config.issuerUri },
            {
              displayName: 'PassiveLogOnUri',
              oldValue: undefined,
              newValue: config.passiveSignInUri,
            },
          ],
        },
      },
    ])
    return entity(201, `domains('${id}')/federationConfiguration/$entity`, config)
  }

  return (segments, method) => {
    if (method !== 'POST') return null
    const [a, b, c] = segments
    const n = segments.length
    if (a === 'applications' && n === 1)
      return {
        key: 'POST /v1.0/applications',
        permissions: WRITE_PERMISSIONS.applications,
        run: createApplication,
      }
    if (a === 'applications' && n === 3 && c === 'addPassword')
      return {
        key: 'POST /v1.0/applications/{id}/addPassword',
        permissions: WRITE_PERMISSIONS.applications,
        run: (req, caller) => addPassword(req, caller, b ?? ''),
      }
    if (a === 'servicePrincipals' && n === 1)
      return {
        key: 'POST /v1.0/servicePrincipals',
        permissions: WRITE_PERMISSIONS.servicePrincipals,
        run: createServicePrincipal,
      }
    if (a === 'oauth2PermissionGrants' && n === 1)
      return {
        key: 'POST /v1.0/oauth2PermissionGrants',
        permissions: WRITE_PERMISSIONS.grants,
        run: createGrant,
      }
    if (a === 'domains' && n === 3 && c === 'federationConfiguration')
      return {
        key: 'POST /v1.0/domains/{id}/federationConfiguration',
        permissions: WRITE_PERMISSIONS.federation,
        run: (req, caller) => federate(req, caller, b ?? ''),
      }
    return null
  }
}
