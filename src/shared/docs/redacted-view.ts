/**
 * The only view of a snapshot the documentation builders get: the configuration records they
 * document, copied, with every secret field (`SECRET_FIELD`: Okta's IdP `client_secret`,
 * Graph's `secretText`, passwords, keys, tokens) replaced by its redacted form (hint, GUID
 * shape, the app key ID it equals) whatever the snapshot held there. People, groups and logs
 * are left out (the documents name counts, not people), except the Office 365 app's
 * assignments, cut to user name, scope and status. Builders are typed against this view, so
 * a builder that reaches for a secret value finds none.
 */
import {
  type RawRecord,
  type RedactedSecret,
  SECRET_FIELD,
  type Snapshot,
  readSecret,
} from '../model'

/** A snapshot whose secret fields hold `RedactedSecret`s; people and logs absent. */
export type RedactedSnapshot = Snapshot & { readonly redacted: true }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A deep copy with every secret field redacted (a non-string secret becomes null). */
function copy(value: unknown, keyIds: readonly string[], depth = 0): unknown {
  if (depth > 40) return null
  if (Array.isArray(value)) return value.map((v) => copy(v, keyIds, depth + 1))
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_FIELD.test(key) && v !== null && v !== undefined && v !== '') {
      const redacted: RedactedSecret | undefined = readSecret(v, keyIds)
      out[key] = redacted ?? null
    } else out[key] = copy(v, keyIds, depth + 1)
  }
  return out
}

function list(
  records: readonly RawRecord[] | undefined,
  keyIds: readonly string[],
): RawRecord[] | undefined {
  return records?.map((r) => copy(r, keyIds) as RawRecord)
}

function keyed(
  map: Record<string, RawRecord[]> | undefined,
  keyIds: readonly string[],
): Record<string, RawRecord[]> | undefined {
  if (!map) return undefined
  const out: Record<string, RawRecord[]> = {}
  for (const [k, v] of Object.entries(map)) out[k] = list(v, keyIds) ?? []
  return out
}

/** The fields of an app assignment the documents use. */
function assignment(appUser: RawRecord): RawRecord {
  const credentials = isRecord(appUser.credentials) ? appUser.credentials : {}
  return {
    id: appUser.id,
    scope: appUser.scope,
    status: appUser.status,
    credentials: { userName: credentials.userName },
  }
}

/** Builds the redacted view of a snapshot (see the file header). */
export function redactedView(snapshot: Snapshot): RedactedSnapshot {
  const keyIds: string[] = []
  for (const app of snapshot.entra?.applications ?? [])
    for (const c of Array.isArray(app.passwordCredentials) ? app.passwordCredentials : [])
      if (isRecord(c) && typeof c.keyId === 'string') keyIds.push(c.keyId)
  const e = snapshot.entra
  const o = snapshot.okta
  const office365 = new Set(
    (o?.apps ?? [])
      .filter((a) => a.name === 'office365' || a.name === 'microsoft_office_365')
      .map((a) => String(a.id)),
  )
  const appUsers: Record<string, RawRecord[]> | undefined = o?.appUsers
    ? Object.fromEntries(
        Object.entries(o.appUsers).map(([id, users]) => [
          id,
          office365.has(id) ? users.map(assignment) : [],
        ]),
      )
    : undefined
  return {
    redacted: true,
    format: snapshot.format,
    version: snapshot.version,
    collectedAt: snapshot.collectedAt,
    tool: { ...snapshot.tool },
    collection: copy(snapshot.collection, keyIds) as Snapshot['collection'],
    ...(e
      ? {
          entra: {
            tenantId: e.tenantId,
            cloud: e.cloud,
            organization: list(e.organization, keyIds),
            domains: list(e.domains, keyIds),
            federationConfigurations: keyed(e.federationConfigurations, keyIds),
            applications: list(e.applications, keyIds),
            servicePrincipals: list(e.servicePrincipals, keyIds),
            oauth2PermissionGrants: list(e.oauth2PermissionGrants, keyIds),
            onPremisesSynchronization: list(e.onPremisesSynchronization, keyIds),
            synchronizationJobs: keyed(e.synchronizationJobs, keyIds),
          },
        }
      : {}),
    ...(o
      ? {
          okta: {
            orgUrl: o.orgUrl,
            apps: list(o.apps, keyIds),
            appUsers,
            appKeys: keyed(o.appKeys, keyIds),
            idps: list(o.idps, keyIds),
            idpDiscoveryPolicies: list(o.idpDiscoveryPolicies, keyIds),
            idpDiscoveryRules: keyed(o.idpDiscoveryRules, keyIds),
            mappings: list(o.mappings, keyIds),
            groups: o.groups?.map((g) => ({ id: g.id, profile: copy(g.profile, keyIds) })),
          },
        }
      : {}),
  } as RedactedSnapshot
}
