/**
 * collection-permission-missing — what Crosswalk's own reader could not see: Graph
 * permissions and Okta scopes absent from `collection.grantedPermissions` that a full
 * collection needs, and collection errors answered 401/403 (e.g.
 * Authorization_RequestDenied, E0000006, or sign-in logs without Entra ID P1/P2).
 * One finding per side. An empty granted list means "not reported" (an Okta API
 * token carries its admin's rights, not scopes) and is not judged.
 * Reads: collection.
 * False positives: a permission granted after the snapshot was taken.
 */
import type { Finding } from '../../model'
import { LINKS } from '../links'
import {
  ENTRA_RESOURCE_PERMISSION,
  OKTA_RESOURCE_SCOPE,
  hasGraphPermission,
  hasOktaScope,
} from '../permissions'
import { type Rule, makeFinding } from '../rule'

export const collectionPermissionMissing: Rule = {
  id: 'collection-permission-missing',
  title: 'The collection lacked Graph permissions or Okta scopes',
  category: 'permission',
  severity: 'medium',
  reads: ['collection'],
  evaluate(snapshot) {
    const findings: Finding[] = []
    const { grantedPermissions, errors } = snapshot.collection
    for (const source of ['entra', 'okta'] as const) {
      const granted = grantedPermissions[source]
      const table = source === 'entra' ? ENTRA_RESOURCE_PERMISSION : OKTA_RESOURCE_SCOPE
      const missing = new Map<string, string[]>()
      if (granted.length > 0) {
        for (const [resource, permission] of Object.entries(table)) {
          const ok =
            source === 'entra'
              ? hasGraphPermission(granted, permission)
              : hasOktaScope(granted, permission)
          if (!ok) missing.set(permission, [...(missing.get(permission) ?? []), resource])
        }
      }
      const denied = errors.filter(
        (e) => e.source === source && (e.status === 401 || e.status === 403),
      )
      for (const e of denied) {
        const permission = table[e.resource] ?? e.code
        if (!missing.has(permission)) missing.set(permission, [e.resource])
        else if (!missing.get(permission)?.includes(e.resource))
          missing.get(permission)?.push(e.resource)
      }
      if (missing.size === 0) continue
      const list = [...missing.entries()].map(([permission, resources]) => ({
        permission,
        resources,
      }))
      const isEntra = source === 'entra'
      findings.push(
        makeFinding(collectionPermissionMissing, {
          severity: denied.length > 0 ? 'medium' : 'low',
          title: `${isEntra ? 'Graph' : 'Okta'} reader lacks ${list.map((l) => l.permission).join(', ')}`,
          detail: `Without ${list.length === 1 ? 'it' : 'them'}, Crosswalk cannot read ${list.flatMap((l) => l.resources).join(', ')}; findings that depend on that data are missing from this report.${denied.length ? ` The collection was refused: ${denied.map((d) => `${d.resource} ${d.status} ${d.code}`).join('; ')}.` : ''}`,
          subjects: [],
          key: source,
          evidence: {
            [source]: { granted, missing: list, errors: denied },
          },
          steps: isEntra
            ? [
                `Entra admin center › Identity › Applications › App registrations › (Crosswalk reader) › API permissions › Add a permission › Microsoft Graph › Application permissions: ${list.map((l) => l.permission).join(', ')}; then "Grant admin consent for the tenant".`,
                'Sign-in logs also need an Entra ID P1 or P2 licence in the tenant.',
                'API: POST https://graph.microsoft.com/v1.0/servicePrincipals/{readerSpId}/appRoleAssignments {"principalId":"{readerSpId}","resourceId":"{graphSpId}","appRoleId":"{role id}"}.',
              ]
            : [
                `Okta Admin Console › Applications › (Crosswalk service app) › Okta API Scopes › Grant: ${list.map((l) => l.permission).join(', ')}; the app also needs a read-only administrator role.`,
                'API: POST {orgUrl}/api/v1/apps/{serviceAppId}/grants {"scopeId":"okta.…read","issuer":"{orgUrl}"}.',
              ],
          links: isEntra
            ? [LINKS.graphPermissions, LINKS.adminConsent]
            : [LINKS.oktaScopes, LINKS.oktaErrorCodes],
        }),
      )
    }
    return findings
  },
}
