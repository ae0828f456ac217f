/**
 * What the registry's access entries mean for a connection: which permissions or scopes a
 * grant lacks, what to recommend, and how to say it in words.
 */
import { z } from 'zod'
import {
  type GraphAccess,
  type OktaAccess,
  type OktaResource,
  type ResourcePath,
  OKTA_RESOURCES,
  RESOURCES,
  RESOURCE_PATHS,
} from './resources'

const lower = (values: readonly string[]): Set<string> =>
  new Set(values.map((v) => v.toLowerCase()))

/**
 * The permission groups of a Graph resource that `granted` (the token's roles) does not
 * satisfy: empty when the app-only token can read it; `undefined` when no application
 * permission can (delegated-only).
 */
export function missingGraphGroups(
  access: GraphAccess,
  granted: readonly string[],
): (readonly string[])[] | undefined {
  if (access.kind === 'public') return []
  if (access.kind === 'delegated-only') return undefined
  const have = lower(granted)
  return access.allOf.filter((group) => !group.some((p) => have.has(p.toLowerCase())))
}

/** The Okta scopes of an access that `granted` lacks (each satisfied by its `.manage` form too). */
export function missingOktaScopes(access: OktaAccess, granted: readonly string[]): string[] {
  return [access.scope, ...(access.alsoScopes ?? [])].filter((s) => !hasOktaScope(granted, s))
}

/** True when the Okta scopes include the resource's scope or its `.manage` form. */
export function hasOktaScope(granted: readonly string[], scope: string): boolean {
  const have = lower(granted)
  return (
    have.has(scope.toLowerCase()) || have.has(scope.toLowerCase().replace(/\.read$/, '.manage'))
  )
}

/**
 * What a reader must be granted to collect `path`, in words: the least-privileged
 * permission of each missing group ("AuditLog.Read.All and Directory.Read.All"), the
 * Okta scope, or why no application permission helps.
 */
export function describeAccess(path: ResourcePath): string {
  const spec = RESOURCES[path]
  const access = spec.access
  switch (access.kind) {
    case 'scope':
      return access.alsoScopes?.length
        ? `the Okta scopes ${[access.scope, ...access.alsoScopes].join(' and ')}`
        : `the Okta scope ${access.scope}`
    case 'public':
      return 'no permission'
    case 'delegated-only':
      return `a ${access.role} signed in with the delegated permission ${access.delegated.join(', ')} (Graph offers no application permission for it)`
    case 'application':
      return `the Microsoft Graph application permission${access.allOf.length > 1 ? 's' : ''} ${access.allOf.map((g) => g[0]).join(' and ')}`
  }
}

/**
 * The fewest Graph application permissions that satisfy `groups` (each group: any one of
 * its permissions), chosen greedily by how many groups each covers, the least-privileged
 * first on a tie. With nothing granted this is the reader's whole permission set.
 */
export function recommendGraphPermissions(groups: readonly (readonly string[])[]): string[] {
  const open = groups.filter((g) => g.length > 0).map((g) => new Set(g))
  const chosen: string[] = []
  while (open.length > 0) {
    const score = new Map<string, number>()
    for (const group of open) for (const p of group) score.set(p, (score.get(p) ?? 0) + 1)
    let best = ''
    let bestScore = 0
    // iterate groups in order so the least-privileged permission wins a tie
    for (const group of open) {
      for (const p of group) {
        const n = score.get(p) ?? 0
        if (n > bestScore && !/ReadWrite/.test(p)) {
          best = p
          bestScore = n
        }
      }
    }
    if (!best) best = [...(open[0] as Set<string>)][0] as string
    chosen.push(best)
    for (let i = open.length - 1; i >= 0; i--) if (open[i]?.has(best)) open.splice(i, 1)
  }
  return chosen.sort()
}

/** Every permission group of the app-only Graph resources (what a full collection needs). */
export function graphPermissionGroups(): (readonly string[])[] {
  const out: (readonly string[])[] = []
  for (const path of RESOURCE_PATHS) {
    const access = RESOURCES[path].access
    if (access.kind === 'application') out.push(...access.allOf)
  }
  return out
}

/** The Okta scopes that read every Okta resource. */
export function oktaScopes(): string[] {
  const out = new Set<string>()
  for (const path of RESOURCE_PATHS) {
    const access: GraphAccess | OktaAccess = RESOURCES[path].access
    if (access.kind !== 'scope') continue
    out.add(access.scope)
    for (const also of access.alsoScopes ?? []) out.add(also)
  }
  return [...out].sort()
}

/** A resource path as zod sees it (for contracts that carry one). */
export const ResourcePathSchema = z.enum(RESOURCE_PATHS as [ResourcePath, ...ResourcePath[]])

/** The Okta scope that reads each Okta resource, by snapshot key. */
export const OKTA_SCOPE_OF: Readonly<Record<OktaResource, string>> = Object.fromEntries(
  OKTA_RESOURCES.map((key) => {
    const access = RESOURCES[`okta.${key}`].access
    return [key, access.scope]
  }),
) as Record<OktaResource, string>

/** Every Okta scope a read-only service app needs for the whole snapshot, in registry order. */
export const OKTA_READ_SCOPES: readonly string[] = [...new Set(Object.values(OKTA_SCOPE_OF))]

/** True when the granted Graph application permissions read `path` (as the registry says). */
export function graphGrants(path: ResourcePath, granted: readonly string[]): boolean {
  const access = RESOURCES[path].access
  if (access.kind === 'scope') return false
  const missing = missingGraphGroups(access, granted)
  return missing !== undefined && missing.length === 0
}

/** True for a resource an app-only collection asks for (not one Graph serves only to a signed-in administrator). */
export function isCollected(path: ResourcePath): boolean {
  return RESOURCES[path].access.kind !== 'delegated-only'
}

/** The snapshot keys of one side that a collection reads, in registry order. */
export function collectedResources(source: 'entra' | 'okta'): string[] {
  return RESOURCE_PATHS.filter((p) => p.startsWith(`${source}.`) && isCollected(p)).map((p) =>
    p.slice(source.length + 1),
  )
}
