/**
 * The connection profile (DESIGN.md §4): endpoints and where secrets come from, never the
 * secrets themselves. Validated with zod at the file boundary; relative file paths are
 * resolved against the profile file's folder.
 */
import * as path from 'node:path'
import { z } from 'zod'
import { ClientId, TenantRef, isHttpsUrl } from '../../shared/ipc/connections'
import { Cloud } from '../../shared/model/snapshot'
import { formatIssues } from '../../shared/util/issues'
import { FileTooLargeError, MAX_SMALL_FILE_BYTES, readFileBounded } from '../bounded-read'

// Endpoints and ids are checked as the Connect form checks them: bearer tokens go there.
const httpsUrl = z
  .string()
  .trim()
  .max(2_000)
  .refine((v) => isHttpsUrl(v), {
    message: 'must be an https:// URL, without credentials, query or fragment',
  })

const EntraBase = z.object({
  tenantId: TenantRef,
  clientId: ClientId,
  cloud: Cloud.default('global'),
  /** login host; the authority is `${authorityHost}/${tenantId}` */
  authorityHost: httpsUrl.optional(),
  /** Graph root without version; `/v1.0` is appended */
  graphBaseUrl: httpsUrl.optional(),
  /** environment variable holding the client secret value */
  clientSecretEnv: z.string().min(1).optional(),
  /** PEM certificate, or a .pfx/.p12 bundle holding certificate and key */
  certificateFile: z.string().min(1).optional(),
  /** PEM private key (not needed for .pfx/.p12) */
  privateKeyFile: z.string().min(1).optional(),
  /** environment variable holding the .pfx/.p12 password */
  certificatePasswordEnv: z.string().min(1).optional(),
})

/** The Entra half of a profile: exactly one of a secret env var or a certificate. */
export const EntraProfile = EntraBase.superRefine((v, ctx) => {
  const hasSecret = v.clientSecretEnv !== undefined
  const hasCert = v.certificateFile !== undefined
  if (hasSecret === hasCert) {
    ctx.addIssue({
      code: 'custom',
      message:
        'give either clientSecretEnv or certificateFile (+ privateKeyFile), not both or neither',
      path: ['clientSecretEnv'],
    })
  }
  if (hasCert && !/\.(pfx|p12)$/i.test(v.certificateFile ?? '') && v.privateKeyFile === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'a PEM certificateFile needs privateKeyFile',
      path: ['privateKeyFile'],
    })
  }
})
export type EntraProfile = z.infer<typeof EntraProfile>

/** The Okta half of a profile: an API token env var, or an OAuth service app with a private key. */
export const OktaProfile = z
  .object({
    orgUrl: httpsUrl,
    apiTokenEnv: z.string().min(1).optional(),
    clientId: z.string().min(1).optional(),
    privateKeyFile: z.string().min(1).optional(),
    keyId: z.string().min(1).optional(),
    scopes: z.array(z.string().min(1)).min(1).optional(),
    /** share of each X-Rate-Limit bucket this client may use, in (0, 1]; default 0.5 */
    rateLimitShare: z.number().gt(0).max(1).optional(),
  })
  .superRefine((v, ctx) => {
    const oauth = v.clientId !== undefined || v.privateKeyFile !== undefined
    if ((v.apiTokenEnv !== undefined) === oauth) {
      ctx.addIssue({
        code: 'custom',
        message:
          'give either apiTokenEnv or clientId + privateKeyFile + scopes, not both or neither',
        path: ['apiTokenEnv'],
      })
    }
    if (oauth && (!v.clientId || !v.privateKeyFile || !v.scopes)) {
      ctx.addIssue({
        code: 'custom',
        message: 'an OAuth service app needs clientId, privateKeyFile and scopes',
        path: ['clientId'],
      })
    }
  })
export type OktaProfile = z.infer<typeof OktaProfile>

/** A whole profile; at least one side. */
export const Profile = z
  .object({
    entra: EntraProfile.optional(),
    okta: OktaProfile.optional(),
    /** PEM CA certificate(s) trusted for these connections, on top of the system roots */
    caFile: z.string().min(1).optional(),
  })
  .refine((p) => p.entra !== undefined || p.okta !== undefined, {
    message: 'a profile needs an entra or an okta section',
  })
export type Profile = z.infer<typeof Profile>

/** A profile that failed validation; `message` lists every issue with its JSON path. */
export class ProfileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProfileError'
  }
}

/** Validates an unknown value as a profile; file paths are resolved against `baseDir`. */
export function parseProfile(value: unknown, baseDir: string): Profile {
  const parsed = Profile.safeParse(value)
  if (!parsed.success)
    throw new ProfileError(`Invalid profile: ${formatIssues(parsed.error, 20).join('; ')}`)
  const p = parsed.data
  const abs = (file: string | undefined): string | undefined =>
    file === undefined ? undefined : path.resolve(baseDir, file)
  return {
    ...p,
    ...(p.caFile ? { caFile: abs(p.caFile) } : {}),
    ...(p.entra
      ? {
          entra: {
            ...p.entra,
            ...(p.entra.certificateFile ? { certificateFile: abs(p.entra.certificateFile) } : {}),
            ...(p.entra.privateKeyFile ? { privateKeyFile: abs(p.entra.privateKeyFile) } : {}),
          },
        }
      : {}),
    ...(p.okta
      ? {
          okta: {
            ...p.okta,
            ...(p.okta.privateKeyFile ? { privateKeyFile: abs(p.okta.privateKeyFile) } : {}),
          },
        }
      : {}),
  }
}

/** Reads and validates a profile JSON file. Throws `ProfileError` with a clear message. */
export async function loadProfile(file: string): Promise<Profile> {
  let text: string
  try {
    text = (await readFileBounded(file)).toString('utf8')
  } catch (error) {
    throw new ProfileError(
      error instanceof FileTooLargeError
        ? `Profile ${file} is larger than ${MAX_SMALL_FILE_BYTES / 1024} KiB; a profile is a small JSON file.`
        : `Cannot read profile ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ProfileError(`Profile ${file} is not valid JSON.`)
  }
  return parseProfile(json, path.dirname(path.resolve(file)))
}
