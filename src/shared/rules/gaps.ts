/**
 * What a snapshot lacks, and why: every registered resource absent from a side that was
 * collected, classified from `collection.errors`, `collection.grantedPermissions` and the
 * resource registry. Diagnosis reports each gap once (a permission gap by the permission
 * the reader lacks, the others by resource), and rules that could not judge, or judged
 * with less, are named in it.
 */
import {
  type CollectionError,
  RESOURCES,
  RESOURCE_PATHS,
  type ResourcePath,
  type Snapshot,
  describeAccess,
  missingGraphGroups,
  missingOktaScopes,
} from '../model'

/** Why a resource is absent. */
export type GapReason =
  /** the reader lacks the permission or scope (refused, or not granted) */
  | 'permission'
  /** the tenant lacks the licence the API needs (sign-in and provisioning logs: Entra ID P1/P2) */
  | 'licence'
  /** no application permission can read it */
  | 'delegated-only'
  /** the request failed for another reason */
  | 'failed'
  /** that side of the seam was not collected at all */
  | 'side-missing'
  /** absent without an error (an older snapshot, another tool, a selection) */
  | 'not-collected'

/** One absent resource. */
export interface CollectionGap {
  path: ResourcePath
  reason: GapReason
  error?: CollectionError
  /** permission gaps: the Graph permission groups (or the Okta scope) the reader lacks */
  missing?: readonly (readonly string[])[]
  /** rules that did not run because they need this resource */
  skipped: string[]
  /** rules that ran without it and may report less */
  weakened: string[]
}

const NON_PREMIUM = 'Authentication_RequestFromNonPremiumTenantOrB2CTenant'

function present(snapshot: Snapshot, path: ResourcePath): boolean {
  const [source, key] = path.split('.') as ['entra' | 'okta', string]
  const side = snapshot[source] as Record<string, unknown> | undefined
  return side !== undefined && side[key] !== undefined
}

function classify(
  snapshot: Snapshot,
  path: ResourcePath,
): Omit<CollectionGap, 'skipped' | 'weakened'> {
  const spec = RESOURCES[path]
  const source = spec.source
  if (!snapshot[source]) return { path, reason: 'side-missing' }
  const key = path.slice(source.length + 1)
  const error = snapshot.collection.errors.find((e) => e.source === source && e.resource === key)
  const granted = snapshot.collection.grantedPermissions[source]
  const access = spec.access
  if (access.kind === 'delegated-only')
    return { path, reason: 'delegated-only', ...(error ? { error } : {}) }
  // public metadata needs no permission: a refusal is a failure of the request, not a grant missing
  if (access.kind === 'public')
    return error ? { path, reason: 'failed', error } : { path, reason: 'not-collected' }
  if (error && error.code === NON_PREMIUM) return { path, reason: 'licence', error }
  const lacking =
    access.kind === 'scope'
      ? granted.length
        ? missingOktaScopes(access, granted).map((s) => [s])
        : []
      : granted.length
        ? (missingGraphGroups(access, granted) ?? [])
        : []
  const refused = error !== undefined && (error.status === 401 || error.status === 403)
  if (refused || lacking.length > 0) {
    const missing =
      lacking.length > 0
        ? lacking
        : access.kind === 'scope'
          ? [access.scope, ...(access.alsoScopes ?? [])].map((s) => [s])
          : access.kind === 'application'
            ? access.allOf
            : []
    return { path, reason: 'permission', missing, ...(error ? { error } : {}) }
  }
  if (error) return { path, reason: 'failed', error }
  return { path, reason: 'not-collected' }
}

/** Every registered resource the snapshot lacks, in registry order. */
export function collectionGaps(snapshot: Snapshot): CollectionGap[] {
  const gaps: CollectionGap[] = []
  for (const path of RESOURCE_PATHS) {
    if (present(snapshot, path)) continue
    gaps.push({ ...classify(snapshot, path), skipped: [], weakened: [] })
  }
  return gaps
}

const ERROR_TEXT = (e: CollectionError | undefined): string | undefined =>
  e ? `${e.status ? `HTTP ${e.status} ` : ''}${e.code}: ${e.message}` : undefined

/** One line on why a resource is absent and what would collect it, for listings. */
export function gapSummary(gap: CollectionGap): string {
  const error = ERROR_TEXT(gap.error)
  switch (gap.reason) {
    case 'permission': {
      const needs =
        gap.missing && gap.missing.length
          ? gap.missing.map((g) => g.join(' or ')).join(' and ')
          : describeAccess(gap.path)
      return `${error ?? 'not granted'} (needs ${needs})`
    }
    case 'licence':
      return `${error ?? 'refused'} (needs an Entra ID P1 or P2 licence)`
    case 'delegated-only':
      return `not collected (Graph serves it only to ${describeAccess(gap.path)})`
    case 'failed':
      return error ?? 'failed'
    case 'side-missing':
      return 'not collected (that side of the seam is not in the snapshot)'
    case 'not-collected':
      return RESOURCES[gap.path].access.kind === 'public'
        ? 'not in the snapshot (public, read without a permission: a collection by this version adds it)'
        : `not in the snapshot (needs ${describeAccess(gap.path)})`
  }
}
