/**
 * What the cache indexes of each raw record: a stable key within its resource
 * (for lookups and snapshot diffs) and the lower-cased identifiers the screens
 * search by — Entra UPN, mail and immutable ID; Okta login and email; the
 * immutable ID Office 365 app users carry.
 */
import type { RawRecord, Source } from '../../../shared/model/snapshot'

export interface RecordKeys {
  key: string
  upn?: string
  login?: string
  email?: string
  immutableId?: string
}

export function recordKeys(
  source: Source,
  resource: string,
  record: RawRecord,
  parentId: string | undefined,
  position: number,
): RecordKeys {
  const own = text(record.id) ?? text(record.uuid) ?? text(record.kid) ?? `#${position}`
  const keys: RecordKeys = { key: parentId === undefined ? own : `${parentId}/${own}` }
  if (source === 'entra' && resource === 'users') {
    keys.upn = lower(record.userPrincipalName)
    keys.email = lower(record.mail)
    keys.immutableId = text(record.onPremisesImmutableId)
  }
  if (source === 'okta' && (resource === 'users' || resource === 'appUsers')) {
    const profile = isRecord(record.profile) ? record.profile : {}
    keys.login =
      lower(profile.login) ??
      lower(
        record.credentials && isRecord(record.credentials)
          ? record.credentials.userName
          : undefined,
      )
    keys.email = lower(profile.email)
    keys.immutableId = text(profile.immutableId)
  }
  return keys
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

function lower(value: unknown): string | undefined {
  return text(value)?.toLowerCase()
}
