/** Plain words for the Collect screen: resource names, durations and collection errors. */
import type { CollectionError } from '../../../../shared/model/snapshot'
import { resourceLabel as registryLabel } from '../../../../shared/model/resources'

/** A resource's name in words, from the resource registry ("Entra groups"). */
export function resourceLabel(source: string, resource: string): string {
  return registryLabel(`${source}.${resource}`)
}

export const SOURCE_LABEL = { entra: 'Entra ID', okta: 'Okta' } as const

/** "1 min 5 s", "12 s", "< 1 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return '< 1 s'
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  return `${m} min ${s % 60} s`
}

/** Why a resource could not be collected, in words a consultant can act on. */
export function explainCollectionError(error: CollectionError): string {
  const where = resourceLabel(error.source, error.resource)
  const reason =
    error.status === 401
      ? 'the credential was refused'
      : error.status === 403
        ? error.source === 'entra'
          ? 'the app registration lacks the Graph application permission (or admin consent) this needs'
          : 'the API token’s administrator (or the service app’s scopes) may not read this'
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
  return `${where}: ${reason}. ${error.message}${code ? ` (${code})` : ''}`
}
