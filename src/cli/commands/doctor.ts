/**
 * `crosswalk doctor --profile P.json [--json]`: tests both connections and explains every
 * problem with the field at fault and the fix. Exit 0 when every configured side works,
 * 1 when a side has a problem, 2 on usage or profile errors.
 */
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { CliError, EXIT_FINDINGS, EXIT_OK, type CliCommand } from '../command'
import { runDoctor } from '../../node/doctor/doctor'
import type { DoctorReport, DoctorSide } from '../../node/doctor/types'
import {
  CredentialError,
  readCa,
  resolveCredentials,
  type Credentials,
} from '../../node/profile/credentials'
import { loadProfile, ProfileError, type Profile } from '../../node/profile/profile'
import { term } from '../../shared/text/terminal'
import { createOutput } from '../output'

const USAGE = `Usage: crosswalk doctor --profile PROFILE.json [--json]

Signs in to each side of the profile, reads the granted permissions and explains every
problem (wrong secret or secret ID, expired secret, missing admin consent or Graph
permission, Okta token invalid or without admin rights, wrong org URL) with its fix.

Options:
  --profile FILE   connection profile (JSON)
  --json           print the report as JSON

Exit codes: 0 all connections work, 1 a connection has a problem, 2 usage error.`

/** One side's report; permissions, messages and fixes can quote what a server answered. */
function renderSide(name: string, side: DoctorSide): string {
  const lines = [`${name}: ${side.ok ? 'OK' : 'PROBLEMS'}`]
  if (side.grantedPermissions.length)
    lines.push(term`  granted: ${side.grantedPermissions.join(', ')}`)
  if (side.missingPermissions.length)
    lines.push(term`  missing: ${side.missingPermissions.join(', ')}`)
  for (const p of side.problems) {
    lines.push(
      term`  ${p.severity === 'error' ? '✗' : '!'} [${p.field}] ${p.message}`,
      term`    fix: ${p.fix}`,
    )
  }
  return lines.join('\n')
}

/** Per side, so one missing variable does not hide the other side's checks. */
async function resolveEachSide(
  profile: Profile,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{
  credentials: Credentials
  problems: { side: 'entra' | 'okta' | 'profile'; field: string; message: string }[]
}> {
  const credentials: Credentials = {}
  const problems: { side: 'entra' | 'okta' | 'profile'; field: string; message: string }[] = []
  for (const side of ['entra', 'okta'] as const) {
    if (!profile[side]) continue
    try {
      const c = await resolveCredentials({ [side]: profile[side] } as Profile, env)
      if (side === 'entra' && c.entra) credentials.entra = c.entra
      if (side === 'okta' && c.okta) credentials.okta = c.okta
    } catch (error) {
      if (!(error instanceof CredentialError)) throw error
      problems.push({ side: error.side, field: error.field, message: error.message })
    }
  }
  return { credentials, problems }
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'Test the connections of a profile and explain every problem with its fix',
  usage: USAGE,
  run: async (args, io) => {
    let values
    try {
      ;({ values } = parseArgs({
        args: [...args],
        options: {
          profile: { type: 'string' },
          json: { type: 'boolean' },
          help: { type: 'boolean' },
        },
        strict: true,
        allowPositionals: false,
      }))
    } catch (error) {
      throw new CliError(`${(error as Error).message}\n\n${USAGE}`)
    }
    const print = createOutput(io)
    if (values.help) {
      print.out(`${USAGE}\n`)
      return EXIT_OK
    }
    if (!values.profile) throw new CliError(`doctor needs --profile.\n\n${USAGE}`)
    let profile: Profile
    let ca: string | undefined
    try {
      profile = await loadProfile(path.resolve(io.cwd, values.profile))
      ca = await readCa(profile)
    } catch (error) {
      if (error instanceof ProfileError || error instanceof CredentialError)
        throw new CliError(error.message)
      throw error
    }
    const { credentials, problems } = await resolveEachSide(profile, io.env)
    const report: DoctorReport = await runDoctor({
      profile,
      credentials,
      credentialProblems: problems,
      ...(ca ? { ca } : {}),
    })
    if (values.json) print.json(report)
    else {
      const parts: string[] = []
      if (report.entra) parts.push(renderSide('Entra ID', report.entra))
      if (report.okta) parts.push(renderSide('Okta', report.okta))
      print.out(`${parts.join('\n\n')}\n`)
    }
    const ok = (report.entra?.ok ?? true) && (report.okta?.ok ?? true)
    return ok ? EXIT_OK : EXIT_FINDINGS
  },
}
