/**
 * The connection doctor: checks each side of a profile and explains every failure in plain
 * words with the field at fault and the fix. Never throws for a connection problem, and
 * never puts a secret into its result.
 */
import { createHttpClient } from '../net/http'
import { redactSecrets } from '../net/api-error'
import { runSecrets, type Credentials } from '../profile/credentials'
import type { Profile } from '../profile/profile'
import { diagnoseEntra } from './entra-doctor'
import { diagnoseOkta } from './okta-doctor'
import type { DoctorProblem, DoctorReport, DoctorSide } from './types'

/** Inputs of `runDoctor`. */
export interface DoctorOptions {
  profile: Profile
  credentials: Credentials
  /** problems found while reading credentials (missing env var, unreadable key file) */
  credentialProblems?: { side: 'entra' | 'okta' | 'profile'; field: string; message: string }[]
  ca?: string
  now?: () => number
}

const failed = (problems: DoctorProblem[]): DoctorSide => ({
  ok: false,
  problems,
  grantedPermissions: [],
  missingPermissions: [],
})

/** Checks every side the profile configures; resolves with a JSON-serialisable report, never rejects for a connection problem. */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const { profile, credentials } = options
  const http = createHttpClient({ ...(options.ca ? { ca: options.ca } : {}), maxSockets: 4 })
  const secrets = runSecrets(credentials)
  const credProblem = (side: 'entra' | 'okta'): DoctorProblem[] =>
    (options.credentialProblems ?? [])
      .filter((p) => p.side === side || p.side === 'profile')
      .map((p) => ({
        field: p.side === 'profile' ? p.field : `${p.side}.${p.field}`,
        code: 'credential-unreadable',
        severity: 'error' as const,
        message: p.message,
        fix: 'Set the environment variable or fix the file path named in the profile.',
      }))
  try {
    const [entra, okta] = await Promise.all([
      profile.entra
        ? credentials.entra
          ? diagnoseEntra({
              profile: profile.entra,
              credential: credentials.entra,
              send: http.send,
            })
          : Promise.resolve(failed(credProblem('entra')))
        : Promise.resolve(undefined),
      profile.okta
        ? credentials.okta
          ? diagnoseOkta({
              profile: profile.okta,
              credential: credentials.okta,
              send: http.send,
              ...(options.now ? { now: options.now } : {}),
            })
          : Promise.resolve(failed(credProblem('okta')))
        : Promise.resolve(undefined),
    ])
    const clean = (side: DoctorSide | undefined): DoctorSide | undefined =>
      side && {
        ...side,
        problems: side.problems.map((p) => ({
          ...p,
          message: redactSecrets(p.message, secrets),
          fix: redactSecrets(p.fix, secrets),
        })),
      }
    const report: DoctorReport = {}
    const e = clean(entra)
    const o = clean(okta)
    if (e) report.entra = e
    if (o) report.okta = o
    return report
  } finally {
    http.close()
  }
}
