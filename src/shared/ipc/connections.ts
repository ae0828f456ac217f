/**
 * The contract's vault and connection shapes. Secrets are write-only: they appear in the
 * inputs of `connections:save` and in no output. What comes back is metadata a consultant
 * can check against the Entra admin center or the Okta admin console (tenant, client ID,
 * the first three characters of a secret as Entra shows them, certificate thumbprint and
 * expiry).
 */
import { z } from 'zod'
import { Cloud } from '../model/snapshot'
import { WorkspaceId } from '../model/workspace'
import { isGuid } from '../util/guid'

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i
// host (name, IPv4 or [IPv6]), optional port, optional path; no user info, query or fragment
const HTTPS_URL = /^https:\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?(\/[^\s?#]*)?$/i
/** Longest PEM (certificate chain, private key, CA bundle) accepted, in characters. */
export const MAX_PEM_CHARS = 64_000

export { isGuid }

/** True for an https:// URL without credentials, query or fragment (tokens are sent there). */
export function isHttpsUrl(value: string): boolean {
  return HTTPS_URL.test(value)
}

/** An https:// URL without credentials, query or fragment. */
export const HttpsUrl = z
  .string()
  .trim()
  .max(2_000)
  .refine((v) => isHttpsUrl(v), 'Enter an https:// address, without a query or fragment.')

/** A tenant is named by its Directory (tenant) ID or one of its verified domains. */
export const TenantRef = z
  .string()
  .trim()
  .min(1, 'Enter the Directory (tenant) ID or a verified domain such as contoso.onmicrosoft.com.')
  .refine(
    (v) => isGuid(v) || DOMAIN.test(v),
    'Enter the Directory (tenant) ID (a GUID) or a verified domain such as contoso.onmicrosoft.com.',
  )

export const ClientId = z
  .string()
  .trim()
  .refine((v) => isGuid(v), 'The Application (client) ID is a GUID, e.g. 1b2c3d4e-….')

const Pem = (label: string) =>
  z
    .string()
    .trim()
    .max(MAX_PEM_CHARS, `The ${label} is longer than ${MAX_PEM_CHARS} characters.`)
    .refine(
      (v) => /-----BEGIN [A-Z0-9 ]+-----/.test(v),
      `Paste the ${label} in PEM form (-----BEGIN …).`,
    )

export const CertificatePem = Pem('certificate')
export const PrivateKeyPem = Pem('private key')
export const CaPem = Pem('CA certificate')

export const EntraCredentialInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('secret'),
    clientSecret: z.string().trim().min(1, 'Enter the client secret value.').max(1_000),
  }),
  z.object({
    kind: z.literal('certificate'),
    certificatePem: CertificatePem,
    privateKeyPem: PrivateKeyPem,
  }),
])
export type EntraCredentialInput = z.infer<typeof EntraCredentialInput>

export const OktaCredentialInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('apiToken'),
    token: z.string().trim().min(1, 'Enter the API token.').max(1_000),
  }),
  z.object({
    kind: z.literal('privateKey'),
    clientId: z.string().trim().min(1, 'Enter the service app’s client ID.').max(200),
    privateKeyPem: PrivateKeyPem,
    keyId: z.string().trim().min(1).max(200).optional(),
    scopes: z
      .array(z.string().trim().min(1).max(200))
      .min(1, 'Name at least one scope, e.g. okta.users.read.')
      .max(50),
  }),
])
export type OktaCredentialInput = z.infer<typeof OktaCredentialInput>

export const ConnectionsSaveInput = z
  .object({
    workspaceId: WorkspaceId,
    entra: z
      .object({
        tenantId: TenantRef,
        clientId: ClientId,
        cloud: Cloud,
        authorityHost: HttpsUrl.optional(),
        graphBaseUrl: HttpsUrl.optional(),
        credential: EntraCredentialInput.optional(),
      })
      .strict()
      .optional(),
    okta: z
      .object({ orgUrl: HttpsUrl, credential: OktaCredentialInput.optional() })
      .strict()
      .optional(),
    /** absent: no custom CA (the stored one, if any, is dropped) */
    caPem: CaPem.optional(),
  })
  .strict()
export type ConnectionsSaveInput = z.infer<typeof ConnectionsSaveInput>

/**
 * `connections:test` input. With `draft` (the Connect form as typed: the save input's sides
 * and CA), the doctor tests those values without storing anything; a side's omitted
 * credential is the stored one. Without it, the stored connection is tested.
 */
export const ConnectionsTestInput = z
  .object({
    workspaceId: WorkspaceId,
    draft: ConnectionsSaveInput.omit({ workspaceId: true }).optional(),
  })
  .strict()
export type ConnectionsTestInput = z.infer<typeof ConnectionsTestInput>
export type ConnectionDraft = NonNullable<ConnectionsTestInput['draft']>

/** The non-secret face of the stored Entra connection. */
export const EntraConnectionInfo = z.object({
  tenantId: z.string(),
  clientId: z.string(),
  cloud: Cloud,
  authKind: z.enum(['clientSecret', 'certificate']),
  /** first three characters of the client secret, as the Entra portal shows them */
  secretHint: z.string().max(3).optional(),
  certificateThumbprint: z.string().optional(),
  /** ISO-8601 */
  certificateExpiresAt: z.string().optional(),
  authorityHost: z.string().optional(),
  graphBaseUrl: z.string().optional(),
  /** ISO-8601: when the credential was stored */
  savedAt: z.string(),
})
export type EntraConnectionInfo = z.infer<typeof EntraConnectionInfo>

/** The non-secret face of the stored Okta connection. */
export const OktaConnectionInfo = z.object({
  orgUrl: z.string(),
  authKind: z.enum(['apiToken', 'privateKey']),
  /** first three characters of the API token */
  tokenHint: z.string().max(3).optional(),
  clientId: z.string().optional(),
  keyId: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  savedAt: z.string(),
})
export type OktaConnectionInfo = z.infer<typeof OktaConnectionInfo>

export const ConnectionInfo = z.object({
  workspaceId: WorkspaceId,
  entra: EntraConnectionInfo.optional(),
  okta: OktaConnectionInfo.optional(),
  /** the custom CA certificate(s) trusted for both connections (public, so echoed) */
  caPem: z.string().optional(),
})
export type ConnectionInfo = z.infer<typeof ConnectionInfo>

export const VaultKind = z.enum(['safe-storage', 'passphrase'])
export type VaultKind = z.infer<typeof VaultKind>

/**
 * The vault's state. `needsPlaintextConsent`: Electron on Linux without a keyring
 * (safeStorage backend `basic_text`) stays locked until `vault:unlock` is called with
 * `acceptPlaintext: true` after showing `warning`. `endpointOverrides`: whether this host
 * honours custom endpoints and a custom CA (development builds and test hosts only).
 */
export const VaultStatus = z.object({
  kind: VaultKind,
  unlocked: z.boolean(),
  warning: z.string().optional(),
  needsPlaintextConsent: z.boolean().optional(),
  problems: z.array(z.string()),
  endpointOverrides: z.boolean(),
})
export type VaultStatus = z.infer<typeof VaultStatus>

export const VaultUnlockInput = z
  .object({
    /** the passphrase vault's key (at least 8 characters) */
    passphrase: z.string().min(1).max(1_000).optional(),
    /** Electron on Linux without a keyring: the user accepted `VaultStatus.warning` */
    acceptPlaintext: z.literal(true).optional(),
  })
  .strict()
export type VaultUnlockInput = z.infer<typeof VaultUnlockInput>

/** One problem the connection doctor found, with the connect-form field at fault and the fix. */
export const DoctorProblem = z.object({
  /** e.g. "entra.clientSecret", "okta.orgUrl", "caFile" */
  field: z.string(),
  /** stable code, e.g. "aadsts-7000215" */
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  fix: z.string(),
})
export type DoctorProblem = z.infer<typeof DoctorProblem>

export const DoctorSide = z.object({
  ok: z.boolean(),
  problems: z.array(DoctorProblem),
  grantedPermissions: z.array(z.string()),
  missingPermissions: z.array(z.string()),
})
export type DoctorSide = z.infer<typeof DoctorSide>

/** The connection doctor's report (src/node/doctor), per side. */
export const DoctorReport = z.object({ entra: DoctorSide.optional(), okta: DoctorSide.optional() })
export type DoctorReport = z.infer<typeof DoctorReport>
