/**
 * `crosswalk collect --profile P.json --out S.json[.gz] [--since OLD.json]`: collects a
 * snapshot of both sides. A complete run is written to --out (atomically); an incomplete
 * one goes to `<out>.partial` with `complete: false`, so a good earlier snapshot at --out
 * is never replaced by a failed run. Exit 0 when complete, 1 when incomplete or cancelled,
 * 2 on usage or profile errors.
 */
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { CliError, EXIT_FINDINGS, EXIT_OK, type CliCommand, type CliIo } from '../command'
import { collectSnapshot } from '../../node/collect/collect-snapshot'
import type { CollectEvent } from '../../node/collect/events'
import { CredentialError, readCa, resolveCredentials } from '../../node/profile/credentials'
import { loadProfile, ProfileError } from '../../node/profile/profile'
import { isAbortError } from '../../node/net/retry'
import { writeSnapshotFile } from '../../node/snapshot-file'
import type { Snapshot } from '../../shared/model/snapshot'
import { term } from '../../shared/text/terminal'
import { createOutput, type CliOutput } from '../output'
import { loadSnapshot } from './diagnose'

const USAGE = `Usage: crosswalk collect --profile PROFILE.json --out SNAPSHOT.json[.gz] [options]

Collects a snapshot of the Entra tenant and Okta org named by the profile.
Secrets come from the environment variables (clientSecretEnv, apiTokenEnv) or key files
the profile names; they are never written to the snapshot.

Options:
  --profile FILE        connection profile (JSON)
  --out FILE            snapshot to write (.json, or .json.gz for gzip)
  --since FILE          previous snapshot: refresh users and groups incrementally
  --logs-since ISO      Okta System Log window start (default: 7 days before --logs-until)
  --logs-until ISO      Okta System Log window end (default: now)
  --audit-since ISO     Entra audit and sign-in logs from this instant (default: newest 50,000)
  --concurrency N       parallel fan-out requests per side (default 4)

Exit codes: 0 complete, 1 incomplete (written to OUT.partial) or cancelled, 2 usage error.`

interface Counters {
  records: number
  pages: number
  throttleWaits: number
  retries: number
  errors: number
}

/** Renders progress: a redrawn bar on a terminal, sparse line logs otherwise. */
function createProgressView(
  io: CliIo,
  print: CliOutput,
  now: () => number = Date.now,
): {
  onEvent: (e: CollectEvent) => void
  done: () => void
} {
  const resources = new Map<string, Counters>()
  const lastLine = new Map<string, number>()
  let lastDraw = 0
  const totals = (): Counters =>
    [...resources.values()].reduce(
      (a, c) => ({
        records: a.records + c.records,
        pages: a.pages + c.pages,
        throttleWaits: a.throttleWaits + c.throttleWaits,
        retries: a.retries + c.retries,
        errors: a.errors + c.errors,
      }),
      { records: 0, pages: 0, throttleWaits: 0, retries: 0, errors: 0 },
    )
  const draw = (): void => {
    const t = totals()
    const width = 24
    const filled = Math.min(width, Math.round((resources.size / 22) * width))
    print.redraw(
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${resources.size} resources · ${t.records.toLocaleString('en-US')} records · ${t.pages} pages · ${t.throttleWaits} throttle waits · ${t.retries} retries`,
    )
  }
  return {
    onEvent: (e) => {
      if (e.type !== 'progress') return
      const key = `${e.source}.${e.resource}`
      resources.set(key, e)
      const t = now()
      if (io.isTty) {
        if (t - lastDraw > 100) {
          lastDraw = t
          draw()
        }
      } else if (t - (lastLine.get(key) ?? 0) > 2000) {
        lastLine.set(key, t)
        print.out(
          term`${key}: ${e.records} records, ${e.pages} pages${e.throttleWaits ? `, ${e.throttleWaits} throttle waits` : ''}${e.retries ? `, ${e.retries} retries` : ''}\n`,
        )
      }
    },
    done: () => {
      if (io.isTty) {
        draw()
        print.out('\n')
      }
    },
  }
}

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
    if (snapshot.collection.complete) {
      await writeSnapshotFile(out, snapshot)
      print.out(`${summary(snapshot)}\n${term`Complete snapshot written to ${out}`}\n`)
      return EXIT_OK
    }
    const partial = `${out}.partial`
    await writeSnapshotFile(partial, snapshot)
    print.err(
      `Collection incomplete (${snapshot.collection.errors.length} resource${snapshot.collection.errors.length === 1 ? '' : 's'} missing):\n` +
        snapshot.collection.errors
          .map((e) => term`  ${e.source}.${e.resource}: HTTP ${e.status} ${e.code}: ${e.message}\n`)
          .join('') +
        term`Partial snapshot (complete: false) written to ${partial}; ${out} was left untouched.\n` +
        'Run `crosswalk doctor --profile ...` for the fixes.\n',
    )
    print.out(`${summary(snapshot)}\n`)
    return EXIT_FINDINGS
  },
}
