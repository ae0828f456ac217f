/**
 * OData plumbing for Graph responses: `$select` projections (cached per object), opaque
 * `$skiptoken` / `$deltatoken` values, and page bodies written as strings for speed.
 */

/** Collection-valued properties Graph returns as [] (not null) when selected and unset. */
const COLLECTIONS = new Set([
  'businessPhones',
  'otherMails',
  'proxyAddresses',
  'identities',
  'imAddresses',
  'onPremisesProvisioningErrors',
  'serviceProvisioningErrors',
  'assignedLicenses',
  'assignedPlans',
  'provisionedPlans',
  'groupTypes',
  'identifierUris',
  'keyCredentials',
  'passwordCredentials',
  'appRoles',
  'tags',
  'replyUrls',
  'servicePrincipalNames',
  'notificationEmailAddresses',
  'verifiedDomains',
  'technicalNotificationMails',
  'supportedServices',
  'requiredResourceAccess',
  'alternativeNames',
  'addIns',
  'oauth2PermissionScopes',
  'resourceSpecificApplicationPermissions',
  'infoCatalogs',
  'marketingNotificationEmails',
  'securityComplianceNotificationMails',
  'securityComplianceNotificationPhones',
  'members@delta',
])

/** Navigation properties never returned without $expand, even when a scenario record carries them. */
const NAVIGATION = new Set([
  'members',
  'owners',
  'memberOf',
  'transitiveMembers',
  'transitiveMemberOf',
  'manager',
  'directReports',
  'appRoleAssignments',
  'appRoleAssignedTo',
  'federationConfiguration',
  'synchronization',
  'oauth2PermissionGrants',
  'extensions',
  'registeredOwners',
  'createdObjects',
])

export function isCollectionProperty(name: string): boolean {
  return COLLECTIONS.has(name)
}

export function parseSelect(value: string | null): string[] | null {
  if (value === null) return null
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return names.length ? names : null
}

// one slot per object: a run reads a collection with one $select at a time, and a Map per
// object would cost more garbage than the cache saves
const cache = new WeakMap<object, { key: string; text: string }>()
const keyParts = new Map<string, string[]>()

/**
 * The JSON text of one object as Graph returns it: the selected properties (null or [] when
 * unset), or the default set, or every non-navigation property. `hidden` are dropped from the
 * default (e.g. signInActivity, which only comes back when selected).
 */
export function projectJson(
  obj: object,
  select: string[] | null,
  defaults: readonly string[] | null,
  hidden: readonly string[] = [],
): string {
  const names = select ?? defaults
  const key = names ? names.join(',') : '*'
  const hit = cache.get(obj)
  if (hit !== undefined && hit.key === key) return hit.text
  const text = names
    ? serializeSelected(obj as Record<string, unknown>, names, key)
    : JSON.stringify(project(obj, null, hidden))
  cache.set(obj, { key, text })
  return text
}

/** writes `{"a":..,"b":..}` straight to a string: no intermediate object per row */
function serializeSelected(
  record: Record<string, unknown>,
  names: readonly string[],
  key: string,
): string {
  let parts = keyParts.get(key)
  if (!parts) {
    parts = names.map((n, i) => `${i ? ',' : ''}${JSON.stringify(n)}:`)
    if (keyParts.size > 256) keyParts.clear()
    keyParts.set(key, parts)
  }
  let out = '{'
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string
    const v = record[name]
    out += parts[i] as string
    out +=
      v === undefined
        ? isCollectionProperty(name)
          ? '[]'
          : 'null'
        : typeof v === 'string'
          ? JSON.stringify(v)
          : JSON.stringify(v)
  }
  return `${out}}`
}

export function project(
  obj: object,
  names: readonly string[] | null,
  hidden: readonly string[] = [],
): Record<string, unknown> {
  const record = obj as Record<string, unknown>
  const out: Record<string, unknown> = {}
  if (!names) {
    for (const k of Object.keys(record)) {
      if (!NAVIGATION.has(k) && !hidden.includes(k)) out[k] = record[k]
    }
    return out
  }
  for (const name of names) {
    const v = record[name]
    out[name] = v === undefined ? (isCollectionProperty(name) ? [] : null) : v
  }
  return out
}

/** Opaque paging state: base64url JSON behind a fixed prefix, as opaque to clients as Graph's. */
export function encodeToken(state: Record<string, unknown>): string {
  return `RFNwdAIA${Buffer.from(JSON.stringify(state)).toString('base64url')}`
}

export function decodeToken(text: string | null): Record<string, unknown> | null {
  if (!text?.startsWith('RFNwdAIA')) return null
  try {
    const value = JSON.parse(Buffer.from(text.slice(8), 'base64url').toString('utf8')) as unknown
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

/** A collection page body, written by concatenation so 999 cached objects cost no re-serialization. */
export function pageBody(
  context: string,
  items: string[],
  extras: { count?: number; nextLink?: string; deltaLink?: string },
): string {
  let head = `{"@odata.context":${JSON.stringify(context)}`
  if (extras.count !== undefined) head += `,"@odata.count":${extras.count}`
  if (extras.nextLink) head += `,"@odata.nextLink":${JSON.stringify(extras.nextLink)}`
  let tail = ''
  if (extras.deltaLink) tail = `,"@odata.deltaLink":${JSON.stringify(extras.deltaLink)}`
  return `${head},"value":[${items.join(',')}]${tail}}`
}

/** The query string of a request with `$skiptoken` replaced, parameter order kept. */
export function linkWith(
  base: string,
  query: URLSearchParams,
  name: string,
  token: string,
): string {
  const parts: string[] = []
  for (const [k, v] of query) {
    if (k === '$skiptoken' || k === '$deltatoken') continue
    parts.push(`${encodeKey(k)}=${encodeURIComponent(v).replace(/%2C/g, ',')}`)
  }
  parts.push(`${name}=${token}`)
  return `${base}?${parts.join('&')}`
}

function encodeKey(k: string): string {
  return k.startsWith('$') ? `$${encodeURIComponent(k.slice(1))}` : encodeURIComponent(k)
}
