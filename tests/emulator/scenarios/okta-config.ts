/**
 * Okta org configuration, shaped after the official OpenAPI examples:
 * Microsoft IdPs, profile mappings, the default user schema, groups and the
 * service app (apps and their keys are in okta-apps.ts).
 */
import type { Json, OktaOrg, OktaRecord, OktaServiceApp } from './types'
import type { ScenarioContext } from './context'
import { issueCertificate, publicJwk } from './pki'
import {
  O365_IMMUTABLE_ID_EXPRESSION,
  OKTA_MICROSOFT_IDP_SCOPES,
  OKTA_READ_SCOPES,
} from './constants'
import { MS, oktaDate } from './random'

export function emptyOrg(): OktaOrg {
  return {
    users: [],
    groups: [],
    groupMembers: {},
    apps: [],
    appGroups: {},
    groupPushMappings: {},
    appUsers: {},
    appKeys: {},
    idps: [],
    idpDiscoveryPolicies: [],
    idpDiscoveryRules: {},
    mappings: [],
    userSchema: {},
    logs: [],
    apiTokens: [],
    serviceApps: [],
  }
}

export interface MicrosoftIdpOptions {
  id: string
  name: string
  clientId: string
  clientSecret: string
  /** the tenant segment of the authorize/token endpoints: a tenant id, or `common` */
  tenantSegment: string
  userNameTemplate?: string
  matchType?: 'USERNAME' | 'EMAIL' | 'USERNAME_OR_EMAIL' | 'CUSTOM_ATTRIBUTE'
  matchAttribute?: string | null
  createdMs: number
}

/** A Microsoft Enterprise SSO IdP (`type: MICROSOFT`), after Okta's `MicrosoftIdPResponse` example. */
export function microsoftIdp(ctx: ScenarioContext, o: MicrosoftIdpOptions): OktaRecord {
  const org = ctx.origins.oktaOrgUrl
  const authority = `${ctx.origins.authorityHost}/${o.tenantSegment}`
  return {
    id: o.id,
    type: 'MICROSOFT',
    name: o.name,
    status: 'ACTIVE',
    issuerMode: 'ORG_URL',
    created: oktaDate(o.createdMs),
    lastUpdated: oktaDate(o.createdMs + 2 * MS.day),
    protocol: {
      type: 'OIDC',
      endpoints: {
        authorization: { url: `${authority}/oauth2/v2.0/authorize`, binding: 'HTTP-REDIRECT' },
        token: { url: `${authority}/oauth2/v2.0/token`, binding: 'HTTP-POST' },
      },
      scopes: [...OKTA_MICROSOFT_IDP_SCOPES],
      credentials: { client: { client_id: o.clientId, client_secret: o.clientSecret } },
    },
    policy: {
      provisioning: {
        action: 'AUTO',
        profileMaster: false,
        groups: { action: 'NONE' },
        conditions: { deprovisioned: { action: 'NONE' }, suspended: { action: 'NONE' } },
      },
      accountLink: { filter: null, action: 'AUTO' },
      subject: {
        userNameTemplate: { template: o.userNameTemplate ?? 'idpuser.userPrincipalName' },
        filter: null,
        matchType: o.matchType ?? 'USERNAME',
        matchAttribute: o.matchAttribute ?? null,
      },
      mapAMRClaims: false,
      trustClaims: false,
      maxClockSkew: 120000,
    },
    _links: {
      authorize: {
        href: `${org}/oauth2/v1/authorize?idp=${o.id}&client_id={clientId}&response_type={responseType}&response_mode={responseMode}&scope={scopes}&redirect_uri={redirectUri}&state={state}`,
        templated: true,
        hints: { allow: ['GET'] },
      },
      clientRedirectUri: {
        href: `${org}/oauth2/v1/authorize/callback`,
        hints: { allow: ['POST'] },
      },
    },
  }
}

function mappingEnd(
  ctx: ScenarioContext,
  id: string,
  name: string,
  type: 'user' | 'appuser',
  schemaPath: string,
): OktaRecord {
  const org = ctx.origins.oktaOrgUrl
  return {
    id,
    name,
    type,
    _links: {
      self: {
        href:
          type === 'user'
            ? `${org}/api/v1/meta/types/user/${id}`
            : `${org}/api/v1/${schemaPath.startsWith('idps') ? 'idps' : 'apps'}/${id}`,
      },
      schema: { href: `${org}/api/v1/meta/schemas/${schemaPath}` },
    },
  }
}

type MappingProperties = Record<string, { expression: string; pushStatus: 'PUSH' | 'DONT_PUSH' }>

/** The Microsoft IdP → Okta user profile mapping (source is the IdP's app user). */
export function idpToUserMapping(
  ctx: ScenarioContext,
  idp: { id: string; name: string },
  properties?: MappingProperties,
): OktaRecord {
  const id = ctx.rng.oktaId('prm')
  const props: MappingProperties = properties ?? {
    login: { expression: 'appuser.userPrincipalName', pushStatus: 'DONT_PUSH' },
    email: { expression: 'appuser.email', pushStatus: 'DONT_PUSH' },
    firstName: { expression: 'appuser.givenName', pushStatus: 'DONT_PUSH' },
    lastName: { expression: 'appuser.surname', pushStatus: 'DONT_PUSH' },
    displayName: { expression: 'appuser.displayName', pushStatus: 'DONT_PUSH' },
  }
  return {
    id,
    source: mappingEnd(ctx, idp.id, idp.name, 'appuser', `idps/${idp.id}/default`),
    target: mappingEnd(ctx, ctx.oktaUserTypeId, 'user', 'user', `user/${ctx.oktaUserSchemaId}`),
    properties: props,
    _links: { self: { href: `${ctx.origins.oktaOrgUrl}/api/v1/mappings/${id}` } },
  }
}

export const O365_MAPPING_PROPERTIES: MappingProperties = {
  immutableId: { expression: O365_IMMUTABLE_ID_EXPRESSION, pushStatus: 'PUSH' },
  firstName: { expression: 'user.firstName', pushStatus: 'PUSH' },
  lastName: { expression: 'user.lastName', pushStatus: 'PUSH' },
  displayName: { expression: 'user.displayName', pushStatus: 'PUSH' },
  email: { expression: 'user.email', pushStatus: 'PUSH' },
  department: { expression: 'user.department', pushStatus: 'PUSH' },
  usageLocation: { expression: '"US"', pushStatus: 'PUSH' },
}

/** The Okta user → app user mapping of an app (Office 365 pushes the ImmutableID through it). */
export function userToAppMapping(
  ctx: ScenarioContext,
  app: { id: string; name: string },
  properties: MappingProperties,
): OktaRecord {
  const id = ctx.rng.oktaId('prm')
  return {
    id,
    source: mappingEnd(ctx, ctx.oktaUserTypeId, 'user', 'user', `user/${ctx.oktaUserSchemaId}`),
    target: mappingEnd(ctx, app.id, app.name, 'appuser', `apps/${app.id}/default`),
    properties: { ...properties },
    _links: { self: { href: `${ctx.origins.oktaOrgUrl}/api/v1/mappings/${id}` } },
  }
}

function baseProperty(
  title: string,
  required: boolean,
  extra: Record<string, Json> = {},
): OktaRecord {
  return {
    title,
    type: 'string',
    required,
    ...extra,
    permissions: [{ principal: 'SELF', action: 'READ_WRITE' }],
  }
}

/** The default user schema (`UserSchemaResponse` shape) with the custom attributes the AD import fills. */
export function userSchema(ctx: ScenarioContext): OktaRecord {
  const customProperty = (title: string, description: string): OktaRecord => ({
    title,
    description,
    type: 'string',
    required: false,
    mutability: 'READ_WRITE',
    scope: 'NONE',
    master: { type: 'PROFILE_MASTER' },
    permissions: [{ principal: 'SELF', action: 'READ_ONLY' }],
  })
  return {
    id: `${ctx.origins.oktaOrgUrl}/meta/schemas/user/${ctx.oktaUserSchemaId}`,
    $schema: 'http://json-schema.org/draft-04/schema#',
    name: 'user',
    title: 'User',
    created: oktaDate(ctx.nowMs - 2900 * MS.day),
    lastUpdated: oktaDate(ctx.nowMs - 400 * MS.day),
    definitions: {
      base: {
        id: '#base',
        type: 'object',
        properties: {
          login: baseProperty('Username', true, { minLength: 5, maxLength: 100 }),
          firstName: baseProperty('First name', true, { minLength: 1, maxLength: 50 }),
          lastName: baseProperty('Last name', true, { minLength: 1, maxLength: 50 }),
          email: baseProperty('Primary email', true, { format: 'email' }),
          secondEmail: baseProperty('Secondary email', false, { format: 'email' }),
          displayName: baseProperty('Display name', false),
          title: baseProperty('Title', false),
          department: baseProperty('Department', false),
          organization: baseProperty('Organization', false),
          employeeNumber: baseProperty('Employee number', false),
          city: baseProperty('City', false),
          userType: baseProperty('User type', false),
          mobilePhone: baseProperty('Mobile phone', false, { maxLength: 100 }),
        },
        required: ['login', 'firstName', 'lastName', 'email'],
      },
      custom: {
        id: '#custom',
        type: 'object',
        properties: {
          immutableId: customProperty(
            'Immutable ID',
            'Base64 of the AD objectGUID (Entra onPremisesImmutableId)',
          ),
          samAccountName: customProperty(
            'sAMAccountName',
            'Windows logon name from Active Directory',
          ),
        },
        required: [],
      },
    },
    type: 'object',
    properties: {
      profile: { allOf: [{ $ref: '#/definitions/base' }, { $ref: '#/definitions/custom' }] },
    },
  }
}

/** The API service app Crosswalk can use instead of an SSWS token (private_key_jwt). */
export function serviceApp(ctx: ScenarioContext): OktaServiceApp {
  const cert = issueCertificate({
    seed: ctx.seed,
    label: 'okta-service-app',
    commonName: 'Crosswalk Reader',
    notBeforeMs: ctx.nowMs - 30 * MS.day,
    notAfterMs: ctx.nowMs + 700 * MS.day,
  })
  const keyId = Buffer.from(ctx.rng.bytes(16)).toString('base64url')
  return {
    clientId: ctx.rng.oktaId('0oa'),
    publicJwk: publicJwk(cert, keyId),
    privateKeyPem: cert.privateKeyPem,
    keyId,
    grantedScopes: [...OKTA_READ_SCOPES],
  }
}

export function group(
  ctx: ScenarioContext,
  o: {
    name: string
    description: string
    type: 'OKTA_GROUP' | 'APP_GROUP' | 'BUILT_IN'
    createdMs: number
    lastMembershipUpdatedMs?: number
  },
): OktaRecord {
  const id = ctx.rng.oktaId('00g')
  return {
    id,
    created: oktaDate(o.createdMs),
    lastUpdated: oktaDate(o.createdMs + MS.day),
    lastMembershipUpdated: oktaDate(o.lastMembershipUpdatedMs ?? o.createdMs + MS.day),
    objectClass: [o.type === 'APP_GROUP' ? 'okta:windows_security_principal' : 'okta:user_group'],
    type: o.type,
    profile: { name: o.name, description: o.description },
    _links: { self: { href: `${ctx.origins.oktaOrgUrl}/api/v1/groups/${id}` } },
  }
}
