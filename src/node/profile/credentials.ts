/**
 * Secrets for one run, resolved from the environment variables and key files a profile
 * names. These objects stay inside src/node: callers outside it get `describeCredentials`
 * metadata only.
 */
import { X509Certificate } from 'node:crypto'
import { FileTooLargeError, MAX_SMALL_FILE_BYTES, readFileBounded } from '../bounded-read'
import { describeCertificate, readPfx } from '../entra/certificate'
import type { Profile } from './profile'

/** Entra client credential: a secret value, or a certificate with its private key. */
export type EntraCredential =
  | { kind: 'secret'; clientSecret: string }
  | { kind: 'certificate'; certificatePem: string; privateKeyPem: string }

/** Okta credential: an SSWS API token, or an OAuth service app's private key. */
export type OktaCredential =
  | { kind: 'apiToken'; token: string }
  | { kind: 'privateKey'; privateKeyPem: string; keyId?: string }

/** The secrets of one run, per side. */
export interface Credentials {
  entra?: EntraCredential
  okta?: OktaCredential
}

/** Values shorter than this are not searched for: they would match ordinary text. */
export const MIN_SECRET_LENGTH = 4

/**
 * The one list of a run's secret values: the Entra client secret or certificate private key,
 * the Okta API token or service-app private key. Every last-line redaction (collection errors,
 * the doctor's messages, the log, collect events) searches for exactly these.
 */
export function runSecrets(credentials: Credentials): string[] {
  const out: string[] = []
  const e = credentials.entra
  const o = credentials.okta
  if (e?.kind === 'secret') out.push(e.clientSecret)
  if (e?.kind === 'certificate') out.push(e.privateKeyPem)
  if (o?.kind === 'apiToken') out.push(o.token)
  if (o?.kind === 'privateKey') out.push(o.privateKeyPem)
  return out.filter((s) => s.length >= MIN_SECRET_LENGTH)
}

/** A credential that could not be read; `field` names the profile field at fault. */
export class CredentialError extends Error {
  constructor(
    readonly side: 'entra' | 'okta' | 'profile',
    readonly field: string,
    message: string,
  ) {
    super(message)
    this.name = 'CredentialError'
  }
}

async function readText(
  side: 'entra' | 'okta' | 'profile',
  field: string,
  file: string,
): Promise<string> {
  try {
    return (await readFileBounded(file)).toString('utf8')
  } catch (error) {
    throw new CredentialError(side, field, unreadable(field, file, error))
  }
}

function unreadable(field: string, file: string, error: unknown): string {
  if (error instanceof FileTooLargeError)
    return `${field} ${file} is larger than ${MAX_SMALL_FILE_BYTES / 1024} KiB; name the PEM or PFX file itself.`
  return `Cannot read ${field} ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`
}

function fromEnv(
  env: Readonly<Record<string, string | undefined>>,
  side: 'entra' | 'okta',
  field: string,
  name: string,
): string {
  const value = env[name]
  if (value === undefined || value.trim() === '') {
    throw new CredentialError(
      side,
      field,
      `The environment variable ${name} (named by ${side}.${field}) is not set.`,
    )
  }
  return value.trim()
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/**
 * Reads the CA file a profile names, if any, and checks that it holds PEM certificates:
 * Node ignores a CA bundle it cannot read, which would surface much later as an untrusted
 * server certificate.
 */
export async function readCa(profile: Profile): Promise<string | undefined> {
  if (!profile.caFile) return undefined
  const text = await readText('profile', 'caFile', profile.caFile)
  const blocks = text.match(PEM_CERTIFICATE) ?? []
  const bad = blocks.findIndex((pem) => {
    try {
      new X509Certificate(pem)
      return false
    } catch {
      return true
    }
  })
  if (blocks.length === 0 || bad >= 0) {
    throw new CredentialError(
      'profile',
      'caFile',
      blocks.length === 0
        ? `caFile ${profile.caFile} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`
        : `caFile ${profile.caFile}: certificate ${bad + 1} of ${blocks.length} cannot be read.`,
    )
  }
  return text
}

/** Reads every secret the profile names. Throws `CredentialError` naming the field at fault. */
export async function resolveCredentials(
  profile: Profile,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Credentials> {
  const out: Credentials = {}
  const entra = profile.entra
  if (entra?.clientSecretEnv) {
    out.entra = {
      kind: 'secret',
      clientSecret: fromEnv(env, 'entra', 'clientSecretEnv', entra.clientSecretEnv),
    }
  } else if (entra?.certificateFile) {
    if (/\.(pfx|p12)$/i.test(entra.certificateFile)) {
      let bundle: Buffer
      try {
        bundle = await readFileBounded(entra.certificateFile)
      } catch (error) {
        throw new CredentialError(
          'entra',
          'certificateFile',
          unreadable('certificateFile', entra.certificateFile, error),
        )
      }
      const password = entra.certificatePasswordEnv ? (env[entra.certificatePasswordEnv] ?? '') : ''
      try {
        out.entra = { kind: 'certificate', ...readPfx(bundle, password) }
      } catch (error) {
        throw new CredentialError('entra', 'certificateFile', (error as Error).message)
      }
    } else {
      const certificatePem = await readText('entra', 'certificateFile', entra.certificateFile)
      const privateKeyPem = await readText('entra', 'privateKeyFile', entra.privateKeyFile ?? '')
      out.entra = { kind: 'certificate', certificatePem, privateKeyPem }
    }
    try {
      describeCertificate(out.entra.certificatePem, out.entra.privateKeyPem)
    } catch (error) {
      throw new CredentialError('entra', 'certificateFile', (error as Error).message)
    }
  }
  const okta = profile.okta
  if (okta?.apiTokenEnv) {
    out.okta = { kind: 'apiToken', token: fromEnv(env, 'okta', 'apiTokenEnv', okta.apiTokenEnv) }
  } else if (okta?.privateKeyFile) {
    const privateKeyPem = await readText('okta', 'privateKeyFile', okta.privateKeyFile)
    out.okta = { kind: 'privateKey', privateKeyPem, ...(okta.keyId ? { keyId: okta.keyId } : {}) }
  }
  return out
}
