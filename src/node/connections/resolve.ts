/**
 * Turns a workspace's stored connection into what the doctor and the collector take: a
 * `Profile` (endpoints only), the `Credentials` opened from the vault, and the CA. Every
 * opened secret is registered with the log before it is used anywhere.
 */
import { HandlerError } from '../ipc/handler-error'
import type { Logger } from '../log'
import type { Credentials } from '../profile/credentials'
import type { Profile } from '../profile/profile'
import { OVERRIDES_REFUSED, registerSecret, type ConnectionStore } from './store'
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
