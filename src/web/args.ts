/** Command-line options of `out/web/server.js` (`npm run web -- …`). */
export interface WebArgs {
  port: number
  host: string
  dataDir?: string
  /** honour custom Entra/Graph endpoints and CA certificates (emulator, test tenants) */
  allowEndpointOverrides?: boolean
  help: boolean
}

export const WEB_USAGE = `Usage: npm run web -- [--port N] [--data-dir DIR] [--host 127.0.0.1|localhost|::1]

Serves Crosswalk in browser mode on loopback and prints the address to open.
  --port N        port to listen on (default 0: a free port)
  --data-dir DIR  where workspaces and settings live (default: CROSSWALK_DATA_DIR or the per-user data folder)
  --host H        loopback address to bind (default 127.0.0.1); other addresses are refused
  --allow-endpoint-overrides
                  accept custom sign-in/Graph endpoints and CA certificates on the Connect
                  screen (for the emulator; also CROSSWALK_ALLOW_ENDPOINT_OVERRIDES=1)

The credential vault is sealed with a passphrase, asked for in the app, or taken from
CROSSWALK_VAULT_PASSPHRASE at start.`

export class WebArgsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WebArgsError'
  }
}

export function parseWebArgs(argv: readonly string[]): WebArgs {
  const args: WebArgs = { port: 0, host: '127.0.0.1', help: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new WebArgsError(`${flag} needs a value.`)
      return v
    }
    switch (flag) {
      case '--port': {
        const text = value()
        const port = Number(text)
        if (!/^\d+$/.test(text) || port > 65535) {
          throw new WebArgsError(`--port must be a number from 0 to 65535, not "${text}".`)
        }
        args.port = port
        break
      }
      case '--host':
        args.host = value()
        break
      case '--data-dir':
        args.dataDir = value()
        break
      case '--allow-endpoint-overrides':
        if (inline !== undefined) throw new WebArgsError(`${flag} takes no value.`)
        args.allowEndpointOverrides = true
        break
      case '--help':
      case '-h':
        args.help = true
        break
      default:
        throw new WebArgsError(`Unknown option "${arg}".`)
    }
  }
  return args
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=')
  return [arg.slice(0, at), arg.slice(at + 1)]
}
