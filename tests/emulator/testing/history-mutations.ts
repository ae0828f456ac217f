/**
 * The scripted changes between two collections of the healthy pair, made through the
 * emulator's write layer exactly as an administrator's tools would (HTTP, the documented
 * writes), so each leaves the audit event the service documents: a client secret rotated
 * (added, then the old one removed), a redirect URI removed, a profile mapping expression
 * changed, a person renamed (their app username following), the federation's signing
 * certificate replaced. Each returns what a diff must list and whom it must name.
 */
import type { Emulator } from '../index'
import { GRAPH_WRITE_ROLES } from '../scenarios/constants'
import { issueCertificate } from '../scenarios/pki'
import type { OktaRecord } from '../scenarios/types'
import { call, callJson, graphToken } from './clients'

/** One scripted change: the object a diff must show changed, and the actor it must name. */
export interface ScriptedChange {
  mutation: string
  resource: string
  /** the record's key as the diff names it (`parent/id` in keyed resources) */
  key: string
  /** the attribute paths the change touches */
  paths: RegExp[]
  actor: string
}

/**
 * Grants the reader app Graph's write permissions, as an administrator grants their automation
 * (the scenarios' Graph service principal offers them; no scenario app holds them). The History
 * tests grant them before the first collection, so the grant is no change between the two.
 */
export function grantGraphWrites(emu: Emulator): void {
  const e = emu.scenario.entra
  const reader = e.servicePrincipals.find(
    (sp) => sp.appId === emu.scenario.credentials.entra.clientId,
  )
  const graphSp = e.servicePrincipals.find(
    (sp) => sp.appId === '00000003-0000-0000-c000-000000000000',
  )
  const readerId = reader?.id ?? ''
  const held = e.appRoleAssignments[readerId] ?? []
  emu.mutate.entra.set('appRoleAssignments', {
    ...e.appRoleAssignments,
    [readerId]: [
      ...held.filter((a) => !String(a.id).startsWith('w-')),
      ...GRAPH_WRITE_ROLES.map((r, i) => ({
        id: `w-${i}`,
        appRoleId: r.id,
        principalId: readerId,
        resourceId: graphSp?.id ?? '',
        principalDisplayName: reader?.displayName ?? null,
        resourceDisplayName: graphSp?.displayName ?? null,
        principalType: 'ServicePrincipal',
        createdDateTime: emu.scenario.now,
      })),
    ],
  })
}

/** Makes the five scripted changes; returns what each must show in a diff. */
export async function applyScriptedMutations(emu: Emulator): Promise<ScriptedChange[]> {
  const e = emu.scenario.entra
  const o = emu.scenario.okta
  const creds = emu.scenario.credentials
  const bearer = await graphToken(emu, creds.entra.clientId, creds.entra.clientSecret)
  const graph = async (method: string, path: string, body: unknown) => {
    const r = await call(`${emu.graphBaseUrl}/v1.0${path}`, {
      ca: emu.caPem,
      method,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.body}`)
    // updates answer 204 with no body
    return (r.body ? JSON.parse(r.body) : {}) as Record<string, unknown>
  }
  const okta = async (path: string, body: unknown) => {
    const r = await callJson<OktaRecord>(`${emu.oktaOrgUrl}${path}`, {
      ca: emu.caPem,
      method: 'POST',
      headers: { authorization: `SSWS ${creds.okta.apiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (r.status >= 300) throw new Error(`POST ${path}: ${r.status} ${JSON.stringify(r.json)}`)
    return r.json
  }
  const reader = e.servicePrincipals.find((sp) => sp.appId === creds.entra.clientId)
  const graphActor = reader?.displayName ?? creds.entra.clientId
  const owner = o.apiTokens.find((t) => t.token === creds.okta.apiToken)?.owner
  const oktaActor = owner?.login ?? 'unknown'
  const callback = `${emu.oktaOrgUrl}/oauth2/v1/authorize/callback`
  const idpApp = e.applications.find((a) => (a.web?.redirectUris ?? []).includes(callback))
  if (!idpApp?.id) throw new Error('the scenario has no app registration behind an Okta IdP')
  const out: ScriptedChange[] = []

  // 1. the client secret rotated: a new one added, the old one removed
  const oldKeys = (idpApp.passwordCredentials ?? []).map((c) => c.keyId ?? '')
  const added = await graph('POST', `/applications/${idpApp.id}/addPassword`, {
    passwordCredential: { displayName: 'Okta IdP (rotated)' },
  })
  for (const keyId of oldKeys)
    await graph('POST', `/applications/${idpApp.id}/removePassword`, { keyId })
  out.push({
    mutation: 'secret rotated',
    resource: 'entra.applications',
    key: idpApp.id,
    paths: [
      new RegExp(
        `^passwordCredentials\\[keyId=(${[String(added.keyId), ...oldKeys].join('|')})\\]$`,
      ),
    ],
    actor: graphActor,
  })

  // 2. a redirect URI removed (a stale one added to the scenario is taken out)
  const current = e.applications.find((a) => a.id === idpApp.id)
  const uris = current?.web?.redirectUris ?? []
  const removed = uris.find((u) => u !== callback) ?? callback
  await graph('PATCH', `/applications/${idpApp.id}`, {
    web: { redirectUris: uris.filter((u) => u !== removed) },
  })
  out.push({
    mutation: 'redirect URI removed',
    resource: 'entra.applications',
    key: idpApp.id,
    paths: [/^web\.redirectUris\[/],
    actor: graphActor,
  })

  // 3. a profile mapping expression changed (Okta to Office 365)
  const o365 = o.apps.find((a) => a.name === 'office365')
  const mapping = o.mappings.find(
    (m) =>
      (m.target as OktaRecord | undefined)?.id === o365?.id &&
      Object.keys((m.properties as OktaRecord) ?? {}).length,
  )
  const props = (mapping?.properties ?? {}) as Record<string, OktaRecord>
  const property = 'department' in props ? 'department' : (Object.keys(props)[0] ?? 'department')
  await okta(`/api/v1/mappings/${String(mapping?.id)}`, {
    properties: { [property]: { expression: 'user.title', pushStatus: 'PUSH' } },
  })
  out.push({
    mutation: 'mapping expression changed',
    resource: 'okta.mappings',
    key: String(mapping?.id),
    paths: [new RegExp(`^properties\\.${property}\\.`)],
    actor: oktaActor,
  })

  // 4. a person renamed: their Okta profile, and the Office 365 app user it pushes to
  const appUser = (o.appUsers[String(o365?.id)] ?? []).find((u) =>
    o.users.some((x) => x.id === u.id),
  )
  const user = o.users.find((x) => x.id === appUser?.id)
  const profile = (user?.profile ?? {}) as OktaRecord
  const lastName = `${String(profile.lastName)}-Marsh`
  await okta(`/api/v1/users/${String(user?.id)}`, {
    profile: { lastName, displayName: `${String(profile.firstName)} ${lastName}` },
  })
  out.push(
    {
      mutation: 'user renamed',
      resource: 'okta.users',
      key: String(user?.id),
      paths: [/^profile\.(lastName|displayName)$/],
      actor: oktaActor,
    },
    {
      mutation: 'user renamed',
      resource: 'okta.appUsers',
      key: `${String(o365?.id)}/${String(user?.id)}`,
      paths: [/^profile\.(lastName|displayName)$/],
      actor: oktaActor,
    },
  )

  // 5. the federation's signing certificate replaced
  const [domain, configs] =
    Object.entries(e.federationConfigurations).find(([, l]) => l.length > 0) ?? []
  const config = configs?.[0]
  const now = Date.parse(emu.scenario.now)
  const cert = issueCertificate({
    seed: 15,
    label: 'history-federation',
    commonName: 'Okta WS-Fed signing (replaced)',
    notBeforeMs: now - 86_400_000,
    notAfterMs: now + 3 * 365 * 86_400_000,
  })
  await graph('PATCH', `/domains/${String(domain)}/federationConfiguration/${String(config?.id)}`, {
    signingCertificate: cert.derBase64,
  })
  out.push({
    mutation: 'federation certificate replaced',
    resource: 'entra.federationConfigurations',
    key: `${String(domain)}/${String(config?.id)}`,
    paths: [/^signingCertificate$/],
    actor: graphActor,
  })
  return out
}
