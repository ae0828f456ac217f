/**
 * Turns a workspace's stored connection into what the doctor and the collector take: a
 * `Profile` (endpoints only), the `Credentials` opened from the vault, and the CA. Every
 * opened secret is registered with the log before it is used anywhere.
 */
import { HandlerError } from '../ipc/handler-error'
import type { Logger } from '../log'
import type { Credentials } from '../profile/credentials'
import type { Profile } from '../profile/profile'
import type { ConnectionDraft } from '../../shared/ipc/connections'
import {
  OVERRIDES_REFUSED,
  registerSecret,
  toEntraCredential,
  toOktaCredential,
  type ConnectionStore,
} from './store'
import type { VaultSession } from './vault-session'

export interface ResolvedConnection {
  profile: Profile
  credentials: Credentials
  ca?: string
  /** stored credentials that could not be opened (doctor input: shown next to the field) */
  credentialProblems: { side: 'entra' | 'okta'; field: string; message: string }[]
}

export async function resolveConnection(
  workspaceId: string,
  deps: { store: ConnectionStore; session: VaultSession; log: Logger; endpointOverrides: boolean },
): Promise<ResolvedConnection> {
  const stored = await deps.store.read(workspaceId)
  if (!stored?.entra && !stored?.okta) {
    throw new HandlerError(
      'not-found',
      'This workspace has no saved connection yet: enter and save one on the Connect screen.',
    )
  }
  if (
    !deps.endpointOverrides &&
    (stored.entra?.authorityHost || stored.entra?.graphBaseUrl || stored.caPem)
  ) {
    throw new HandlerError('unavailable', OVERRIDES_REFUSED)
  }
  const vault = await deps.session.vault()
  const credentials: Credentials = {}
  const credentialProblems: ResolvedConnection['credentialProblems'] = []
  const profile: Profile = {}
  if (stored.entra) {
    const e = stored.entra
    profile.entra = {
      tenantId: e.tenantId,
      clientId: e.clientId,
      cloud: e.cloud,
      ...(e.authorityHost ? { authorityHost: e.authorityHost } : {}),
      ...(e.graphBaseUrl ? { graphBaseUrl: e.graphBaseUrl } : {}),
    }
    const opened = await vault.open(e.vaultId)
    if (
      opened.ok &&
      (opened.credential.kind === 'secret' || opened.credential.kind === 'certificate')
    ) {
      registerSecret(deps.log, opened.credential)
      credentials.entra = opened.credential
    } else {
      credentialProblems.push({
        side: 'entra',
        field: e.authKind === 'clientSecret' ? 'clientSecret' : 'certificateFile',
        message: opened.ok
          ? 'The stored Entra credential is of the wrong kind; enter it again.'
          : opened.problem.message,
      })
    }
  }
  if (stored.okta) {
    const o = stored.okta
    profile.okta = {
      orgUrl: o.orgUrl,
      ...(o.clientId ? { clientId: o.clientId } : {}),
      ...(o.keyId ? { keyId: o.keyId } : {}),
      ...(o.scopes ? { scopes: o.scopes } : {}),
    }
    const opened = await vault.open(o.vaultId)
    if (
      opened.ok &&
      (opened.credential.kind === 'apiToken' || opened.credential.kind === 'privateKey')
    ) {
      registerSecret(deps.log, opened.credential)
      credentials.okta = opened.credential
    } else {
      credentialProblems.push({
        side: 'okta',
        field: o.authKind === 'apiToken' ? 'apiToken' : 'privateKeyFile',
        message: opened.ok
          ? 'The stored Okta credential is of the wrong kind; enter it again.'
          : opened.problem.message,
      })
    }
  }
  return { profile, credentials, ...(stored.caPem ? { ca: stored.caPem } : {}), credentialProblems }
}

/**
 * The connection as the Connect form has it now (`draft`), for a test that stores nothing:
 * endpoints and CA from the draft; a side's credential from the draft, or, where the form
 * left it empty (secrets are write-only), the one stored for that side. The vault is opened
 * only when a stored credential is needed.
 */
export async function resolveDraft(
  workspaceId: string,
  draft: ConnectionDraft,
  deps: { store: ConnectionStore; session: VaultSession; log: Logger; endpointOverrides: boolean },
): Promise<ResolvedConnection> {
  if (!draft.entra && !draft.okta) {
    throw new HandlerError('not-found', 'Enter an Entra tenant, an Okta org, or both.')
  }
  if (
    !deps.endpointOverrides &&
    (draft.entra?.authorityHost || draft.entra?.graphBaseUrl || draft.caPem)
  ) {
    throw new HandlerError('unavailable', OVERRIDES_REFUSED)
  }
  const stored = await deps.store.read(workspaceId)
  const credentials: Credentials = {}
  const credentialProblems: ResolvedConnection['credentialProblems'] = []
  const profile: Profile = {}
  const openStored = async (vaultId: string | undefined) => {
    if (!vaultId) return undefined
    const opened = await (await deps.session.vault()).open(vaultId)
    return opened.ok ? opened.credential : undefined
  }
  if (draft.entra) {
    const { credential, ...e } = draft.entra
    profile.entra = {
      tenantId: e.tenantId,
      clientId: e.clientId,
      cloud: e.cloud,
      ...(e.authorityHost ? { authorityHost: e.authorityHost } : {}),
      ...(e.graphBaseUrl ? { graphBaseUrl: e.graphBaseUrl } : {}),
    }
    const secret = credential
      ? toEntraCredential(credential)
      : await openStored(stored?.entra?.vaultId)
    if (secret?.kind === 'secret' || secret?.kind === 'certificate') {
      registerSecret(deps.log, secret)
      credentials.entra = secret
    } else {
      credentialProblems.push({
        side: 'entra',
        field: 'clientSecret',
        message: 'Enter the client secret value (or the certificate): none is stored yet.',
      })
    }
  }
  if (draft.okta) {
    const given = draft.okta.credential
    const previous = stored?.okta
    const service =
      given?.kind === 'privateKey'
        ? { clientId: given.clientId, scopes: given.scopes, keyId: given.keyId }
        : { clientId: previous?.clientId, scopes: previous?.scopes, keyId: previous?.keyId }
    const secret = given ? toOktaCredential(given) : await openStored(previous?.vaultId)
    profile.okta = {
      orgUrl: draft.okta.orgUrl.replace(/\/+$/, ''),
      ...(secret?.kind === 'privateKey' && service.clientId
        ? {
            clientId: service.clientId,
            ...(service.scopes ? { scopes: service.scopes } : {}),
            ...(service.keyId ? { keyId: service.keyId } : {}),
          }
        : {}),
    }
    if (secret?.kind === 'apiToken' || secret?.kind === 'privateKey') {
      registerSecret(deps.log, secret)
      credentials.okta = secret
    } else {
      credentialProblems.push({
        side: 'okta',
        field: 'apiToken',
        message: 'Enter the API token (or the service app key): none is stored yet.',
      })
    }
  }
  return { profile, credentials, ...(draft.caPem ? { ca: draft.caPem } : {}), credentialProblems }
}
