/**
 * `npm run emulator -- --scenario NAME [--port N] [--faults SPEC] [--seed S] [--users N] [--now ISO] [--json] [--artefacts DIR]`
 * Starts the emulator and serves until SIGINT/SIGTERM. The scenario's "now" (when its
 * directories last synced, when its logs were written, how long its credentials have left)
 * is the moment it starts, so a tenant collected from it looks as it would live; --now pins
 * another moment (tests pin theirs, and so do the bundled demo and benchmarks). With --json it prints one JSON line:
 * { authorityHost, graphBaseUrl, oktaOrgUrl, tenantId, clientId, caFile, profileFile, env }
 * (clientId: the app registration Crosswalk signs in as; env: the secrets, by variable name).
 * --artefacts DIR writes the sign-in artefacts the scenario's services issue (signed tokens,
 * WS-Federation results, SAML responses, captures, and their broken variants) into DIR.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { formatFaults, parseFaults } from './faults'
import { SCENARIO_NAMES, startEmulator, type EmulatorOptions, type ScenarioName } from './index'
import { buildFixtureScenario } from './testing/fixture'

const USAGE = `usage: npm run emulator -- --scenario ${[...SCENARIO_NAMES, 'fixture'].join('|')} [--port N] [--faults SPEC] [--seed S] [--users N] [--now ISO] [--json] [--artefacts DIR]`

export function parseCli(
  argv: string[],
): EmulatorOptions & { json: boolean; artefacts: string | undefined } {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string', default: 'healthy' },
      port: { type: 'string' },
      faults: { type: 'string' },
      seed: { type: 'string' },
      users: { type: 'string' },
      now: { type: 'string' },
      json: { type: 'boolean', default: false },
      artefacts: { type: 'string' },
    },
    strict: true,
  })
  const int = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined
    const n = Number(text)
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a non-negative integer`)
    return n
  }
  const name = values.scenario ?? 'healthy'
  const known: readonly string[] = [...SCENARIO_NAMES, 'fixture']
  if (!known.includes(name)) throw new Error(`unknown scenario "${name}"`)
  const port = int('port', values.port)
  if (port !== undefined && port > 65533)
    throw new Error('--port leaves no room for three listeners')
  const faults = values.faults === undefined ? undefined : formatFaults(parseFaults(values.faults))
  const seed = int('seed', values.seed)
  const users = int('users', values.users)
  const now = values.now ?? new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString()
  if (Number.isNaN(Date.parse(now))) throw new Error('--now needs an ISO-8601 date')
  return {
    scenario: name === 'fixture' ? (o) => buildFixtureScenario(o) : (name as ScenarioName),
    ...(port !== undefined ? { port } : {}),
    ...(faults !== undefined ? { faults } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(users !== undefined ? { users } : {}),
    now,
    json: values.json ?? false,
    artefacts: values.artefacts,
  }
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCli>
  try {
    options = parseCli(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`)
    process.exit(2)
  }
  const { json, artefacts, ...start } = options
  const emu = await startEmulator(start)
  if (artefacts) {
    await mkdir(artefacts, { recursive: true })
    for (const a of await emu.artefacts()) await writeFile(join(artefacts, a.file), a.content)
  }
  const summary = {
    authorityHost: emu.authorityHost,
    graphBaseUrl: emu.graphBaseUrl,
    oktaOrgUrl: emu.oktaOrgUrl,
    tenantId: emu.tenantId,
    clientId: emu.scenario.credentials.entra.clientId,
    caFile: emu.caFile,
    profileFile: emu.profileFile,
    env: emu.env,
  }
  if (json) process.stdout.write(`${JSON.stringify(summary)}\n`)
  else {
    process.stdout.write(
      [
        `Crosswalk tenant emulator: scenario ${emu.scenario.name}, faults ${formatFaults(emu.faults())}`,
        `  login (authority host)  ${emu.authorityHost}/${emu.tenantId}`,
        `  client ID               ${emu.scenario.credentials.entra.clientId}`,
        `  Graph                   ${emu.graphBaseUrl}/v1.0`,
        `  Okta org                ${emu.oktaOrgUrl}`,
        `  CA certificate          ${emu.caFile}`,
        `  profile                 ${emu.profileFile}`,
        `  secrets in env vars     ${Object.keys(emu.env).join(', ')} (--json prints their values)`,
        ...(artefacts ? [`  sign-in artefacts       ${artefacts}`] : []),
        'Ctrl+C stops it.',
        '',
      ].join('\n'),
    )
  }
  const stop = (): void => {
    void emu.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  void main().catch((error: unknown) => {
    process.stderr.write(
      `emulator failed: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exit(1)
  })
}
