/**
 * The Graph v1.0 updates a consultant's (or an attacker's) change between two collections
 * makes, each as its API page describes it and each recording the directory audit Entra
 * documents for it (`../audit.ts`):
 * - `PATCH /applications/{id}` (application-update): 204, "Update application", the redirect
 *   URIs as the `AppAddress` property old and new;
 * - `POST /applications/{id}/removePassword` (application-removepassword): 204, "Update
 *   application – Certificates and secrets management" with the key IDs before and after;
 * - `PATCH /domains/{id}/federationConfiguration/{fedId}` (internaldomainfederation-update):
 *   200 with the updated object, "Set federation settings on domain".
 * A complex property in a PATCH body is merged into the stored one (OData's PATCH semantics).
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { EmulatorContext } from '../context'
import type { EmuRequest, EmuResponse } from '../http'
import { recordEntraAudit } from '../audit'
import type { Caller } from './auth'
import { graphError, notFound } from './errors'
import { auditApplication, initiatorOf } from './initiator'
import { parse } from './write-body'
import type { WriteHandler } from './writes'
import { WRITE_PERMISSIONS } from './permissions'

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Merges a PATCH body: complex values one level deep, everything else replaced. */
function merge<T extends object>(current: T, patch: Record<string, unknown>): T {
  const out = { ...current } as Record<string, unknown>
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('@odata.')) continue
    const old = out[k]
    out[k] = isObject(v) && isObject(old) ? { ...old, ...v } : v
  }
  return out as T
}

/** Redirect URIs as the audit's `AppAddress` property lists them. */
function appAddresses(app: MG.Application): object[] {
  return (app.web?.redirectUris ?? []).map((uri) => ({
    AddressType: 0,
    Address: uri,
    ReplyAddressClientType: 1,
    ReplyAddressIndex: null,
    IsReplyAddressDefault: false,
  }))
}

/** The audit's modified properties for the body's properties: their names capitalised, old and new. */
function propertyChanges(
  body: Record<string, unknown>,
  before: object,
  after: object,
  skip: readonly string[] = [],
): { displayName: string; oldValue: unknown; newValue: unknown }[] {
  return Object.keys(body)
    .filter((key) => !skip.includes(key) && !key.startsWith('@odata.'))
    .map((key) => ({
      displayName: key.charAt(0).toUpperCase() + key.slice(1),
      oldValue: (before as Record<string, unknown>)[key],
      newValue: (after as Record<string, unknown>)[key],
    }))
}

const keyList = (app: MG.Application): string[] =>
  (app.passwordCredentials ?? []).map((c) => `[KeyIdentifier=${c.keyId}]`)

export function graphUpdateWrites(
  ctx: EmulatorContext,
): (segments: string[], method: string) => WriteHandler | null {
  const s = ctx.store
  const e = ctx.scenario.entra
  function updateApplication(req: EmuRequest, caller: Caller, id: string): EmuResponse {
    const app = s.entra.applications.get(id)
    if (!app) return notFound(req, id)
    const p = parse(req, 'application')
    if (!p.ok) return p.response
    const next = merge(app, p.body)
    s.entra.applications.replace(id, next)
    const changed: { displayName: string; oldValue: unknown; newValue: unknown }[] = []
    const before = JSON.stringify(appAddresses(app))
    if (JSON.stringify(appAddresses(next)) !== before)
      changed.push({
        displayName: 'AppAddress',
        oldValue: appAddresses(app),
        newValue: appAddresses(next),
      })
    changed.push(...propertyChanges(p.body, app, next, ['web']))
    auditApplication(ctx, caller, 'updateApplication', app, [
      ...changed,
      {
        displayName: 'Included Updated Properties',
        oldValue: undefined,
        newValue: changed.map((c) => c.displayName).join(', '),
      },
    ])
    return { status: 204, body: '' }
  }

  function removePassword(req: EmuRequest, caller: Caller, id: string): EmuResponse {
    const app = s.entra.applications.get(id)
    if (!app) return notFound(req, id)
    let keyId: unknown
    try {
      keyId = (JSON.parse(req.body || '{}') as Record<string, unknown>).keyId
    } catch {
      return graphError(req, 400, 'BadRequest', 'Unable to read JSON request payload.')
    }
    const credentials = app.passwordCredentials ?? []
    if (typeof keyId !== 'string' || !credentials.some((c) => c.keyId === keyId))
      return graphError(
        req,
        400,
        'Request_BadRequest',
        `No password credential found with keyId '${String(keyId)}'.`,
      )
    const next = { ...app, passwordCredentials: credentials.filter((c) => c.keyId !== keyId) }
    s.entra.applications.replace(id, next)
    e.secrets = e.secrets.filter((x) => x.keyId !== keyId)
    auditApplication(ctx, caller, 'updateCredentials', app, [
      { displayName: 'KeyDescription', oldValue: keyList(app), newValue: keyList(next) },
    ])
    return { status: 204, body: '' }
  }

  function updateFederation(
    req: EmuRequest,
    caller: Caller,
    domainId: string,
    fedId: string,
  ): EmuResponse {
    const domain = s.entra.domains.find(
      (d) => (d.id ?? '').toLowerCase() === domainId.toLowerCase(),
    )
    const id = domain?.id ?? domainId
    const list = e.federationConfigurations[id] ?? []
    const config = list.find((c) => c.id === fedId)
    if (!domain || !config) return notFound(req, fedId)
    const p = parse(req, 'internalDomainFederation')
    if (!p.ok) return p.response
    const next = merge(config, p.body)
    e.federationConfigurations[id] = list.map((c) => (c.id === fedId ? next : c))
    recordEntraAudit(s, initiatorOf(ctx, caller), [
      {
        activity: 'setFederationSettings',
        target: {
          id,
          displayName: id,
          type: 'Domain',
          modifiedProperties: propertyChanges(p.body, config, next),
        },
      },
    ])
    return {
      status: 200,
      body: JSON.stringify({
        '@odata.context': `${ctx.origins.graphBaseUrl}/v1.0/$metadata#domains('${id}')/federationConfiguration/$entity`,
        ...next,
      }),
    }
  }

  return (segments, method) => {
    const [a, b, c, d] = segments
    const n = segments.length
    if (a === 'applications' && n === 2 && method === 'PATCH')
      return {
        key: 'PATCH /v1.0/applications/{id}',
        permissions: WRITE_PERMISSIONS.applications,
        run: (req, caller) => updateApplication(req, caller, b ?? ''),
      }
    if (a === 'applications' && n === 3 && c === 'removePassword' && method === 'POST')
      return {
        key: 'POST /v1.0/applications/{id}/removePassword',
        permissions: WRITE_PERMISSIONS.applications,
        run: (req, caller) => removePassword(req, caller, b ?? ''),
      }
    if (a === 'domains' && n === 4 && c === 'federationConfiguration' && method === 'PATCH')
      return {
        key: 'PATCH /v1.0/domains/{id}/federationConfiguration/{fedId}',
        permissions: WRITE_PERMISSIONS.federation,
        run: (req, caller) => updateFederation(req, caller, b ?? '', d ?? ''),
      }
    return null
  }
}
