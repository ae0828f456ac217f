/** Walks the emulator's Graph and Okta endpoints and checks each object against the references. */
import type { Emulator } from '../../emulator/index'
import { callJson } from '../../emulator/testing/clients'
import { checkGraphObject, type Csdl } from '../../emulator/testing/graph-csdl'
import { checkOkta, responseSchema, type OktaSpec } from '../../emulator/testing/okta-openapi'

const USER_SELECT =
  'id,userPrincipalName,displayName,givenName,surname,mail,otherMails,proxyAddresses,accountEnabled,userType,createdDateTime,' +
  'onPremisesSyncEnabled,onPremisesImmutableId,onPremisesLastSyncDateTime,onPremisesSamAccountName,onPremisesUserPrincipalName,' +
  'onPremisesDomainName,onPremisesDistinguishedName,onPremisesSecurityIdentifier,onPremisesExtensionAttributes,' +
  'onPremisesProvisioningErrors,serviceProvisioningErrors,identities,employeeId,creationType,externalUserState,lastPasswordChangeDateTime,' +
  'department,jobTitle,companyName,employeeType,employeeHireDate,employeeLeaveDateTime,assignedLicenses,externalUserStateChangeDateTime,signInActivity'

/**
 * Properties live Okta responses carry that the OpenAPI schema does not declare. Each has a
 * reason; everything else undeclared is an error.
 */
export const OKTA_UNDECLARED: { at: RegExp; reason: string }[] = [
  {
    at: /^\$(\[\d+\])?\.policy\.mapAMRClaims$/,
    reason: "IdP policy.mapAMRClaims appears in Okta's own IdP response examples",
  },
  {
    at: /^\$(\[\d+\])?\.settings\.app$/,
    reason:
      'OIN app instances of every sign-on mode carry app-specific settings.app (the schema models custom SAML apps only)',
  },
]

/** Enum values Okta's own examples use though the schema's enum lacks them, each with its reason. */
export const OKTA_ENUM_ALLOWED: { at: RegExp; values: unknown[]; reason: string }[] = [
  {
    at: /^\$(\[\d+\])?\.actions\.idp\.providers\[\d+\]\.type$/,
    values: ['OKTA'],
    reason:
      'the IdP discovery rule example routes to `{ type: OKTA }`, which IdentityProviderType does not list',
  },
]

type Page = {
  value?: unknown[]
  '@odata.nextLink'?: string
  '@odata.deltaLink'?: string
  '@odata.context'?: string
}
const MAX_PAGES = 3

export async function crawlGraph(
  emu: Emulator,
  token: string,
  csdl: Csdl,
): Promise<{ checked: number; errors: string[] }> {
  const errors: string[] = []
  let checked = 0
  const get = (url: string) =>
    callJson<Page & Record<string, unknown>>(
      url.startsWith('https:') ? url : `${emu.graphBaseUrl}/v1.0/${url}`,
      { ca: emu.caPem, headers: { authorization: `Bearer ${token}` } },
    )
  async function collection(path: string, type: string): Promise<void> {
    let url: string | undefined = path
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const r = await get(url)
      if (r.status !== 200 || !Array.isArray(r.json.value)) {
        errors.push(`${path}: HTTP ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`)
        return
      }
      if (!r.json['@odata.context']?.startsWith(`${emu.graphBaseUrl}/v1.0/$metadata#`))
        errors.push(`${path}: missing @odata.context`)
      for (const [i, item] of r.json.value.entries()) {
        checked++
        const removed = (item as Record<string, unknown>)['@removed']
        if (removed) continue
        errors.push(...checkGraphObject(csdl, type, item, `${path} value[${i}]`))
      }
      url = r.json['@odata.nextLink']
    }
  }
  const s = emu.scenario.entra
  await collection(`users?$select=${USER_SELECT}&$top=500`, 'microsoft.graph.user')
  await collection('users', 'microsoft.graph.user')
  await collection(
    `directory/deletedItems/microsoft.graph.user?$select=${USER_SELECT.replace(',signInActivity', '')},deletedDateTime&$top=999`,
    'microsoft.graph.user',
  )
  await collection('directory/deletedItems/microsoft.graph.user', 'microsoft.graph.user')
  await collection('groups', 'microsoft.graph.group')
  await collection('applications', 'microsoft.graph.application')
  await collection('servicePrincipals', 'microsoft.graph.servicePrincipal')
  for (const sp of s.servicePrincipals) {
    if (!sp.id) continue
    await collection(
      `servicePrincipals/${sp.id}/appRoleAssignments`,
      'microsoft.graph.appRoleAssignment',
    )
    await collection(
      `servicePrincipals/${sp.id}/synchronization/jobs`,
      'microsoft.graph.synchronizationJob',
    )
    for (const job of s.synchronizationJobs[sp.id] ?? []) {
      const path = `servicePrincipals/${sp.id}/synchronization/jobs/${job.id}/schema`
      const r = await get(path)
      checked++
      if (r.status !== 200) errors.push(`${path}: HTTP ${r.status}`)
      else {
        const { '@odata.context': _context, ...schema } = r.json
        errors.push(
          ...checkGraphObject(csdl, 'microsoft.graph.synchronizationSchema', schema, path),
        )
      }
    }
  }
  await collection('organization', 'microsoft.graph.organization')
  await collection('domains', 'microsoft.graph.domain')
  for (const d of s.domains)
    if (d.id)
      await collection(
        `domains/${d.id}/federationConfiguration`,
        'microsoft.graph.internalDomainFederation',
      )
  // directory/onPremisesSynchronization is served to no application permission (a 403 here)
  await collection('auditLogs/signIns', 'microsoft.graph.signIn')
  await collection('auditLogs/directoryAudits', 'microsoft.graph.directoryAudit')
  await collection('auditLogs/provisioning', 'microsoft.graph.provisioningObjectSummary')
  await collection('oauth2PermissionGrants', 'microsoft.graph.oAuth2PermissionGrant')
  await collection(
    'users/delta?$select=id,displayName,onPremisesImmutableId,accountEnabled',
    'microsoft.graph.user',
  )
  await collection('groups/delta?$select=displayName,members', 'microsoft.graph.group')
  for (const app of s.applications.slice(0, 5)) {
    const r = await get(
      `applications(appId='${app.appId}')?$select=id,appId,keyCredentials,passwordCredentials`,
    )
    checked++
    errors.push(
      ...checkGraphObject(csdl, 'microsoft.graph.application', r.json, `application ${app.appId}`),
    )
  }
  return { checked, errors }
}

export async function crawlOkta(
  emu: Emulator,
  spec: OktaSpec,
): Promise<{ checked: number; errors: string[] }> {
  const errors: string[] = []
  let checked = 0
  const token = emu.scenario.credentials.okta.apiToken
  const mapsAt = [/^\$\.properties$/]
  const undeclaredAllowed = OKTA_UNDECLARED.map((x) => x.at)
  async function check(path: string): Promise<unknown> {
    const url = new URL(path, emu.oktaOrgUrl)
    const { template, schema } = responseSchema(spec, url.pathname)
    const r = await callJson(url.href, {
      ca: emu.caPem,
      headers: { authorization: `SSWS ${token}` },
    })
    if (r.status !== 200) {
      errors.push(`${path}: HTTP ${r.status}`)
      return null
    }
    const body = r.json
    const items = Array.isArray(body) ? body : [body]
    checked += items.length
    const found = checkOkta(spec, schema, body, '$', {
      undeclaredAllowed,
      enumAllowed: OKTA_ENUM_ALLOWED,
      ...(template === '/api/v1/mappings/{mappingId}' ? { mapsAt } : {}),
    })
    errors.push(...found.slice(0, 20).map((e) => `${template}: ${e}`))
    return body
  }
  const o = emu.scenario.okta
  await check('/api/v1/users?limit=200')
  await check('/api/v1/groups')
  await check('/api/v1/apps?limit=200')
  await check('/api/v1/idps')
  await check('/api/v1/mappings?limit=200')
  await check('/api/v1/meta/schemas/user/default')
  const now = Date.parse(emu.scenario.now)
  await check(
    `/api/v1/logs?since=${new Date(now - 90 * 86400_000).toISOString()}&until=${new Date(now + 60_000).toISOString()}&limit=1000`,
  )
  for (const u of o.users.slice(0, 3)) await check(`/api/v1/users/${String(u.id)}`)
  for (const g of o.groups.slice(0, 3)) await check(`/api/v1/groups/${String(g.id)}`)
  for (const a of o.apps) {
    await check(`/api/v1/apps/${String(a.id)}`)
    await check(`/api/v1/apps/${String(a.id)}/users?limit=500`)
    await check(`/api/v1/apps/${String(a.id)}/credentials/keys`)
  }
  for (const i of o.idps) await check(`/api/v1/idps/${String(i.id)}`)
  await check('/api/v1/policies?type=IDP_DISCOVERY')
  for (const p of o.idpDiscoveryPolicies) await check(`/api/v1/policies/${String(p.id)}/rules`)
  for (const m of o.mappings) await check(`/api/v1/mappings/${String(m.id)}`)
  return { checked, errors }
}
