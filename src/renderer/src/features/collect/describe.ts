/** Plain words for the Collect screen: resource names, durations and collection errors. */
import type { CollectionError } from '../../../../shared/model/snapshot'
import {
  describeAccess,
  isResourcePath,
  resourceLabel as registryLabel,
} from '../../../../shared/model'

/** A resource's name in words, from the resource registry ("Entra groups"). */
export function resourceLabel(source: string, resource: string): string {
  return registryLabel(`${source}.${resource}`)
}

export const SOURCE_LABEL = { entra: 'Entra ID', okta: 'Okta' } as const

/** What reading a resource needs, from the registry ("the Okta scope okta.users.read"). */
function accessOf(error: CollectionError): string {
  const path = `${error.source}.${error.resource}`
  if (isResourcePath(path)) return describeAccess(path)
  return error.source === 'entra'
    ? 'the Graph application permission this needs'
    : 'the administrator role or scope this needs'
}

/** Why a resource could not be collected, in words a consultant can act on. */
export function explainCollectionError(error: CollectionError): string {
  const where = resourceLabel(error.source, error.resource)
  return `${where}: ${explainReason(error)}`
}

/** The reason part of `explainCollectionError`: what went wrong, the service's words, the codes. */
function explainReason(error: CollectionError): string {
  const reason =
    error.status === 401
      ? 'the credential was refused'
      : error.status === 403
        ? `the reader lacks ${accessOf(error)}${error.source === 'entra' ? ' (or its admin consent)' : ''}`
        : error.status === 404
          ? 'the service says it does not exist here (often a licence or feature that is not enabled)'
          : error.status === 429
            ? 'the service kept throttling the requests'
            : error.status === 0
              ? 'the service could not be reached'
              : error.status >= 500
                ? 'the service failed'
                : 'the service refused the request'
  const code = [error.status ? `HTTP ${error.status}` : '', error.code].filter(Boolean).join(', ')
  return `${reason}. ${error.message}${code ? ` (${code})` : ''}`
}

/** Identical collection errors of several resources, said once. */
export interface CollapsedError {
  /** the resources' plain names, in collection order */
  resources: string[]
  /** "Okta users, Okta groups and 7 more: the credential was refused. … (HTTP 401, E0000011)" */
  text: string
}

/**
 * Groups errors that say the same thing (same side, status, code and message: a refused
 * credential fails every resource of its side alike), so the list names the cause once with
 * the resources it hit and their count, instead of repeating it per resource.
 */
export function collapseErrors(errors: readonly CollectionError[]): CollapsedError[] {
  const groups = new Map<string, CollectionError[]>()
  for (const error of errors) {
    const key = JSON.stringify([error.source, error.status, error.code, error.message])
    const list = groups.get(key)
    if (list) list.push(error)
    else groups.set(key, [error])
  }
  return [...groups.values()].map((list) => {
    const first = list[0]!
    const resources = list.map((e) => resourceLabel(e.source, e.resource))
    const named =
      resources.length <= 3
        ? joinWords(resources)
        : `${resources.slice(0, 2).join(', ')} and ${resources.length - 2} more`
    return { resources, text: `${named}: ${explainReason(first)}` }
  })
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}
