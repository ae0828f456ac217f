/**
 * Builds the Okta SDK `Client` for one profile with every configuration field given
 * explicitly. The SDK's ConfigLoader first merges `~/.okta/okta.yaml`, `./okta.yaml` and
 * `OKTA_CLIENT_*` environment variables, and the constructor's values only win for the fields
 * they set (api-facts fact 16). Passing all seven fields it reads (`authorizationMode`,
 * `orgUrl`, `token`, `clientId`, `scopes`, `privateKey`, `keyId`), empty where unused, leaves
 * nothing for a stray file or variable to fill. The cache middleware is off (`null`) so every
 * read is fresh, and `httpsProxy` / `HTTPS_PROXY` are never used because our executor owns the transport.
 */
import type { HttpSend } from '../net/http'
import type { OktaCredential } from '../profile/credentials'
import type { Sleep } from '../net/retry'
import { createPacer, type Pacer } from './pacer'
import { PacedRequestExecutor } from './request-executor'
import { createSdkClient, type OktaSdkClient } from './sdk-adapter'
import { OKTA_READ_SCOPES } from '../../shared/model'

/** Scopes a read-only Okta service app needs for the whole snapshot: the registry's. */
export { OKTA_READ_SCOPES }

/** Options of `createOktaClient`. */
export interface OktaClientOptions {
  orgUrl: string
  credential: OktaCredential
  /** OAuth service app client id (with a private-key credential) */
  clientId?: string
  scopes?: string[]
  /** the transport (our CA-trusting keep-alive client) */
  send: HttpSend
  /** share of each rate-limit bucket; default 0.5 */
  rateLimitShare?: number
  maxRetries?: number
  signal?: AbortSignal
  sleep?: Sleep
}

/** The SDK client and the pieces a reader needs. */
export interface OktaConnection {
  client: OktaSdkClient
  executor: PacedRequestExecutor
  pacer: Pacer
}

/** Creates the SDK client, its paced executor and pacer for one run. */
export function createOktaClient(options: OktaClientOptions): OktaConnection {
  const pacer = createPacer({
    share: options.rateLimitShare ?? 0.5,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  })
  const executor = new PacedRequestExecutor({
    send: options.send,
    pacer,
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  })
  const cred = options.credential
  const client = createSdkClient({
    orgUrl: options.orgUrl,
    authorizationMode: cred.kind === 'apiToken' ? 'SSWS' : 'PrivateKey',
    token: cred.kind === 'apiToken' ? cred.token : '',
    clientId: cred.kind === 'privateKey' ? (options.clientId ?? '') : '',
    scopes: cred.kind === 'privateKey' ? (options.scopes ?? OKTA_READ_SCOPES).join(' ') : '',
    privateKey: cred.kind === 'privateKey' ? cred.privateKeyPem : '',
    keyId: cred.kind === 'privateKey' ? (cred.keyId ?? '') : '',
    requestExecutor: executor,
    userAgent: 'crosswalk',
  })
  return { client, executor, pacer }
}
