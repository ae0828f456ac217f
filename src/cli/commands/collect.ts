/**
 * `crosswalk collect --profile P.json --out S.json[.gz] [--since OLD.json] [--accept-partial]`:
 * collects a snapshot of both sides. The write targets are checked before any work (an
 * existing writable folder; absent or a regular file). A complete run is written to --out
 * atomically. An incomplete one goes to `<out>.partial` with `complete: false`, so a good
 * earlier snapshot at --out is never replaced by a failed run, and exits 1; with
 * `--accept-partial` it is written to --out itself, with a warning listing what is missing,
 * and exits 0 (DESIGN.md §4). A cancelled run writes nothing and exits 1; usage, profile
 * and write-target errors exit 2.
 */
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { CliError, EXIT_FINDINGS, EXIT_OK, type CliCommand, type CliIo } from '../command'
import { checkWriteTarget, WriteTargetError } from '../../node/atomic-file'
import { collectSnapshot } from '../../node/collect/collect-snapshot'
import { CredentialError, readCa, resolveCredentials } from '../../node/profile/credentials'
import { loadProfile, ProfileError } from '../../node/profile/profile'
import { isAbortError } from '../../node/net/retry'
import { writeSnapshotFile } from '../../node/snapshot-file'
import type { Snapshot } from '../../shared/model/snapshot'
import { term } from '../../shared/text/terminal'
import { renderGaps } from '../gaps'
import { createOutput } from '../output'
import { createProgressView } from './collect-progress'
import { loadSnapshot } from './diagnose'

const USAGE = `Usage: crosswalk collect --profile PROFILE.json --out SNAPSHOT.json[.gz] [options]

Collects a snapshot of the Entra tenant and Okta org named by the profile.
Secrets come from the environment variables (clientSecretEnv, apiTokenEnv) or key files
the profile names; they are never written to the snapshot.

Options:
  --profile FILE        connection profile (JSON)
  --out FILE            snapshot to write (.json, or .json.gz for gzip); its folder must exist
  --since FILE          previous snapshot: refresh incrementally from its cursors
  --accept-partial      write an incomplete collection to --out (complete: false), exit 0
  --logs-since ISO      Okta System Log window start (default: 7 days before --logs-until)
  --logs-until ISO      Okta System Log window end (default: now)
  --audit-since ISO     Entra audit and sign-in logs from this instant (default: newest 50,000)
  --concurrency N       parallel fan-out requests per side (default 4)

Exit codes: 0 complete (or incomplete with --accept-partial), 1 incomplete (written to
OUT.partial) or cancelled, 2 usage, profile or write-target error.`

function summary(snapshot: Snapshot): string {
  const lines: string[] = []
  for (const side of ['entra', 'okta'] as const) {
    const data = snapshot[side] as Record<string, unknown> | undefined
    if (!data) continue
    const parts = Object.entries(data)
      .filter(([, v]) => v !== null && typeof v === 'object')
      .map(
        ([k, v]) =>
          `${k} ${Array.isArray(v) ? v.length : Object.values(v as object).flat().length}`,
      )
    lines.push(`${side}: ${parts.join(', ')}`)
  }
  return lines.join('\n')
}

export const collectCommand: CliCommand = {
  name: 'collect',
  summary: 'Collect a snapshot of the Entra tenant and Okta org named by a profile',
  usage: USAGE,
  run: async (args, io) => {
    let values
    try {
      ;({ values } = parseArgs({
        args: [...args],
        options: {
          profile: { type: 'string' },
          out: { type: 'string' },
          since: { type: 'string' },
          'logs-since': { type: 'string' },
          'logs-until': { type: 'string' },
          'audit-since': { type: 'string' },
          concurrency: { type: 'string' },
          'accept-partial': { type: 'boolean' },
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
    if (!values.profile || !values.out)
      throw new CliError(`collect needs --profile and --out.\n\n${USAGE}`)
    for (const flag of ['logs-since', 'logs-until', 'audit-since'] as const) {
      const v = values[flag]
      if (v !== undefined && Number.isNaN(Date.parse(v)))
        throw new CliError(`--${flag} must be an ISO-8601 date-time, got "${v}".`)
    }
    const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency)
    if (
      concurrency !== undefined &&
      (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16)
    ) {
      throw new CliError('--concurrency must be an integer from 1 to 16.')
    }
    const resolve = (f: string): string => path.resolve(io.cwd, f)
    const out = resolve(values.out)
    const acceptPartial = values['accept-partial'] === true
    const partial = `${out}.partial`
    // before the work: a missing folder or a device at --out must not cost a whole collection
    await checkTargets(acceptPartial ? [out] : [out, partial])
    let profile
    let credentials
    let ca
    let since: Snapshot | undefined
    try {
      profile = await loadProfile(resolve(values.profile))
      credentials = await resolveCredentials(profile, io.env)
      ca = await readCa(profile)
      if (values.since) since = await loadSnapshot(values.since, io.cwd)
    } catch (error) {
      if (error instanceof ProfileError || error instanceof CredentialError) {
        throw new CliError(error.message)
      }
      throw error
    }

    const controller = new AbortController()
    const onSigint = (): void => controller.abort()
    process.once('SIGINT', onSigint)
    const view = createProgressView(io, print)
    let snapshot: Snapshot
    try {
      snapshot = await collectSnapshot({
        profile,
        credentials,
        ...(ca ? { ca } : {}),
        ...(since ? { since } : {}),
        signal: controller.signal,
        onEvent: view.onEvent,
        onWarning: (w) => print.err(term`warning: ${w}\n`),
        ...(values['logs-since']
          ? { logsSince: new Date(values['logs-since']).toISOString() }
          : {}),
        ...(values['logs-until']
          ? { logsUntil: new Date(values['logs-until']).toISOString() }
          : {}),
        ...(values['audit-since']
          ? { auditSince: new Date(values['audit-since']).toISOString() }
          : {}),
        ...(concurrency ? { concurrency } : {}),
      })
    } catch (error) {
      view.done()
      if (isAbortError(error)) {
        print.err('Collection cancelled; nothing was written.\n')
        return EXIT_FINDINGS
      }
      throw error
    } finally {
      process.removeListener('SIGINT', onSigint)
    }
    view.done()
    const write = (file: string): Promise<void> => writeOut(file, snapshot, io)
    if (snapshot.collection.complete) {
      await write(out)
      print.out(`${summary(snapshot)}\n${term`Complete snapshot written to ${out}`}\n`)
      return EXIT_OK
    }
    const gaps = renderGaps(snapshot)
    const missing = `Collection incomplete (${gaps.length} resource${gaps.length === 1 ? '' : 's'} missing):\n${gaps.map((g) => `${g}\n`).join('')}`
    if (acceptPartial) {
      await write(out)
      print.err(
        `warning: ${missing}` +
          term`Partial snapshot (complete: false) written to ${out}, as --accept-partial asks.\n` +
          'Run `crosswalk doctor --profile ...` for the fixes.\n',
      )
      print.out(`${summary(snapshot)}\n`)
      return EXIT_OK
    }
    await write(partial)
    print.err(
      missing +
        term`Partial snapshot (complete: false) written to ${partial}; ${out} was left untouched.\n` +
        'Run `crosswalk doctor --profile ...` for the fixes, or collect with --accept-partial.\n',
    )
    print.out(`${summary(snapshot)}\n`)
    return EXIT_FINDINGS
  },
}

async function checkTargets(files: readonly string[]): Promise<void> {
  for (const file of files) {
    try {
      await checkWriteTarget(file)
    } catch (error) {
      if (error instanceof WriteTargetError) throw new CliError(`--out: ${error.message}`)
      throw error
    }
  }
}

/** Writes the snapshot; a write that fails (a full disk) is one clear line, exit 2. */
async function writeOut(file: string, snapshot: Snapshot, io: CliIo): Promise<void> {
  try {
    await writeSnapshotFile(file, snapshot, io.writerFs ? { fs: io.writerFs } : {})
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    throw new CliError(
      `Could not write ${file} (${e.code ?? e.message}); the collection was not saved and any earlier file there is unchanged.`,
    )
  }
}
