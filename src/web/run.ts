/**
 * Runs the browser-mode host from the command line: parses options, resolves
 * the data directory, starts the host, prints the address on a line of its own
 * and serves until SIGINT or SIGTERM. Logs go to stderr as JSON lines; stdout
 * carries only what a person (or a test harness reading the URL) needs.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureDataDir, resolveDataDir } from '../node/data-dir'
import { createLogger } from '../node/log'
import { appVersion } from '../node/version'
import { WEB_USAGE, WebArgsError, parseWebArgs } from './args'
import { isLoopbackHost } from './security'
import { startWebHost, type WebHost } from './host'

export interface RunIo {
  stdout: (line: string) => void
  stderr: (line: string) => void
  env: Readonly<Record<string, string | undefined>>
  /** where `index.html` of the built renderer lives */
  rendererDir: string
  /** bundled resources (the demo snapshot) */
  resourcesDir?: string
  /** registers shutdown on SIGINT/SIGTERM; tests pass a no-op */
  onSignal: (signal: NodeJS.Signals, handler: () => void) => void
}

/** The passphrase that unlocks the credential vault at start (tests, unattended use). */
export const VAULT_PASSPHRASE_ENV = 'CROSSWALK_VAULT_PASSPHRASE'
/** `1`: same as --allow-endpoint-overrides. */
export const OVERRIDES_ENV = 'CROSSWALK_ALLOW_ENDPOINT_OVERRIDES'

/** Returns the running host, or an exit code when it did not start. */
export async function runWebServer(argv: readonly string[], io: RunIo): Promise<WebHost | number> {
  let args
  try {
    args = parseWebArgs(argv)
  } catch (error) {
    if (error instanceof WebArgsError) {
      io.stderr(`${error.message}\n\n${WEB_USAGE}`)
      return 2
    }
    throw error
  }
  if (args.help) {
    io.stdout(WEB_USAGE)
    return 0
  }
  if (!isLoopbackHost(args.host)) {
    io.stderr(
      `Refusing --host ${args.host}: browser mode serves loopback (127.0.0.1, localhost, ::1) only.`,
    )
    return 2
  }
  const log = createLogger({ write: (line) => io.stderr(line), level: 'info' })
  const dataDir = await ensureDataDir(resolveDataDir({ flag: args.dataDir, env: io.env }))
  const host = await startWebHost({
    rendererDir: io.rendererDir,
    ...(io.resourcesDir ? { resourcesDir: io.resourcesDir } : {}),
    dataDir,
    version: appVersion(),
    log,
    port: args.port,
    host: args.host,
    checkOutput: io.env.NODE_ENV !== 'production',
    ...(io.env[VAULT_PASSPHRASE_ENV] ? { vaultPassphrase: io.env[VAULT_PASSPHRASE_ENV] } : {}),
    endpointOverrides: args.allowEndpointOverrides === true || io.env[OVERRIDES_ENV] === '1',
  })
  log.info('web.listening', { origin: host.origin, dataDir })
  io.stdout('Crosswalk is running in browser mode. Open this address (it holds this launch’s key):')
  io.stdout(host.url)
  io.stdout('Press Ctrl+C to stop.')

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    void host.close().then(() => log.info('web.stopped'))
  }
  io.onSignal('SIGINT', stop)
  io.onSignal('SIGTERM', stop)
  return host
}

/** `out/web/server.js` → `out/renderer`; from source, the same relative layout under out/. */
/** The project's `resources/` folder, from `out/web/server.js` or from the sources. */
export function defaultResourcesDir(moduleUrl: string): string {
  const here = path.dirname(fileURLToPath(moduleUrl))
  return path.resolve(here, '..', '..', 'resources')
}

export function defaultRendererDir(moduleUrl: string): string {
  const here = path.dirname(fileURLToPath(moduleUrl))
  return path.basename(here) === 'web' && path.basename(path.dirname(here)) === 'out'
    ? path.resolve(here, '..', 'renderer')
    : path.resolve(here, '..', '..', 'out', 'renderer')
}
