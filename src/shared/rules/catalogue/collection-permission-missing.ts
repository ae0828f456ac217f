/**
 * collection-permission-missing — what Crosswalk's own reader could not see because it
 * lacks a permission: Graph application permissions or Okta scopes the collection was
 * refused (401/403) or not granted, by the resource registry. One finding per side,
 * naming the reader (its app registration and service principal when the snapshot says
 * which app collected it, else the Okta org), the exact permissions each unread resource
 * needs ("AuditLog.Read.All and Directory.Read.All" where Graph's page asks for both),
 * the fewest permissions that would read them all, and the rules that could not run.
 * It is an info note: a gap in what was checked, not a problem of the tenant.
 * Reads: collection (the gaps diagnosis computed from it); entra.applications and
 * entra.servicePrincipals when collected (to name the reader).
 * False positives: a permission granted after the snapshot was taken.
 */
import type { Finding, Subject } from '../../model'
import { RESOURCES, recommendGraphPermissions, resourceLabel } from '../../model'
import { norm } from '../../util/access'
import type { CollectionGap } from '../gaps'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import { applicationSubject, servicePrincipalSubject } from '../../compare/seam'
import type { SnapshotIndex } from '../../compare/snapshot-index'

/** The reader's app registration and service principal, when the snapshot names its client ID. */
function readerSubjects(clientId: string | undefined, index: SnapshotIndex): Subject[] {
  const key = norm(clientId)
  if (!key) return []
  const app = index.applicationsByAppId.get(key)
  const sp = index.servicePrincipalsByAppId.get(key)
  const subjects: Subject[] = []
  if (app) subjects.push(applicationSubject(app))
  if (sp) subjects.push(servicePrincipalSubject(sp))
  if (subjects.length === 0)
    subjects.push({
      source: 'entra',
      type: 'application',
      id: clientId ?? '',
      name: `reader app ${clientId}`,
    })
  return subjects
}

function needs(gap: CollectionGap): string {
  return (gap.missing ?? []).map((group) => group[0]).join(' and ')
}

export const collectionPermissionMissing = defineRule({
  id: 'collection-permission-missing',
  title: 'The collection lacked Graph permissions or Okta scopes',
  category: 'permission',
  severity: 'info',
  reads: ['collection'],
  optionalReads: ['entra.applications', 'entra.servicePrincipals'],
  evaluate(snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    for (const source of ['entra', 'okta'] as const) {
      const gaps = ctx.gaps.filter(
        (g) => g.reason === 'permission' && g.path.startsWith(`${source}.`),
      )
      if (gaps.length === 0) continue
      const isEntra = source === 'entra'
      const reader = snapshot.collection.reader
      const recommended = isEntra
        ? recommendGraphPermissions(gaps.flatMap((g) => g.missing ?? []))
        : [...new Set(gaps.flatMap((g) => (g.missing ?? []).map((group) => group[0] ?? '')))].sort()
      const skipped = [...new Set(gaps.flatMap((g) => g.skipped))]
      const weakened = [...new Set(gaps.flatMap((g) => g.weakened))]
      const subjects = isEntra
        ? readerSubjects(reader?.entra?.clientId, ctx.index)
        : [
            {
              source: 'okta' as const,
              type: reader?.okta?.credential === 'service-app' ? 'serviceApp' : 'org',
              id: reader?.okta?.clientId ?? snapshot.okta?.orgUrl ?? '',
              name:
                reader?.okta?.credential === 'service-app'
                  ? `service app ${reader.okta.clientId ?? ''}`
                  : snapshot.okta?.orgUrl,
            },
          ]
      const denied = gaps.filter((g) => g.error).map((g) => g.error)
      findings.push(
        makeFinding(collectionPermissionMissing, {
          cause: source,
          title: `${isEntra ? 'The Graph reader' : 'The Okta reader'} lacks ${recommended.join(', ')}: ${gaps.length} resource${gaps.length === 1 ? '' : 's'} not read`,
          detail: `${gaps.map((g) => `${resourceLabel(g.path)} need${g.path.endsWith('s') ? '' : 's'} ${needs(g)}`).join('; ')}. ${
            skipped.length
              ? `Not run for want of them: ${skipped.join(', ')}.`
              : 'No rule depends on them, but the snapshot is incomplete.'
          }${weakened.length ? ` Ran with less: ${weakened.join(', ')}.` : ''}${
            denied.length
              ? ` Refused: ${denied.map((d) => `${d?.resource} ${d?.status} ${d?.code}`).join('; ')}.`
              : ''
          }`,
          subjects: [
            ...subjects,
            ...gaps.map((g) => ({
              source,
              type: 'resource',
              id: g.path.slice(source.length + 1),
              name: resourceLabel(g.path),
            })),
          ],
          evidence: {
            [source]: {
              granted: snapshot.collection.grantedPermissions[source],
              recommended,
              resources: gaps.map((g) => ({
                resource: g.path,
                label: resourceLabel(g.path),
                needs: (g.missing ?? []).map((group) => [...group]),
                error: g.error ?? null,
              })),
            },
            rules: { skipped, weakened },
          },
          steps: isEntra
            ? [
                `Entra admin center › Identity › Applications › App registrations › ${subjects[0]?.name ?? '(the Crosswalk reader app)'} › API permissions › Add a permission › Microsoft Graph › Application permissions: ${recommended.join(', ')}; then "Grant admin consent for the tenant".`,
                `API: POST https://graph.microsoft.com/v1.0/servicePrincipals/${subjects.find((s) => s.type === 'servicePrincipal')?.id ?? '{readerSpId}'}/appRoleAssignments {"principalId":"…","resourceId":"{graphSpId}","appRoleId":"{role id of each permission}"}.`,
                'Collect again.',
              ]
            : [
                `Okta Admin Console › Applications › ${reader?.okta?.credential === 'service-app' ? `the service app ${reader.okta.clientId ?? ''}` : '(the Crosswalk service app)'} › Okta API Scopes › Grant: ${recommended.join(', ')}; the app also needs the Read-only Administrator role. An API token carries the rights of the administrator who created it.`,
                'API: POST {orgUrl}/api/v1/apps/{serviceAppId}/grants {"scopeId":"okta.…read","issuer":"{orgUrl}"}.',
                'Collect again.',
              ],
          links: isEntra
            ? [
                LINKS.graphPermissions,
                LINKS.adminConsent,
                ...new Set(gaps.map((g) => RESOURCES[g.path].doc)),
              ]
            : [LINKS.oktaScopes, LINKS.oktaErrorCodes],
        }),
      )
    }
    return findings
  },
})
